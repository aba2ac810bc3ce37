import { describe, expect, it } from 'vitest';
import { evaluationCurves, labelledScores, thresholdPoint } from './evaluation-data.ts';

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
    { name: 'no checkable rows', labels: [255, 1], probs: [0.5, NaN], problem: /No row has both a known outcome and a score/ },
    { name: 'only churners', labels: [1, 1], probs: [0.5, 0.75], problem: /Every customer with a known outcome churned/ },
    { name: 'only stayers', labels: [0, 0, 0], probs: [0.5, 0.75, 0.25], problem: /Every customer with a known outcome stayed/ },
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

describe('thresholdPoint', () => {
  const s = scores([0, 0, 1, 1, 1], [0.125, 0.5, 0.375, 0.875, 0.5]);
  it.each([
    { threshold: 0.5, confusion: { tp: 2, fp: 1, fn: 1, tn: 1 }, fpr: 0.5, tpr: 2 / 3, curvePrecision: 2 / 3 },
    { threshold: 0, confusion: { tp: 3, fp: 2, fn: 0, tn: 0 }, fpr: 1, tpr: 1, curvePrecision: 0.6 },
    { threshold: 1, confusion: { tp: 0, fp: 0, fn: 3, tn: 2 }, fpr: 0, tpr: 0, curvePrecision: 1 },
  ])('at $threshold', ({ threshold, confusion, fpr, tpr, curvePrecision }) => {
    const point = thresholdPoint(s, threshold);
    expect(point.confusion).toEqual(confusion);
    expect(point.fpr).toBeCloseTo(fpr);
    expect(point.tpr).toBeCloseTo(tpr);
    expect(point.curvePrecision).toBeCloseTo(curvePrecision);
  });

  it('lies on the ROC and PR curves at a curve threshold', () => {
    const curves = evaluationCurves(s);
    if (!curves.ok) throw new Error(curves.problem);
    const point = thresholdPoint(s, 0.4);
    const roc = curves.roc.find((r) => r.threshold === 0.4)!;
    const pr = curves.pr.find((r) => r.threshold === 0.4)!;
    expect([point.fpr, point.tpr]).toEqual([roc.fpr, roc.tpr]);
    expect([point.curvePrecision, point.rates.recall]).toEqual([pr.precision, pr.recall]);
  });
});
