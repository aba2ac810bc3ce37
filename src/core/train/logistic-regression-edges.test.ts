import { describe, expect, it } from 'vitest';
import { fitLogisticRegression, logisticGradient, logisticObjective } from './logistic-regression.ts';
import { seededRandom } from './seeded-random.ts';

/** n rows of p features in [−2, 2] and labels drawn from a logistic model; seeded. */
function data(n: number, p: number, seed: number) {
  const random = seededRandom(seed);
  const x = Float64Array.from({ length: n * p }, () => random() * 4 - 2);
  const y = Uint8Array.from({ length: n }, (_, i) => (random() < 1 / (1 + Math.exp(-(x[i * p]! - 0.5))) ? 1 : 0));
  return { x, y };
}

/** J and ∇J written out term by term, the plain way. */
function plain(x: Float64Array, y: Uint8Array, n: number, p: number, w: number[], b: number, C: number) {
  let loss = 0;
  const gradient = new Array<number>(p + 1).fill(0);
  for (let i = 0; i < n; i++) {
    let z = b;
    for (let j = 0; j < p; j++) z += x[i * p + j]! * w[j]!;
    const sign = y[i] === 1 ? 1 : -1;
    loss += Math.log(1 + Math.exp(-sign * z));
    const residual = 1 / (1 + Math.exp(-z)) - y[i]!;
    for (let j = 0; j < p; j++) gradient[j]! += C * residual * x[i * p + j]!;
    gradient[p]! += C * residual;
  }
  w.forEach((wj, j) => (gradient[j]! += wj));
  return { objective: C * loss + 0.5 * w.reduce((s, v) => s + v * v, 0), gradient };
}

describe('the objective and gradient, against the plain sums', () => {
  it.each([1, 255, 256, 257, 600])('on %i rows (256 rows are summed per block)', (n) => {
    const p = 3;
    const { x, y } = data(n, p, n);
    const w = [0.7, -0.4, 0.2];
    const expected = plain(x, y, n, p, w, -0.3, 0.5);
    expect(logisticObjective(x, y, n, p, w, -0.3, 0.5)).toBeCloseTo(expected.objective, 9);
    const gradient = logisticGradient(x, y, n, p, w, -0.3, 0.5);
    expect(gradient).toHaveLength(p + 1);
    gradient.forEach((g, j) => expect(g).toBeCloseTo(expected.gradient[j]!, 9));
  });

  it("adds the blocks' sums with compensation: 10¹⁶ + 1 − 10¹⁶ is 1, not 0", () => {
    // At z = 0 every residual is ±½: rows 0, 256 and 512 (three blocks) add 10¹⁶, 1 and −10¹⁶ to ∂J/∂w.
    const n = 513;
    const x = new Float64Array(n);
    const y = new Uint8Array(n);
    x[0] = 2e16;
    x[256] = 2;
    x[512] = 2e16;
    y[512] = 1;
    expect(logisticGradient(x, y, n, 1, [0], 0)[0]).toBe(1);
    // The small term first, then the large ones: Neumaier's branch keeps the 1 that Kahan's would lose.
    x[0] = 2;
    x[256] = 2e16;
    expect(logisticGradient(x, y, n, 1, [0], 0)[0]).toBe(1);
  });

  it('is C·n·log 2 at zero, and adds ½‖w‖² but nothing for b', () => {
    const { x, y } = data(8, 2, 1);
    expect(logisticObjective(x, y, 8, 2, [0, 0], 0, 2)).toBeCloseTo(16 * Math.log(2), 12);
    const zeroX = new Float64Array(16);
    expect(logisticObjective(zeroX, y, 8, 2, [1, 2], 0, 2)).toBeCloseTo(16 * Math.log(2) + 2.5, 12);
    expect(logisticObjective(zeroX, y, 8, 2, [0, 0], 0, 1)).toBe(logisticObjective(zeroX, y, 8, 2, [0, 0], 0));
  });

  it('stays finite where exp(|z|) would overflow', () => {
    const x = Float64Array.from([-1, 1]);
    const y = Uint8Array.from([1, 0]);
    // Both rows are wrong by z = ±1000: each costs 1000.
    expect(logisticObjective(x, y, 2, 1, [1000], 0)).toBeCloseTo(2000 + 500_000, 6);
    expect(Array.from(logisticGradient(x, y, 2, 1, [1000], 0))).toEqual([1002, 0]);
  });
});

