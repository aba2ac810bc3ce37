import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { averagePrecision } from './average-precision.ts';

/** Oracle straight from the definition: for each distinct score, recount precision and recall from scratch. */
function bruteForceAp(labels: number[], probs: number[]): number {
  const positives = labels.filter((l) => l === 1).length;
  const thresholds = [...new Set(probs)].sort((a, b) => b - a);
  let ap = 0;
  let previousRecall = 0;
  for (const t of thresholds) {
    const flagged = labels.filter((_, i) => probs[i]! >= t);
    const tp = flagged.filter((l) => l === 1).length;
    const recall = tp / positives;
    ap += (recall - previousRecall) * (tp / flagged.length);
    previousRecall = recall;
  }
  return ap;
}

describe('averagePrecision', () => {
  it.each([
    // 0.8 (pos): P=1, R=½ → ½·1; 0.4 (neg): no recall gain; 0.35 (pos): P=⅔, R=1 → ½·⅔. Sum = ⅚.
    { name: 'sklearn doc example', labels: [0, 0, 1, 1], probs: [0.1, 0.4, 0.35, 0.8], expected: 5 / 6 },
    // 0.9 holds one pos and one neg together: P=½, R=½ → ¼; 0.5 (pos): P=⅔, R=1 → ⅓. Sum = 7/12.
    {
      name: 'a tie across classes is one threshold',
      labels: [1, 0, 1, 0],
      probs: [0.9, 0.9, 0.5, 0.1],
      expected: 7 / 12,
    },
    // One threshold flags everything: R=1, P = prevalence.
    { name: 'all ties → prevalence', labels: [1, 0, 0, 0], probs: [0.3, 0.3, 0.3, 0.3], expected: 0.25 },
    { name: 'perfect ranking', labels: [0, 1, 1], probs: [0.1, 0.8, 0.9], expected: 1 },
    // 0.9 (neg): nothing; 0.8 (pos): P=½, R=1 → ½.
    { name: 'a negative on top', labels: [0, 1], probs: [0.9, 0.8], expected: 0.5 },
    { name: 'no negatives', labels: [1, 1], probs: [0.2, 0.7], expected: 1 },
  ])('$name → $expected', ({ labels, probs, expected }) => {
    expect(averagePrecision(Uint8Array.from(labels), Float64Array.from(probs))).toBeCloseTo(expected, 15);
  });

  it('throws without positives', () => {
    expect(() => averagePrecision(Uint8Array.from([0, 0]), Float64Array.from([0.1, 0.2]))).toThrow(
      /at least one positive/,
    );
  });

  it('matches the definition on random inputs with ties', () => {
    const rows = fc
      .array(fc.record({ label: fc.integer({ min: 0, max: 1 }), step: fc.integer({ min: 0, max: 10 }) }), {
        minLength: 1,
        maxLength: 50,
      })
      .filter((r) => r.some((row) => row.label === 1));
    fc.assert(
      fc.property(rows, (r) => {
        const labels = r.map((row) => row.label);
        const probs = r.map((row) => row.step / 10);
        expect(averagePrecision(Uint8Array.from(labels), Float64Array.from(probs))).toBeCloseTo(
          bruteForceAp(labels, probs),
          12,
        );
      }),
      { numRuns: 300 },
    );
  });
});
