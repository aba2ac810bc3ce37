import type { ModelSpec } from '../spec/model-spec.ts';
import type { ColumnTable } from '../table/column-table.ts';

/** Where one model input comes from: a numeric column, or one category of a categorical column. */
export interface FeatureSource {
  values: Float64Array | Int16Array;
  /** Category index for a one-hot indicator; -1 for a numeric feature. */
  category: number;
  log1p: boolean;
  mean: number;
  std: number;
  /** Index of the spec column, for summing contributions per column. */
  column: number;
}

export function planFeatures(spec: Pick<ModelSpec, 'columns' | 'features'>, table: Pick<ColumnTable, 'numeric' | 'codes'>): FeatureSource[] {
  return spec.features.map((f) => {
    const column = spec.columns.findIndex((c) => c.name === f.column);
    const col = spec.columns[column];
    if (!col) throw new Error(`Feature ${f.name} names unknown column ${f.column}`);
    if (col.type === 'numeric') {
      const values = table.numeric.get(col.name);
      if (!values) throw new Error(`Table lacks numeric column ${col.name}`);
      return { values, category: -1, log1p: f.transform === 'log1p', mean: f.mean, std: f.std, column };
    }
    const values = table.codes.get(col.name);
    if (!values) throw new Error(`Table lacks categorical column ${col.name}`);
    return { values, category: col.categories.indexOf(f.category ?? ''), log1p: false, mean: f.mean, std: f.std, column };
  });
}

/** The feature before scaling: the number itself, or 1/0 for "row has this category". */
export function rawFeatureValue(source: FeatureSource, row: number): number {
  const v = source.values[row]!;
  if (source.category >= 0) return v === source.category ? 1 : 0;
  return source.log1p ? Math.log1p(v) : v;
}

/**
 * Writes standardised features for rows [start, end) row-major into `out`.
 * Rejected rows carry NaN numerics; they are written as 0 (the mean) so the
 * runtime never sees NaN, and their scores are discarded by the caller.
 */
export function writeStandardised(plan: readonly FeatureSource[], start: number, end: number, out: Float32Array | Float64Array): void {
  const width = plan.length;
  for (let j = 0; j < width; j++) {
    const source = plan[j]!;
    const { mean, std } = source;
    for (let row = start, k = j; row < end; row++, k += width) {
      const raw = rawFeatureValue(source, row);
      out[k] = Number.isNaN(raw) ? 0 : (raw - mean) / std;
    }
  }
}
