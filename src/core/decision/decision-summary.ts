import type { RankedScores } from './ranked-scores.ts';
import { binTotals, countAtOrAbove, totalsAtOrAbove, type BinTotals } from './score-bins.ts';

export interface DecisionSummary {
  scored: number;
  atRisk: number;
  /** Sum of probabilities over scored customers: the label-free expected number of churners. */
  expectedChurners: number;
  /** Sum of probabilities over the flagged customers. */
  expectedCaught: number;
  /** Sum of monthly charges over the flagged customers; null when the file has no charges. */
  revenueAtRisk: number | null;
}

/** The monthly charges of each row and their sums per score bin (revenueTotals). */
export interface Revenue {
  charges: Float64Array;
  totals: BinTotals;
}

/**
 * Counts for one threshold, from the scores grouped once per file: the rows at or above it are
 * the highest `atRisk` of `ranked`, so their probabilities sum to its running total there, and
 * `revenue` (null when the file has no charges) gives their charges.
 */
export function summariseThreshold(
  ranked: RankedScores,
  probabilities: Float32Array,
  threshold: number,
  revenue: Revenue | null,
): DecisionSummary {
  const scored = ranked.descending.length;
  const atRisk = countAtOrAbove(ranked.bins, probabilities, threshold);
  return {
    scored,
    atRisk,
    expectedChurners: scored === 0 ? 0 : ranked.cumulative[scored - 1]!,
    expectedCaught: atRisk === 0 ? 0 : ranked.cumulative[atRisk - 1]!,
    revenueAtRisk: revenue ? revenueAtOrAbove(revenue, ranked, probabilities, threshold) : null,
  };
}

function revenueAtOrAbove(revenue: Revenue, ranked: RankedScores, p: Float32Array, threshold: number): number {
  const { charges, totals } = revenue;
  return totalsAtOrAbove(totals, ranked.bins, p, threshold, (row, out) => (out[0]! += charges[row]!))[0]!;
}

/** Sums of the monthly charges per score bin, once per file (in the worker), for summariseThreshold. */
export function revenueTotals(probabilities: Float32Array, monthlyCharges: Float64Array): BinTotals {
  return binTotals(probabilities, 1, null, monthlyCharges);
}

/** Counts for the at-risk list the page set (1 = on it: the campaign's best N), in one pass. */
export function summariseList(
  probabilities: Float32Array,
  onList: Uint8Array,
  monthlyCharges: Float64Array | undefined,
): DecisionSummary {
  let scored = 0;
  let atRisk = 0;
  let expectedChurners = 0;
  let expectedCaught = 0;
  let revenue = 0;
  for (let i = 0; i < probabilities.length; i++) {
    const p = probabilities[i]!;
    if (Number.isNaN(p)) continue;
    scored++;
    expectedChurners += p;
    if (onList[i] === 1) {
      atRisk++;
      expectedCaught += p;
      if (monthlyCharges) revenue += monthlyCharges[i]!;
    }
  }
  return { scored, atRisk, expectedChurners, expectedCaught, revenueAtRisk: monthlyCharges ? revenue : null };
}
