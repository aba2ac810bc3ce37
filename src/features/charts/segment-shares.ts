import type { ModelSpec, Unit } from '../../core/spec/model-spec.ts';

export const UNKNOWN_BUCKET = 'Unknown';

interface GroupBase {
  column: string;
  label: string;
  /** Bucket names; the last is always UNKNOWN_BUCKET. */
  buckets: string[];
}

export type SegmentGroup =
  | (GroupBase & { kind: 'codes'; values: Int16Array })
  | (GroupBase & { kind: 'bands'; values: Float64Array; ends: readonly number[] });

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

/** The segments this spec and file support: the spec's `segments`, built once per file, then counted at every threshold. */
export function segmentGroups(
  spec: Pick<ModelSpec, 'columns' | 'segments'>,
  data: { numeric: Record<string, Float64Array>; codes: Record<string, Int16Array> },
): SegmentGroup[] {
  const groups: SegmentGroup[] = [];
  for (const name of spec.segments) {
    const column = spec.columns.find((c) => c.name === name);
    if (column?.type === 'categorical') {
      const values = data.codes[name];
      if (values)
        groups.push({
          kind: 'codes',
          column: name,
          label: column.label,
          buckets: [...column.categories, UNKNOWN_BUCKET],
          values,
        });
    } else if (column?.type === 'numeric' && column.band_ends) {
      const values = data.numeric[name];
      if (values) {
        const buckets = [...bandLabels(column.band_ends, column.range.min, column.unit), UNKNOWN_BUCKET];
        groups.push({
          kind: 'bands',
          column: name,
          label: `${column.label} band`,
          buckets,
          values,
          ends: column.band_ends,
        });
      }
    }
  }
  return groups;
}

function bucketOf(group: SegmentGroup, row: number): number {
  const unknown = group.buckets.length - 1;
  if (group.kind === 'codes') {
    const code = group.values[row]!;
    return code < 0 || code >= unknown ? unknown : code;
  }
  const v = group.values[row]!;
  if (Number.isNaN(v)) return unknown;
  let band = 0;
  while (band < group.ends.length && v > group.ends[band]!) band++;
  return band;
}

/**
 * Customers and at-risk customers (`p >= threshold`) per segment, in one pass over the rows,
 * so moving the threshold on a million-row file stays quick. Rejected rows (NaN) are left out.
 */
export function segmentShares(
  probabilities: ArrayLike<number>,
  groups: readonly SegmentGroup[],
  threshold: number,
): SegmentSummary {
  const offsets: number[] = [];
  let width = 0;
  for (const g of groups) {
    offsets.push(width);
    width += g.buckets.length;
  }
  const customers = new Float64Array(width);
  const risky = new Float64Array(width);
  let scored = 0;
  let atRisk = 0;
  for (let row = 0; row < probabilities.length; row++) {
    const p = probabilities[row]!;
    if (Number.isNaN(p)) continue;
    const flag = p >= threshold ? 1 : 0;
    scored++;
    atRisk += flag;
    for (let g = 0; g < groups.length; g++) {
      const at = offsets[g]! + bucketOf(groups[g]!, row);
      customers[at]!++;
      risky[at]! += flag;
    }
  }
  return {
    scored,
    atRisk,
    groups: groups.map((g, gi) => ({
      column: g.column,
      label: g.label,
      buckets: g.buckets
        .map((label, b) => {
          const n = customers[offsets[gi]! + b]!;
          const r = risky[offsets[gi]! + b]!;
          return { label, customers: n, atRisk: r, share: n === 0 ? 0 : r / n };
        })
        .filter((b) => b.customers > 0),
    })),
  };
}
