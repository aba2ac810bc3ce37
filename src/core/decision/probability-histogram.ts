/** Bins of the probability histogram; 2-point-wide bins keep a 1M-row file's shape without noise. */
export const HISTOGRAM_BINS = 50;

export interface Histogram {
  /** Customers per equal-width bin [i/bins, (i+1)/bins), the last bin closed so p = 1 counts. */
  counts: Uint32Array;
  /** Rows with a probability; rejected rows (NaN) are left out. */
  scored: number;
}

/** Counts scored probabilities into equal-width bins over [0, 1]; one pass, done once per file. */
export function probabilityHistogram(probabilities: ArrayLike<number>, bins = HISTOGRAM_BINS): Histogram {
  const counts = new Uint32Array(bins);
  let scored = 0;
  for (let i = 0; i < probabilities.length; i++) {
    const p = probabilities[i]!;
    // `!(p >= 0)` is also true for NaN, the mark of a rejected row.
    if (!(p >= 0) || p > 1) continue;
    counts[Math.min(Math.floor(p * bins), bins - 1)]!++;
    scored++;
  }
  return { counts, scored };
}

export type BinSide = 'at risk' | 'not at risk' | 'split';

/** Whether every customer in a bin is flagged (`p >= threshold`), none is, or the threshold cuts through the bin. */
export function binSide(bin: number, bins: number, threshold: number): BinSide {
  if (bin / bins >= threshold) return 'at risk';
  const upper = (bin + 1) / bins;
  // The last bin is closed, so a probability of exactly 1 in it is still flagged at threshold 1.
  if (bin < bins - 1 ? upper <= threshold : upper < threshold) return 'not at risk';
  return 'split';
}
