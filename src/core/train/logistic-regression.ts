import { accumulateIndicatorHessian, type IndicatorLayout } from './indicator-hessian.ts';

/**
 * L2-regularised logistic regression with exactly the objective of scikit-learn's
 * `LogisticRegression(penalty="l2", C, fit_intercept=True)`:
 *
 *   J(w, b) = C · Σ_i log(1 + exp(−ỹ_i (x_i·w + b))) + ½‖w‖²,   ỹ_i ∈ {−1, +1},
 *
 * with the intercept b left out of the penalty. J is strictly convex in w and, given both
 * classes, has a unique minimiser, so a zero gradient certifies the answer whichever solver
 * found it. We use Newton's method (the full Hessian is tiny for p ≤ ~50) with a backtracking
 * line search, and no randomness anywhere, so two runs give bit-identical coefficients.
 * https://scikit-learn.org/stable/modules/linear_model.html#logistic-regression
 */

export interface LogisticFit {
  coefficients: Float64Array;
  intercept: number;
  /** Newton steps taken. */
  iterations: number;
  /** Euclidean norm of ∇J at the returned point. */
  gradientNorm: number;
  objective: number;
}

export interface LogisticOptions {
  /** Inverse regularisation strength, as in scikit-learn. */
  C?: number;
  gradientTolerance?: number;
  maxIterations?: number;
  /** Which features are one-hot indicators, for a cheaper Hessian (indicator-hessian.ts). */
  layout?: IndicatorLayout;
  /** Where Newton starts (a nearby solution, e.g. at the previous penalty); zero when absent. */
  start?: { coefficients: ArrayLike<number>; intercept: number };
}

const ARMIJO = 1e-4;
const MAX_HALVINGS = 60;
/**
 * Near the optimum a Newton step's true decrease (~1e-20) is below the objective's rounding
 * (~1e-16 relative), so a strict Armijo test would reject the very steps that finish the job.
 * The full step may therefore miss Armijo by this relative amount.
 */
const ROUNDING_SLACK = 1e-13;

function checkShapes(x: Float64Array, y: Uint8Array, n: number, p: number, coefficients: ArrayLike<number>): void {
  if (!Number.isInteger(n) || !Number.isInteger(p) || n < 0 || p < 0) throw new Error(`bad shape n=${n}, p=${p}`);
  if (x.length !== n * p) throw new Error(`x has ${x.length} values; expected n·p = ${n * p}`);
  if (y.length !== n) throw new Error(`y has ${y.length} labels; expected n = ${n}`);
  if (coefficients.length !== p) throw new Error(`${coefficients.length} coefficients for ${p} features`);
}

function linearPredictor(x: Float64Array, row: number, p: number, w: ArrayLike<number>, b: number): number {
  let z = b;
  const offset = row * p;
  for (let j = 0; j < p; j++) z += x[offset + j]! * w[j]!;
  return z;
}

/**
 * Neumaier-compensated add of `value` into `sums[k]`. With hundreds of thousands of rows a
 * plain running sum can carry errors larger than the 1e-10 gradient tolerance.
 */
function addCompensated(sums: Float64Array, carries: Float64Array, k: number, value: number): void {
  const sum = sums[k]!;
  const total = sum + value;
  carries[k]! += Math.abs(sum) >= Math.abs(value) ? sum - total + value : value - total + sum;
  sums[k] = total;
}

/**
 * Rows per plain partial sum. Summing a block plainly and adding the block's total with
 * compensation keeps the sums accurate to far below the tolerance, at a fraction of the cost of
 * compensating every term (the per-term version took 60 % of a Telco training run).
 */
const BLOCK_ROWS = 256;

interface Evaluation {
  objective: number;
  /** ∇J, length p + 1, intercept last. */
  gradient: Float64Array;
}

/**
 * J and ∇J in one pass over the rows, and when `weights` is given, each row's Hessian weight
 * s = σ(z)(1 − σ(z)) into it. One pass serves the line search's test and the next step.
 */
