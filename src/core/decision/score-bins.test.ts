import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rankScores } from './ranked-scores.ts';
import {
  binScores,
  binTotals,
  countAtOrAbove,
  rowsHighToLow,
  SCORE_BINS,
  thresholdBin,
  totalsAtOrAbove,
  totalsOfScored,
} from './score-bins.ts';

// What the page adds for a row of the threshold's own bin, as binTotals added it.
const counting = (series: ArrayLike<number>) => (row: number, out: Float64Array) => out[series[row]!]!++;
const summing = (series: ArrayLike<number>, weights: ArrayLike<number>) => (row: number, out: Float64Array) =>
  (out[series[row]!]! += weights[row]!);

describe('thresholdBin', () => {
  it.each([
    [-1, 0],
    [0, 0],
    [Number.MIN_VALUE, 0],
    [0.25, 0x3e80],
    [0.5, 0x3f00],
    [Math.fround(0.9), 0x3f66],
    [1, 0x3f80],
    [1.5, SCORE_BINS - 1],
    [NaN, SCORE_BINS - 1],
  ])('threshold %f compares the rows of bin %i', (threshold, bin) => {
    expect(thresholdBin(threshold)).toBe(bin);
  });
});

describe('binScores', () => {
  it('groups scored rows highest bin first, in file order within a bin, leaving NaN out', () => {
    const bins = binScores(Float32Array.from([0.5, NaN, 0.9, 0.501, 0, 1, 0.5]));
    expect(Array.from(bins.rows)).toEqual([5, 2, 0, 3, 6, 4]);
    expect(bins.atLeast[0]).toBe(6);
    expect(bins.atLeast[0x3f00]).toBe(5);
    expect(bins.atLeast[0x3f01]).toBe(2);
    expect(bins.atLeast[0x3f80]).toBe(1);
    expect(bins.atLeast[SCORE_BINS]).toBe(0);
  });

  it('has no rows for a file with no scored row', () => {
    const bins = binScores(Float32Array.from([NaN, NaN]));
    expect(bins.rows.length).toBe(0);
    expect(bins.atLeast[0]).toBe(0);
  });

  it.each([-0.5, 2, Infinity])('refuses a score of %f, which no probability can be', (p) => {
    expect(() => binScores(Float32Array.from([0.5, p]))).toThrow(`Score ${p} of row 1 is outside [0, 1]`);
  });
});

describe('totals per bin', () => {
  const probabilities = Float32Array.from([0.9, NaN, 0.2, 0.6, 0.05, 0.6, 0.61]);
  const series = Uint8Array.from([0, 1, 1, 2, 0, 1, 2]);
  const weights = Float64Array.from([100, 50, 20, 30, 10, 40, 5]);
  const bins = binScores(probabilities);

  it('totals every scored row per series', () => {
    expect(Array.from(totalsOfScored(binTotals(probabilities, 3, series, null)))).toEqual([2, 2, 2]);
    expect(Array.from(totalsOfScored(binTotals(probabilities, 3, series, weights)))).toEqual([110, 60, 35]);
    expect(Array.from(totalsOfScored(binTotals(probabilities, 1, null, null)))).toEqual([6]);
  });

  it('leaves out rows whose series is past the last (an unknown outcome)', () => {
    const outcomes = Uint8Array.from([1, 0, 255, 0, 1, 255, 0]);
    expect(Array.from(totalsOfScored(binTotals(probabilities, 2, outcomes, null)))).toEqual([2, 2]);
  });

  it.each([
    [0.6, [1, 1, 2], [100, 40, 35]],
    [Math.fround(0.6), [1, 1, 2], [100, 40, 35]],
    // Just above 0.6's float32: the two rows at 0.6 drop out, 0.61 stays.
    [Math.fround(0.6) + 1e-12, [1, 0, 1], [100, 0, 5]],
    // 0.61's float32 is a little above 0.61, so it reaches a threshold of 0.61.
    [0.61, [1, 0, 1], [100, 0, 5]],
    [Math.fround(0.61) + 1e-9, [1, 0, 0], [100, 0, 0]],
    [0, [2, 2, 2], [110, 60, 35]],
    [1, [0, 0, 0], [0, 0, 0]],
  ])('at threshold %f: counts %j, sums %j', (threshold, counts, sums) => {
    expect(
      Array.from(
        totalsAtOrAbove(binTotals(probabilities, 3, series, null), bins, probabilities, threshold, counting(series)),
      ),
    ).toEqual(counts);
    expect(
      Array.from(
        totalsAtOrAbove(
          binTotals(probabilities, 3, series, weights),
          bins,
          probabilities,
          threshold,
          summing(series, weights),
        ),
      ),
    ).toEqual(sums);
    expect(countAtOrAbove(bins, probabilities, threshold)).toBe(counts.reduce((a, b) => a + b, 0));
  });
});