describe('fitLogisticRegression options and checks', () => {
  const { x, y } = data(40, 2, 9);

  it.each([
    [{ C: 0 }, 'C must be a positive number, got 0'],
    [{ C: -1 }, 'C must be a positive number, got -1'],
    [{ C: Infinity }, 'C must be a positive number, got Infinity'],
    [{ C: Number.NaN }, 'C must be a positive number, got NaN'],
    [{ gradientTolerance: 0 }, 'gradientTolerance must be positive, got 0'],
    [{ gradientTolerance: -1e-8 }, 'gradientTolerance must be positive, got -1e-8'],
    [{ maxIterations: 1.5 }, 'maxIterations must be a whole number, got 1.5'],
    [{ maxIterations: -1 }, 'maxIterations must be a whole number, got -1'],
    [{ start: { coefficients: [0], intercept: 0 } }, '1 coefficients for 2 features'],
  ])('refuses %j', (options, message) => {
    expect(() => fitLogisticRegression(x, y, 40, 2, options)).toThrow(new Error(message));
  });

  it('takes no step with maxIterations 0, unless the start already meets the tolerance', () => {
    expect(() => fitLogisticRegression(x, y, 40, 2, { maxIterations: 0 })).toThrow(
      /did not converge in 0 Newton steps/,
    );
    const fit = fitLogisticRegression(x, y, 40, 2);
    const again = fitLogisticRegression(x, y, 40, 2, { maxIterations: 0, start: fit, gradientTolerance: 1e-6 });
    expect(again.iterations).toBe(0);
    expect(Array.from(again.coefficients)).toEqual(Array.from(fit.coefficients));
    expect(again.intercept).toBe(fit.intercept);
  });

  it('stops as soon as the gradient is below the tolerance, and a looser tolerance takes fewer steps', () => {
    const tight = fitLogisticRegression(x, y, 40, 2, { gradientTolerance: 1e-12 });
    const loose = fitLogisticRegression(x, y, 40, 2, { gradientTolerance: 1e-2 });
    expect(tight.gradientNorm).toBeLessThan(1e-12);
    expect(loose.gradientNorm).toBeLessThan(1e-2);
    expect(loose.iterations).toBeLessThan(tight.iterations);
    expect(() =>
      fitLogisticRegression(x, y, 40, 2, { maxIterations: tight.iterations - 1, gradientTolerance: 1e-12 }),
    ).toThrow(`did not converge in ${tight.iterations - 1} Newton steps`);
  });

  it.each([
    ['a fractional n', () => logisticObjective(x, y, 2.5, 2, [0, 0], 0), 'bad shape n=2.5, p=2'],
    ['a negative p', () => logisticObjective(x, y, 40, -2, [0, 0], 0), 'bad shape n=40, p=-2'],
    [
      'too few values',
      () => logisticObjective(x.subarray(1), y, 40, 2, [0, 0], 0),
      'x has 79 values; expected n·p = 80',
    ],
    ['too few labels', () => logisticGradient(x, y.subarray(1), 40, 2, [0, 0], 0), 'y has 39 labels; expected n = 40'],
    ['too many coefficients', () => logisticGradient(x, y, 40, 2, [0, 0, 0], 0), '3 coefficients for 2 features'],
    [
      'a label of 2',
      () =>
        fitLogisticRegression(
          x,
          Uint8Array.from(y, (v, i) => (i === 3 ? 2 : v)),
          40,
          2,
        ),
      'y[3] is 2; labels must be 0 or 1',
    ],
    [
      'an infinite value',
      () =>
        fitLogisticRegression(
          Float64Array.from(x, (v, i) => (i === 5 ? Infinity : v)),
          y,
          40,
          2,
        ),
      'x[5] is Infinity; the design matrix must be finite',
    ],
    [
      'only churners',
      () => fitLogisticRegression(x, new Uint8Array(40).fill(1), 40, 2),
      'logistic regression needs both classes in y',
    ],
  ])('throws on %s', (_, run, message) => {
    expect(run).toThrow(new Error(message));
  });

  it("takes Newton's few steps, not a gradient method's many: under 9 to ‖∇J‖ < 1e-10 on 2,000 rows", () => {
    // Newton converges quadratically (5 steps on this data); a wrong direction or Hessian would still
    // descend, through the line search, but it would need far more steps.
    const { x: big, y: labels } = data(2_000, 8, 4);
    for (const C of [0.01, 1, 100]) {
      const fit = fitLogisticRegression(big, labels, 2_000, 8, { C });
      expect(fit.iterations).toBeLessThan(9);
      expect(fit.gradientNorm).toBeLessThan(1e-10);
    }
  });

  it('fits an intercept-only model to the log odds, at any sample size', () => {
    for (const n of [3, 300]) {
      const labels = Uint8Array.from({ length: n }, (_, i) => (i % 3 === 0 ? 1 : 0));
      const fit = fitLogisticRegression(new Float64Array(0), labels, n, 0);
      const positives = labels.reduce((s, v) => s + v, 0);
      expect(fit.intercept).toBeCloseTo(Math.log(positives / (n - positives)), 10);
      expect(fit.coefficients).toHaveLength(0);
    }
  });

  it('steps on from a start where every row is predicted with certainty (the intercept has no curvature there)', () => {
    // At w = 1,000 every |z| is 1,000: each row's Hessian weight σ(1 − σ) underflows to 0, so a small ridge is added.
    const xs = Float64Array.from([-1, -1, 1, 1, -1, 1]);
    const labels = Uint8Array.from([0, 1, 1, 0, 0, 1]);
    const fit = fitLogisticRegression(xs, labels, 6, 1);
    const certain = fitLogisticRegression(xs, labels, 6, 1, { start: { coefficients: [1000], intercept: 0 } });
    expect(certain.coefficients[0]).toBeCloseTo(fit.coefficients[0]!, 10);
    expect(certain.intercept).toBeCloseTo(fit.intercept, 10);
    expect(certain.gradientNorm).toBeLessThan(1e-10);
  });

  it('gives ½‖w‖² for no rows', () => {
    expect(logisticObjective(new Float64Array(0), new Uint8Array(0), 0, 2, [1, 2], 0)).toBe(2.5);
  });

  it('reaches the same optimum from a far start as from zero', () => {
    const fit = fitLogisticRegression(x, y, 40, 2, { C: 0.3 });
    const far = fitLogisticRegression(x, y, 40, 2, { C: 0.3, start: { coefficients: [8, -8], intercept: 5 } });
    far.coefficients.forEach((c, j) => expect(c).toBeCloseTo(fit.coefficients[j]!, 9));
    expect(far.intercept).toBeCloseTo(fit.intercept, 9);
    expect(far.objective).toBeCloseTo(fit.objective, 12);
  });
});
