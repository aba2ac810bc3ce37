import { requireClasses } from './check-scored.ts';
import { advanceBelow, sortedScoresByClass, type SortedScores } from './sorted-scores.ts';

export interface RocPoint {
  threshold: number;
  fpr: number;
  tpr: number;
}

export interface PrPoint {
  threshold: number;
  precision: number;
  recall: number;
}

/** The 101 thresholds 0, 0.01, …, 1, computed as i/100 so they print as short decimals. */
const STEPS = 100;

interface Counts {
  threshold: number;
  tp: number;
  fp: number;
}

/** Flagged counts (`p >= t`) at every threshold, from one ascending sweep over the sorted scores. */
function countsAtThresholds({ positives, negatives }: SortedScores): Counts[] {
  const counts: Counts[] = [];
  let posBelow = 0;
  let negBelow = 0;
  for (let i = 0; i <= STEPS; i++) {
    const threshold = i / STEPS;
    posBelow = advanceBelow(positives, threshold, posBelow);
    negBelow = advanceBelow(negatives, threshold, negBelow);
    counts.push({ threshold, tp: positives.length - posBelow, fp: negatives.length - negBelow });
  }
  return counts;
}

/** ROC points at the 101 fixed thresholds. Throws unless both classes are present. */
export function rocCurve(labels: Uint8Array, probs: ArrayLike<number>): RocPoint[] {
  const sorted = sortedScoresByClass(labels, probs);
  const p = sorted.positives.length;
  const n = sorted.negatives.length;
  requireClasses({ positives: p, negatives: n }, 'ROC curve', true);
  return countsAtThresholds(sorted).map(({ threshold, tp, fp }) => ({ threshold, fpr: fp / n, tpr: tp / p }));
}

/**
 * Precision–recall points at the 101 fixed thresholds. Throws without a positive row.
 * When a threshold flags nothing, precision is reported as 1 (sklearn's convention for the
 * curve's end point): no flagged row was wrong, and it keeps the curve anchored at recall 0.
 * Note `rates` reports 0 for the same empty case, because there it is a headline number.
 */
export function prCurve(labels: Uint8Array, probs: ArrayLike<number>): PrPoint[] {
  const sorted = sortedScoresByClass(labels, probs);
  const p = sorted.positives.length;
  requireClasses({ positives: p, negatives: sorted.negatives.length }, 'PR curve', false);
  return countsAtThresholds(sorted).map(({ threshold, tp, fp }) => ({
    threshold,
    precision: tp + fp === 0 ? 1 : tp / (tp + fp),
    recall: tp / p,
  }));
}
