/**
 * Row orders for the results table, computed on typed arrays without comparator
 * callbacks: each key is mapped to a non-negative 31-bit integer that sorts like
 * the key, and packed with the row index into one float64 (31 + 22 bits fit
 * exactly in the 53-bit mantissa), so the engine's native numeric sort does the work.
 */
const INDEX_BITS = 22;
export const MAX_SORT_ROWS = 2 ** INDEX_BITS;
const scratch = new DataView(new ArrayBuffer(4));

/** float32 bits reordered so that unsigned order equals numeric order; NaN sorts last. */
function orderedBits(x: number): number {
  if (Number.isNaN(x)) return 0x7fffffff;
  scratch.setFloat32(0, x);
  const bits = scratch.getUint32(0);
  const flipped = bits & 0x80000000 ? ~bits >>> 0 : (bits | 0x80000000) >>> 0;
  // Drop the lowest bit to fit 31 bits; keys this close are equal for display.
  return Math.min(flipped >>> 1, 0x7ffffffe);
}

export function sortOrder(keys: ArrayLike<number>, descending: boolean): Uint32Array {
  const n = keys.length;
  if (n > MAX_SORT_ROWS) throw new Error(`Cannot sort more than ${MAX_SORT_ROWS} rows`);
  const packed = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const k = orderedBits(keys[i]!);
    // Descending flips the key but not the index, so ties keep file order either way; NaN stays last.
    const key = descending && k !== 0x7fffffff ? 0x7ffffffe - k : k;
    packed[i] = key * MAX_SORT_ROWS + i;
  }
  packed.sort();
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = packed[i]! % MAX_SORT_ROWS;
  return order;
}

/** Order of rows by text (customer IDs), locale-aware with numbers compared as numbers. */
export function sortOrderByText(texts: (i: number) => string, n: number, descending: boolean): Uint32Array {
  const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });
  const order = Array.from({ length: n }, (_, i) => i);
  const values = order.map(texts);
  order.sort((a, b) => (descending ? -1 : 1) * collator.compare(values[a]!, values[b]!) || a - b);
  return Uint32Array.from(order);
}
