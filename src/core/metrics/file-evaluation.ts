import { averagePrecision } from './average-precision.ts';
import { calibrationBins, type CalibrationBin } from './calibration.ts';
import { prCurve, rocCurve, type PrPoint, type RocPoint } from './curves.ts';
import { rocAuc } from './roc-auc.ts';

export const CALIBRATION_BINS = 10;

/** The rows that can be checked: a known outcome (0 or 1) and a score (not rejected). */
export interface LabelledScores {
  labels: Uint8Array;
  probabilities: Float32Array;
  positives: number;
  negatives: number;
}

export function labelledScores(labels: Uint8Array, probabilities: ArrayLike<number>): LabelledScores {
  const n = Math.min(labels.length, probabilities.length);
  let kept = 0;
  for (let i = 0; i < n; i++) if (labels[i]! <= 1 && probabilities[i]! >= 0 && probabilities[i]! <= 1) kept++;
  const out = { labels: new Uint8Array(kept), probabilities: new Float32Array(kept), positives: 0, negatives: 0 };
  let k = 0;
  for (let i = 0; i < n; i++) {
    const label = labels[i]!;
    const p = probabilities[i]!;
    // `p >= 0` is false for NaN, the mark of a rejected row.
    if (label > 1 || !(p >= 0 && p <= 1)) continue;
    out.labels[k] = label;
    out.probabilities[k] = p;
    k++;
    if (label === 1) out.positives++;
    else out.negatives++;
  }
  return out;
}

export type Curves =
  | { ok: true; auc: number; averagePrecision: number; roc: RocPoint[]; pr: PrPoint[]; calibration: CalibrationBin[] }
  | { ok: false; problem: string };

/**
 * Ranking metrics and curves for a file that carries outcomes. They sort every score, so the
 * worker computes them once per file and the page never does. They need both outcomes, so
 * one class gets a message instead.
 */
export function evaluationCurves(scores: LabelledScores): Curves {
  const { labels, probabilities: probs, positives, negatives } = scores;
  if (positives + negatives === 0) {
    return {
      ok: false,
      problem: 'No row has both a known outcome and a score, so the model cannot be checked on this file.',
    };
  }
  if (positives === 0 || negatives === 0) {
    const which = positives === 0 ? 'stayed' : 'churned';
    return {
      ok: false,
      problem: `Every customer with a known outcome ${which}. The AUC and the ROC, precision–recall and calibration charts need customers who churned and customers who stayed.`,
    };
  }
  return {
    ok: true,
    auc: rocAuc(labels, probs),
    averagePrecision: averagePrecision(labels, probs),
    roc: rocCurve(labels, probs),
    pr: prCurve(labels, probs),
    calibration: calibrationBins(labels, probs, CALIBRATION_BINS),
  };
}
