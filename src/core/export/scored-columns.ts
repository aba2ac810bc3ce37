import { riskBand } from '../decision/risk-band.ts';

/** Columns every export appends after the file's own columns, in this order. */
export const SCORED_COLUMNS = ['churn_probability', 'churn_prediction', 'risk_band', 'top_reasons', 'issue'] as const;

export interface ScoredRowValues {
  probability: number;
  threshold: number;
  reasons: string;
  issue: string;
}

/** The appended cells for one row; a rejected row (NaN) has only its issue. */
export function scoredCells({ probability, threshold, reasons, issue }: ScoredRowValues): string[] {
  if (Number.isNaN(probability)) return ['', '', '', '', issue];
  return [probability.toFixed(4), probability >= threshold ? '1' : '0', riskBand(probability), reasons, issue];
}
