import { rawFeatureValue, type FeatureSource } from '../model-input/feature-plan.ts';

export interface Scaling {
  mean: Float64Array;
  std: Float64Array;
}

/** Population mean and standard deviation (as scikit-learn's StandardScaler) over the given rows only. */
export function fitScaling(plan: readonly FeatureSource[], rows: readonly number[]): Scaling {
  const p = plan.length;
  const mean = new Float64Array(p);
  const std = new Float64Array(p);
  plan.forEach((source, j) => {
    let sum = 0;
    for (const r of rows) sum += rawFeatureValue(source, r);
    const m = sum / rows.length;
    let squares = 0;
    for (const r of rows) squares += (rawFeatureValue(source, r) - m) ** 2;
    const s = Math.sqrt(squares / rows.length);
    mean[j] = m;
    // A constant feature carries no information; scale 1 keeps it finite (and zero after centring).
    std[j] = s > 0 ? s : 1;
  });
  return { mean, std };
}

/** Row-major float64 design matrix for the given rows, standardised with `scaling`. */
export function designMatrix(plan: readonly FeatureSource[], rows: readonly number[], scaling: Scaling): Float64Array {
  const p = plan.length;
  const x = new Float64Array(rows.length * p);
  rows.forEach((r, i) => {
    plan.forEach((source, j) => {
      x[i * p + j] = (rawFeatureValue(source, r) - scaling.mean[j]!) / scaling.std[j]!;
    });
  });
  return x;
}

export function labelsOf(y: Uint8Array, rows: readonly number[]): Uint8Array {
  return Uint8Array.from(rows, (r) => y[r]!);
}
