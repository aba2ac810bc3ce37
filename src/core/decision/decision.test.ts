import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { revenueTotals, summariseList, summariseThreshold } from './decision-summary.ts';
import { heldOutRatesAt } from './held-out-rates.ts';
import { rankScores, thresholdForCapture, thresholdForTopK, type RankedScores } from './ranked-scores.ts';
import { riskBandIndex, riskBandName } from './risk-band.ts';

const probs = Float32Array.from([0.9, NaN, 0.2, 0.6, 0.05, 0.6]);
const charges = Float64Array.from([100, 50, 20, 30, 10, 40]);

/** The summary the page shows at a threshold, from the tables it builds once per file. */
function summaryAt(p: Float32Array, threshold: number, monthlyCharges?: Float64Array) {
  const revenue = monthlyCharges ? { charges: monthlyCharges, totals: revenueTotals(p, monthlyCharges) } : null;
  return summariseThreshold(rankScores(p), p, threshold, revenue);
}

describe('the decision summary', () => {
  it('counts scored and at-risk customers, skipping rejected rows', () => {
    const s = summaryAt(probs, 0.6, charges);
    expect(s.scored).toBe(5);
    expect(s.atRisk).toBe(3);
    expect(s.revenueAtRisk).toBe(170);
    expect(s.expectedChurners).toBeCloseTo(0.9 + 0.2 + 0.6 + 0.05 + 0.6, 6);
    expect(s.expectedCaught).toBeCloseTo(2.1, 6);
  });

  it('counts the at-risk list the page set instead of the threshold, when there is one', () => {
    const s = summariseList(probs, Uint8Array.of(0, 1, 1, 0, 1, 0), charges);
    // Row 1 is rejected: on the list, but not scored, so not counted.
    expect(s.atRisk).toBe(2);
    expect(s.revenueAtRisk).toBe(30);
    expect(s.expectedCaught).toBeCloseTo(0.25, 6);
  });

  it('has no revenue figure without charges', () => {
    expect(summaryAt(probs, 0.5).revenueAtRisk).toBeNull();
  });
});

describe('goals to thresholds', () => {
  let ranked: RankedScores;
  beforeEach(() => {
    ranked = rankScores(probs);
  });

  it('ranks scored probabilities high to low', () => {
    expect(Array.from(ranked.descending)).toEqual(Array.from(Float32Array.from([0.9, 0.6, 0.6, 0.2, 0.05])));
  });

  it.each([
    [1, Math.fround(0.9), 1],
    [2, Math.fround(0.6), 3],
    [4, Math.fround(0.2), 4],
    [99, Math.fround(0.05), 5],
  ])('top %i gives threshold %f flagging %i', (k, threshold, flagged) => {
    const t = thresholdForTopK(ranked, k);
    expect(t).toBe(threshold);
    expect(summaryAt(probs, t).atRisk).toBe(flagged);
  });

  it('top 0 flags nobody', () => {
    expect(summaryAt(probs, thresholdForTopK(ranked, 0)).atRisk).toBe(0);
  });

  it('capturing a share flags the fewest customers whose probabilities reach it', () => {
    fc.assert(
      fc.property(
        fc.array(fc.float({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 60 }),
        fc.double({ min: 0.01, max: 1, noNaN: true }),
        (values, share) => {
          const p = Float32Array.from(values);
          const r = rankScores(p);
          const t = thresholdForCapture(r, share);
          const s = summaryAt(p, t);
          expect(s.expectedCaught).toBeGreaterThanOrEqual(share * s.expectedChurners - 1e-6);
        },
      ),
    );
  });
});

describe('heldOutRatesAt', () => {
  const pr = [0, 0.5, 1].map((threshold) => ({ threshold, precision: 0.2 + threshold * 0.6, recall: 1 - threshold }));
  // Only the grid points matter here; real specs have 101 of them.
  it.each([
    [0, 0.2, 1],
    [0.25, 0.35, 0.75],
    [0.5, 0.5, 0.5],
    [1, 0.8, 0],
  ])('at %f', (t, precision, recall) => {
    const r = heldOutRatesAt({ pr }, t);
    expect(r.precision).toBeCloseTo(precision, 10);
    expect(r.recall).toBeCloseTo(recall, 10);
  });
});

describe('riskBandName', () => {
  const bands = [
    { name: 'Low', from: 0 },
    { name: 'Medium', from: 0.15 },
    { name: 'High', from: 0.35 },
    { name: 'Very high', from: 0.6 },
  ];
  it.each([
    [0, 'Low'],
    [0.149, 'Low'],
    [0.15, 'Medium'],
    [0.3499, 'Medium'],
    [0.35, 'High'],
    [0.6, 'Very high'],
    [1, 'Very high'],
  ])('%f -> %s', (p, band) => {
    expect(riskBandName(p, bands)).toBe(band);
  });
  it('uses whatever bands the spec gives, including a single one', () => {
    expect(riskBandName(0.99, [{ name: 'All', from: 0 }])).toBe('All');
    expect(
      riskBandIndex(0.5, [
        { name: 'a', from: 0 },
        { name: 'b', from: 0.5 },
      ]),
    ).toBe(1);
    expect(
      riskBandIndex(0.4999, [
        { name: 'a', from: 0 },
        { name: 'b', from: 0.5 },
      ]),
    ).toBe(0);
  });
});
