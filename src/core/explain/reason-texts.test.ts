import { describe, expect, it } from 'vitest';
import { planFeatures } from '../model-input/feature-plan.ts';
import type { ModelSpec } from '../spec/model-spec.ts';
import { logitOf, writeTerms } from './feature-terms.ts';
import { explainRow, topReasons, topReasonsText } from './reasons.ts';

const numeric = (name: string, label: string, unit: 'days' | 'percent' | 'currency') =>
  ({ name, label, type: 'numeric', aliases: [], impute: { constant: 0 }, unit }) as const;

// Units other than months, and a missing-value indicator. Each feature's term is its raw
// value minus its mean (std 1, coefficient 1), so row 2, at every mean, has only zero terms.
const spec = {
  columns: [
    numeric('recency', 'Days since last login', 'days'),
    numeric('usage', 'Usage', 'percent'),
    numeric('charges', 'Monthly charges', 'currency'),
  ],
  features: [
    { name: 'recency', column: 'recency', mean: 5, std: 1 },
    { name: 'usage', column: 'usage', mean: 50, std: 1 },
    { name: 'charges', column: 'charges', mean: 50, std: 1 },
    { name: 'charges_missing', column: 'charges', indicator: 'missing', mean: 0, std: 1 },
  ],
  coefficients: [1, 1, 1, 1],
  intercept: 0,
} as unknown as ModelSpec;

const table = {
  numeric: new Map([
    ['recency', Float64Array.of(1, 30, 5)],
    ['usage', Float64Array.of(75, 25, 50)],
    ['charges', Float64Array.of(0, 60, 50)],
  ]),
  missing: new Map([['charges', Uint8Array.of(1, 0, 0)]]),
  codes: new Map<string, Int16Array>(),
};
const plan = planFeatures(spec, table);
const textOf = (row: number, column: string) => explainRow(spec, plan, row).find((r) => r.column === column)!.text;

describe('reasons in words, by unit', () => {
  it.each([
    [0, 'recency', 'Short days since last login (1 day)'],
    [1, 'recency', 'Long days since last login (30 days)'],
    [0, 'usage', 'High usage (75 %)'],
    [1, 'usage', 'Low usage (25 %)'],
    [0, 'charges', 'Monthly charges: missing (read as 0)'],
    [1, 'charges', 'High monthly charges (60)'],
    [2, 'charges', 'High monthly charges (50)'],
  ])('row %i, %s: %s', (row, column, text) => {
    expect(textOf(row, column)).toBe(text);
  });
});

describe('topReasonsText', () => {
  // Built inside each test: StrykerJS counts code run while tests are collected as covered by none.
  const prepared = () => {
    const terms = new Float64Array(3 * plan.length);
    writeTerms(spec, plan, 0, 3, terms);
    return { terms, reasonsText: topReasonsText(spec, plan) };
  };
  const expected = (row: number) =>
    topReasons(explainRow(spec, plan, row))
      .map((r) => r.text)
      .join('; ');

  it.each([0, 1, 2])('says for row %i what explainRow and topReasons say', (row) => {
    const { terms, reasonsText } = prepared();
    expect(reasonsText(terms, row * plan.length, row)).toBe(expected(row));
  });

  it('names no column whose push is exactly zero', () => {
    const { terms, reasonsText } = prepared();
    expect(Array.from(terms.subarray(2 * plan.length))).toEqual([0, 0, 0, 0]);
    expect(reasonsText(terms, 2 * plan.length, 2)).toBe('');
  });

  it('keeps only the columns that raise the risk, strongest first', () => {
    const { terms, reasonsText } = prepared();
    // Row 0: recency −4, usage +25, charges −50 + 1 (missing). Row 1: recency +25, usage −25, charges +10.
    expect(reasonsText(terms, 0, 0)).toBe('High usage (75 %)');
    expect(reasonsText(terms, plan.length, 1)).toBe('Long days since last login (30 days); High monthly charges (60)');
  });
});

describe('writeTerms and logitOf', () => {
  it('writes rows [start, end) at the start of the buffer and nothing after them', () => {
    const terms = new Float64Array(3 * plan.length).fill(7);
    writeTerms(spec, plan, 1, 2, terms);
    expect(Array.from(terms.subarray(0, plan.length))).toEqual([25, -25, 10, 0]);
    expect(Array.from(terms.subarray(plan.length))).toEqual(new Array(2 * plan.length).fill(7));
  });

  it('adds the intercept and the row’s own terms only', () => {
    const terms = Float64Array.of(100, 1, 2, 3, 100);
    expect(logitOf(-1, terms, 1, 3)).toBe(5);
    expect(logitOf(-1, terms, 1, 0)).toBe(-1);
  });
});
