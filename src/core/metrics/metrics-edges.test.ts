import { describe, expect, it } from 'vitest';
import { averagePrecision } from './average-precision.ts';
import { calibrationBins } from './calibration.ts';
import { checkScored, requireClasses } from './check-scored.ts';
import { confusionAt, rates } from './confusion.ts';
import { prCurve, rocCurve } from './curves.ts';
import { evaluationCurves, labelledScores } from './file-evaluation.ts';
import { brierScore, logLoss } from './probability-scores.ts';
import { rocAuc } from './roc-auc.ts';

// Empty, single-row, all-equal and exact-boundary inputs for every metric.
const L = (...v: number[]) => Uint8Array.from(v);
const P = (...v: number[]) => Float64Array.from(v);

describe('checkScored', () => {
  it.each([
    [L(), P(), { positives: 0, negatives: 0 }],
    [L(1), P(1), { positives: 1, negatives: 0 }],
    [L(0), P(0), { positives: 0, negatives: 1 }],
    [L(1, 0, 1), P(0, 1, 0.5), { positives: 2, negatives: 1 }],
  ])('counts classes %#', (labels, probs, counts) => {
    expect(checkScored(labels, probs)).toEqual(counts);
  });

  it.each([
    [L(1), P(), 'labels has 1 rows but probs has 0'],
    [L(0, 2), P(0, 0), 'label at row 1 is 2; labels must be 0 or 1'],
    [L(0, 1), P(0.5, 1.0000001), 'probability at row 1 is 1.0000001; it must be in [0, 1]'],
    [L(0), P(-1e-9), 'probability at row 0 is -1e-9; it must be in [0, 1]'],
    [L(0), P(Number.NaN), 'probability at row 0 is NaN; it must be in [0, 1]'],
  ])('refuses %#', (labels, probs, message) => {
    expect(() => checkScored(labels, probs)).toThrow(message);
  });

  it('names what a metric needs', () => {
    expect(() => requireClasses({ positives: 0, negatives: 3 }, 'X', false)).toThrow(
      'X needs at least one positive row (got 0 positive, 3 negative)',
    );
    expect(() => requireClasses({ positives: 2, negatives: 0 }, 'Y', true)).toThrow(
      'Y needs at least one positive and one negative row (got 2 positive, 0 negative)',
    );
    expect(() => requireClasses({ positives: 1, negatives: 0 }, 'Z', false)).not.toThrow();
    expect(() => requireClasses({ positives: 1, negatives: 1 }, 'Z', true)).not.toThrow();
  });
});

describe('rocAuc at the edges', () => {
  it.each([
    ['one pair in order', L(0, 1), P(0.2, 0.8), 1],
    ['one pair reversed', L(0, 1), P(0.8, 0.2), 0],
    ['one pair tied', L(0, 1), P(0.5, 0.5), 0.5],
    ['all scores equal', L(0, 1, 1, 0, 0), P(0.3, 0.3, 0.3, 0.3, 0.3), 0.5],
    ['ties across the classes', L(1, 1, 0, 0), P(0.5, 0.5, 0.5, 0.2), 0.75],
    ['a tie inside each class', L(1, 1, 0, 0, 0), P(0.7, 0.7, 0.7, 0.1, 0.9), (2 * 0.5 + 2 * 1 + 0) / 6],
  ])('%s', (_, labels, probs, auc) => {
    expect(rocAuc(labels, probs)).toBeCloseTo(auc, 12);
  });

  it('needs both classes', () => {
    expect(() => rocAuc(L(1, 1), P(0.2, 0.3))).toThrow('ROC AUC needs at least one positive and one negative row');
    expect(() => rocAuc(L(0), P(0.2))).toThrow('ROC AUC needs');
  });
});

