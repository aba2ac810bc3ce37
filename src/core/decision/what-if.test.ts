import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { modelPath } from '../../../scripts/train/telco-dataset.test-support.ts';
import { planFeatures, type FeatureTable } from '../model-input/feature-plan.ts';
import { referenceProbabilities } from '../scoring/reference-scorer.ts';
import type { ModelSpec } from '../spec/model-spec.ts';
import { parseModelSpec } from '../spec/parse-model-spec.ts';
import { describeChange, hasWhatIf, planWhatIf, whatIfRow } from './what-if.ts';

function telcoFull(): ModelSpec {
  const parsed = parseModelSpec(JSON.parse(readFileSync(modelPath('telco-full.json'), 'utf8')), 'telco-full.json');
  if (!parsed.ok) throw new Error(parsed.problem);
  return parsed.value;
}

type Spec = Pick<ModelSpec, 'columns' | 'features' | 'coefficients' | 'intercept'>;

/** A small model with a numeric actionable column read on a log scale and with a missing indicator. */
const small: Spec = {
  columns: [
    {
      name: 'plan',
      label: 'Plan',
      type: 'categorical',
      aliases: [],
      categories: ['basic', 'plus', 'pro'],
      synonyms: {},
      sensitive: false,
      actionable: { values: ['basic', 'pro'] },
    },
    {
      name: 'discount',
      label: 'Discount',
      type: 'numeric',
      aliases: [],
      impute: { constant: 0 },
      range: { min: 0, max: 30 },
      unit: 'percent',
      sensitive: false,
      actionable: { values: [0, 10, 20] },
    },
    {
      name: 'age',
      label: 'Age',
      type: 'numeric',
      aliases: [],
      impute: { constant: 40 },
      range: { min: 18, max: 90 },
      unit: 'none',
      sensitive: true,
    },
  ],
  features: [
    { name: 'plan=basic', column: 'plan', category: 'basic', mean: 0.5, std: 0.5 },
    { name: 'plan=plus', column: 'plan', category: 'plus', mean: 0.3, std: 0.45 },
    { name: 'plan=pro', column: 'plan', category: 'pro', mean: 0.2, std: 0.4 },
    { name: 'discount', column: 'discount', mean: 8, std: 6 },
    { name: 'log1p(discount)', column: 'discount', transform: 'log1p', mean: 1.8, std: 0.9 },
    { name: 'discount missing', column: 'discount', indicator: 'missing', mean: 0.05, std: 0.2 },
    { name: 'age', column: 'age', mean: 45, std: 12 },
  ],
  coefficients: [0.7, 0.1, -0.9, -0.3, -0.2, 0.4, -0.25],
  intercept: -1.1,
};

/** The reference: change the column in a copy of the table and score that row from scratch. */
function referenceAfter(
  spec: Spec,
  table: FeatureTable & { missing: Map<string, Uint8Array> },
  row: number,
  column: string,
  value: string,
): number {
  const col = spec.columns.find((c) => c.name === column)!;
  const copy = {
    numeric: new Map([...table.numeric].map(([k, v]) => [k, v.slice()])),
    codes: new Map([...table.codes].map(([k, v]) => [k, v.slice()])),
    missing: new Map([...table.missing].map(([k, v]) => [k, v.slice()])),
  };
  if (col.type === 'categorical') copy.codes.get(column)![row] = col.categories.indexOf(value);
  else {
    copy.numeric.get(column)![row] = Number(value);
    copy.missing.get(column)?.fill(0, row, row + 1);
  }
  const rows = copy.codes.values().next().value!.length;
  return referenceProbabilities(spec, planFeatures(spec, copy), new Uint8Array(rows))[row]!;
}

function checkRow(spec: Spec, table: FeatureTable & { missing: Map<string, Uint8Array> }, row: number) {
  const plan = planFeatures(spec, table);
  const result = whatIfRow(spec, plan, planWhatIf(spec, plan), row)!;
  const rows = table.codes.values().next().value!.length;
  expect(
    Math.abs(result.probability - referenceProbabilities(spec, plan, new Uint8Array(rows))[row]!),
  ).toBeLessThanOrEqual(1e-9);
  let lowest = { p: result.probability, column: '', value: '' };
  for (const column of result.columns) {
    for (const option of column.options) {
      const expected = referenceAfter(spec, table, row, column.column, option.value);
      expect(Math.abs(option.probability - expected), `${column.column}=${option.value}`).toBeLessThanOrEqual(1e-9);
      if (!option.current && expected < lowest.p - 1e-12)
        lowest = { p: expected, column: column.column, value: option.value };
    }
  }
  if (lowest.column === '') expect(result.best).toBeNull();
  else {
    expect(Math.abs(result.best!.probability - lowest.p)).toBeLessThanOrEqual(1e-9);
    expect(result.best!.probability).toBeLessThan(result.probability);
  }
  return result;
}

