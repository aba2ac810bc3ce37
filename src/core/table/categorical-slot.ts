import { SeenSpellings } from '../read/seen-spellings.ts';
import type { CategoricalColumn } from '../spec/model-spec.ts';
import { BLANK, categoryMatcher, UNKNOWN } from '../values/match-category.ts';
import type { IssueKind } from './column-table.ts';

/** Spellings per column compared as bytes; beyond them cells are matched as text. */
const RAW_SPELLINGS = 16;

/** One categorical column of the table being built: where its cells are and its codes so far. */
export interface CategoricalSlot {
  column: CategoricalColumn;
  cell: number;
  codes: Int16Array;
  match: (text: string) => number;
  /** Raw spellings already matched to a category, compared as bytes on the byte path. */
  spellings: SeenSpellings;
  /** Where blank and unseen values go: the spec's "(missing)" and "Other" levels, or unknown (-1). */
  missingCode: number;
  otherCode: number;
}

export function categoricalSlot(column: CategoricalColumn, cell: number, capacity: number): CategoricalSlot {
  return {
    column,
    cell,
    codes: new Int16Array(capacity),
    match: categoryMatcher(column),
    spellings: new SeenSpellings(RAW_SPELLINGS),
    missingCode: column.missing === undefined ? -1 : column.categories.indexOf(column.missing),
    otherCode: column.other === undefined ? -1 : column.categories.indexOf(column.other),
  };
}

/** The level a blank (BLANK) or unseen (UNKNOWN) value falls into, and the note that says so, if any. */
export function unmatchedLevel(
  slot: CategoricalSlot,
  code: number,
  text: string,
): { code: number; note?: { kind: IssueKind; message: string } } {
  const { label, categories } = slot.column;
  if (code === BLANK) {
    const what = text.trim() === '' ? `${label} is blank` : `${label} is "${text.trim()}", read as missing`;
    if (slot.missingCode >= 0) {
      if (text.trim() === '') return { code: slot.missingCode };
      return {
        code: slot.missingCode,
        note: { kind: 'imputed', message: `${what}; counted as ${slot.column.missing}.` },
      };
    }
    return { code: -1, note: { kind: 'unknown-category', message: `${what}; counted as unknown.` } };
  }
  const known = categories.filter((c) => c !== slot.column.other && c !== slot.column.missing);
  const counted = slot.otherCode >= 0 ? slot.column.other : 'unknown';
  return {
    code: slot.otherCode >= 0 ? slot.otherCode : UNKNOWN,
    note: {
      kind: 'unknown-category',
      message: `${label} "${text}" is not one of ${known.join(', ')}; counted as ${counted}.`,
    },
  };
}
