import { riskBandIndex } from '../../core/decision/risk-band.ts';
import { explainRow, type Reason } from '../../core/explain/reasons.ts';
import type { PackedIds } from '../../core/ids/packed-ids.ts';
import type { FeatureSource } from '../../core/model-input/feature-plan.ts';
import type { ModelSpec } from '../../core/spec/model-spec.ts';

/** A contribution smaller than this (in log-odds) changes the probability by well under a point. */
export const NEGLIGIBLE = 0.01;

export type RowFacts =
  | { scored: true; probability: number; band: number; atRisk: boolean; reasons: Reason[] }
  /** A rejected row has no score, and its unreadable inputs have no contributions. */
  | { scored: false };

/** The model inputs for `planFeatures`, which reads them from Maps. */
export function featureTable(data: {
  numeric: Record<string, Float64Array>;
  codes: Record<string, Int16Array>;
  missing?: Record<string, Uint8Array>;
}) {
  return {
    numeric: new Map(Object.entries(data.numeric)),
    codes: new Map(Object.entries(data.codes)),
    missing: new Map(Object.entries(data.missing ?? {})),
  };
}

/** How a person finds this row: its customer ID, or its row number as a spreadsheet shows it (header = row 1). */
export function rowName(ids: PackedIds | null, row: number): string {
  const start = ids?.offsets[row];
  const end = ids?.offsets[row + 1];
  const id = ids && start !== undefined && end !== undefined ? ids.text.slice(start, end).trim() : '';
  return id === '' ? `Row ${row + 2}` : `Customer ${id}`;
}

export function rowFacts(
  spec: Pick<ModelSpec, 'columns' | 'features' | 'coefficients' | 'risk_bands'>,
  plan: readonly FeatureSource[],
  probabilities: ArrayLike<number>,
  row: number,
  threshold: number,
): RowFacts {
  const probability = probabilities[row];
  if (probability === undefined || Number.isNaN(probability)) return { scored: false };
  return {
    scored: true,
    probability,
    band: riskBandIndex(probability, spec.risk_bands),
    atRisk: probability >= threshold,
    reasons: explainRow(spec, plan, row),
  };
}
