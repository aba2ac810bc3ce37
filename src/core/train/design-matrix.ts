import type { FeatureSource } from '../model-input/feature-plan.ts';
import type { IndicatorLayout } from './indicator-hessian.ts';

export interface Scaling {
  mean: Float64Array;
  std: Float64Array;
}

/** One feature's value before scaling for each of `rows`, into `out`: one loop per kind of feature. */
function rawFeature(source: FeatureSource, rows: readonly number[], out: Float64Array): void {
  const { values, category } = source;
  const n = rows.length;
  if (category >= 0) for (let i = 0; i < n; i++) out[i] = values[rows[i]!] === category ? 1 : 0;
  else if (source.log1p) for (let i = 0; i < n; i++) out[i] = Math.log1p(values[rows[i]!]!);
  else for (let i = 0; i < n; i++) out[i] = values[rows[i]!]!;
}

/** Population mean and standard deviation (as scikit-learn's StandardScaler) over the given rows only. */
export function fitScaling(plan: readonly FeatureSource[], rows: readonly number[]): Scaling {
  const p = plan.length;
  const mean = new Float64Array(p);
  const std = new Float64Array(p);
  const raw = new Float64Array(rows.length);
  plan.forEach((source, j) => {
    rawFeature(source, rows, raw);
    let sum = 0;
    for (let i = 0; i < raw.length; i++) sum += raw[i]!;
    const m = sum / rows.length;
    let squares = 0;
    for (let i = 0; i < raw.length; i++) squares += (raw[i]! - m) ** 2;
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
  const n = rows.length;
  const x = new Float64Array(n * p);
  const raw = new Float64Array(n);
  plan.forEach((source, j) => {
    rawFeature(source, rows, raw);
    const mean = scaling.mean[j]!;
    const std = scaling.std[j]!;
    for (let i = 0, k = j; i < n; i++, k += p) x[k] = (raw[i]! - mean) / std;
  });
  return x;
}

export function labelsOf(y: Uint8Array, rows: readonly number[]): Uint8Array {
  return Uint8Array.from(rows, (r) => y[r]!);
}

/**
 * Which columns of `designMatrix(plan, rows, scaling)` are one-hot indicators, and which is 1 on
 * each row: the categories of one column form a group, and each missing indicator is its own.
 */
export function indicatorLayout(
  plan: readonly FeatureSource[],
  rows: readonly number[],
  scaling: Scaling,
): IndicatorLayout {
  const dense: number[] = [];
  const indicators: number[] = [];
  const groupOf = new Map<string, number>();
  const members: { source: FeatureSource; position: number }[][] = [];
  plan.forEach((source, j) => {
    if (source.category < 0 && !source.missingIndicator) return void dense.push(j);
    const key = source.missingIndicator ? `missing ${j}` : `column ${source.column}`;
    if (!groupOf.has(key)) groupOf.set(key, members.push([]) - 1);
    members[groupOf.get(key)!]!.push({ source, position: indicators.push(j) - 1 });
  });
  const groups = members.length;
  const active = new Int32Array(rows.length * groups).fill(-1);
  members.forEach((group, g) => {
    const values = group[0]!.source.values;
    // A category code, or 1 for a missing cell, names the row's indicator.
    const byValue = new Map(
      group.map(({ source, position }) => [source.missingIndicator ? 1 : source.category, position]),
    );
    for (let i = 0; i < rows.length; i++) {
      const position = byValue.get(values[rows[i]!]!);
      if (position !== undefined) active[i * groups + g] = position;
    }
  });
  return {
    dense: Int32Array.from(dense),
    indicators: Int32Array.from(indicators),
    offset: Float64Array.from(indicators, (j) => -scaling.mean[j]! / scaling.std[j]!),
    scale: Float64Array.from(indicators, (j) => 1 / scaling.std[j]!),
    groups,
    active,
  };
}
