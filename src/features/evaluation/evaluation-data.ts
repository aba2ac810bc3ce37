import { totalsAtOrAbove, totalsOfScored, type BinTotals, type ScoreBins } from '../../core/decision/score-bins.ts';
import { rates, type Confusion, type Rates } from '../../core/metrics/confusion.ts';

export interface ThresholdPoint {
  confusion: Confusion;
  rates: Rates;
  /** Where the threshold sits on the ROC curve. */
  fpr: number;
  tpr: number;
  /** Where it sits on the PR curve; precision of an empty selection is 1, as on the curve (`prCurve`). */
  curvePrecision: number;
}

/** A file's outcomes as the threshold reads them: per score bin from the worker, and per row for the threshold's own bin. */
export interface Outcomes {
  labels: Uint8Array;
  probabilities: Float32Array;
  bins: ScoreBins;
  /** Series 0: stayed, 1: churned; rows without a known outcome are in neither. */
  totals: BinTotals;
}

/**
 * Counts and rates at the chosen threshold (`p >= threshold` is flagged), redone when it moves:
 * from the per-bin totals, so a step compares only the rows of the threshold's own bin.
 */
export function thresholdPoint({ labels, probabilities, bins, totals }: Outcomes, threshold: number): ThresholdPoint {
  const [negatives, positives] = totalsOfScored(totals);
  const [fp, tp] = totalsAtOrAbove(totals, bins, probabilities, threshold, (row, out) => {
    const label = labels[row]!;
    if (label < 2) out[label]!++;
  });
  const confusion: Confusion = { tp: tp!, fp: fp!, fn: positives! - tp!, tn: negatives! - fp! };
  return {
    confusion,
    rates: rates(confusion),
    fpr: negatives === 0 ? 0 : fp! / negatives!,
    tpr: positives === 0 ? 0 : tp! / positives!,
    curvePrecision: tp! + fp! === 0 ? 1 : tp! / (tp! + fp!),
  };
}
