/**
 * Row orders for the results table, computed on typed arrays without comparator
 * callbacks: each key is mapped to a non-negative 31-bit integer that sorts like
 * the key, and the rows are ordered by a stable two-pass radix sort on those integers
 * (16 bits a pass), so ties keep file order and the time grows linearly with the rows.
 * (The previous packing of key and row index into one float64 allowed at most 2^22
 * rows: ten million could not be sorted at all.)
 */
const scratch = new DataView(new ArrayBuffer(4));
const NAN_KEY = 0x7fffffff;

/** float32 bits reordered so that unsigned order equals numeric order; NaN sorts last. */
function orderedBits(x: number): number {
  if (Number.isNaN(x)) return NAN_KEY;
  scratch.setFloat32(0, x);
  const bits = scratch.getUint32(0);
  const flipped = bits & 0x80000000 ? ~bits >>> 0 : (bits | 0x80000000) >>> 0;
  // Drop the lowest bit to fit 31 bits; keys this close are equal for display.
  return Math.min(flipped >>> 1, 0x7ffffffe);
}

/** Stable counting sort of `from` into `to` by the 16-bit digit of each row's key at `shift`. */
function countingPass(keys: Uint32Array, from: Uint32Array, to: Uint32Array, shift: number, counts: Uint32Array): void {
  counts.fill(0);
  for (let j = 0; j < from.length; j++) counts[((keys[from[j]!]! >>> shift) & 0xffff) + 1]!++;
  for (let d = 1; d < counts.length; d++) counts[d]! += counts[d - 1]!;
  for (let j = 0; j < from.length; j++) {
    const row = from[j]!;
    to[counts[(keys[row]! >>> shift) & 0xffff]!++] = row;
  }
}

export function sortOrder(keys: ArrayLike<number>, descending: boolean): Uint32Array {
  const n = keys.length;
  const ordered = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    const k = orderedBits(keys[i]!);
    // Descending flips the key but not the index, so ties keep file order either way; NaN stays last.
    ordered[i] = descending && k !== NAN_KEY ? 0x7ffffffe - k : k;
  }
  const rows = new Uint32Array(n);
  for (let i = 0; i < n; i++) rows[i] = i;
  const low = new Uint32Array(n);
  const counts = new Uint32Array(0x10001);
  countingPass(ordered, rows, low, 0, counts);
  countingPass(ordered, low, rows, 16, counts);
  return rows;
}

/** Order of rows by text (customer IDs), locale-aware with numbers compared as numbers. */
export function sortOrderByText(texts: (i: number) => string, n: number, descending: boolean): Uint32Array {
  const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });
  const order = Array.from({ length: n }, (_, i) => i);
  const values = order.map(texts);
  order.sort((a, b) => (descending ? -1 : 1) * collator.compare(values[a]!, values[b]!) || a - b);
  return Uint32Array.from(order);
}
