import { requireClasses } from './check-scored.ts';
import { sortedScoresByClass } from './sorted-scores.ts';

/**
 * Average precision ("PR AUC") as sklearn's `average_precision_score` defines it:
 * Σ_k (R_k − R_{k−1}) · P_k over the distinct scores from high to low, rows with equal scores
 * entering together. Unlike a trapezoid it never interpolates between operating points, which
 * would overstate the area. Throws without a positive row (recall is undefined).
 */
export function averagePrecision(labels: Uint8Array, probs: ArrayLike<number>): number {
  const { positives, negatives } = sortedScoresByClass(labels, probs);
  requireClasses({ positives: positives.length, negatives: negatives.length }, 'Average precision', false);
  let pi = positives.length - 1;
  let ni = negatives.length - 1;
  let tp = 0;
  let fp = 0;
  // Σ ΔTP · precision; dividing by P once at the end turns ΔTP into ΔRecall.
  let weighted = 0;
  while (pi >= 0) {
    const score = Math.max(positives[pi]!, ni >= 0 ? negatives[ni]! : -Infinity);
    const tpBefore = tp;
    while (pi >= 0 && positives[pi] === score) {
      tp++;
      pi--;
    }
    while (ni >= 0 && negatives[ni] === score) {
      fp++;
      ni--;
    }
    if (tp > tpBefore) weighted += ((tp - tpBefore) * tp) / (tp + fp);
  }
  // Negatives scored below every positive add thresholds with no recall gain, so they are skipped.
  return weighted / positives.length;
}
