import { explainRow, topReasons, type Reason } from '../../core/explain/reasons.ts';
import { planFeatures, type FeatureSource } from '../../core/model-input/feature-plan.ts';
import type { ModelSpec } from '../../core/spec/model-spec.ts';
import type { ScoredDataset } from '../../worker/protocol.ts';
import { idAt } from '../../core/ids/packed-ids.ts';
import type { RowRange } from './scaled-scroll.ts';

/** One rendered table row: only rows inside the viewport window are ever built. */
export interface WindowRow {
  /** Index of the data row in the file. */
  row: number;
  /** Index in the filtered, ordered list on screen. */
  position: number;
  /** The customer ID, or the file's line number when the file has no IDs. */
  id: string;
  probability: number;
  reasons: readonly Reason[];
}

type Inputs = Pick<ScoredDataset, 'numeric' | 'codes' | 'missing'>;

/**
 * Where each model feature's values are, for explaining rows. Null when the
 * dataset was read for another model, so reasons are left out rather than wrong.
 */
export function reasonPlan(spec: Pick<ModelSpec, 'columns' | 'features'>, dataset: Inputs): FeatureSource[] | null {
  const hasAll = spec.columns.every(
    (c) => (c.type === 'numeric' ? dataset.numeric[c.name] : dataset.codes[c.name]) !== undefined,
  );
  if (!hasAll) return null;
  return planFeatures(spec, {
    numeric: new Map(Object.entries(dataset.numeric)),
    codes: new Map(Object.entries(dataset.codes)),
    missing: new Map(Object.entries(dataset.missing)),
  });
}

/** The file's line number for a data row: line 1 is the header. */
export const fileLine = (row: number) => row + 2;

export function windowRows(
  spec: Pick<ModelSpec, 'columns' | 'features' | 'coefficients'>,
  dataset: Pick<ScoredDataset, 'probabilities' | 'ids'>,
  plan: readonly FeatureSource[] | null,
  visible: Uint32Array,
  range: RowRange,
): WindowRow[] {
  const rows: WindowRow[] = [];
  const end = Math.min(range.end, visible.length);
  for (let position = Math.max(0, range.start); position < end; position++) {
    const row = visible[position]!;
    rows.push({
      row,
      position,
      id: dataset.ids ? idAt(dataset.ids, row) : String(fileLine(row)),
      probability: dataset.probabilities[row]!,
      reasons: plan ? topReasons(explainRow(spec, plan, row)) : [],
    });
  }
  return rows;
}
