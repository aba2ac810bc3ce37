import { requireClasses } from './check-scored.ts';
import { advanceBelow, sortedScoresByClass } from './sorted-scores.ts';

/**
 * Area under the ROC curve as the Mann–Whitney statistic: the share of (positive, negative)
 * pairs the scores order correctly, a tie counting 1/2. This equals average-rank AUC and
 * sklearn's `roc_auc_score`. Throws unless both classes are present.
 */
export function rocAuc(labels: Uint8Array, probs: ArrayLike<number>): number {
  const { positives, negatives } = sortedScoresByClass(labels, probs);
  requireClasses({ positives: positives.length, negatives: negatives.length }, 'ROC AUC', true);
  // Count in half-pairs so the running total stays an integer: exact up to 2^53,
  // i.e. far past a million rows (at most 2 · 500,000² half-pairs).
  let halfWins = 0;
  let below = 0;
  let i = 0;
  while (i < positives.length) {
    const score = positives[i]!;
    let groupEnd = i + 1;
    while (groupEnd < positives.length && positives[groupEnd] === score) groupEnd++;
    below = advanceBelow(negatives, score, below);
    let tiedEnd = below;
    while (tiedEnd < negatives.length && negatives[tiedEnd] === score) tiedEnd++;
    halfWins += (groupEnd - i) * (2 * below + (tiedEnd - below));
    i = groupEnd;
  }
  return halfWins / (2 * positives.length * negatives.length);
}
