import { describe, expect, it } from 'vitest';
import type { FeatureSource } from '../model-input/feature-plan.ts';
import { designMatrix, fitScaling, indicatorLayout, labelsOf } from './design-matrix.ts';

const base = { mean: 0, std: 1, log1p: false, missingIndicator: false, category: -1, column: 0 };
const amount = Float64Array.from([1, 2, 3, 6, 1000]);
const plan = Int16Array.from([0, 1, 1, 2, 1]);
const blank = Uint8Array.from([0, 1, 0, 0, 1]);
const otherBlank = Uint8Array.from([1, 0, 0, 0, 0]);
const features: FeatureSource[] = [
  { ...base, values: amount },
  { ...base, values: amount, log1p: true },
  { ...base, values: plan, category: 1, column: 1 },
  { ...base, values: blank, missingIndicator: true },
  { ...base, values: Float64Array.from([7, 7, 7, 7, 7]), column: 2 },
  { ...base, values: plan, category: 2, column: 1 },
  { ...base, values: otherBlank, missingIndicator: true, column: 3 },
];
/** The fitting rows: the last row (1,000) is left out of the scaling. */
const rows = [0, 1, 2, 3];

const populationStats = (values: number[]) => {
  const mean = values.reduce((s, v) => s + v, 0) / values.length;
  const variance = values.reduce((s, v) => s + (v - mean) ** 2, 0) / values.length;
  return [mean, Math.sqrt(variance)] as const;
};

describe('fitScaling', () => {
  it("takes each feature's population mean and standard deviation over the given rows only", () => {
    const { mean, std } = fitScaling(features, rows);
    const expected = [
      populationStats([1, 2, 3, 6]),
      populationStats([1, 2, 3, 6].map(Math.log1p)),
      populationStats([0, 1, 1, 0]),
      populationStats([0, 1, 0, 0]),
      [7, 1],
      populationStats([0, 0, 0, 1]),
      populationStats([1, 0, 0, 0]),
    ];
    expected.forEach(([m, s], j) => {
      expect(mean[j]).toBeCloseTo(m, 14);
      expect(std[j]).toBeCloseTo(s, 14);
    });
    // A constant feature keeps scale 1, so it stays finite (and 0 after centring).
    expect(std[4]).toBe(1);
  });
});

describe('designMatrix', () => {
  it('writes each row of standardised features in turn', () => {
    const scaling = fitScaling(features, rows);
    const x = designMatrix(features, [4, 0], scaling);
    const p = features.length;
    expect(x).toHaveLength(2 * p);
    const raw = [
      [1000, Math.log1p(1000), 1, 1, 7, 0, 0],
      [1, Math.log1p(1), 0, 0, 7, 0, 1],
    ];
    raw.forEach((values, i) =>
      values.forEach((v, j) => expect(x[i * p + j]).toBeCloseTo((v - scaling.mean[j]!) / scaling.std[j]!, 12)),
    );
    expect(x[4]).toBe(0);
  });

  it('picks the labels of the given rows', () => {
    expect(Array.from(labelsOf(Uint8Array.from([0, 1, 1, 0, 1]), [4, 0, 2]))).toEqual([1, 0, 1]);
  });
});

describe('indicatorLayout', () => {
  it("groups one column's categories and keeps every missing mask in its own group", () => {
    const scaling = fitScaling(features, rows);
    const layout = indicatorLayout(features, rows, scaling);
    expect(Array.from(layout.dense)).toEqual([0, 1, 4]);
    expect(Array.from(layout.indicators)).toEqual([2, 3, 5, 6]);
    expect(layout.groups).toBe(3);
    // Per row: plan (positions 0 or 2), the first mask (1), the second mask (3); −1 where none is 1.
    expect(Array.from(layout.active)).toEqual([-1, -1, 3, 0, 1, -1, 0, -1, -1, 2, -1, -1]);
    // Indicator j standardised is offset + scale · u.
    [2, 3, 5, 6].forEach((j, c) => {
      expect(layout.offset[c]).toBeCloseTo(-scaling.mean[j]! / scaling.std[j]!, 14);
      expect(layout.scale[c]).toBeCloseTo(1 / scaling.std[j]!, 14);
    });
  });
});