describe('averagePrecision at the edges', () => {
  it.each([
    ['a single positive', L(1), P(0.4), 1],
    ['the positive first', L(0, 1), P(0.2, 0.8), 1],
    ['a negative first', L(0, 1), P(0.8, 0.2), 0.5],
    ['all scores equal', L(0, 1, 1, 0), P(0.3, 0.3, 0.3, 0.3), 0.5],
    ['a tie at the top', L(1, 0, 1), P(0.9, 0.9, 0.1), (1 * 0.5 + 1 * (2 / 3)) / 2],
    ['negatives below every positive', L(1, 1, 0, 0), P(0.9, 0.8, 0.1, 0), 1],
  ])('%s', (_, labels, probs, ap) => {
    expect(averagePrecision(labels, probs)).toBeCloseTo(ap, 12);
  });

  it('needs a positive', () => {
    expect(() => averagePrecision(L(0, 0), P(0.1, 0.2))).toThrow('Average precision needs at least one positive row');
  });
});

describe('confusionAt and rates at the edges', () => {
  it('flags a score equal to the threshold', () => {
    expect(confusionAt(L(1, 0, 1, 0), P(0.5, 0.5, 0.4999, 0.1), 0.5)).toEqual({ tp: 1, fp: 1, fn: 1, tn: 1 });
  });

  it('counts nothing in an empty file', () => {
    expect(confusionAt(L(), P(), 0.5)).toEqual({ tp: 0, fp: 0, fn: 0, tn: 0 });
    expect(rates({ tp: 0, fp: 0, fn: 0, tn: 0 })).toEqual({ precision: 0, recall: 0, f1: 0, flag_rate: 0 });
  });

  it('gives exact rates', () => {
    expect(rates({ tp: 3, fp: 1, fn: 2, tn: 4 })).toEqual({ precision: 0.75, recall: 0.6, f1: 6 / 9, flag_rate: 0.4 });
    expect(rates({ tp: 0, fp: 2, fn: 0, tn: 0 })).toEqual({ precision: 0, recall: 0, f1: 0, flag_rate: 1 });
  });
});

describe('curves at the edges', () => {
  it('all scores equal: everything flagged up to that score, nothing above it', () => {
    const roc = rocCurve(L(1, 0, 1), P(0.5, 0.5, 0.5));
    expect(roc).toHaveLength(101);
    expect(roc[50]).toEqual({ threshold: 0.5, fpr: 1, tpr: 1 });
    expect(roc[51]).toEqual({ threshold: 0.51, fpr: 0, tpr: 0 });
    const pr = prCurve(L(1, 0, 1), P(0.5, 0.5, 0.5));
    expect(pr[50]).toEqual({ threshold: 0.5, precision: 2 / 3, recall: 1 });
    expect(pr[51]).toEqual({ threshold: 0.51, precision: 1, recall: 0 });
  });

  it('scores of exactly 0 and 1 sit at the first and last thresholds', () => {
    const roc = rocCurve(L(1, 0), P(1, 0));
    expect(roc[0]).toEqual({ threshold: 0, fpr: 1, tpr: 1 });
    expect(roc[1]).toEqual({ threshold: 0.01, fpr: 0, tpr: 1 });
    expect(roc[100]).toEqual({ threshold: 1, fpr: 0, tpr: 1 });
  });

  it('PR needs positives only; ROC needs both classes', () => {
    expect(prCurve(L(1), P(0.3))[30]).toEqual({ threshold: 0.3, precision: 1, recall: 1 });
    expect(() => prCurve(L(0), P(0.3))).toThrow('PR curve needs at least one positive row');
    expect(() => rocCurve(L(1), P(0.3))).toThrow('ROC curve needs at least one positive and one negative row');
  });
});