function evaluate(
  x: Float64Array,
  y: Uint8Array,
  n: number,
  p: number,
  w: ArrayLike<number>,
  b: number,
  C: number,
  weights?: Float64Array,
): Evaluation {
  const m = p + 1;
  // sums[0..p] are the gradient's, sums[m] the loss's.
  const sums = new Float64Array(m + 1);
  const carries = new Float64Array(m + 1);
  const block = new Float64Array(m + 1);
  for (let start = 0; start < n; start += BLOCK_ROWS) {
    const end = Math.min(n, start + BLOCK_ROWS);
    block.fill(0);
    for (let i = start; i < end; i++) {
      const offset = i * p;
      const z = linearPredictor(x, i, p, w, b);
      // σ(z), σ(−z) and log(1 + e^±z) from one exponential of −|z|: nothing overflows, and
      // neither residual subtracts two numbers close to 1.
      const e = Math.exp(-Math.abs(z));
      const above = z >= 0 ? 1 / (1 + e) : e / (1 + e);
      const below = z >= 0 ? e / (1 + e) : 1 / (1 + e);
      const positive = y[i] === 1;
      block[m]! += Math.max(positive ? -z : z, 0) + Math.log1p(e);
      const residual = positive ? -below : above;
      for (let j = 0; j < p; j++) block[j]! += residual * x[offset + j]!;
      block[p]! += residual;
      if (weights) weights[i] = above * below;
    }
    for (let j = 0; j <= m; j++) addCompensated(sums, carries, j, block[j]!);
  }
  const gradient = new Float64Array(m);
  let penalty = 0;
  for (let j = 0; j < m; j++) gradient[j] = C * (sums[j]! + carries[j]!) + (j < p ? w[j]! : 0);
  for (let j = 0; j < p; j++) penalty += w[j]! * w[j]!;
  return { objective: C * (sums[m]! + carries[m]!) + 0.5 * penalty, gradient };
}

/** Adds the upper triangle of Σ_i s_i x̃_i x̃_iᵀ, x̃ = (x, 1), to `hessian`: every feature treated as dense. */
function accumulateDenseHessian(x: Float64Array, s: Float64Array, n: number, p: number, hessian: Float64Array): void {
  const m = p + 1;
  for (let i = 0; i < n; i++) {
    const offset = i * p;
    const si = s[i]!;
    for (let j = 0; j < p; j++) {
      const sj = si * x[offset + j]!;
      const row = j * m;
      for (let k = j; k < p; k++) hessian[row + k]! += sj * x[offset + k]!;
      hessian[row + p]! += sj;
    }
    hessian[p * m + p]! += si;
  }
}

export function logisticObjective(
  x: Float64Array,
  y: Uint8Array,
  n: number,
  p: number,
  coefficients: ArrayLike<number>,
  intercept: number,
  C = 1,
): number {
  checkShapes(x, y, n, p, coefficients);
  return evaluate(x, y, n, p, coefficients, intercept, C).objective;
}

export function logisticGradient(
  x: Float64Array,
  y: Uint8Array,
  n: number,
  p: number,
  coefficients: ArrayLike<number>,
  intercept: number,
  C = 1,
): Float64Array {
  checkShapes(x, y, n, p, coefficients);
  return evaluate(x, y, n, p, coefficients, intercept, C).gradient;
}

/** Solves A·d = rhs for symmetric A (m×m, row-major, lower triangle read); null if A is not numerically positive definite. */
function choleskySolve(a: Float64Array, m: number, rhs: Float64Array): Float64Array | null {
  const l = new Float64Array(m * m);
  for (let j = 0; j < m; j++) {
    let diagonal = a[j * m + j]!;
    for (let k = 0; k < j; k++) diagonal -= l[j * m + k]! ** 2;
    if (!(diagonal > 0)) return null;
    const ljj = Math.sqrt(diagonal);
    l[j * m + j] = ljj;
    for (let i = j + 1; i < m; i++) {
      let s = a[i * m + j]!;
      for (let k = 0; k < j; k++) s -= l[i * m + k]! * l[j * m + k]!;
      l[i * m + j] = s / ljj;
    }
  }
  const d = new Float64Array(m);
  for (let i = 0; i < m; i++) {
    let s = rhs[i]!;
    for (let k = 0; k < i; k++) s -= l[i * m + k]! * d[k]!;
    d[i] = s / l[i * m + i]!;
  }
  for (let i = m - 1; i >= 0; i--) {
    let s = d[i]!;
    for (let k = i + 1; k < m; k++) s -= l[k * m + i]! * d[k]!;
    d[i] = s / l[i * m + i]!;
  }
  return d;
}

/**
 * Newton direction −H⁻¹g. H is positive definite in exact arithmetic, but when almost every
 * row is predicted with certainty the intercept's curvature can round to zero; then a growing
 * ridge is added (a Levenberg step), which is still a descent direction.
 */
