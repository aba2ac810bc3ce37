import {
  binTotals,
  countAtOrAbove,
  totalsAtOrAbove,
  totalsOfScored,
  type BinTotals,
  type ScoreBins,
} from '../../core/decision/score-bins.ts';
import type { ModelSpec, Unit } from '../../core/spec/model-spec.ts';

export const UNKNOWN_BUCKET = 'Unknown';

export interface SegmentGroup {
  column: string;
  label: string;
  /** Bucket names; the last is always UNKNOWN_BUCKET. */
  buckets: string[];
  /** Customers per bucket (the series) and score bin. */
  totals: BinTotals;
}

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

/**
 * The segments this spec and file support: the spec's `segments`, each row's bucket found and
 * summed per score bin once per file, then read at every threshold (segmentShares).
 */
export function segmentGroups(
  spec: Pick<ModelSpec, 'columns' | 'segments'>,
  data: { numeric: Record<string, Float64Array>; codes: Record<string, Int16Array>; probabilities: Float32Array },
): SegmentGroup[] {
  const groups: SegmentGroup[] = [];
  const add = (column: string, label: string, buckets: string[], rows: Uint16Array) =>
    groups.push({ column, label, buckets, totals: binTotals(data.probabilities, buckets.length, rows, null) });
  for (const name of spec.segments) {
    const column = spec.columns.find((c) => c.name === name);
    if (column?.type === 'categorical') {
      const values = data.codes[name];
      if (values) {
        const buckets = [...column.categories, UNKNOWN_BUCKET];
        add(name, column.label, buckets, codeBuckets(values, buckets.length - 1));
      }
    } else if (column?.type === 'numeric' && column.band_ends) {
      const values = data.numeric[name];
      if (values) {
        const buckets = [...bandLabels(column.band_ends, column.range.min, column.unit), UNKNOWN_BUCKET];
        add(name, `${column.label} band`, buckets, bandBuckets(values, column.band_ends, buckets.length - 1));
      }
    }
  }
  return groups;
}

function codeBuckets(codes: Int16Array, unknown: number): Uint16Array {
  const rows = new Uint16Array(codes.length);
  for (let row = 0; row < codes.length; row++) {
    const code = codes[row]!;
    rows[row] = code < 0 || code >= unknown ? unknown : code;
  }
  return rows;
}

function bandBuckets(values: Float64Array, ends: readonly number[], unknown: number): Uint16Array {
  const rows = new Uint16Array(values.length);
  for (let row = 0; row < values.length; row++) {
    const v = values[row]!;
    if (Number.isNaN(v)) {
      rows[row] = unknown;
      continue;
    }
    let band = 0;
    while (band < ends.length && v > ends[band]!) band++;
    rows[row] = band;
  }
  return rows;
}

/**
 * Customers and at-risk customers (`p >= threshold`) per segment. Each group's totals per score
 * bin are built once per file, so a threshold reads them and compares only the rows of its own
 * bin (see score-bins.ts). Rejected rows (NaN) are left out.
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
    groups: groups.map((g) => {
      const customers = totalsOfScored(g.totals);
      const risky = totalsAtOrAbove(g.totals, bins, probabilities, threshold);
      return {
        column: g.column,
        label: g.label,
        buckets: g.buckets
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
