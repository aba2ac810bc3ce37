/**
 * Counts at any threshold without visiting every row. A probability in [0, 1] is a non-negative
 * float32, whose bit pattern orders like its value, so the top 16 bits are a bin that rises with
 * the score (128 bins per power of two: 0.5 to 1 is bins 0x3f00 to 0x3f7f, and 1 is 0x3f80).
 * Totals per bin are summed from the top once per file; a threshold then reads whole bins from
 * that table and compares only the rows of the one bin it falls in.
 *
 * Why by hand: counting every row at each slider step took about 80 ms a step for 1,000,000
 * rows (segment shares and the decision summary, Chromium, `.bench/slider.mts`), and ten times
 * that at 10,000,000. No library keeps per-bucket running totals over a sorted numeric key.
 */
export const SCORE_BINS = 0x3f81;

export interface ScoreBins {
  /** Scored rows (NaN left out), highest bin first, in file order within a bin. */
  rows: Uint32Array;
  /** atLeast[b]: scored rows in bin b or above (atLeast[SCORE_BINS] = 0); bin b's rows are rows[atLeast[b + 1] .. atLeast[b]). */
  atLeast: Uint32Array;
}

/**
 * Per-bin totals of one or more series, summed from the top: table[b * width + k] covers the rows
 * in bin b or above. Built once per file in the worker; a few hundred kB that travel to the page.
 */
export interface BinTotals {
  table: Float64Array;
  width: number;
}

/** Adds one row of the threshold's own bin to the totals, as the table was built (see binTotals). */
export type AddRow = (row: number, out: Float64Array) => void;

/** The scores' float32 bit patterns, whose top 16 bits are the bins (a view, no copy). */
export function bitsOf(probabilities: Float32Array): Uint32Array {
  return new Uint32Array(probabilities.buffer, probabilities.byteOffset, probabilities.length);
}

/** A scored row's bin, or SCORE_BINS or more for NaN (a rejected row). */
function binOfBits(bits: number): number {
  return bits >>> 16;
}

function checkScore(p: number, row: number): void {
  if (!Number.isNaN(p)) throw new Error(`Score ${p} of row ${row} is outside [0, 1]`);
}

/** Groups the scored rows by bin (a counting sort: two passes). */
export function binScores(probabilities: Float32Array): ScoreBins {
  const bits = bitsOf(probabilities);
  const atLeast = new Uint32Array(SCORE_BINS + 1);
  for (let row = 0; row < bits.length; row++) {
    const bin = binOfBits(bits[row]!);
    if (bin < SCORE_BINS) atLeast[bin]!++;
    else checkScore(probabilities[row]!, row);
  }
  for (let bin = SCORE_BINS - 1; bin >= 0; bin--) atLeast[bin]! += atLeast[bin + 1]!;
  const rows = new Uint32Array(atLeast[0]!);
  const next = atLeast.slice(1);
  for (let row = 0; row < bits.length; row++) {
    const bin = binOfBits(bits[row]!);
    if (bin < SCORE_BINS) rows[next[bin]!++] = row;
  }
  return { rows, atLeast };
}

const scratch = new Float32Array(1);
const scratchBits = new Uint32Array(scratch.buffer);

/**
 * The bin whose rows must be compared with the threshold: rows in higher bins all score above
 * it and rows in lower bins all below, because a float32 score lies on the same side of `t` as
 * of its nearest float32.
 */
export function thresholdBin(threshold: number): number {
  if (threshold <= 0) return 0;
  if (!(threshold <= 1)) return SCORE_BINS - 1;
  scratch[0] = threshold;
  return binOfBits(scratchBits[0]!);
}

/** Scored rows with `p >= threshold`. */
export function countAtOrAbove(bins: ScoreBins, probabilities: Float32Array, threshold: number): number {
  const bin = thresholdBin(threshold);
  let count = bins.atLeast[bin + 1]!;
  for (let i = count; i < bins.atLeast[bin]!; i++) if (probabilities[bins.rows[i]!]! >= threshold) count++;
  return count;
}

