import { describe, expect, it } from 'vitest';
import type { SpecColumn } from '../spec/model-spec.ts';
import { TableBuilder } from './table-builder.ts';

const columns: SpecColumn[] = [
  { name: 'tenure', label: 'Tenure', type: 'numeric', aliases: [], impute: { constant: 29 }, bounds: { min: 0, max: 1200 }, range: { min: 0, max: 72 } },
  { name: 'MonthlyCharges', label: 'Monthly charges', type: 'numeric', aliases: [], impute: { constant: 70.35 }, bounds: { min: 0, max: 1e5 }, range: { min: 18.25, max: 118.75 } },
  { name: 'TotalCharges', label: 'Total charges', type: 'numeric', aliases: [], impute: { product: ['tenure', 'MonthlyCharges'] }, bounds: { min: 0, max: 1e8 }, range: { min: 0, max: 8684.8 } },
  { name: 'Contract', label: 'Contract', type: 'categorical', aliases: [], categories: ['Month-to-month', 'One year', 'Two year'], synonyms: { monthly: 'Month-to-month' } },
];
// File order differs from spec order on purpose.
const cells = new Map([['Contract', 0], ['tenure', 1], ['MonthlyCharges', 2], ['TotalCharges', 3]]);

function build(rows: string[][], decimalComma = false) {
  const builder = new TableBuilder(columns, cells, { decimalComma });
  rows.forEach((r, i) => builder.addRow(r, i + 2));
  return builder.finish();
}

describe('TableBuilder', () => {
  it('reads clean rows into typed columns', () => {
    const t = build([['Two year', '12', '50.5', '606'], ['monthly', '1', '20', '20']]);
    expect(t.rowCount).toBe(2);
    expect(Array.from(t.numeric.get('tenure')!)).toEqual([12, 1]);
    expect(Array.from(t.codes.get('Contract')!)).toEqual([2, 0]);
    expect(Array.from(t.rejected)).toEqual([0, 0]);
    expect(t.issues).toEqual([]);
  });

  it('imputes a blank total as tenure × monthly charges, and 0 for new customers', () => {
    const t = build([['One year', '10', '20.5', ' '], ['One year', '0', '80', '']]);
    expect(Array.from(t.numeric.get('TotalCharges')!)).toEqual([205, 0]);
    expect(t.issues.map((i) => [i.row, i.kind, i.column])).toEqual([[2, 'imputed', 'TotalCharges'], [3, 'imputed', 'TotalCharges']]);
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
    ['NaN', 'Tenure "NaN" is not a number (NaN or infinity).'],
  ])('rejects tenure %j with a reason', (tenure, message) => {
    const t = build([['One year', tenure, '20', '100']]);
    expect(t.rejected[0]).toBe(1);
    expect(Number.isNaN(t.numeric.get('tenure')![0])).toBe(true);
    expect(t.issues).toEqual([{ row: 2, column: 'tenure', value: tenure, kind: 'rejected', message }]);
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
    expect(t.issues).toEqual([{ row: 4, column: 'whole row', value: 'x,y', kind: 'rejected', message: 'This row is broken.' }]);
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
    const t = build([['Weekly', '1', '20', '20'], ['', '1', '20', '20']]);
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