// Scores as the scorer gives them: float32 in [0, 1], often tied, some rejected (NaN).
const score = fc.oneof(
  fc.float({ min: 0, max: 1, noNaN: true }),
  fc.constantFrom(0, 1, 0.5, Math.fround(0.3), NaN),
  fc.integer({ min: 0, max: 20 }).map((k) => k / 20),
);

describe('counts at any threshold equal a count over every row', () => {
  it('for random scores, series, weights and thresholds, including exact scores and their neighbours', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(score, fc.integer({ min: 0, max: 3 }), fc.integer({ min: -5, max: 100 })), {
          maxLength: 80,
        }),
        fc.oneof(
          fc.record({ any: fc.double({ min: -0.1, max: 1.1, noNaN: true }) }),
          fc.record({ of: fc.nat(), plus: fc.constantFrom(0, -1e-12, 1e-12, -1e-8, 1e-8) }),
        ),
        (rows, pick) => {
          const probabilities = Float32Array.from(rows.map((r) => r[0]));
          const series = Uint16Array.from(rows.map((r) => r[1]));
          const weights = Float64Array.from(rows.map((r) => r[2]));
          const scoredValues = Array.from(probabilities).filter((p) => !Number.isNaN(p));
          const threshold = 'any' in pick ? pick.any : (scoredValues[pick.of % scoredValues.length] ?? 0.5) + pick.plus;
          const bins = binScores(probabilities);

          const flagged = rows.map((_, i) => probabilities[i]! >= threshold);
          expect(countAtOrAbove(bins, probabilities, threshold)).toBe(flagged.filter(Boolean).length);
          const counts = [0, 0, 0, 0];
          const sums = [0, 0, 0, 0];
          rows.forEach(([, s, w], i) => {
            if (!flagged[i]) return;
            counts[s]!++;
            sums[s]! += w;
          });
          expect(
            Array.from(
              totalsAtOrAbove(
                binTotals(probabilities, 4, series, null),
                bins,
                probabilities,
                threshold,
                counting(series),
              ),
            ),
          ).toEqual(counts);
          // Integer weights: every order of summing gives the same total.
          expect(
            Array.from(
              totalsAtOrAbove(
                binTotals(probabilities, 4, series, weights),
                bins,
                probabilities,
                threshold,
                summing(series, weights),
              ),
            ),
          ).toEqual(sums);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('rankScores', () => {
  it('orders the scored probabilities high to low, exactly as a sort of every score', () => {
    fc.assert(
      fc.property(fc.array(score, { maxLength: 300 }), (values) => {
        const probabilities = Float32Array.from(values);
        const expected = probabilities
          .filter((p) => !Number.isNaN(p))
          .sort()
          .reverse();
        const ranked = rankScores(probabilities);
        expect(Array.from(ranked.descending)).toEqual(Array.from(expected));
        let sum = 0;
        expect(Array.from(ranked.cumulative)).toEqual(Array.from(expected, (p) => (sum += p)));
      }),
      { numRuns: 300 },
    );
  });
});

describe('rowsHighToLow', () => {
  it('orders the scored rows by probability, high to low, ties in file order, as a comparator sort does', () => {
    fc.assert(
      fc.property(fc.array(score, { maxLength: 300 }), (values) => {
        const p = Float32Array.from(values);
        const expected = [...p.keys()].filter((i) => !Number.isNaN(p[i]!)).sort((a, b) => p[b]! - p[a]! || a - b);
        expect(Array.from(rowsHighToLow(p))).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });
});
