import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sortAmountsDescending } from './amounts-descending.ts';

/** The reference: the native sort of the negated values, negated back (the campaign's old way). */
function nativeDescending(values: readonly number[]): Float64Array {
  const negated = Float64Array.from(values, (v) => -v);
  negated.sort();
  return negated.map((v) => -v);
}

/** Compares bit for bit, so +0 and −0 and NaN positions count. */
const bitsOf = (values: Float64Array) =>
  Array.from(values, (v) => (Number.isNaN(v) ? 'NaN' : Object.is(v, -0) ? '-0' : String(v)));

describe('sortAmountsDescending', () => {
  it.each([
    ['empty', []],
    ['one value', [3]],
    ['already descending', [3, 2, 1]],
    ['ties', [2, 5, 2, 5, 2]],
    ['signs, zeros and infinities', [0, -0, -1, 1, -Infinity, Infinity, 0, -0]],
    ['NaN goes last', [NaN, 1, -1, NaN, 0]],
    ['the smallest magnitudes', [Number.MIN_VALUE, -Number.MIN_VALUE, 0, Number.EPSILON]],
    ['values that differ only in their low word', [1 + 2 ** -40, 1, 1 + 2 ** -52, 1 + 2 ** -30, 1 + 2 ** -45]],
    ['such a run after other values', [0.5, 1 + 2 ** -40, 2, 1, 1 + 2 ** -52, 3, 1 + 2 ** -45]],
  ])('%s: as the native sort of the negated values', (_, values) => {
    expect(bitsOf(sortAmountsDescending(Float64Array.from(values)))).toEqual(bitsOf(nativeDescending(values)));
  });

  it('matches the native order for any doubles', () => {
    fc.assert(
      fc.property(fc.array(fc.double(), { maxLength: 300 }), (values) => {
        expect(bitsOf(sortAmountsDescending(Float64Array.from(values)))).toEqual(bitsOf(nativeDescending(values)));
      }),
    );
  });

  it('sorts long runs that share their top 32 bits', () => {
    // 1 + k·2^-40: the same high word for every k below 2^8, in a shuffled order.
    const values = [5, ...Array.from({ length: 2000 }, (_, i) => 1 + ((i * 7919) % 2000) * 2 ** -40), 0.5];
    expect(bitsOf(sortAmountsDescending(Float64Array.from(values)))).toEqual(bitsOf(nativeDescending(values)));
  });

  it('sorts a view into a larger buffer and leaves the rest of the buffer alone', () => {
    const buffer = Float64Array.from([9, 1, 3, 2, 9]);
    const view = buffer.subarray(1, 4);
    expect(sortAmountsDescending(view)).toBe(view);
    expect(Array.from(buffer)).toEqual([9, 3, 2, 1, 9]);
  });
});
