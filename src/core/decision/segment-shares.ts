import {
  binTotals,
  countAtOrAbove,
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
  /** Every row's bucket at once (the per-bin totals, built in the worker). */
  allBuckets: () => Uint16Array;
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
      allBuckets: () => codeBuckets(values, unknown),
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
      allBuckets: () => bandBuckets(values, ends, unknown),
    };
  }
  return null;
}

/** Every column the charts can break down by: the categorical ones and the banded numeric ones. */
export function segmentChoices(spec: Pick<ModelSpec, 'columns'>): string[] {
  return spec.columns.filter((c) => c.type === 'categorical' || c.band_ends !== undefined).map((c) => c.name);
}

/** Customers per bucket and score bin of each segment column, once per file (in the worker). */
export function segmentTotals(
  spec: Pick<ModelSpec, 'columns'>,
  data: SegmentData,
  probabilities: Float32Array,
): Record<string, BinTotals> {
  const totals: Record<string, BinTotals> = {};
  for (const name of segmentChoices(spec)) {
    const segment = segmentColumn(spec, name, data);
    if (segment) totals[name] = binTotals(probabilities, segment.buckets.length, segment.allBuckets(), null);
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

function codeBuckets(codes: Int16Array, unknown: number): Uint16Array {
  const rows = new Uint16Array(codes.length);
  for (let row = 0; row < codes.length; row++) rows[row] = codeBucket(codes[row]!, unknown);
  return rows;
}

function bandBuckets(values: Float64Array, ends: readonly number[], unknown: number): Uint16Array {
  const rows = new Uint16Array(values.length);
  for (let row = 0; row < values.length; row++) rows[row] = bandBucket(values[row]!, ends, unknown);
  return rows;
}

/** A segment column with its per-bin totals, as the charts read it at every threshold. */
export interface SegmentGroup {
  segment: SegmentColumn;
  totals: BinTotals;
}

/** The groups to chart: the named columns the spec can chart and the worker totalled. */
export function segmentGroups(
  spec: Pick<ModelSpec, 'columns'>,
  names: readonly string[],
  data: SegmentData,
  totals: Record<string, BinTotals>,
): SegmentGroup[] {
  return names.flatMap((name) => {
    const segment = segmentColumn(spec, name, data);
    const binned = totals[name];
    return segment && binned ? [{ segment, totals: binned }] : [];
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
