import { binScores, type ScoreBins } from './score-bins.ts';

/**
 * Scored probabilities in descending order with running sums: what "flag the top K"
 * and "catch X % of expected churners" need to turn a goal into a threshold. The rows
 * grouped by score (`bins`) give counts per segment at any threshold.
 */
export interface RankedScores {
  descending: Float32Array;
  /** cumulative[k] = sum of the k + 1 highest probabilities. */
  cumulative: Float64Array;
  bins: ScoreBins;
}

export function rankScores(probabilities: Float32Array): RankedScores {
  const scored = probabilities.filter((p) => !Number.isNaN(p));
  scored.sort();
  scored.reverse();
  const cumulative = new Float64Array(scored.length);
  let sum = 0;
  scored.forEach((p, k) => {
    sum += p;
    cumulative[k] = sum;
  });
  return { descending: scored, cumulative, bins: binScores(probabilities) };
}

/**
 * The threshold that flags the top `k` customers. Ties at the cut flag everyone tied,
 * so the count can exceed k only when scores are exactly equal.
 */
export function thresholdForTopK(ranked: RankedScores, k: number): number {
  const n = ranked.descending.length;
  if (n === 0 || k <= 0) return 1;
  return ranked.descending[Math.min(k, n) - 1]!;
}

/** The highest threshold whose flagged customers hold at least `share` of the expected churners. */
export function thresholdForCapture(ranked: RankedScores, share: number): number {
  const n = ranked.cumulative.length;
  if (n === 0) return 1;
  const goal = share * ranked.cumulative[n - 1]!;
  let lo = 0;
  let hi = n - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ranked.cumulative[mid]! >= goal) hi = mid;
    else lo = mid + 1;
  }
  return ranked.descending[lo]!;
}
