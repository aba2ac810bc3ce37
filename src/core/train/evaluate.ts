import { averagePrecision } from '../metrics/average-precision.ts';
import { calibrationBins } from '../metrics/calibration.ts';
import { confusionAt, rates } from '../metrics/confusion.ts';
import { prCurve, rocCurve } from '../metrics/curves.ts';
import { brierScore, logLoss } from '../metrics/probability-scores.ts';
import { rocAuc } from '../metrics/roc-auc.ts';
import type { TestMetrics } from '../spec/model-spec.ts';

export function evaluate(labels: Uint8Array, probs: ArrayLike<number>): TestMetrics {
  return {
    n: labels.length,
    positives: labels.reduce((s, v) => s + v, 0),
    roc_auc: rocAuc(labels, probs),
    pr_auc: averagePrecision(labels, probs),
    brier: brierScore(labels, probs),
    log_loss: logLoss(labels, probs),
    roc: rocCurve(labels, probs),
    pr: prCurve(labels, probs),
    calibration: calibrationBins(labels, probs, 10),
  };
}

export function pointMetrics(labels: Uint8Array, probs: ArrayLike<number>, threshold: number) {
  const c = confusionAt(labels, probs, threshold);
  return { ...c, ...rates(c) };
}
