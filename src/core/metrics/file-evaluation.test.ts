import { describe, expect, it } from 'vitest';
import { evaluationCurves, labelledScores } from './file-evaluation.ts';

const scores = (labels: number[], probs: number[]) => labelledScores(Uint8Array.from(labels), Float32Array.from(probs));

describe('labelledScores', () => {
  it('keeps only rows with a known outcome and a score', () => {
    const s = scores([1, 0, 255, 1, 0], [0.5, NaN, 0.7, 0.9, 0.25]);
    expect(Array.from(s.labels)).toEqual([1, 1, 0]);
    expect(Array.from(s.probabilities)).toEqual([0.5, 0.8999999761581421, 0.25]);
    expect([s.positives, s.negatives]).toEqual([2, 1]);
  });
});

describe('evaluationCurves', () => {
  it.each([
    {
      name: 'no checkable rows',
      labels: [255, 1],
      probs: [0.5, NaN],
      problem: /No row has both a known outcome and a score/,
    },
    {
      name: 'only churners',
      labels: [1, 1],
      probs: [0.5, 0.75],
      problem: /Every customer with a known outcome churned/,
    },
    {
      name: 'only stayers',
      labels: [0, 0, 0],
      probs: [0.5, 0.75, 0.25],
      problem: /Every customer with a known outcome stayed/,
    },
  ])('explains $name instead of throwing', ({ labels, probs, problem }) => {
    const curves = evaluationCurves(scores(labels, probs));
    expect(curves.ok).toBe(false);
    if (!curves.ok) expect(curves.problem).toMatch(problem);
  });

  it('computes AUC, curves and calibration when both outcomes are present', () => {
    const curves = evaluationCurves(scores([0, 0, 1, 1], [0.125, 0.5, 0.375, 0.875]));
    if (!curves.ok) throw new Error(curves.problem);
    // Pairs ordered right: (0.375 > 0.125), (0.875 > 0.125), (0.875 > 0.5); wrong: 0.375 < 0.5.
    expect(curves.auc).toBe(0.75);
    expect(curves.roc).toHaveLength(101);
    expect(curves.pr).toHaveLength(101);
    expect(curves.calibration).toHaveLength(10);
    expect(curves.calibration.reduce((n, b) => n + b.count, 0)).toBe(4);
  });
});
