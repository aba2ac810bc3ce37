import { describe, expect, it } from 'vitest';
import { binSide, probabilityHistogram } from './probability-histogram.ts';

describe('probabilityHistogram', () => {
  it.each([
    { name: 'empty', probs: [], bins: 4, counts: [0, 0, 0, 0], scored: 0 },
    {
      name: 'edges go to the upper bin, 1 to the last',
      probs: [0, 0.25, 0.5, 0.75, 1],
      bins: 4,
      counts: [1, 1, 1, 2],
      scored: 5,
    },
    { name: 'rejected rows (NaN) are skipped', probs: [NaN, 0.1, NaN], bins: 2, counts: [1, 0], scored: 1 },
    { name: 'out of range values are skipped', probs: [-0.1, 1.1, 0.9], bins: 2, counts: [0, 1], scored: 1 },
  ])('$name', ({ probs, bins, counts, scored }) => {
    const h = probabilityHistogram(Float32Array.from(probs), bins);
    expect(Array.from(h.counts)).toEqual(counts);
    expect(h.scored).toBe(scored);
  });

  it('defaults to 50 bins and counts every scored row once', () => {
    const probs = Float32Array.from({ length: 1000 }, (_, i) => i / 999);
    const h = probabilityHistogram(probs);
    expect(h.counts.length).toBe(50);
    expect(h.counts.reduce((a, b) => a + b, 0)).toBe(1000);
  });
});

describe('binSide', () => {
  it.each([
    { bin: 0, bins: 4, threshold: 0, expected: 'at risk' },
    { bin: 1, bins: 4, threshold: 0.25, expected: 'at risk' },
    { bin: 0, bins: 4, threshold: 0.25, expected: 'not at risk' },
    { bin: 0, bins: 4, threshold: 0.1, expected: 'split' },
    { bin: 3, bins: 4, threshold: 1, expected: 'split' },
    { bin: 13, bins: 50, threshold: 0.26, expected: 'at risk' },
  ])('bin $bin of $bins at $threshold -> $expected', ({ bin, bins, threshold, expected }) => {
    expect(binSide(bin, bins, threshold)).toBe(expected);
  });
});
