import { checkScored } from './check-scored.ts';

export interface CalibrationBin {
  lower: number;
  upper: number;
  /** null when no row fell in the bin: there is nothing to compare. */
  mean_predicted: number | null;
  observed_rate: number | null;
  count: number;
}

/**
 * Bin of `p` among `bins` equal-width bins [0, 1/b), …, [(b−1)/b, 1], the last closed so
 * p = 1 counts. floor(p·b) can land one bin off in floating point (0.29·100 = 28.999…), so
 * the index is nudged to agree with the `lower`/`upper` values the bins report.
 */
function binOf(p: number, bins: number): number {
  let bin = Math.min(Math.floor(p * bins), bins - 1);
  if (p < bin / bins) bin--;
  else if (bin + 1 < bins && p >= (bin + 1) / bins) bin++;
  return bin;
}

/** Reliability table: per equal-width probability bin, the mean prediction and the observed positive rate. */
export function calibrationBins(labels: Uint8Array, probs: ArrayLike<number>, bins = 10): CalibrationBin[] {
  if (!Number.isInteger(bins) || bins < 1) throw new Error(`bins must be a positive integer, got ${bins}`);
  checkScored(labels, probs);
  const counts = new Float64Array(bins);
  const predicted = new Float64Array(bins);
  const observed = new Float64Array(bins);
  for (let i = 0; i < labels.length; i++) {
    const p = probs[i]!;
    const bin = binOf(p, bins);
    counts[bin]!++;
    predicted[bin]! += p;
    observed[bin]! += labels[i]!;
  }
  return Array.from({ length: bins }, (_, bin) => {
    const count = counts[bin]!;
    return {
      lower: bin / bins,
      upper: (bin + 1) / bins,
      mean_predicted: count === 0 ? null : predicted[bin]! / count,
      observed_rate: count === 0 ? null : observed[bin]! / count,
      count,
    };
  });
}
