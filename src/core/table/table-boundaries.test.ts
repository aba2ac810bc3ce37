import { describe, expect, it } from 'vitest';
import type { SpecColumn } from '../spec/model-spec.ts';
import { Growable } from './growable.ts';
import { TableBuilder } from './table-builder.ts';

// Every bound and range comparison at its edge, and the messages a person reads.
const columns: SpecColumn[] = [
  {
    name: 'tenure',
    label: 'Tenure',
    type: 'numeric',
    aliases: [],
    impute: { constant: 1.5 },
    bounds: { min: 0, max: 100 },
    range: { min: 1, max: 72 },
    unit: 'none',
    sensitive: false,
  },
  {
    name: 'charges',
    label: 'Charges',
    type: 'numeric',
    aliases: [],
    impute: { product: ['tenure', 'rate'] },
    bounds: { min: -1e20, max: 1e20 },
    range: { min: -1e20, max: 1e20 },
    unit: 'none',
    sensitive: false,
  },
  {
    name: 'rate',
    label: 'Rate',
    type: 'numeric',
    aliases: [],
    impute: { constant: 2 },
    bounds: { min: 0, max: 10 },
    range: { min: 0, max: 10 },
    unit: 'none',
    sensitive: false,
  },
  {
    name: 'plan',
    label: 'Plan',
    type: 'categorical',
    aliases: [],
    categories: ['Basic', 'Pro'],
    synonyms: { premium: 'Pro' },
    sensitive: false,
  },
];
const cells = new Map([
  ['tenure', 0],
  ['charges', 1],
  ['rate', 2],
  ['plan', 3],
]);

function build(rows: string[][]) {
  const builder = new TableBuilder(columns, cells, { decimalComma: false });
  rows.forEach((r, i) => builder.addRow(r, i + 2));
  return builder.finish();
}
const issuesOf = (rows: string[][]) => build(rows).issues.map((i) => [i.row, i.kind, i.column, i.value, i.message]);

describe('bounds and training range at their edges', () => {
  it.each([
    ['0', 0, [['out-of-range', 'Tenure 0 is outside the training range 1–72; the score is an extrapolation.']]],
    ['100', 0, [['out-of-range', 'Tenure 100 is outside the training range 1–72; the score is an extrapolation.']]],
    ['-0.001', 1, [['rejected', 'Tenure -0 is impossible (allowed 0 to 100).']]],
    ['100.001', 1, [['rejected', 'Tenure 100 is impossible (allowed 0 to 100).']]],
    ['1', 0, []],
    ['72', 0, []],
    ['0.999', 0, [['out-of-range', 'Tenure 1 is outside the training range 1–72; the score is an extrapolation.']]],
    ['72.5', 0, [['out-of-range', 'Tenure 72.5 is outside the training range 1–72; the score is an extrapolation.']]],
  ])('tenure %s: rejected %i', (tenure, rejected, issues) => {
    const t = build([[tenure, '5', '1', 'Basic']]);
    expect(t.rejected[0]).toBe(rejected);
    expect(t.issues.filter((i) => i.column === 'tenure').map((i) => [i.kind, i.message])).toEqual(issues);
    expect(t.numeric.get('tenure')![0]).toBe(rejected ? Number.NaN : Number(tenure));
  });

  it('writes huge values in exponent notation', () => {
    expect(issuesOf([['1', '2e20', '1', 'Basic']])).toEqual([
      [2, 'rejected', 'charges', '2e20', 'Charges 2e+20 is impossible (allowed -1e+20 to 1e+20).'],
    ]);
    expect(issuesOf([['1', '999999999999999', '1', 'Basic']])).toEqual([]);
  });

  it('names infinity as such, and reads NaN as a missing marker', () => {
    expect(issuesOf([['Infinity', '1', '1', 'Basic']])[0]![4]).toBe(
      'Tenure "Infinity" is not a number (NaN or infinity).',
    );
    expect(issuesOf([['NaN', '1', '1', 'Basic']])[0]![4]).toBe('Tenure is "NaN", read as missing; used 1.5.');
    expect(issuesOf([['abc', '1', '1', 'Basic']])[0]![4]).toBe('Tenure "abc" is not a number.');
  });
});

