import {
  bitsOf,
  countAtOrAbove,
  SCORE_BINS,
  summedFromTop,
  totalsAtOrAbove,
  totalsOfScored,
  type BinTotals,
  type ScoreBins,
} from './score-bins.ts';
import type { ModelSpec, Unit } from '../spec/model-spec.ts';

export const UNKNOWN_BUCKET = 'Unknown';

export interface SegmentBucket {
  label: string;
  customers: number;
  atRisk: number;
  /** atRisk / customers; buckets without customers are not reported. */
  share: number;
}

export interface SegmentShares {
  column: string;
  label: string;
  buckets: SegmentBucket[];
}

export interface SegmentSummary {
  scored: number;
  atRisk: number;
  groups: SegmentShares[];
}

/** "0–12 months", "13–24 months", "49+ months" for whole numbers; "≤ 1.5", "1.5–3", "> 3" otherwise. */
function bandLabels(ends: readonly number[], min: number, unit: Unit): string[] {
  const suffix = unit === 'months' || unit === 'days' ? ` ${unit}` : '';
  const last = ends[ends.length - 1]!;
  if ([min, ...ends].every(Number.isInteger)) {
    const labels = ends.map((end, i) => `${i === 0 ? Math.min(min, end) : ends[i - 1]! + 1}–${end}${suffix}`);
    return [...labels, `${last + 1}+${suffix}`];
  }
  const labels = ends.map((end, i) => (i === 0 ? `≤ ${end}${suffix}` : `${ends[i - 1]}–${end}${suffix}`));
  return [...labels, `> ${last}${suffix}`];
}

type SegmentData = { numeric: Record<string, Float64Array>; codes: Record<string, Int16Array> };

/** A column the charts can break down by: its buckets, and each row's bucket. */
export interface SegmentColumn {
  column: string;
  label: string;
  /** Bucket names; the last is always UNKNOWN_BUCKET. */
  buckets: string[];
  /** Row → bucket index, for the few rows a threshold compares one by one. */
  bucketOf: (row: number) => number;
  /** Customers per bucket and score bin: one pass over every row. */
  totals: (probabilities: Float32Array) => BinTotals;
}

/** The column as a segment, or null when the spec cannot chart it or the file data lacks it. */
export function segmentColumn(spec: Pick<ModelSpec, 'columns'>, name: string, data: SegmentData): SegmentColumn | null {
  const column = spec.columns.find((c) => c.name === name);
  if (column?.type === 'categorical') {
    const values = data.codes[name];
    if (!values) return null;
    const buckets = [...column.categories, UNKNOWN_BUCKET];
    const unknown = buckets.length - 1;
    return {
      column: name,
      label: column.label,
      buckets,
      bucketOf: (row) => codeBucket(values[row]!, unknown),
      totals: (probabilities) => codeTotals(probabilities, values, unknown),
    };
  }
  if (column?.type === 'numeric' && column.band_ends) {
    const values = data.numeric[name];
    if (!values) return null;
    const ends = column.band_ends;
    const buckets = [...bandLabels(ends, column.range.min, column.unit), UNKNOWN_BUCKET];
    const unknown = buckets.length - 1;
    return {
      column: name,
      label: `${column.label} band`,
      buckets,
      bucketOf: (row) => bandBucket(values[row]!, ends, unknown),
      totals: (probabilities) => bandTotals(probabilities, values, ends, unknown),
    };
  }
  return null;
}

/**
 * Customers per bucket and score bin of the named columns, once per file. The worker totals the
 * spec's segments; a column chosen on the page later is totalled there (one pass: about 12 ms of
 * CPU per million rows in Node; totalling all 19 columns the charts offer for the Telco model in
 * the worker took 2.2 s for 10,000,000 rows, `.bench/tables.mts`).
 */
export function segmentTotals(
  spec: Pick<ModelSpec, 'columns'>,
  names: readonly string[],
  data: SegmentData,
  probabilities: Float32Array,
): Record<string, BinTotals> {
  const totals: Record<string, BinTotals> = {};
  for (const name of names) {
    const segment = segmentColumn(spec, name, data);
    if (segment) totals[name] = segment.totals(probabilities);
  }
  return totals;
}

const codeBucket = (code: number, unknown: number) => (code < 0 || code >= unknown ? unknown : code);

function bandBucket(v: number, ends: readonly number[], unknown: number): number {
  if (Number.isNaN(v)) return unknown;
  let band = 0;
  while (band < ends.length && v > ends[band]!) band++;
  return band;
}

// One loop per kind of column, the bucket found inline: no array of every row's bucket.
function codeTotals(probabilities: Float32Array, codes: Int16Array, unknown: number): BinTotals {
  const bits = bitsOf(probabilities);
  const width = unknown + 1;
  const table = new Float64Array((SCORE_BINS + 1) * width);
  for (let row = 0; row < bits.length; row++) {
    const bin = bits[row]! >>> 16;
    if (bin < SCORE_BINS) table[bin * width + codeBucket(codes[row]!, unknown)]!++;
  }
  return summedFromTop(table, width);
}

function bandTotals(
  probabilities: Float32Array,
  values: Float64Array,
  ends: readonly number[],
  unknown: number,
): BinTotals {
  const bits = bitsOf(probabilities);
  const width = unknown + 1;
  const table = new Float64Array((SCORE_BINS + 1) * width);
  for (let row = 0; row < bits.length; row++) {
    const bin = bits[row]! >>> 16;
    if (bin < SCORE_BINS) table[bin * width + bandBucket(values[row]!, ends, unknown)]!++;
  }
  return summedFromTop(table, width);
}

/** A segment column with its per-bin totals, as the charts read it at every threshold. */
export interface SegmentGroup {
  segment: SegmentColumn;
  totals: BinTotals;
}

/**
 * The groups to chart: the named columns the spec can chart, with the worker's totals, or totals
 * made here for a column the worker did not total (one the person chose to break down by).
 */
export function segmentGroups(
  spec: Pick<ModelSpec, 'columns'>,
  names: readonly string[],
  data: SegmentData,
  totals: Record<string, BinTotals>,
  probabilities: Float32Array,
): SegmentGroup[] {
  return names.flatMap((name) => {
    const segment = segmentColumn(spec, name, data);
    return segment ? [{ segment, totals: totals[name] ?? segment.totals(probabilities) }] : [];
  });
}

/**
 * Customers and at-risk customers (`p >= threshold`) per segment, from each group's totals per
 * score bin: a threshold reads them and compares only the rows of its own bin (see
 * score-bins.ts). Rejected rows (NaN) are left out.
 */
export function segmentShares(
  probabilities: Float32Array,
  bins: ScoreBins,
  groups: readonly SegmentGroup[],
  threshold: number,
): SegmentSummary {
  return {
    scored: bins.atLeast[0]!,
    atRisk: countAtOrAbove(bins, probabilities, threshold),
    groups: groups.map(({ segment, totals }) => {
      const customers = totalsOfScored(totals);
      const { bucketOf } = segment;
      const risky = totalsAtOrAbove(totals, bins, probabilities, threshold, (row, out) => out[bucketOf(row)]!++);
      return {
        column: segment.column,
        label: segment.label,
        buckets: segment.buckets
          .map((label, b) => {
            const n = customers[b]!;
            const r = risky[b]!;
            return { label, customers: n, atRisk: r, share: n === 0 ? 0 : r / n };
          })
          .filter((b) => b.customers > 0),
      };
    }),
  };
}
