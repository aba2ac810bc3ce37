import { describe, expect, it } from 'vitest';
import type { SpecColumn } from '../spec/model-spec.ts';
import { TableBuilder } from './table-builder.ts';

const columns: SpecColumn[] = [
  {
    name: 'tenure',
    label: 'Tenure',
    type: 'numeric',
    aliases: [],
    impute: { constant: 29 },
    bounds: { min: 0, max: 1200 },
    range: { min: 0, max: 72 },
    unit: 'months',
    sensitive: false,
  },
  {
    name: 'MonthlyCharges',
    label: 'Monthly charges',
    type: 'numeric',
    aliases: [],
    impute: { constant: 70.35 },
    bounds: { min: 0, max: 1e5 },
    range: { min: 18.25, max: 118.75 },
    unit: 'none',
    sensitive: false,
  },
  {
    name: 'TotalCharges',
    label: 'Total charges',
    type: 'numeric',
    aliases: [],
    impute: { product: ['tenure', 'MonthlyCharges'] },
    bounds: { min: 0, max: 1e8 },
    range: { min: 0, max: 8684.8 },
    unit: 'none',
    sensitive: false,
  },
  {
    name: 'Contract',
    label: 'Contract',
    type: 'categorical',
    aliases: [],
    categories: ['Month-to-month', 'One year', 'Two year'],
    synonyms: { monthly: 'Month-to-month' },
    sensitive: false,
  },
];
// File order differs from spec order on purpose.
const cells = new Map([
  ['Contract', 0],
  ['tenure', 1],
  ['MonthlyCharges', 2],
  ['TotalCharges', 3],
]);

function build(rows: string[][], decimalComma = false) {
  const builder = new TableBuilder(columns, cells, { decimalComma });
  rows.forEach((r, i) => builder.addRow(r, i + 2));
  return builder.finish();
}

