import { describe, expect, it } from 'vitest';
import { evaluationCurves, labelledScores } from '../../core/metrics/file-evaluation.ts';
import { thresholdPoint } from './evaluation-data.ts';

const scores = (labels: number[], probs: number[]) => labelledScores(Uint8Array.from(labels), Float32Array.from(probs));

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