/**
 * Totals per bin of `width` series: each scored row adds its weight (null: 1) to series
 * `seriesOf[row]` (null: series 0); a row whose series is `width` or more adds nothing (an
 * outcome that is not known, say). One pass over the rows.
 */
export function binTotals(
  probabilities: Float32Array,
  width: number,
  seriesOf: Uint8Array | Uint16Array | null,
  weights: Float64Array | null,
): BinTotals {
  const bits = bitsOf(probabilities);
  const table = new Float64Array((SCORE_BINS + 1) * width);
  for (let row = 0; row < bits.length; row++) {
    const bin = binOfBits(bits[row]!);
    const series = seriesOf ? seriesOf[row]! : 0;
    if (bin >= SCORE_BINS || series >= width) continue;
    table[bin * width + series]! += weights ? weights[row]! : 1;
  }
  return summedFromTop(table, width);
}

/** Turns counts per bin (table[bin * width + series]) into totals of the bins at or above each bin. */
export function summedFromTop(table: Float64Array, width: number): BinTotals {
  for (let at = SCORE_BINS * width - 1; at >= 0; at--) table[at]! += table[at + width]!;
  return { table, width };
}

/** Each series' total over all scored rows. */
export function totalsOfScored(totals: BinTotals): Float64Array {
  return totals.table.slice(0, totals.width);
}

/**
 * Each series' total over the scored rows with `p >= threshold`: the table's figure above the
 * threshold's bin, plus the rows of that bin that reach it, added by `add` as binTotals added them.
 */
export function totalsAtOrAbove(
  totals: BinTotals,
  bins: ScoreBins,
  probabilities: Float32Array,
  threshold: number,
  add: AddRow,
): Float64Array {
  const bin = thresholdBin(threshold);
  const { width } = totals;
  const out = totals.table.slice((bin + 1) * width, (bin + 2) * width);
  for (let i = bins.atLeast[bin + 1]!; i < bins.atLeast[bin]!; i++) {
    const row = bins.rows[i]!;
    if (probabilities[row]! >= threshold) add(row, out);
  }
  return out;
}

/**
 * Scored rows from the highest probability to the lowest, ties in file order, compared exactly
 * (by the float32 bits): a stable counting pass by the low 16 bits, then one by the bins. Sorting
 * the rows with a comparator took tens of seconds for 10,000,000 rows in the browser's worker
 * (the campaign's first answer, which a sort asked for meanwhile waited behind).
 */
export function rowsHighToLow(probabilities: Float32Array): Uint32Array {
  const bits = bitsOf(probabilities);
  const low = new Uint32Array(0x10001);
  const high = new Uint32Array(SCORE_BINS + 1);
  for (let row = 0; row < bits.length; row++) {
    const b = bits[row]!;
    const bin = binOfBits(b);
    if (bin >= SCORE_BINS) {
      checkScore(probabilities[row]!, row);
      continue;
    }
    low[0x10000 - (b & 0xffff)]!++;
    high[SCORE_BINS - bin]!++;
  }
  for (let d = 1; d <= 0x10000; d++) low[d]! += low[d - 1]!;
  for (let d = 1; d <= SCORE_BINS; d++) high[d]! += high[d - 1]!;
  const count = high[SCORE_BINS]!;
  const byLow = new Uint32Array(count);
  for (let row = 0; row < bits.length; row++) {
    const b = bits[row]!;
    if (binOfBits(b) < SCORE_BINS) byLow[low[0xffff - (b & 0xffff)]!++] = row;
  }
  const rows = new Uint32Array(count);
  for (let j = 0; j < count; j++) {
    const row = byLow[j]!;
    rows[high[SCORE_BINS - 1 - binOfBits(bits[row]!)]!++] = row;
  }
  return rows;
}
