import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { calibrationBins, type CalibrationBin } from './calibration.ts';

describe('calibrationBins', () => {
  // 0.05 → bin 0; 0.1 and 0.15 → bin 1 (lower edge is inclusive); 0.95 and 1.0 → bin 9 (closed).
  let bins: CalibrationBin[];
  beforeEach(() => {
    bins = calibrationBins(Uint8Array.from([0, 1, 1, 0, 1]), Float64Array.from([0.05, 0.15, 0.1, 0.95, 1.0]));
  });

  it('returns ten equal-width bins', () => {
    expect(bins.map((b) => [b.lower, b.upper])).toEqual(Array.from({ length: 10 }, (_, i) => [i / 10, (i + 1) / 10]));
  });

  it.each([
    { bin: 0, count: 1, mean_predicted: 0.05, observed_rate: 0 },
    // (0.15 + 0.1) / 2 = 0.125; both positive.
    { bin: 1, count: 2, mean_predicted: 0.125, observed_rate: 1 },
    { bin: 2, count: 0, mean_predicted: null, observed_rate: null },
    { bin: 8, count: 0, mean_predicted: null, observed_rate: null },
    // (0.95 + 1.0) / 2 = 0.975; one of two positive.
    { bin: 9, count: 2, mean_predicted: 0.975, observed_rate: 0.5 },
  ])('bin $bin', ({ bin, count, mean_predicted, observed_rate }) => {
    const b = bins[bin]!;
    expect(b.count).toBe(count);
    expect(b.observed_rate).toBe(observed_rate);
    if (mean_predicted === null) expect(b.mean_predicted).toBeNull();
    else expect(b.mean_predicted).toBeCloseTo(mean_predicted, 15);
  });

  it.each([
    // floor(0.29 · 100) is 28 in floating point, but 0.29 >= 29/100, so it belongs to bin 29.
    { p: 0.29, bins: 100, expected: 29 },
    { p: 0.57, bins: 100, expected: 57 },
    // The double just below 0.9: 0.8999999999999999 · 10 rounds up to 9, yet it is below 9/10, so bin 8.
    { p: 0.8999999999999999, bins: 10, expected: 8 },
    { p: 0.3, bins: 10, expected: 3 },
    { p: 0.7, bins: 10, expected: 7 },
    { p: 0, bins: 10, expected: 0 },
    { p: 1, bins: 3, expected: 2 },
  ])('puts p = $p into bin $expected of $bins', ({ p, bins: count, expected }) => {
    const result = calibrationBins(Uint8Array.from([1]), Float64Array.from([p]), count);
    expect(result.findIndex((b) => b.count === 1)).toBe(expected);
  });

  it('rejects a non-integer bin count', () => {
    expect(() => calibrationBins(new Uint8Array(0), new Float64Array(0), 2.5)).toThrow(/positive integer/);
  });

  it('accounts for every row and keeps each mean inside its bin', () => {
    const rows = fc.array(
      fc.record({ label: fc.integer({ min: 0, max: 1 }), p: fc.double({ min: 0, max: 1, noNaN: true }) }),
      { maxLength: 80 },
    );
    fc.assert(
      fc.property(rows, fc.integer({ min: 1, max: 20 }), (r, count) => {
        const result = calibrationBins(
          Uint8Array.from(r.map((x) => x.label)),
          Float64Array.from(r.map((x) => x.p)),
          count,
        );
        expect(result).toHaveLength(count);
        expect(result.reduce((sum, b) => sum + b.count, 0)).toBe(r.length);
        for (const b of result) {
          if (b.mean_predicted === null) continue;
          expect(b.mean_predicted).toBeGreaterThanOrEqual(b.lower);
          expect(b.mean_predicted).toBeLessThanOrEqual(b.upper);
          expect(b.observed_rate).toBeGreaterThanOrEqual(0);
          expect(b.observed_rate).toBeLessThanOrEqual(1);
        }
      }),
    );
  });
});
