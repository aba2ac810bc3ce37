import { beforeEach, describe, expect, it } from 'vitest';
import { planFeatures, readFeature, writeStandardised, type FeatureSource } from '../model-input/feature-plan.ts';
import { columnContributions } from './feature-terms.ts';
import { referenceProbabilities, sigmoid } from '../scoring/reference-scorer.ts';
import type { ModelSpec } from '../spec/model-spec.ts';
import { explainRow, sentence, topReasons, type Reason } from './reasons.ts';

// A three-column model small enough to check every number by hand.
const numeric = (name: string, label: string, unit?: 'months' | 'currency') =>
  ({
    name,
    label,
    type: 'numeric',
    aliases: [],
    impute: { constant: 0 },
    bounds: { min: 0, max: 1e6 },
    range: { min: 0, max: 1e6 },
    unit,
  }) as const;
const spec = {
  columns: [
    numeric('tenure', 'Tenure', 'months'),
    numeric('charges', 'Monthly charges', 'currency'),
    {
      name: 'contract',
      label: 'Contract',
      type: 'categorical',
      aliases: [],
      categories: ['Month-to-month', 'One year', 'Two year'],
      synonyms: {},
    },
  ],
  features: [
    { name: 'tenure', column: 'tenure', mean: 10, std: 2 },
    { name: 'tenure_log', column: 'tenure', transform: 'log1p', mean: 2, std: 1 },
    { name: 'charges', column: 'charges', mean: 50, std: 10 },
    { name: 'contract_m2m', column: 'contract', category: 'Month-to-month', mean: 0.5, std: 0.5 },
    { name: 'contract_2y', column: 'contract', category: 'Two year', mean: 0.2, std: 0.4 },
  ],
  coefficients: [-0.5, 0.25, 0.1, 1, -2],
  intercept: -1,
} as unknown as ModelSpec;

// Rows: short tenure and month-to-month; long tenure and two-year; rejected (NaN); unknown contract.
const table = {
  numeric: new Map([
    ['tenure', Float64Array.of(1, 12, Number.NaN, 10)],
    ['charges', Float64Array.of(60, 40, 70, 50)],
  ]),
  codes: new Map([['contract', Int16Array.of(0, 2, 1, -1)]]),
};
let plan: FeatureSource[];
beforeEach(() => {
  plan = planFeatures(spec, table);
});

describe('planFeatures', () => {
  it('points every feature at its column, category and transform', () => {
    expect(plan.map((s) => [s.column, s.category, s.log1p, s.mean, s.std])).toEqual([
      [0, -1, false, 10, 2],
      [0, -1, true, 2, 1],
      [1, -1, false, 50, 10],
      [2, 0, false, 0.5, 0.5],
      [2, 2, false, 0.2, 0.4],
    ]);
    expect(plan[0]!.values).toBe(table.numeric.get('tenure'));
    expect(plan[3]!.values).toBe(table.codes.get('contract'));
  });

  it.each([
    [
      { ...spec, features: [{ name: 'f', column: 'nope', mean: 0, std: 1 }] },
      table,
      'Feature f names unknown column nope',
    ],
    [spec, { ...table, numeric: new Map([['tenure', new Float64Array(4)]]) }, 'Table lacks numeric column charges'],
    [spec, { ...table, codes: new Map() }, 'Table lacks categorical column contract'],
  ])('refuses a mismatch %#', (s, t, message) => {
    expect(() => planFeatures(s as ModelSpec, t)).toThrow(message);
  });
});

