import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatNumber } from './reasons.ts';

const intl = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

describe('formatNumber', () => {
  it.each([0, -0, 1, -1, 0.005, 1.005, 999.995, 1234.5, -1234.56, 1e15 - 1, 1e15, 1e21, 1e-7, NaN, Infinity])(
    '%d as Intl writes it',
    (x) => {
      expect(formatNumber(x)).toBe(intl.format(x));
    },
  );

  it('writes any number as Intl does: cents, whole numbers, and doubles of any size', () => {
    const numbers = fc.oneof(
      fc.integer({ min: -1e9, max: 1e9 }).map((cents) => cents / 100),
      fc.maxSafeInteger(),
      fc.double({ noNaN: true }),
      fc.double({ min: -1e6, max: 1e6 }),
    );
    fc.assert(
      fc.property(numbers, (x) => {
        expect(formatNumber(x)).toBe(intl.format(x));
      }),
      { numRuns: 20_000 },
    );
  });
});
