import { describe, expect, it } from 'vitest';
import type { SpecColumn } from '../spec/model-spec.ts';
import { TableBuilder } from './table-builder.ts';

// Edges of TableBuilder that table-boundaries.test.ts leaves open: the number format's switch
// to exponents, the order of imputations, blank-looking cells, and "(missing)" and "Other"
// levels at index 0.
const numeric = (
  name: string,
  impute: { constant: number } | { product: [string, string] },
  max = 1e20,
): SpecColumn => ({
  name,
  label: name.toUpperCase(),
  type: 'numeric',
  aliases: [],
  impute,
  range: { min: 0, max },
  unit: 'none',
  sensitive: false,
});
const categorical = (extra: Partial<Extract<SpecColumn, { type: 'categorical' }>>): SpecColumn => ({
  name: 'plan',
  label: 'Plan',
  type: 'categorical',
  aliases: [],
  categories: ['(missing)', 'Other', 'Basic'],
  synonyms: {},
  sensitive: false,
  ...extra,
});

function build(columns: SpecColumn[], rows: string[][]) {
  const builder = new TableBuilder(columns, new Map(columns.map((c, i) => [c.name, i])), { decimalComma: false });
  rows.forEach((r, i) => builder.addRow(r, i + 2));
  return builder.finish();
}

describe('numbers in messages', () => {
  it('switches to exponents at 1e15 exactly', () => {
    const columns = [numeric('n', { constant: 0 }, 1)];
    expect(build(columns, [['1000000000000000'], ['999999999999999']]).issues.map((i) => i.message)).toEqual([
      'N 1e+15 is outside the training range 0–1; the score is an extrapolation.',
      'N 999,999,999,999,999 is outside the training range 0–1; the score is an extrapolation.',
    ]);
  });
});

describe('imputation order', () => {
  it('imputes constants before products wherever the product column is listed', () => {
    for (const columns of [
      [numeric('total', { product: ['a', 'b'] }), numeric('a', { constant: 2 }), numeric('b', { constant: 3 })],
      [numeric('a', { constant: 2 }), numeric('total', { product: ['a', 'b'] }), numeric('b', { constant: 3 })],
      [numeric('a', { constant: 2 }), numeric('b', { constant: 3 }), numeric('total', { product: ['a', 'b'] })],
    ]) {
      const t = build(columns, [columns.map(() => '')]);
      expect(t.numeric.get('total')![0]).toBe(6);
      expect(t.rejected[0]).toBe(0);
    }
  });
});

describe('cells that look blank', () => {
  const columns = [
    numeric('a', { constant: 2 }),
    numeric('total', { product: ['a', 'a'] }),
    categorical({ missing: '(missing)' }),
  ];

  it('reads spaces, and a cell the row does not have, as blank', () => {
    const t = build(columns, [['  ', '\t']]);
    expect(t.issues).toEqual([
      { row: 2, column: 'a', value: '  ', kind: 'imputed', message: 'A is blank; used 2.' },
      { row: 2, column: 'total', value: '\t', kind: 'imputed', message: 'TOTAL is blank; used a × a = 4.' },
    ]);
    expect(t.codes.get('plan')![0]).toBe(0);
    // A blank category goes to "(missing)" silently, as training saw blanks there.
    const spaces = build(columns, [['1', '1', '  ']]);
    expect([spaces.codes.get('plan')![0], spaces.issues]).toEqual([0, []]);
    const short = build(columns, [[]]);
    expect(short.issues.map((i) => [i.column, i.value, i.message])).toEqual([
      ['a', '', 'A is blank; used 2.'],
      ['total', '', 'TOTAL is blank; used a × a = 4.'],
    ]);
  });

  it('names a missing marker without the spaces around it', () => {
    const t = build(columns, [[' NA ', '1', ' n/a ']]);
    expect(t.issues.map((i) => [i.column, i.kind, i.message])).toEqual([
      ['a', 'imputed', 'A is "NA", read as missing; used 2.'],
      ['plan', 'imputed', 'Plan is "n/a", read as missing; counted as (missing).'],
    ]);
    const unknown = build([categorical({})], [[' n/a ']]);
    expect(unknown.issues.map((i) => i.message)).toEqual(['Plan is "n/a", read as missing; counted as unknown.']);
  });
});

describe('"(missing)" and "Other" levels first among the categories', () => {
  it('uses a "(missing)" level at index 0 for blanks', () => {
    const t = build([categorical({ missing: '(missing)' })], [[''], ['Basic']]);
    expect(Array.from(t.codes.get('plan')!)).toEqual([0, 2]);
    expect(t.issues).toEqual([]);
  });

  it('uses an "Other" level at index 0 for unseen values', () => {
    const t = build([categorical({ categories: ['Other', 'Basic'], other: 'Other' })], [['Gold']]);
    expect(t.codes.get('plan')![0]).toBe(0);
    expect(t.issues.map((i) => i.message)).toEqual(['Plan "Gold" is not one of Basic; counted as Other.']);
  });
});
