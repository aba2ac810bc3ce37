import { beforeEach, describe, expect, it } from 'vitest';
import { heldOutRatesAt } from './held-out-rates.ts';
import { rankScores, thresholdForCapture, thresholdForTopK, type RankedScores } from './ranked-scores.ts';

// Probabilities that float32 and float64 hold exactly, so every boundary is an exact tie. Ranked in
// each test: a value computed while tests are collected would make every mutant it touches rerun all tests.
let ranked: RankedScores;
beforeEach(() => {
  ranked = rankScores(Float32Array.from([0.125, 0.5, Number.NaN, 0.25, 0.125]));
});

describe('thresholdForTopK at its edges', () => {
  it.each([
    [-1, 1],
    [0, 1],
    [1, 0.5],
    [2, 0.25],
    [3, 0.125],
    [4, 0.125],
    [5, 0.125],
  ])('top %i -> %f', (k, threshold) => {
    expect(thresholdForTopK(ranked, k)).toBe(threshold);
  });

  it('flags nobody when nothing was scored', () => {
    expect(thresholdForTopK(rankScores(Float32Array.of(Number.NaN)), 3)).toBe(1);
  });
});

describe('thresholdForCapture at its edges', () => {
  // Cumulative sums: 0.5, 0.75, 0.875, 1.
  it.each([
    [0, 0.5],
    [0.5, 0.5],
    [0.5000001, 0.25],
    [0.75, 0.25],
    [0.76, 0.125],
    [0.875, 0.125],
    [1, 0.125],
  ])('capture %f -> threshold %f', (share, threshold) => {
    expect(thresholdForCapture(ranked, share)).toBe(threshold);
  });

  it('flags nobody when nothing was scored', () => {
    expect(thresholdForCapture(rankScores(new Float32Array(0)), 0.5)).toBe(1);
  });

  it('with a single customer, any share is that customer', () => {
    const one = rankScores(Float32Array.of(0.25));
    expect(thresholdForCapture(one, 0.01)).toBe(0.25);
    expect(thresholdForCapture(one, 1)).toBe(0.25);
  });
});

describe('heldOutRatesAt between grid points', () => {
  // A curve whose slope changes at every point, so reading the wrong segment shows.
  const pr = [
    { threshold: 0, precision: 0.2, recall: 1 },
    { threshold: 0.25, precision: 0.3, recall: 0.9 },
    { threshold: 0.5, precision: 0.6, recall: 0.5 },
    { threshold: 0.75, precision: 0.7, recall: 0.4 },
    { threshold: 1, precision: 1, recall: 0 },
  ];

  it.each([
    [-0.5, 0.2, 1],
    [0, 0.2, 1],
    [0.125, 0.25, 0.95],
    [0.25, 0.3, 0.9],
    [0.375, 0.45, 0.7],
    [0.5, 0.6, 0.5],
    [0.625, 0.65, 0.45],
    [0.75, 0.7, 0.4],
    [0.875, 0.85, 0.2],
    [1, 1, 0],
    [1.5, 1, 0],
  ])('at %f: precision %f, recall %f', (t, precision, recall) => {
    const r = heldOutRatesAt({ pr }, t);
    expect(r.precision).toBeCloseTo(precision, 12);
    expect(r.recall).toBeCloseTo(recall, 12);
  });

  it('takes the earlier point where two share a threshold', () => {
    const stepped = [
      { threshold: 0, precision: 0.2, recall: 1 },
      { threshold: 0.5, precision: 0.4, recall: 0.6 },
      { threshold: 0.5, precision: 0.5, recall: 0.5 },
      { threshold: 1, precision: 1, recall: 0 },
    ];
    expect(heldOutRatesAt({ pr: stepped }, 0.5)).toEqual({ precision: 0.5, recall: 0.5 });
    expect(heldOutRatesAt({ pr: stepped }, 0.75).precision).toBeCloseTo(0.75, 12);
  });

  it('reads a one-point curve as that point', () => {
    expect(heldOutRatesAt({ pr: [{ threshold: 0.5, precision: 0.4, recall: 0.6 }] }, 0.9)).toEqual({
      precision: 0.4,
      recall: 0.6,
    });
  });
});
