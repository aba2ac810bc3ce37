import { describe, expect, it } from 'vitest';
import { brierScore, logLoss } from './probability-scores.ts';

describe('brierScore', () => {
  it.each([
    // (0.9−1)² + (0.2−0)² + (0.4−1)² = 0.01 + 0.04 + 0.36 = 0.41, over 3 rows.
    { labels: [1, 0, 1], probs: [0.9, 0.2, 0.4], expected: 0.41 / 3 },
    { labels: [1, 0], probs: [1, 0], expected: 0 },
    { labels: [1, 0], probs: [0, 1], expected: 1 },
    // Always saying ½ costs ¼ whatever happens.
    { labels: [1, 0, 0], probs: [0.5, 0.5, 0.5], expected: 0.25 },
  ])('$labels with $probs → $expected', ({ labels, probs, expected }) => {
    expect(brierScore(Uint8Array.from(labels), Float64Array.from(probs))).toBeCloseTo(expected, 15);
  });

  it('throws on no rows', () => {
    expect(() => brierScore(new Uint8Array(0), new Float64Array(0))).toThrow(/at least one row/);
  });
});

describe('logLoss', () => {
  it.each([
    // −(ln 0.8 + ln(1 − 0.3)) / 2 = (0.2231435513 + 0.3566749439) / 2.
    { name: 'two rows', labels: [1, 0], probs: [0.8, 0.3], expected: (-Math.log(0.8) - Math.log(0.7)) / 2, digits: 15 },
    { name: 'a coin flip', labels: [1, 0], probs: [0.5, 0.5], expected: Math.LN2, digits: 15 },
    // p = 0 on a positive is clipped to 1e-15: −ln(1e-15) = 15 · ln 10 = 34.5387763949…
    { name: 'p = 0 on a positive is clipped', labels: [1], probs: [0], expected: 15 * Math.LN10, digits: 12 },
    // p = 1 on a negative is clipped to 1 − 1e-15; that double is 1 − 9.99e-16, so the loss is ln(1/9.99e-16) ≈ 34.5395.
    { name: 'p = 1 on a negative is clipped', labels: [0], probs: [1], expected: 34.5395, digits: 3 },
    { name: 'confident and right', labels: [1, 0], probs: [1, 0], expected: 1e-15, digits: 14 },
  ])('$name', ({ labels, probs, expected, digits }) => {
    const loss = logLoss(Uint8Array.from(labels), Float64Array.from(probs));
    expect(Number.isFinite(loss)).toBe(true);
    expect(loss).toBeCloseTo(expected, digits);
  });
});
