import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sortOrder, sortOrderByText } from './sort-order.ts';

const reference = (keys: number[], descending: boolean) =>
  keys
    .map((k, i) => ({ k: Math.fround(k), i }))
    .sort((a, b) => {
      if (Number.isNaN(a.k) !== Number.isNaN(b.k)) return Number.isNaN(a.k) ? 1 : -1;
      const d = descending ? b.k - a.k : a.k - b.k;
      return d || a.i - b.i;
    })
    .map((x) => x.i);

describe('sortOrder', () => {
  it('orders ascending and descending, ties in file order, NaN last', () => {
    const keys = [0.5, NaN, 0.1, 0.5, -3, 1];
    expect(Array.from(sortOrder(keys, false))).toEqual([4, 2, 0, 3, 5, 1]);
    expect(Array.from(sortOrder(keys, true))).toEqual([5, 0, 3, 2, 4, 1]);
  });

  it('agrees with a comparator sort on float32 keys', () => {
    // Keys closer than one float32 step (after dropping the lowest bit) may tie; avoid them by using a coarse grid.
    const key = fc.oneof(
      fc.integer({ min: -1000, max: 1000 }).map((n) => n / 8),
      fc.constant(NaN),
    );
    fc.assert(
      fc.property(fc.array(key, { maxLength: 200 }), fc.boolean(), (keys, desc) => {
        expect(Array.from(sortOrder(keys, desc))).toEqual(reference(keys, desc));
      }),
    );
  });

  it('sorts integer category codes', () => {
    expect(Array.from(sortOrder(Int16Array.from([2, -1, 0, 1]), false))).toEqual([1, 2, 3, 0]);
  });
});

describe('sortOrderByText', () => {
  it('compares numbers inside IDs as numbers', () => {
    const ids = ['C-10', 'C-9', 'b-1', 'A-2'];
    expect(Array.from(sortOrderByText((i) => ids[i]!, ids.length, false))).toEqual([3, 2, 1, 0]);
    expect(Array.from(sortOrderByText((i) => ids[i]!, ids.length, true))).toEqual([0, 1, 2, 3]);
  });
});

describe('sortOrder beyond four million rows', () => {
  it('orders five million rows (more than the old 2^22 limit), ties in file order', () => {
    const n = 5_000_000;
    const keys = new Float32Array(n);
    for (let i = 0; i < n; i++) keys[i] = (i * 7919) % 1000;
    const order = sortOrder(keys, true);
    expect(order).toHaveLength(n);
    for (let j = 1; j < n; j++) {
      const a = keys[order[j - 1]!]!;
      const b = keys[order[j]!]!;
      if (a < b || (a === b && order[j - 1]! > order[j]!)) throw new Error(`out of order at ${j}`);
    }
  });
});
