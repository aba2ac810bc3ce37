import { describe, expect, it } from 'vitest';
import { confusionAt, rates } from './confusion.ts';

describe('confusionAt', () => {
  const labels = Uint8Array.from([1, 0, 1, 0]);
  const probs = Float64Array.from([0.5, 0.5, 0.3, 0.7]);

  it.each([
    // A score equal to the threshold is flagged: both 0.5 rows and the 0.7 row.
    { threshold: 0.5, expected: { tp: 1, fp: 2, tn: 0, fn: 1 } },
    { threshold: 0.51, expected: { tp: 0, fp: 1, tn: 1, fn: 2 } },
    { threshold: 0, expected: { tp: 2, fp: 2, tn: 0, fn: 0 } },
    { threshold: 1, expected: { tp: 0, fp: 0, tn: 2, fn: 2 } },
  ])('at $threshold', ({ threshold, expected }) => {
    expect(confusionAt(labels, probs, threshold)).toEqual(expected);
  });

  it('flags p = 1 at threshold 1', () => {
    expect(confusionAt(Uint8Array.from([1]), Float32Array.from([1]), 1)).toEqual({ tp: 1, fp: 0, tn: 0, fn: 0 });
  });

  it('counts nothing for no rows', () => {
    expect(confusionAt(new Uint8Array(0), new Float64Array(0), 0.5)).toEqual({ tp: 0, fp: 0, tn: 0, fn: 0 });
  });
});

describe('rates', () => {
  it.each([
    // precision 1/3, recall 1/2, f1 = 2·1 / (2·1 + 2 + 1) = 0.4, flagged 3 of 4.
    { c: { tp: 1, fp: 2, tn: 0, fn: 1 }, expected: { precision: 1 / 3, recall: 0.5, f1: 0.4, flag_rate: 0.75 } },
    { c: { tp: 3, fp: 0, tn: 5, fn: 0 }, expected: { precision: 1, recall: 1, f1: 1, flag_rate: 3 / 8 } },
    // Nothing flagged: precision is undefined and reported as 0.
    { c: { tp: 0, fp: 0, tn: 5, fn: 2 }, expected: { precision: 0, recall: 0, f1: 0, flag_rate: 0 } },
    // No positives at all: recall is undefined and reported as 0.
    { c: { tp: 0, fp: 4, tn: 1, fn: 0 }, expected: { precision: 0, recall: 0, f1: 0, flag_rate: 0.8 } },
    { c: { tp: 0, fp: 0, tn: 0, fn: 0 }, expected: { precision: 0, recall: 0, f1: 0, flag_rate: 0 } },
  ])('$c', ({ c, expected }) => {
    const r = rates(c);
    expect(r).toEqual(expected);
    expect(Object.values(r).every(Number.isFinite)).toBe(true);
  });
});
