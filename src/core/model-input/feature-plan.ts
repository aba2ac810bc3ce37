import type { ModelSpec } from '../spec/model-spec.ts';
import type { ColumnTable } from '../table/column-table.ts';

/** Where one model input comes from: a numeric column, its missing mask, or one category of a categorical column. */
export interface FeatureSource {
  values: Float64Array | Int16Array | Uint8Array;
  /** Category index for a one-hot indicator; -1 for a numeric feature or a missing indicator. */
  category: number;
  log1p: boolean;
  /** The values are a 0/1 missing mask, used as is. */
  missingIndicator: boolean;
  mean: number;
  std: number;
  /** Index of the spec column, for summing contributions per column. */
  column: number;
}

export type FeatureTable = Pick<ColumnTable, 'numeric' | 'codes'> & Partial<Pick<ColumnTable, 'missing'>>;

export function planFeatures(spec: Pick<ModelSpec, 'columns' | 'features'>, table: FeatureTable): FeatureSource[] {
  return spec.features.map((f) => {
    const column = spec.columns.findIndex((c) => c.name === f.column);
    const col = spec.columns[column];
    if (!col) throw new Error(`Feature ${f.name} names unknown column ${f.column}`);
    const base = { mean: f.mean, std: f.std, column, log1p: false, missingIndicator: false, category: -1 };
    if (col.type === 'numeric') {
      if (f.indicator === 'missing') {
        const values = table.missing?.get(col.name);
        if (!values) throw new Error(`Table lacks the missing mask of ${col.name}`);
        return { ...base, values, missingIndicator: true };
      }
      const values = table.numeric.get(col.name);
      if (!values) throw new Error(`Table lacks numeric column ${col.name}`);
      return { ...base, values, log1p: f.transform === 'log1p' };
    }
    const values = table.codes.get(col.name);
    if (!values) throw new Error(`Table lacks categorical column ${col.name}`);
    return { ...base, values, category: col.categories.indexOf(f.category ?? '') };
  });
}

/** The feature before scaling: the number itself (or its log1p), 1/0 for "row has this category" or "cell was missing". */
export function rawFeatureValue(source: FeatureSource, row: number): number {
  const v = source.values[row]!;
  if (source.category >= 0) return v === source.category ? 1 : 0;
  if (source.missingIndicator) return v;
  return source.log1p ? Math.log1p(v) : v;
}

/**
 * Writes standardised features for rows [start, end) row-major into `out`.
 * Rejected rows carry NaN numerics; they are written as 0 (the mean) so the
 * runtime never sees NaN, and their scores are discarded by the caller.
 */
export function writeStandardised(
  plan: readonly FeatureSource[],
  start: number,
  end: number,
  out: Float32Array | Float64Array,
): void {
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
