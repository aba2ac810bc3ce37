import type { ModelSpec } from '../spec/model-spec.ts';
import { revenueTotals } from './decision-summary.ts';
import { binTotals, type BinTotals } from './score-bins.ts';
import { segmentTotals } from './segment-shares.ts';

/**
 * What the page reads at every threshold, totalled per score bin once per file in the worker:
 * passes over every row there, not on the page's thread (a pass over 10,000,000 rows is a long
 * task), and small tables to send (16,257 bins per series).
 */
export interface ThresholdTables {
  /** Monthly charges, when the spec names them and the file has them. */
  revenue: BinTotals | null;
  /** Outcomes 0 and 1 (unknown ones left out), when the file has outcomes. */
  outcomes: BinTotals | null;
  /** Customers per bucket of the spec's segments. */
  segments: Record<string, BinTotals>;
}

export function thresholdTables(
  spec: Pick<ModelSpec, 'columns' | 'value' | 'segments'>,
  data: { numeric: Record<string, Float64Array>; codes: Record<string, Int16Array>; labels: Uint8Array | null },
  probabilities: Float32Array,
): ThresholdTables {
  const charges = spec.value ? data.numeric[spec.value.column] : undefined;
  return {
    revenue: charges ? revenueTotals(probabilities, charges) : null,
    outcomes: data.labels ? binTotals(probabilities, 2, data.labels, null) : null,
    segments: segmentTotals(spec, spec.segments, data, probabilities),
  };
}

export function tableBuffers(tables: ThresholdTables): ArrayBuffer[] {
  const all = [tables.revenue, tables.outcomes, ...Object.values(tables.segments)];
  return all.flatMap((t) => (t ? [t.table.buffer as ArrayBuffer] : []));
}
