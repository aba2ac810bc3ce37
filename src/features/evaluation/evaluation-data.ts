import {
  binScores,
  binTotals,
  totalsAtOrAbove,
  totalsOfScored,
  type BinTotals,
  type ScoreBins,
} from '../../core/decision/score-bins.ts';
import { rates, type Confusion, type Rates } from '../../core/metrics/confusion.ts';
import type { LabelledScores } from '../../core/metrics/file-evaluation.ts';

export interface ThresholdPoint {
  confusion: Confusion;
  rates: Rates;
  /** Where the threshold sits on the ROC curve. */
  fpr: number;
  tpr: number;
  /** Where it sits on the PR curve; precision of an empty selection is 1, as on the curve (`prCurve`). */
  curvePrecision: number;
}

/** The labelled scores grouped by score bin, once per file: outcomes 0 and 1 are the two series. */
export interface LabelledBins {
  scores: LabelledScores;
  bins: ScoreBins;
  outcomes: BinTotals;
}

export function labelledBins(scores: LabelledScores): LabelledBins {
  return {
    scores,
    bins: binScores(scores.probabilities),
    outcomes: binTotals(scores.probabilities, 2, scores.labels, null),
  };
}

/**
 * Counts and rates at the chosen threshold (`p >= threshold` is flagged), redone when it moves:
 * from the per-bin totals, so a step compares only the rows of the threshold's own bin.
 */
export function thresholdPoint({ scores, bins, outcomes }: LabelledBins, threshold: number): ThresholdPoint {
  const [negatives, positives] = totalsOfScored(outcomes);
  const [fp, tp] = totalsAtOrAbove(outcomes, bins, scores.probabilities, threshold);
  const confusion: Confusion = { tp: tp!, fp: fp!, fn: positives! - tp!, tn: negatives! - fp! };
  return {
    confusion,
    rates: rates(confusion),
    fpr: fp! + confusion.tn === 0 ? 0 : fp! / (fp! + confusion.tn),
    tpr: positives === 0 ? 0 : tp! / positives!,
    curvePrecision: tp! + fp! === 0 ? 1 : tp! / (tp! + fp!),
  };
}