describe('readFeature and writeStandardised', () => {
  it.each([
    [0, 0, 1],
    [1, 0, Math.log1p(1)],
    [2, 0, 60],
    [3, 0, 1],
    [4, 0, 0],
    [3, 1, 0],
    [4, 1, 1],
    [3, 3, 0],
    [4, 3, 0],
  ])('feature %i of row %i is %f', (feature, row, value) => {
    const out = new Float64Array(1);
    readFeature(plan[feature]!, row, row + 1, out);
    expect(out[0]).toBe(value);
  });

  it('reads rows [start, end) into the start of the buffer and nothing past it', () => {
    const out = new Float64Array(4).fill(-7);
    readFeature(plan[2]!, 1, 3, out);
    expect(Array.from(out)).toEqual([40, 70, -7, -7]);
  });

  it('writes nothing past row end - 1', () => {
    const out = new Float64Array(15).fill(-7);
    writeStandardised(plan, 1, 3, out);
    expect(Array.from(out.subarray(10))).toEqual([-7, -7, -7, -7, -7]);
    expect(out[9]).not.toBe(-7);
  });

  it('writes rows [start, end) row-major, standardised, with NaN as the mean', () => {
    const out = new Float64Array(10);
    writeStandardised(plan, 1, 3, out);
    expect(Array.from(out)).toEqual([
      (12 - 10) / 2,
      Math.log1p(12) - 2,
      (40 - 50) / 10,
      (0 - 0.5) / 0.5,
      (1 - 0.2) / 0.4,
      0,
      0,
      (70 - 50) / 10,
      (0 - 0.5) / 0.5,
      (0 - 0.2) / 0.4,
    ]);
  });
});

describe('columnContributions and referenceProbabilities', () => {
  const z = (row: number) =>
    plan.map((s) => {
      const raw = new Float64Array(1);
      readFeature(s, row, row + 1, raw);
      return (raw[0]! - s.mean) / s.std;
    });

  it('sums coefficient × standardised value per column', () => {
    const [t, tl, c, m, y] = z(0);
    expect(Array.from(columnContributions(spec, plan, 0))).toEqual([
      -0.5 * t! + 0.25 * tl!,
      0.1 * c!,
      1 * m! + -2 * y!,
    ]);
  });

  it('scores each row as the sigmoid of intercept + contributions; a rejected row is NaN', () => {
    const rejected = Uint8Array.of(0, 0, 1, 0);
    const p = referenceProbabilities(spec, plan, rejected);
    for (const row of [0, 1, 3]) {
      const logit = spec.intercept + columnContributions(spec, plan, row).reduce((a, b) => a + b, 0);
      expect(p[row]).toBeCloseTo(sigmoid(logit), 14);
    }
    expect(p[2]).toBeNaN();
  });

  it('scores past the 4,096-row batch exactly as row by row', () => {
    const rows = 4097 + 5;
    const big = {
      numeric: new Map([
        ['tenure', Float64Array.from({ length: rows }, (_, i) => i % 37)],
        ['charges', Float64Array.from({ length: rows }, (_, i) => 20 + (i % 90))],
      ]),
      codes: new Map([['contract', Int16Array.from({ length: rows }, (_, i) => i % 3)]]),
    };
    const bigPlan = planFeatures(spec, big);
    const p = referenceProbabilities(spec, bigPlan, new Uint8Array(rows));
    for (const row of [0, 4095, 4096, 4097, rows - 1]) {
      const logit = spec.intercept + columnContributions(spec, bigPlan, row).reduce((a, b) => a + b, 0);
      expect(p[row], `row ${row}`).toBeCloseTo(sigmoid(logit), 14);
    }
  });

  it.each([
    [0, 0.5],
    [800, 1],
    [-800, 0],
    [2, 1 / (1 + Math.exp(-2))],
    [-2, Math.exp(-2) / (1 + Math.exp(-2))],
  ])('sigmoid(%f) = %f, never NaN', (x, y) => {
    expect(sigmoid(x)).toBeCloseTo(y, 15);
    expect(Number.isNaN(sigmoid(x))).toBe(false);
  });
});

describe('sigmoid far from 0', () => {
  it('keeps a tiny probability where 1 / (1 + e^-z) would round to 0', () => {
    // e^710 overflows to Infinity; e^-710 is still a (subnormal) number.
    expect(sigmoid(-710)).toBeGreaterThan(0);
    expect(sigmoid(-710)).toBe(Math.exp(-710) / (1 + Math.exp(-710)));
  });
});