describe('imputation', () => {
  it('fills constants first, then products from them', () => {
    const t = build([['', '', '', 'Basic']]);
    expect([t.numeric.get('tenure')![0], t.numeric.get('rate')![0], t.numeric.get('charges')![0]]).toEqual([1.5, 2, 3]);
    expect(t.issues.map((i) => [i.column, i.message])).toEqual([
      ['tenure', 'Tenure is blank; used 1.5.'],
      ['rate', 'Rate is blank; used 2.'],
      ['charges', 'Charges is blank; used tenure × rate = 3.'],
    ]);
    expect(t.rejected[0]).toBe(0);
  });

  it('rejects a product whose input is unusable, and keeps every value of a rejected row as NaN', () => {
    const t = build([['x', '', '3', 'Pro']]);
    expect(t.rejected[0]).toBe(1);
    expect(t.issues.map((i) => [i.column, i.kind, i.message])).toEqual([
      ['tenure', 'rejected', 'Tenure "x" is not a number.'],
      ['charges', 'rejected', 'Charges is blank and cannot be worked out because tenure or rate is unusable.'],
    ]);
    expect([t.numeric.get('tenure')![0], t.numeric.get('charges')![0], t.numeric.get('rate')![0]]).toEqual([
      NaN,
      NaN,
      NaN,
    ]);
    expect(t.codes.get('plan')![0]).toBe(1);
  });

  it('reads a missing cell as blank', () => {
    const t = build([['5']]);
    expect(t.numeric.get('charges')![0]).toBe(10);
    expect(t.codes.get('plan')![0]).toBe(-1);
    expect(t.issues.at(-1)).toEqual({
      row: 2,
      column: 'plan',
      value: '',
      kind: 'unknown-category',
      message: 'Plan is blank; counted as unknown.',
    });
  });
});

describe('categories', () => {
  it.each([
    ['Basic', 0, []],
    ['premium', 1, []],
    ['Gold', -1, ['Plan "Gold" is not one of Basic, Pro; counted as unknown.']],
    [' ', -1, ['Plan is blank; counted as unknown.']],
  ])('%j -> %i', (text, code, messages) => {
    const t = build([['5', '1', '1', text]]);
    expect(t.codes.get('plan')![0]).toBe(code);
    expect(t.issues.map((i) => i.message)).toEqual(messages);
    expect(t.rejected[0]).toBe(0);
  });
});

describe('rows that cannot be read', () => {
  it('a rejected row counts like any other, with its issue', () => {
    const builder = new TableBuilder(columns, cells, { decimalComma: false });
    builder.addRow(['5', '1', '1', 'Basic'], 2);
    builder.addRejectedRow(3, 'whole row', 'a,"b', 'This row opens a quote.');
    const t = builder.finish();
    expect(t.rowCount).toBe(2);
    expect(Array.from(t.rejected)).toEqual([0, 1]);
    expect(t.numeric.get('tenure')![1]).toBeNaN();
    expect(t.codes.get('plan')![1]).toBe(-1);
    expect(t.issues).toEqual([
      { row: 3, column: 'whole row', value: 'a,"b', kind: 'rejected', message: 'This row opens a quote.' },
    ]);
  });

  it('refuses a spec column without a mapped cell', () => {
    expect(() => new TableBuilder(columns, new Map([['tenure', 0]]), { decimalComma: false })).toThrow(
      'Column "rate" is not mapped',
    );
  });

  it('keeps every row when told to reserve room, fewer or more than come', () => {
    for (const reserve of [0, 1, 3000]) {
      const builder = new TableBuilder(columns, cells, { decimalComma: false });
      builder.reserve(reserve);
      for (let r = 0; r < 2500; r++) builder.addRow([String(r % 50), '1', '1', 'Pro'], r + 2);
      const t = builder.finish();
      expect(t.rowCount).toBe(2500);
      expect(t.numeric.get('tenure')![2499]).toBe(2499 % 50);
      expect(t.codes.get('plan')!.length).toBe(2500);
    }
  });
});

describe('Growable', () => {
  it('grows past its capacity and finishes at the pushed length', () => {
    const g = new Growable(Uint32Array, 2);
    for (let i = 0; i < 5; i++) g.push(i * 10);
    expect(Array.from(g.finish())).toEqual([0, 10, 20, 30, 40]);
  });

  it('keeps values across reserve, and ignores a smaller reserve', () => {
    const g = new Growable(Float64Array, 4);
    g.push(1.5);
    g.reserve(2);
    g.reserve(100);
    g.push(2.5);
    expect(Array.from(g.finish())).toEqual([1.5, 2.5]);
  });

  it('finishes empty', () => {
    expect(new Growable(Int16Array).finish()).toHaveLength(0);
  });
});
