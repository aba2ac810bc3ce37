import { describe, expect, it } from 'vitest';
import { fitLogisticRegression, logisticGradient, logisticObjective } from './logistic-regression.ts';
import { seededRandom as mulberry32 } from './seeded-random.ts';

function normal(random: () => number): number {
  // Box–Muller; 1 − u keeps the log away from 0.
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

function standardise(x: Float64Array, n: number, p: number): void {
  for (let j = 0; j < p; j++) {
    let mean = 0;
    for (let i = 0; i < n; i++) mean += x[i * p + j]! / n;
    let variance = 0;
    for (let i = 0; i < n; i++) variance += (x[i * p + j]! - mean) ** 2 / n;
    const sd = Math.sqrt(variance);
    for (let i = 0; i < n; i++) x[i * p + j] = (x[i * p + j]! - mean) / sd;
  }
}

/** 2,000 rows, 8 standardised features: two correlated pairs, a binary flag and a pure-noise column. */
function syntheticData(seed: number) {
  const random = mulberry32(seed);
  const n = 2000;
  const p = 8;
  const x = new Float64Array(n * p);
  const y = new Uint8Array(n);
  const trueW = [0.8, -0.5, 0.3, 0, 0.6, 0.4, -0.7, 0.2];
  for (let i = 0; i < n; i++) {
    const z1 = normal(random);
    const z2 = normal(random);
    const z3 = normal(random);
    const row = [
      z1,
      z2,
      z3,
      normal(random),
      random() < 0.3 ? 1 : 0,
      0.9 * z1 + 0.45 * normal(random),
      z2 - z3 + 0.3 * normal(random),
      normal(random) ** 2,
    ];
    row.forEach((v, j) => (x[i * p + j] = v));
  }
  standardise(x, n, p);
  for (let i = 0; i < n; i++) {
    let z = -1.2;
    for (let j = 0; j < p; j++) z += trueW[j]! * x[i * p + j]!;
    y[i] = random() < 1 / (1 + Math.exp(-z)) ? 1 : 0;
  }
  return { x, y, n, p };
}

const norm = (v: ArrayLike<number>) => Math.sqrt(Array.from(v).reduce((s, g) => s + g * g, 0));

describe('fitLogisticRegression on seeded synthetic data', () => {
  const { x, y, n, p } = syntheticData(20240611);
  // Fitted inside each test, not while the file is collected: StrykerJS counts a mutant that makes
  // collection throw as surviving (no test failed).
  const solve = () => fitLogisticRegression(x, y, n, p);

  it('drives the gradient of J to zero', () => {
    const fit = solve();
    expect(fit.gradientNorm).toBeLessThan(1e-10);
    expect(norm(logisticGradient(x, y, n, p, fit.coefficients, fit.intercept))).toBeLessThan(1e-8);
    expect(fit.iterations).toBeGreaterThan(0);
    expect(fit.objective).toBe(logisticObjective(x, y, n, p, fit.coefficients, fit.intercept));
  });

  it('cannot be improved by 200 small random perturbations', () => {
    const fit = solve();
    const random = mulberry32(7);
    for (let trial = 0; trial < 200; trial++) {
      const w = fit.coefficients.map((v) => v + (2 * random() - 1) * 1e-4);
      const b = fit.intercept + (2 * random() - 1) * 1e-4;
      expect(logisticObjective(x, y, n, p, w, b)).toBeGreaterThan(fit.objective);
    }
  });

  it('has an analytic gradient that matches central finite differences', () => {
    const random = mulberry32(99);
    const w = Float64Array.from({ length: p }, () => normal(random) * 0.5);
    const b = 0.3;
    for (const C of [1, 0.05]) {
      const analytic = logisticGradient(x, y, n, p, w, b, C);
      const h = 1e-5;
      for (let j = 0; j <= p; j++) {
        const shifted = (delta: number) => {
          const wj = Float64Array.from(w);
          if (j < p) wj[j]! += delta;
          return logisticObjective(x, y, n, p, wj, j === p ? b + delta : b, C);
        };
        const numeric = (shifted(h) - shifted(-h)) / (2 * h);
        expect(Math.abs(numeric - analytic[j]!)).toBeLessThan(1e-6 * Math.max(1, Math.abs(analytic[j]!)));
      }
    }
  });

  it('recovers the signs of the generating coefficients', () => {
    const fit = solve();
    const signs = Array.from(fit.coefficients, (v) => Math.sign(v));
    // The correlated pairs (0, 5) and (1, 2, 6) share credit, but the clear effects keep their sign.
    expect([signs[0], signs[4], signs[6]]).toEqual([1, 1, -1]);
    expect(fit.intercept).toBeLessThan(0);
  });

  it('is bit-identical across runs', () => {
    const fit = solve();
    const again = solve();
    expect(new Uint8Array(again.coefficients.buffer)).toEqual(new Uint8Array(fit.coefficients.buffer));
    expect(Object.is(again.intercept, fit.intercept)).toBe(true);
    expect(again.iterations).toBe(fit.iterations);
    expect(Object.is(again.objective, fit.objective)).toBe(true);
  });

  it('shrinks coefficients harder with a smaller C', () => {
    const fit = solve();
    const strong = fitLogisticRegression(x, y, n, p, { C: 0.001 });
    expect(norm(strong.coefficients)).toBeLessThan(norm(fit.coefficients));
    expect(norm(logisticGradient(x, y, n, p, strong.coefficients, strong.intercept, 0.001))).toBeLessThan(1e-8);
  });
});

describe('the intercept is not penalised', () => {
  // 10 positives among 2,000 rows.
  const n = 2000;
  const y = new Uint8Array(n);
  for (let i = 0; i < 10; i++) y[i * 200] = 1;

  it('with only all-zero features, b is exactly the log odds and w is 0', () => {
    // J(0, b) = Σ softplus(∓b) is minimised at σ(b) = 10/2000, i.e. b = ln(10/1990) ≈ −5.2933.
    // Penalising b (+½b²) would pull it to about −4.89 instead.
    const fit = fitLogisticRegression(new Float64Array(n * 2), y, n, 2);
    expect(fit.intercept).toBeCloseTo(Math.log(10 / 1990), 10);
    expect(Array.from(fit.coefficients, Math.abs)).toEqual([0, 0]);
  });

  it('with an informative feature beside an all-zero one, b goes far from 0 and the zero column gets 0', () => {
    const random = mulberry32(3);
    const p = 2;
    const x = new Float64Array(n * p);
    for (let i = 0; i < n; i++) x[i * p] = normal(random) + (y[i] === 1 ? 1 : 0);
    const fit = fitLogisticRegression(x, y, n, p);
    expect(fit.intercept).toBeLessThan(-4);
    expect(fit.coefficients[0]).toBeGreaterThan(0);
    expect(Math.abs(fit.coefficients[1]!)).toBe(0);
  });
});

describe('a perfectly separable 1-D case', () => {
  const x = Float64Array.from([-2, -1, 1, 2]);
  const y = Uint8Array.from([0, 0, 1, 1]);

  it('converges to the finite optimum the L2 term creates', () => {
    const fit = fitLogisticRegression(x, y, 4, 1);
    // By symmetry b = 0, and ∂J/∂w = w − 2·(2σ(−2w) + σ(−w)) = 0; solve that by bisection as an oracle.
    const dJ = (w: number) => w - 2 * ((2 * 1) / (1 + Math.exp(2 * w)) + 1 / (1 + Math.exp(w)));
    let lo = 0;
    let hi = 10;
    for (let k = 0; k < 200; k++) {
      const mid = (lo + hi) / 2;
      if (dJ(mid) > 0) hi = mid;
      else lo = mid;
    }
    expect(fit.coefficients[0]).toBeCloseTo(lo, 10);
    expect(fit.intercept).toBeCloseTo(0, 10);
    expect(fit.gradientNorm).toBeLessThan(1e-10);
  });

  it('still converges with a weak penalty (C = 1e4)', () => {
    const fit = fitLogisticRegression(x, y, 4, 1, { C: 1e4 });
    expect(fit.coefficients[0]).toBeGreaterThan(5);
    expect(fit.gradientNorm).toBeLessThan(1e-10);
  });
});

describe('unusable input throws', () => {
  const x = Float64Array.from([-2, -1, 1, 2]);

  it.each([
    { name: 'a single class', run: () => fitLogisticRegression(x, new Uint8Array(4), 4, 1), message: /both classes/ },
    {
      name: 'a shape mismatch',
      run: () => fitLogisticRegression(x, Uint8Array.from([0, 1]), 2, 1),
      message: /expected n·p/,
    },
    {
      name: 'a non-finite feature',
      run: () => fitLogisticRegression(Float64Array.from([0, Number.NaN]), Uint8Array.from([0, 1]), 2, 1),
      message: /finite/,
    },
    {
      name: 'too few iterations',
      run: () => fitLogisticRegression(x, Uint8Array.from([0, 1, 0, 1]), 4, 1, { maxIterations: 1 }),
      message: /did not converge in 1/,
    },
  ])('on $name', ({ run, message }) => {
    expect(run).toThrow(message);
  });
});
