import { confusionAt, rates, type Confusion, type Rates } from '../../core/metrics/confusion.ts';
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

/** Counts and rates at the chosen threshold (`p >= threshold` is flagged), redone when it moves. */
export function thresholdPoint(scores: LabelledScores, threshold: number): ThresholdPoint {
  const confusion = confusionAt(scores.labels, scores.probabilities, threshold);
  const { tp, fp, fn, tn } = confusion;
  return {
    confusion,
    rates: rates(confusion),
    fpr: fp + tn === 0 ? 0 : fp / (fp + tn),
    tpr: tp + fn === 0 ? 0 : tp / (tp + fn),
    curvePrecision: tp + fp === 0 ? 1 : tp / (tp + fp),
  };
}