describe('TableBuilder', () => {
  it('reads clean rows into typed columns', () => {
    const t = build([
      ['Two year', '12', '50.5', '606'],
      ['monthly', '1', '20', '20'],
    ]);
    expect(t.rowCount).toBe(2);
    expect(Array.from(t.numeric.get('tenure')!)).toEqual([12, 1]);
    expect(Array.from(t.codes.get('Contract')!)).toEqual([2, 0]);
    expect(Array.from(t.rejected)).toEqual([0, 0]);
    expect(t.issues).toEqual([]);
  });

  it('imputes a blank total as tenure × monthly charges, and 0 for new customers', () => {
    const t = build([
      ['One year', '10', '20.5', ' '],
      ['One year', '0', '80', ''],
    ]);
    expect(Array.from(t.numeric.get('TotalCharges')!)).toEqual([205, 0]);
    expect(t.issues.map((i) => [i.row, i.kind, i.column])).toEqual([
      [2, 'imputed', 'TotalCharges'],
      [3, 'imputed', 'TotalCharges'],
    ]);
  });

  it('imputes a blank tenure with the spec constant before the product uses it', () => {
    const t = build([['One year', '', '10', '']]);
    expect(t.numeric.get('tenure')![0]).toBe(29);
    expect(t.numeric.get('TotalCharges')![0]).toBe(290);
  });

  it.each([
    ['abc', 'Tenure "abc" is not a number.'],
    ['-5', 'Tenure -5 is impossible (allowed 0 to 1,200).'],
    ['10000', 'Tenure 10,000 is impossible (allowed 0 to 1,200).'],
    ['-Infinity', 'Tenure "-Infinity" is not a number (NaN or infinity).'],
  ])('rejects tenure %j with a reason', (tenure, message) => {
    const t = build([['One year', tenure, '20', '100']]);
    expect(t.rejected[0]).toBe(1);
    expect(Number.isNaN(t.numeric.get('tenure')![0])).toBe(true);
    expect(t.issues).toEqual([{ row: 2, column: 'tenure', value: tenure, kind: 'rejected', message }]);
  });

  it.each(['NA', 'n/a', 'NULL', 'None', 'NaN', '#N/A', '-', '?', ' na '])(
    'reads tenure %j as missing: imputed, flagged, scored',
    (marker) => {
      const t = build([['One year', marker, '20', '100']]);
      expect(t.rejected[0]).toBe(0);
      expect(t.numeric.get('tenure')![0]).toBe(29);
      expect(t.missing.get('tenure')![0]).toBe(1);
      expect(t.missing.get('MonthlyCharges')![0]).toBe(0);
      expect(t.issues).toEqual([
        {
          row: 2,
          column: 'tenure',
          value: marker,
          kind: 'imputed',
          message: `Tenure is "${marker.trim()}", read as missing; used 29.`,
        },
      ]);
    },
  );

  it('imputes a product from a marker too, naming the marker', () => {
    const t = build([['One year', '2', '20', 'NA']]);
    expect(t.numeric.get('TotalCharges')![0]).toBe(40);
    expect(t.missing.get('TotalCharges')![0]).toBe(1);
    expect(t.issues[0]!.message).toBe('Total charges is "NA", read as missing; used tenure × MonthlyCharges = 40.');
  });

  it('puts missing and unseen categories in the spec\'s "(missing)" and "Other" levels when it has them', () => {
    const withLevels: SpecColumn[] = columns.map((c) =>
      c.type === 'categorical'
        ? { ...c, categories: [...c.categories, 'Other', '(missing)'], other: 'Other', missing: '(missing)' }
        : c,
    );
    const builder = new TableBuilder(withLevels, cells, { decimalComma: false });
    for (const [i, contract] of ['', 'NA', 'Weekly', 'monthly', 'Other'].entries())
      builder.addRow([contract, '1', '20', '20'], i + 2);
    const t = builder.finish();
    expect(Array.from(t.codes.get('Contract')!)).toEqual([4, 4, 3, 0, 3]);
    expect(t.issues.map((i) => [i.row, i.kind, i.message])).toEqual([
      [3, 'imputed', 'Contract is "NA", read as missing; counted as (missing).'],
      [4, 'unknown-category', 'Contract "Weekly" is not one of Month-to-month, One year, Two year; counted as Other.'],
    ]);
  });

  it('counts a missing category as unknown when the spec has no "(missing)" level', () => {
    const t = build([['N/A', '1', '20', '20']]);
    expect(t.codes.get('Contract')![0]).toBe(-1);
    expect(t.issues[0]!.message).toBe('Contract is "N/A", read as missing; counted as unknown.');
  });

  it('writes huge numbers in its messages with an exponent, not 300 digits', () => {
    const t = build([['One year', '1', '20', '1e308']]);
    expect(t.issues[0]!.message).toBe('Total charges 1e+308 is impossible (allowed 0 to 100,000,000).');
  });

  it('rejects a whole row it is told cannot be trusted, keeping every column the same length', () => {
    const builder = new TableBuilder(columns, cells, { decimalComma: false });
    builder.addRow(['One year', '1', '20', '20'], 2);
    builder.addRejectedRow(4, 'whole row', 'x,y', 'This row is broken.');
    const t = builder.finish();
    expect(t.rowCount).toBe(2);
    expect(Array.from(t.rejected)).toEqual([0, 1]);
    expect(Number.isNaN(t.numeric.get('tenure')![1])).toBe(true);
    expect(t.codes.get('Contract')![1]).toBe(-1);
    expect(t.issues).toEqual([
      { row: 4, column: 'whole row', value: 'x,y', kind: 'rejected', message: 'This row is broken.' },
    ]);
  });

  it('rejects a blank total when tenure is unusable, naming both', () => {
    const t = build([['One year', 'x', '20', '']]);
    expect(t.rejected[0]).toBe(1);
    expect(t.issues.map((i) => i.column)).toEqual(['tenure', 'TotalCharges']);
  });

  it('scores but flags values outside the training range', () => {
    const t = build([['One year', '100', '20', '1000']]);
    expect(t.rejected[0]).toBe(0);
    expect(t.issues[0]).toMatchObject({ kind: 'out-of-range', column: 'tenure' });
  });

  it('counts unknown and blank categories as unknown (code -1) and keeps the row', () => {
    const t = build([
      ['Weekly', '1', '20', '20'],
      ['', '1', '20', '20'],
    ]);
    expect(Array.from(t.codes.get('Contract')!)).toEqual([-1, -1]);
    expect(Array.from(t.rejected)).toEqual([0, 0]);
    expect(t.issues.map((i) => i.kind)).toEqual(['unknown-category', 'unknown-category']);
  });

  it('treats missing trailing cells as blank', () => {
    const t = build([['Two year', '5', '10']]);
    expect(t.numeric.get('TotalCharges')![0]).toBe(50);
  });

  it('reads decimal commas when told to', () => {
    const t = build([['Two year', '5', '79,40', '397']], true);
    expect(t.numeric.get('MonthlyCharges')![0]).toBeCloseTo(79.4, 10);
  });

  it('grows past its initial capacity without losing rows', () => {
    const rows = Array.from({ length: 5000 }, (_, i) => ['One year', String(i % 70), '10', '']);
    const t = build(rows);
    expect(t.rowCount).toBe(5000);
    expect(t.numeric.get('tenure')![4999]).toBe(4999 % 70);
  });
});
