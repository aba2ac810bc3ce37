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
 * `factor × (raw − mean) / std` of a 0/1 feature (a category's indicator or a missing flag) for
 * raw 0 and 1: what writeScaled writes for it, and what tables of such features add up.
 */
export function scaledFlag(source: FeatureSource, factor: number): [zero: number, one: number] {
  const { mean, std } = source;
  return [factor * ((0 - mean) / std), factor * ((1 - mean) / std)];
}

/** Rows per tile of `writeScaled`: a tile's features stay in the processor's cache while each feature is written across it. */
const TILE_ROWS = 1024;

/**
 * Writes `scale[j] × (raw − mean) / std` of every feature for rows [start, end) row-major into
 * `out`, with NaN as `nan` when given. A 0/1 feature (a category's indicator or a missing flag)
 * takes one of its two values, each computed once by the same expression, so it needs no
 * arithmetic per row; and the rows go in tiles, so the strided writes stay in the cache. On
 * 1,000,000 rows of telco-full's 49 features (a Node 20 loop, best of three, load average 2 to 3),
 * the scorer's features went from 0.71 to 0.45 s and the export's terms (batches of 10,000) from
 * 1.5 to 0.38 s, bit for bit the same.
 */
function writeScaled(
  plan: readonly FeatureSource[],
  scale: ArrayLike<number> | undefined,
  nan: number | undefined,
  start: number,
  end: number,
  out: Float32Array | Float64Array,
): void {
  const width = plan.length;
  const raw = new Float64Array(Math.min(TILE_ROWS, end - start));
  for (let tile = start; tile < end; tile += TILE_ROWS) {
    const tileEnd = Math.min(end, tile + TILE_ROWS);
    for (let j = 0; j < width; j++) {
      const source = plan[j]!;
      const { mean, std } = source;
      const factor = scale ? scale[j]! : 1;
      let k = (tile - start) * width + j;
      if (source.category >= 0 || source.missingIndicator) {
        const [zero, one] = scaledFlag(source, factor);
        if (source.category >= 0) {
          const codes = source.values as Int16Array;
          const category = source.category;
          for (let row = tile; row < tileEnd; row++, k += width) out[k] = codes[row] === category ? one : zero;
        } else {
          const mask = source.values as Uint8Array;
          for (let row = tile; row < tileEnd; row++, k += width) {
            const flag = mask[row]!;
            out[k] = flag === 0 ? zero : flag === 1 ? one : factor * ((flag - mean) / std);
          }
        }
        continue;
      }
      readFeature(source, tile, tileEnd, raw);
      for (let i = 0; i < tileEnd - tile; i++, k += width) {
        const value = raw[i]!;
        out[k] = nan !== undefined && Number.isNaN(value) ? nan : factor * ((value - mean) / std);
      }
    }
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
  writeScaled(plan, undefined, 0, start, end, out);
}

/**
 * Each feature's term of the log-odds, coefficient × standardised value, for rows [start, end),
 * row-major (see writeScaled); NaN for a rejected row's numbers.
 */
export function writeFeatureTerms(
  coefficients: ArrayLike<number>,
  plan: readonly FeatureSource[],
  start: number,
  end: number,
  out: Float64Array,
): void {
  writeScaled(plan, coefficients, undefined, start, end, out);
}
