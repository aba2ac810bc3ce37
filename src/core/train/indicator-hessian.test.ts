import { describe, expect, it } from 'vitest';
import type { FeatureSource } from '../model-input/feature-plan.ts';
import { designMatrix, fitScaling, indicatorLayout, labelsOf } from './design-matrix.ts';
import { accumulateIndicatorHessian } from './indicator-hessian.ts';
import { fitLogisticRegression } from './logistic-regression.ts';
import { seededRandom } from './seeded-random.ts';

/** A table with two numeric columns (one with a missing mask), a 4-level and a 2-level categorical column. */
function table(n: number, seed: number) {
  const random = seededRandom(seed);
  const amount = Float64Array.from({ length: n }, () => random() * 100);
  const months = Float64Array.from({ length: n }, () => Math.floor(random() * 72));
  const missing = Uint8Array.from({ length: n }, () => (random() < 0.1 ? 1 : 0));
  // −1 is a value the model has no indicator for (unknown), so no indicator of its group is 1.
  const plan4 = Int16Array.from({ length: n }, () => Math.floor(random() * 5) - 1);
  const yesNo = Int16Array.from({ length: n }, () => (random() < 0.3 ? 1 : 0));
  const base = { mean: 0, std: 1, log1p: false, missingIndicator: false, category: -1 };
  const plan: FeatureSource[] = [
    { ...base, values: plan4, category: 0, column: 2 },
    { ...base, values: amount, column: 0 },
    { ...base, values: plan4, category: 2, column: 2 },
    { ...base, values: missing, missingIndicator: true, column: 0 },
    { ...base, values: months, log1p: true, column: 1 },
    { ...base, values: plan4, category: 3, column: 2 },
    { ...base, values: yesNo, category: 1, column: 3 },
    { ...base, values: plan4, category: 1, column: 2 },
  ];
  const y = Uint8Array.from({ length: n }, (_, r) =>
    random() < 0.2 + 0.004 * amount[r]! + (plan4[r] === 2 ? 0.2 : 0) ? 1 : 0,
  );
  return { plan, y };
}

/** Σ s x̃ x̃ᵀ the plain way, x̃ = (x, 1). */
function denseHessian(x: Float64Array, s: Float64Array, n: number, p: number): Float64Array {
  const m = p + 1;
  const h = new Float64Array(m * m);
  const at = (i: number, j: number) => (j < p ? x[i * p + j]! : 1);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < m; j++) for (let k = 0; k < m; k++) h[j * m + k]! += s[i]! * at(i, j) * at(i, k);
  }
  return h;
}

describe('the Hessian from indicator groups', () => {
  const n = 400;
  const { plan, y } = table(n, 7);
  const rows = Array.from({ length: n }, (_, r) => r).filter((r) => r % 7 !== 3);
  // Built inside each test, not while the file is collected: StrykerJS counts a mutant that makes
  // collection throw as surviving (no test failed).
  const built = () => {
    const scaling = fitScaling(plan, rows);
    return { x: designMatrix(plan, rows, scaling), layout: indicatorLayout(plan, rows, scaling) };
  };

  it('groups the categories of one column, and keeps each missing mask on its own', () => {
    const { layout } = built();
    expect(Array.from(layout.dense)).toEqual([1, 4]);
    expect(Array.from(layout.indicators)).toEqual([0, 2, 3, 5, 6, 7]);
    expect(layout.groups).toBe(3);
    // Row by row: the position of the indicator that is 1 in each group.
    rows.slice(0, 40).forEach((r, i) => {
      const code = plan[0]!.values[r]!;
      expect(layout.active[i * 3]).toBe({ 0: 0, 2: 1, 3: 3, 1: 5 }[code] ?? -1);
      expect(layout.active[i * 3 + 1]).toBe(plan[3]!.values[r] === 1 ? 2 : -1);
      expect(layout.active[i * 3 + 2]).toBe(plan[6]!.values[r] === 1 ? 4 : -1);
    });
  });

  it('equals the plain Σ s·x̃·x̃ᵀ entry by entry', () => {
    const { x, layout } = built();
    const random = seededRandom(11);
    const s = Float64Array.from({ length: rows.length }, () => random() * 0.25);
    const expected = denseHessian(x, s, rows.length, plan.length);
    const actual = new Float64Array(expected.length);
    accumulateIndicatorHessian(layout, x, s, rows.length, plan.length, actual);
    expected.forEach((value, k) =>
      expect(Math.abs(actual[k]! - value), `entry ${k}`).toBeLessThan(1e-9 * Math.max(1, Math.abs(value))),
    );
  });

  it('gives the same fit as the dense Hessian, from zero and from a warm start', () => {
    const { x, layout } = built();
    const labels = labelsOf(y, rows);
    const plain = fitLogisticRegression(x, labels, rows.length, plan.length, { C: 0.5, gradientTolerance: 1e-10 });
    const grouped = fitLogisticRegression(x, labels, rows.length, plan.length, {
      C: 0.5,
      gradientTolerance: 1e-10,
      layout,
    });
    const warm = fitLogisticRegression(x, labels, rows.length, plan.length, {
      C: 0.5,
      gradientTolerance: 1e-10,
      layout,
      start: fitLogisticRegression(x, labels, rows.length, plan.length, { C: 0.05, layout }),
    });
    for (const fit of [grouped, warm]) {
      fit.coefficients.forEach((c, j) => expect(Math.abs(c - plain.coefficients[j]!)).toBeLessThan(1e-9));
      expect(Math.abs(fit.intercept - plain.intercept)).toBeLessThan(1e-9);
    }
    expect(warm.iterations).toBeLessThan(plain.iterations);
  });
});
