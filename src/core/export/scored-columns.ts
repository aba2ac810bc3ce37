import { riskBandName } from '../decision/risk-band.ts';
import type { RiskBandSpec } from '../spec/model-spec.ts';

/** Columns every export appends after the file's own columns, in this order. */
export const SCORED_COLUMNS = ['churn_probability', 'churn_prediction', 'risk_band', 'top_reasons', 'issue'] as const;

export interface ScoredRowValues {
  probability: number;
  threshold: number;
  /** On the page's at-risk list when it is not a threshold (the campaign's best N); overrides `threshold`. */
  flagged?: boolean;
  reasons: string;
  issue: string;
  bands: readonly RiskBandSpec[];
}

/** The appended cells for one row; a rejected row (NaN) has only its issue. */
export function scoredCells({ probability, threshold, flagged, reasons, issue, bands }: ScoredRowValues): string[] {
  if (Number.isNaN(probability)) return ['', '', '', '', issue];
  return [
    probability.toFixed(4),
    (flagged ?? probability >= threshold) ? '1' : '0',
    riskBandName(probability, bands),
    reasons,
    issue,
  ];
}
