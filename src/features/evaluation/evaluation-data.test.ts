import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { confusionAt } from '../../core/metrics/confusion.ts';
import { evaluationCurves, labelledScores } from '../../core/metrics/file-evaluation.ts';
import { binScores, binTotals } from '../../core/decision/score-bins.ts';
import { thresholdPoint } from './evaluation-data.ts';

/** Outcomes as the page gets them: every row, outcomes unknown (255) included, totalled per bin as the worker does. */
function binned(labelList: number[], probs: number[]) {
  const labels = Uint8Array.from(labelList);
  const probabilities = Float32Array.from(probs);
  return {
    labels,
    probabilities,
    bins: binScores(probabilities),
    totals: binTotals(probabilities, 2, labels, null),
    scores: labelledScores(labels, probabilities),
  };
}

describe('thresholdPoint', () => {
  const s = binned([0, 0, 1, 1, 1], [0.125, 0.5, 0.375, 0.875, 0.5]);
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
    const curves = evaluationCurves(s.scores);
    if (!curves.ok) throw new Error(curves.problem);
    const point = thresholdPoint(s, 0.4);
    const roc = curves.roc.find((r) => r.threshold === 0.4)!;
    const pr = curves.pr.find((r) => r.threshold === 0.4)!;
    expect([point.fpr, point.tpr]).toEqual([roc.fpr, roc.tpr]);
    expect([point.curvePrecision, point.rates.recall]).toEqual([pr.precision, pr.recall]);
  });
});

describe('thresholdPoint on random files', () => {
  it('counts exactly what a pass over every row counts (confusionAt)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(0, 1, 255), fc.oneof(fc.float({ min: 0, max: 1 }), fc.constant(0.5))), {
          maxLength: 60,
        }),
        fc.oneof(fc.double({ min: -0.1, max: 1.1, noNaN: true }), fc.constantFrom(0, 0.5, 1, Math.fround(0.3))),
        (rows, threshold) => {
          const s = binned(
            rows.map((r) => r[0]),
            rows.map((r) => r[1]),
          );
          expect(thresholdPoint(s, threshold).confusion).toEqual(
            confusionAt(s.scores.labels, s.scores.probabilities, threshold),
          );
        },
      ),
      { numRuns: 300 },
    );
  });
});
