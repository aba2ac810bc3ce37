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

/**
 * Writes the raw feature of rows [start, end) into `out[0 … end − start)`. One loop per kind of
 * source, so each loop reads one typed-array type: reading `source.values` row by row in one
 * shared loop made every read polymorphic, and features for 100,000 Telco rows took 350 ms in Node against
 * 60 ms this way (quiet machine).
 */
export function readFeature(source: FeatureSource, start: number, end: number, out: Float64Array): void {
  const { values, category } = source;
  if (category >= 0) {
    const codes = values as Int16Array;
    for (let row = start; row < end; row++) out[row - start] = codes[row] === category ? 1 : 0;
  } else if (source.missingIndicator) {
    const mask = values as Uint8Array;
    for (let row = start; row < end; row++) out[row - start] = mask[row]!;
  } else if (source.log1p) {
    const numbers = values as Float64Array;
    for (let row = start; row < end; row++) out[row - start] = Math.log1p(numbers[row]!);
  } else {
    const numbers = values as Float64Array;
    for (let row = start; row < end; row++) out[row - start] = numbers[row]!;
  }
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
  const raw = new Float64Array(end - start);
  for (let j = 0; j < width; j++) {
    const { mean, std } = plan[j]!;
    readFeature(plan[j]!, start, end, raw);
    for (let i = 0, k = j; i < raw.length; i++, k += width) {
      const value = raw[i]!;
      out[k] = Number.isNaN(value) ? 0 : (value - mean) / std;
    }
  }
}