describe('calibrationBins at the edges', () => {
  it('puts each boundary value in the bin its lower edge names, and 1 in the last', () => {
    const bins = calibrationBins(L(1, 0, 1, 0, 1), P(0, 0.1, 0.29, 0.3, 1));
    expect(bins.map((b) => b.count)).toEqual([1, 1, 1, 1, 0, 0, 0, 0, 0, 1]);
    expect(bins[2]).toEqual({ lower: 0.2, upper: 0.3, mean_predicted: 0.29, observed_rate: 1, count: 1 });
    expect(bins[4]).toEqual({ lower: 0.4, upper: 0.5, mean_predicted: null, observed_rate: null, count: 0 });
    expect(bins[9]).toEqual({ lower: 0.9, upper: 1, mean_predicted: 1, observed_rate: 1, count: 1 });
  });

  it('one bin holds every row', () => {
    expect(calibrationBins(L(1, 0, 0), P(0, 0.5, 1), 1)).toEqual([
      { lower: 0, upper: 1, mean_predicted: 0.5, observed_rate: 1 / 3, count: 3 },
    ]);
  });

  it('an empty file has empty bins', () => {
    expect(calibrationBins(L(), P(), 2)).toEqual([
      { lower: 0, upper: 0.5, mean_predicted: null, observed_rate: null, count: 0 },
      { lower: 0.5, upper: 1, mean_predicted: null, observed_rate: null, count: 0 },
    ]);
  });

  it.each([0, -1, 1.5, Number.NaN])('refuses %f bins', (bins) => {
    expect(() => calibrationBins(L(1), P(0.5), bins)).toThrow(`bins must be a positive integer, got ${bins}`);
  });
});

describe('Brier score and log loss at the edges', () => {
  it.each([
    [L(1), P(1), 0],
    [L(0), P(1), 1],
    [L(1, 0), P(0.5, 0.5), 0.25],
  ])('Brier %#', (labels, probs, score) => {
    expect(brierScore(labels, probs)).toBeCloseTo(score, 15);
  });

  it('log loss clips certainty to 1e-15', () => {
    expect(logLoss(L(1), P(1))).toBeCloseTo(-Math.log(1 - 1e-15), 20);
    expect(logLoss(L(0), P(1))).toBeCloseTo(-Math.log1p(-(1 - 1e-15)), 12);
    expect(logLoss(L(1), P(0))).toBeCloseTo(-Math.log(1e-15), 12);
    expect(logLoss(L(1, 0), P(0.5, 0.5))).toBeCloseTo(Math.LN2, 15);
  });

  it('needs a row', () => {
    expect(() => brierScore(L(), P())).toThrow('Brier score needs at least one row');
    expect(() => logLoss(L(), P())).toThrow('Log loss needs at least one row');
  });
});

describe('labelledScores and evaluationCurves at the edges', () => {
  it('keeps only rows with an outcome of 0 or 1 and a score in [0, 1]', () => {
    const kept = labelledScores(L(1, 0, 255, 1, 0, 1), Float32Array.of(0.5, 1, 0.5, Number.NaN, 0, 1.5));
    expect(Array.from(kept.labels)).toEqual([1, 0, 0]);
    expect(Array.from(kept.probabilities)).toEqual([0.5, 1, 0]);
    expect([kept.positives, kept.negatives]).toEqual([1, 2]);
  });

  it('drops a negative score, which no model gives', () => {
    const kept = labelledScores(L(1, 0, 1), Float32Array.of(-0.5, -0, 0.25));
    expect(Array.from(kept.probabilities)).toEqual([-0, 0.25]);
    expect([kept.positives, kept.negatives]).toEqual([1, 1]);
  });

  it('reads only as far as the shorter array', () => {
    expect(labelledScores(L(1, 0, 1), Float32Array.of(0.5)).labels).toHaveLength(1);
  });

  it.each([
    [L(), 'No row has both a known outcome and a score'],
    [L(1, 1), 'Every customer with a known outcome churned.'],
    [L(0), 'Every customer with a known outcome stayed.'],
  ])('explains why a file cannot be evaluated %#', (labels, problem) => {
    const result = evaluationCurves(labelledScores(labels, new Float32Array(labels.length).fill(0.5)));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problem).toContain(problem);
  });

  it('evaluates a file with one customer of each outcome', () => {
    const result = evaluationCurves(labelledScores(L(1, 0), Float32Array.of(0.75, 0.25)));
    expect(
      result.ok && [
        result.auc,
        result.averagePrecision,
        result.roc.length,
        result.pr.length,
        result.calibration.length,
      ],
    ).toEqual([1, 1, 101, 101, 10]);
  });
});
