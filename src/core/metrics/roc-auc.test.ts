import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rocAuc } from './roc-auc.ts';

/** Independent O(n²) oracle: the share of (positive, negative) pairs ordered correctly, ties 1/2. */
function bruteForceAuc(labels: number[], probs: number[]): number {
  let score = 0;
  let pairs = 0;
  labels.forEach((li, i) => {
    labels.forEach((lj, j) => {
      if (li !== 1 || lj !== 0) return;
      pairs++;
      if (probs[i]! > probs[j]!) score += 1;
      else if (probs[i] === probs[j]) score += 0.5;
    });
  });
  return score / pairs;
}

/** Rows with both classes and scores on a coarse grid, so ties are common. */
const scoredRows = fc
  .array(fc.record({ label: fc.integer({ min: 0, max: 1 }), step: fc.integer({ min: 0, max: 20 }) }), {
    minLength: 2,
    maxLength: 60,
  })
  .filter((rows) => rows.some((r) => r.label === 1) && rows.some((r) => r.label === 0))
  .map((rows) => ({ labels: rows.map((r) => r.label), probs: rows.map((r) => r.step / 20) }));

describe('rocAuc', () => {
  it.each([
    // pos 0.35 beats neg 0.1, loses to neg 0.4; pos 0.8 beats both → 3 of 4 pairs.
    { name: 'sklearn doc example', labels: [0, 0, 1, 1], probs: [0.1, 0.4, 0.35, 0.8], expected: 0.75 },
    // pos 0.5: beats 0.2 (1), ties 0.5 (½); pos 0.9 beats both (2) → 3.5 / 4.
    { name: 'one tied pair', labels: [0, 1, 0, 1], probs: [0.2, 0.5, 0.5, 0.9], expected: 0.875 },
    // Every pair tied → ½ each.
    { name: 'all ties', labels: [1, 0, 1, 0, 0], probs: [0.3, 0.3, 0.3, 0.3, 0.3], expected: 0.5 },
    { name: 'perfect ranking', labels: [0, 0, 1], probs: [0.1, 0.2, 0.9], expected: 1 },
    { name: 'reversed ranking', labels: [1, 1, 0], probs: [0.1, 0.2, 0.9], expected: 0 },
    // Pairs (pos, neg): (1,0) win, (1,0.5) win, (0.5,0) win, (0.5,0.5) tie → 3.5 / 4.
    { name: 'scores at the ends of [0, 1]', labels: [1, 1, 0, 0], probs: [1, 0.5, 0, 0.5], expected: 0.875 },
  ])('$name → $expected', ({ labels, probs, expected }) => {
    expect(rocAuc(Uint8Array.from(labels), Float64Array.from(probs))).toBeCloseTo(expected, 15);
  });

  it('accepts Float32Array scores', () => {
    expect(rocAuc(Uint8Array.from([0, 0, 1, 1]), Float32Array.from([0.1, 0.4, 0.35, 0.8]))).toBe(0.75);
  });

  it.each([
    { name: 'no positives', labels: [0, 0] },
    { name: 'no negatives', labels: [1, 1] },
    { name: 'no rows', labels: [] },
  ])('throws with $name', ({ labels }) => {
    expect(() => rocAuc(Uint8Array.from(labels), new Float64Array(labels.length).fill(0.5))).toThrow(/ROC AUC needs/);
  });

  it('equals a brute-force pair count on random inputs with ties', () => {
    fc.assert(
      fc.property(scoredRows, ({ labels, probs }) => {
        expect(rocAuc(Uint8Array.from(labels), Float64Array.from(probs))).toBeCloseTo(bruteForceAuc(labels, probs), 12);
      }),
      { numRuns: 300 },
    );
  });

  it('reverses when the scores are mirrored: auc(p) + auc(1 − p) = 1', () => {
    fc.assert(
      fc.property(scoredRows, ({ labels, probs }) => {
        const y = Uint8Array.from(labels);
        const sum =
          rocAuc(y, Float64Array.from(probs)) +
          rocAuc(
            y,
            Float64Array.from(probs, (p) => 1 - p),
          );
        expect(sum).toBeCloseTo(1, 12);
      }),
      { numRuns: 300 },
    );
  });

  it('handles 1,000,000 rows and matches a histogram count', () => {
    const n = 1_000_000;
    const levels = 1000;
    const labels = new Uint8Array(n);
    const probs = new Float32Array(n);
    const posAt = new Float64Array(levels);
    const negAt = new Float64Array(levels);
    let state = 12345;
    for (let i = 0; i < n; i++) {
      // Park–Miller LCG: deterministic and independent of the code under test.
      state = (state * 48271) % 2147483647;
      const level = state % levels;
      state = (state * 48271) % 2147483647;
      // Positives become likelier as the level rises, so the AUC is well above ½.
      const label = state / 2147483647 < 0.1 + (0.6 * level) / levels ? 1 : 0;
      labels[i] = label;
      probs[i] = level / levels;
      if (label === 1) posAt[level]!++;
      else negAt[level]!++;
    }
    let wins = 0;
    let negBelow = 0;
    let positives = 0;
    for (let k = 0; k < levels; k++) {
      wins += posAt[k]! * (negBelow + 0.5 * negAt[k]!);
      negBelow += negAt[k]!;
      positives += posAt[k]!;
    }
    const expected = wins / (positives * (n - positives));
    expect(rocAuc(labels, probs)).toBeCloseTo(expected, 12);
  });
});
