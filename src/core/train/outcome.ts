import { normaliseHeader } from '../columns/normalise-header.ts';
import { fail, ok, type Result } from '../result.ts';
import { normaliseCategory } from '../values/match-category.ts';
import { isMissingCell } from '../values/missing-cell.ts';
import type { RawTable } from './raw-table.ts';

/** y for a row without an outcome: left out of training and counted, never guessed. */
export const NO_OUTCOME = 255;

export interface Outcome {
  column: string;
  index: number;
  positive: string;
  negative: string;
  /** 1 = positive, 0 = negative, NO_OUTCOME = missing. */
  y: Uint8Array;
  positives: number;
  negatives: number;
  missing: number;
}

const POSITIVE_WORDS = new Set([
  'yes',
  'y',
  '1',
  'true',
  't',
  'churn',
  'churned',
  'left',
  'exited',
  'cancelled',
  'canceled',
  'attrited',
  'lost',
  'bad',
  'default',
  'positive',
]);

/** Finds a header by name, ignoring case, spaces, underscores and punctuation. */
export function findHeader(headers: readonly string[], names: readonly string[]): number {
  const wanted = new Set(names.map(normaliseHeader));
  return headers.findIndex((h) => wanted.has(normaliseHeader(h)));
}

/** Distinct non-missing values of a column, normalised, with a display spelling and count each. */
export function distinctValues(cells: readonly string[]): Map<string, { spelling: string; count: number }> {
  const values = new Map<string, { spelling: string; count: number }>();
  for (const cell of cells) {
    if (isMissingCell(cell)) continue;
    const key = normaliseCategory(cell);
    const seen = values.get(key);
    if (seen) seen.count++;
    else values.set(key, { spelling: cell.trim(), count: 1 });
  }
  return values;
}

/** The positive value when none is given: a word that means "left" (yes, 1, true, churned…), else the rarer value. */
export function suggestPositive(values: Map<string, { spelling: string; count: number }>): string {
  const entries = [...values.entries()];
  const named = entries.filter(([key]) => POSITIVE_WORDS.has(key));
  if (named.length === 1) return named[0]![1].spelling;
  return entries.sort((a, b) => a[1].count - b[1].count || a[0].localeCompare(b[0]))[0]![1].spelling;
}

/**
 * Reads the outcome column: it must hold exactly two values (missing cells aside), and the
 * positive one must be among them. Problems say what was found and what an outcome looks like.
 */
export function resolveOutcome(
  table: RawTable,
  target: string,
  positive: string | undefined,
  aliases: readonly string[] = [],
): Result<Outcome> {
  const index = findHeader(table.headers, [target, ...aliases]);
  if (index < 0) {
    return fail(
      `The file has no column "${target}". Its columns are: ${table.headers.map((h) => `"${h}"`).join(', ')}.`,
    );
  }
  const column = table.headers[index]!;
  const cells = table.columns[index]!;
  const values = distinctValues(cells);
  const shown = [...values.values()]
    .slice(0, 5)
    .map((v) => `"${v.spelling}"`)
    .join(', ');
  if (values.size < 2) {
    return fail(
      `The outcome column "${column}" has ${values.size === 0 ? 'no values' : `only one value (${shown})`}: a model needs customers who left and customers who stayed.`,
    );
  }
  if (values.size > 2) {
    return fail(
      `The outcome column "${column}" has ${values.size} different values (${shown}${values.size > 5 ? ', …' : ''}); it must have exactly two, such as Yes/No or 1/0.`,
    );
  }
  const chosen = positive ?? suggestPositive(values);
  const positiveKey = normaliseCategory(chosen);
  if (!values.has(positiveKey)) {
    return fail(
      `The outcome column "${column}" has no value "${chosen}"; its values are ${shown}. Choose one of them as the positive value (the customers who left).`,
    );
  }
  const negativeKey = [...values.keys()].find((k) => k !== positiveKey)!;
  const y = new Uint8Array(cells.length);
  let positives = 0;
  let negatives = 0;
  let missing = 0;
  cells.forEach((cell, r) => {
    if (isMissingCell(cell)) {
      y[r] = NO_OUTCOME;
      missing++;
    } else if (normaliseCategory(cell) === positiveKey) {
      y[r] = 1;
      positives++;
    } else {
      y[r] = 0;
      negatives++;
    }
  });
  return ok({
    column,
    index,
    positive: values.get(positiveKey)!.spelling,
    negative: values.get(negativeKey)!.spelling,
    y,
    positives,
    negatives,
    missing,
  });
}