describe('what-if, against rescoring the changed row', () => {
  const smallTable = (plans: number[], discounts: number[], missing: number[], ages: number[]) => ({
    numeric: new Map([
      ['discount', Float64Array.from(discounts)],
      ['age', Float64Array.from(ages)],
    ]),
    codes: new Map([['plan', Int16Array.from(plans)]]),
    missing: new Map([['discount', Uint8Array.from(missing)]]),
  });

  it('changes a category and a log-scaled number with a missing indicator, exactly', () => {
    const table = smallTable([0, 1, -1], [5, 0, 20], [0, 1, 0], [30, 60, 45]);
    const first = checkRow(small, table, 0);
    // Basic (+0.7 log-odds) and no discount: moving to pro lowers the risk most.
    expect(first.best).toMatchObject({ column: 'plan', from: 'basic', to: 'pro' });
    expect(describeChange(first.best!)).toBe('Plan: basic → pro');
    expect(first.columns.map((c) => c.current)).toEqual(['basic', '5']);
    const second = checkRow(small, table, 1);
    expect(second.columns[0]!.options.every((o) => !o.current)).toBe(true);
    const unknown = checkRow(small, table, 2);
    expect(unknown.columns[0]!.current).toBeNull();
    expect(unknown.columns[1]!.options.find((o) => o.value === '20')!.current).toBe(true);
  });

  it('reports no best change when every alternative raises the risk', () => {
    const table = smallTable([2], [20], [0], [50]);
    const result = checkRow(small, table, 0);
    expect(result.best).toBeNull();
  });

  it('gives nothing for a rejected row and no columns without actionable ones', () => {
    const table = smallTable([0], [NaN], [0], [NaN]);
    const plan = planFeatures(small, table);
    expect(whatIfRow(small, plan, planWhatIf(small, plan), 0)).toBeNull();
    const plain = { ...small, columns: small.columns.map(({ actionable: _dropped, ...c }) => c) as Spec['columns'] };
    expect(hasWhatIf(plain)).toBe(false);
    expect(whatIfRow(plain, plan, planWhatIf(plain, plan), 0)).toBeNull();
    expect(hasWhatIf(small)).toBe(true);
  });

  it('matches on random customers of the small model', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.integer({ min: -1, max: 2 }),
            fc.constantFrom(0, 3, 10, 20, 35.5),
            fc.constantFrom(0, 1),
            fc.integer({ min: 18, max: 90 }),
          ),
          { minLength: 1, maxLength: 8 },
        ),
        (rows) => {
          const table = smallTable(
            rows.map((r) => r[0]),
            rows.map((r) => r[1]),
            rows.map((r) => r[2]),
            rows.map((r) => r[3]),
          );
          rows.forEach((_, i) => checkRow(small, table, i));
        },
      ),
      { numRuns: 100 },
    );
  });

  it('matches on the Telco model with its actionable columns, for random customers', () => {
    const spec = telcoFull();
    expect(spec.columns.filter((c) => c.actionable).length).toBeGreaterThan(0);
    const codesFor = (seed: number) =>
      new Map(
        spec.columns.flatMap((c, i) =>
          c.type === 'categorical'
            ? [
                [
                  c.name,
                  Int16Array.from({ length: 20 }, (_, r) => ((r * 7 + i * 3 + seed) % (c.categories.length + 1)) - 1),
                ] as const,
              ]
            : [],
        ),
      );
    const numeric = new Map(
      spec.columns.flatMap((c, i) =>
        c.type === 'numeric'
          ? [
              [
                c.name,
                Float64Array.from(
                  { length: 20 },
                  (_, r) => c.range.min + (((r * 13 + i) % 10) / 9) * (c.range.max - c.range.min),
                ),
              ] as const,
            ]
          : [],
      ),
    );
    const table = { numeric, codes: codesFor(1), missing: new Map<string, Uint8Array>() };
    for (let row = 0; row < 20; row++) checkRow(spec, table, row);
  });
});