function newtonDirection(hessian: Float64Array, m: number, gradient: Float64Array): Float64Array {
  const rhs = gradient.map((g) => -g);
  let largest = 1;
  for (let j = 0; j < m; j++) largest = Math.max(largest, hessian[j * m + j]!);
  let damping = 0;
  for (let attempt = 0; attempt < 40; attempt++) {
    const a = Float64Array.from(hessian);
    for (let j = 0; j < m; j++) a[j * m + j]! += damping;
    const direction = choleskySolve(a, m, rhs);
    if (direction) return direction;
    damping = damping === 0 ? 1e-12 * largest : damping * 10;
  }
  throw new Error('logistic regression: the Hessian stayed singular after damping; is the data finite?');
}

function norm(v: Float64Array): number {
  let s = 0;
  for (let j = 0; j < v.length; j++) s += v[j]! * v[j]!;
  return Math.sqrt(s);
}

function checkData(x: Float64Array, y: Uint8Array): void {
  for (let i = 0; i < x.length; i++) {
    if (!Number.isFinite(x[i]!)) throw new Error(`x[${i}] is ${x[i]}; the design matrix must be finite`);
  }
  let positives = 0;
  for (let i = 0; i < y.length; i++) {
    if (y[i]! > 1) throw new Error(`y[${i}] is ${y[i]}; labels must be 0 or 1`);
    positives += y[i]!;
  }
  // With one class the intercept runs off to ±∞: there is no minimiser to find.
  if (positives === 0 || positives === y.length) throw new Error('logistic regression needs both classes in y');
}

/** Minimises J by damped Newton (IRLS); throws if ‖∇J‖ is not below the tolerance within maxIterations. */
export function fitLogisticRegression(
  x: Float64Array,
  y: Uint8Array,
  n: number,
  p: number,
  options: LogisticOptions = {},
): LogisticFit {
  const C = options.C ?? 1;
  const tolerance = options.gradientTolerance ?? 1e-10;
  const maxIterations = options.maxIterations ?? 100;
  if (!(C > 0 && Number.isFinite(C))) throw new Error(`C must be a positive number, got ${C}`);
  if (!(tolerance > 0)) throw new Error(`gradientTolerance must be positive, got ${tolerance}`);
  if (!Number.isInteger(maxIterations) || maxIterations < 0)
    throw new Error(`maxIterations must be a whole number, got ${maxIterations}`);
  let w = new Float64Array(p);
  let b = 0;
  checkShapes(x, y, n, p, w);
  checkData(x, y);
  if (options.start) {
    checkShapes(x, y, n, p, options.start.coefficients);
    w = Float64Array.from(options.start.coefficients);
    b = options.start.intercept;
  }
  const m = p + 1;
  const { layout } = options;
  let weights = new Float64Array(n);
  let at = evaluate(x, y, n, p, w, b, C, weights);

  for (let iteration = 0; ; iteration++) {
    const { gradient, objective } = at;
    const gradientNorm = norm(gradient);
    if (gradientNorm < tolerance)
      return { coefficients: w, intercept: b, iterations: iteration, gradientNorm, objective };
    if (iteration === maxIterations) {
      throw new Error(`logistic regression did not converge in ${maxIterations} Newton steps (‖∇J‖ = ${gradientNorm})`);
    }
    const hessian = new Float64Array(m * m);
    if (layout) accumulateIndicatorHessian(layout, x, weights, n, p, hessian);
    else accumulateDenseHessian(x, weights, n, p, hessian);
    // The upper triangle is filled (the layout fills all of it); mirror it, scale by C and add the penalty's identity (not for b).
    for (let j = 0; j < m; j++) {
      for (let k = j; k < m; k++) {
        const value = C * hessian[j * m + k]! + (j === k && j < p ? 1 : 0);
        hessian[j * m + k] = value;
        hessian[k * m + j] = value;
      }
    }
    const direction = newtonDirection(hessian, m, gradient);
    let slope = 0;
    for (let j = 0; j < m; j++) slope += gradient[j]! * direction[j]!;

    let step = 1;
    let accepted = false;
    const candidateWeights = new Float64Array(n);
    for (let halving = 0; halving <= MAX_HALVINGS && !accepted; halving++, step /= 2) {
      const candidate = w.map((wj, j) => wj + step * direction[j]!);
      const candidateB = b + step * direction[p]!;
      const next = evaluate(x, y, n, p, candidate, candidateB, C, candidateWeights);
      const slack = halving === 0 ? ROUNDING_SLACK * Math.max(1, Math.abs(objective)) : 0;
      if (next.objective <= objective + ARMIJO * step * slope + slack) {
        w = candidate;
        b = candidateB;
        at = next;
        weights = candidateWeights;
        accepted = true;
      }
    }
    if (!accepted)
      throw new Error(`logistic regression line search failed at step ${iteration} (‖∇J‖ = ${gradientNorm})`);
  }
}