describe('explainRow', () => {
  it('names what the customer has, strongest push first', () => {
    const reasons = explainRow(spec, plan, 0);
    const contributions = columnContributions(spec, plan, 0);
    expect(reasons.map((r) => [r.column, r.label, r.text])).toEqual(
      [
        ['tenure', 'Tenure', 'Short tenure (1 month)'],
        ['contract', 'Contract', 'Contract: Month-to-month'],
        ['charges', 'Monthly charges', 'High monthly charges (60)'],
      ].sort(
        (a, b) =>
          contributions[spec.columns.findIndex((c) => c.name === b[0])]! -
          contributions[spec.columns.findIndex((c) => c.name === a[0])]!,
      ),
    );
    expect(reasons.map((r) => r.contribution)).toEqual([...contributions].sort((a, b) => b - a));
  });

  it.each([
    [1, 'tenure', 'Long tenure (12 months)'],
    [1, 'charges', 'Low monthly charges (40)'],
    [1, 'contract', 'Contract: Two year'],
    // At the mean is not below it.
    [3, 'tenure', 'Long tenure (10 months)'],
    [3, 'charges', 'High monthly charges (50)'],
    [3, 'contract', 'Contract: unknown'],
  ])('row %i, %s: %s', (row, column, text) => {
    expect(explainRow(spec, plan, row).find((r) => r.column === column)!.text).toBe(text);
  });

  it("compares with the plain feature's mean even when the log feature comes first", () => {
    const logFirst = {
      ...spec,
      features: [spec.features[1]!, spec.features[0]!, ...spec.features.slice(2)],
      coefficients: [0.25, -0.5, 0.1, 1, -2],
    } as ModelSpec;
    const texts = explainRow(logFirst, planFeatures(logFirst, table), 0).map((r) => r.text);
    expect(texts).toContain('Short tenure (1 month)');
  });

  it('with no plain feature to compare with, a value reads as long', () => {
    const logOnly = {
      ...spec,
      features: spec.features.slice(1),
      coefficients: spec.coefficients.slice(1),
    } as ModelSpec;
    const texts = explainRow(logOnly, planFeatures(logOnly, table), 0).map((r) => r.text);
    expect(texts).toContain('Long tenure (1 month)');
  });

  it('writes numbers with at most two decimals and thousands separators', () => {
    const wide = planFeatures(spec, {
      ...table,
      numeric: new Map([
        ['tenure', Float64Array.of(1234.5678)],
        ['charges', Float64Array.of(0.5)],
      ]),
      codes: new Map([['contract', Int16Array.of(1)]]),
    });
    const texts = explainRow(spec, wide, 0).map((r) => r.text);
    expect(texts).toContain('Long tenure (1,234.57 months)');
    expect(texts).toContain('Low monthly charges (0.5)');
  });
});

describe('topReasons and sentence', () => {
  const reason = (contribution: number): Reason => ({
    column: `c${contribution}`,
    label: 'L',
    contribution,
    text: `t${contribution}`,
  });
  const reasons = [reason(3), reason(2), reason(1), reason(0.5), reason(0), reason(-1)];

  it('keeps up to three that raise the risk, in order', () => {
    expect(topReasons(reasons).map((r) => r.contribution)).toEqual([3, 2, 1]);
    expect(topReasons(reasons, 5).map((r) => r.contribution)).toEqual([3, 2, 1, 0.5]);
    expect(topReasons(reasons, 1).map((r) => r.contribution)).toEqual([3]);
    expect(topReasons([reason(0), reason(-2)])).toEqual([]);
  });

  it.each([
    [0.1, 't0.1 raises the risk'],
    [0, 't0 lowers the risk'],
    [-1, 't-1 lowers the risk'],
  ])('%f: %s', (contribution, text) => {
    expect(sentence(reason(contribution))).toBe(text);
  });
});
