import type { FeatureSource } from '../model-input/feature-plan.ts';
import { logLoss } from '../metrics/probability-scores.ts';
import { sigmoid } from '../scoring/reference-scorer.ts';
import { f1OptimalThreshold, recallFirstThreshold } from './choose-thresholds.ts';
import { designMatrix, fitScaling, labelsOf, type Scaling } from './design-matrix.ts';
import { evaluate, pointMetrics } from './evaluate.ts';
import { fitLogisticRegression, type LogisticFit } from './logistic-regression.ts';
import { stratifiedFolds } from './stratified-split.ts';

/** The recipe's fixed choices (issue 8), recorded in every report. */
export const RECIPE = {
  seed: 3,
  testShare: 0.2,
  folds: 5,
  recallTarget: 0.8,
  penalties: [0.01, 0.1, 1, 10],
  gradientTolerance: 1e-8,
  repeats: 20,
  repeatsBelowRows: 20_000,
} as const;

export type SolverStats = Pick<LogisticFit, 'iterations' | 'gradientNorm' | 'objective'>;
export const solverStats = (f: LogisticFit): SolverStats => ({ iterations: f.iterations, gradientNorm: f.gradientNorm, objective: f.objective });

export interface Fitted {
  fit: LogisticFit;
  scaling: Scaling;
}

export function predict(x: Float64Array, p: number, fit: LogisticFit): Float64Array {
  const n = p === 0 ? 0 : x.length / p;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let z = fit.intercept;
    for (let j = 0; j < p; j++) z += fit.coefficients[j]! * x[i * p + j]!;
    out[i] = sigmoid(z);
  }
  return out;
}

/** Scaling is fitted on the fitting rows only, inside every fold, so no held-out row leaks into it. */
export function fitOn(plan: readonly FeatureSource[], rows: readonly number[], y: Uint8Array, C: number): Fitted {
  const scaling = fitScaling(plan, rows);
  const fit = fitLogisticRegression(designMatrix(plan, rows, scaling), labelsOf(y, rows), rows.length, plan.length, { C, gradientTolerance: RECIPE.gradientTolerance });
  return { fit, scaling };
}

export const predictRows = (plan: readonly FeatureSource[], rows: readonly number[], { fit, scaling }: Fitted) =>
  predict(designMatrix(plan, rows, scaling), plan.length, fit);

export interface CrossValidation {
  /** Pooled out-of-fold log loss for each penalty tried; null where the solver failed (e.g. separable data). */
  penalties: { C: number; log_loss: number | null }[];
  C: number;
  /** Out-of-fold probabilities of the chosen C, in the order of `train`. */
  outOfFold: Float64Array;
  folds: SolverStats[];
}

export type Progress = (stage: string, done: number, total: number) => void;

/**
 * Chooses C by pooled out-of-fold log loss over stratified folds of the training rows. The chosen
 * C's out-of-fold predictions then choose the thresholds, so nothing held out is ever looked at.
 */
export function crossValidate(plan: readonly FeatureSource[], train: readonly number[], y: Uint8Array, seed: number, penalties: readonly number[] = RECIPE.penalties, progress?: Progress): CrossValidation {
  const folds = stratifiedFolds(train, y, RECIPE.folds, seed + 1);
  const position = new Map(train.map((r, i) => [r, i]));
  const labels = labelsOf(y, train);
  let best: CrossValidation | undefined;
  const tried: CrossValidation['penalties'] = [];
  const total = penalties.length * folds.length;
  let done = 0;
  for (const C of penalties) {
    const outOfFold = new Float64Array(train.length);
    const stats: SolverStats[] = [];
    let failed = false;
    for (let k = 0; k < folds.length && !failed; k++) {
      const held = folds[k]!;
      const fitRows = folds.flatMap((f, i) => (i === k ? [] : f));
      try {
        const fitted = fitOn(plan, fitRows, y, C);
        stats.push(solverStats(fitted.fit));
        predictRows(plan, held, fitted).forEach((v, i) => { outOfFold[position.get(held[i]!)!] = v; });
      } catch {
        failed = true;
      }
      progress?.('cross-validation', ++done, total);
    }
    const loss = failed ? null : logLoss(labels, outOfFold);
    tried.push({ C, log_loss: loss });
    if (loss !== null && (!best || loss < logLoss(labels, best.outOfFold))) best = { penalties: tried, C, outOfFold, folds: stats };
  }
  if (!best) throw new Error('The model could not be fitted with any penalty: the columns separate the outcome perfectly. Leave out the column that gives the outcome away.');
  return { ...best, penalties: tried };
}

export function operatingPoints(train: { labels: Uint8Array; probs: Float64Array }, test: { labels: Uint8Array; probs: Float64Array }) {
  const recallFirst = recallFirstThreshold(train.labels, train.probs, RECIPE.recallTarget);
  const f1Best = f1OptimalThreshold(train.labels, train.probs);
  const point = (name: string, label: string, description: string, value: number) =>
    ({ name, label, description, value, test: pointMetrics(test.labels, test.probs, value) });
  const percent = Math.round(RECIPE.recallTarget * 100);
  return {
    recommended: 'recall-first',
    points: [
      point('recall-first', `Catch ${percent} % of churners`, `Highest threshold whose cross-validated recall on the training rows is at least ${RECIPE.recallTarget}.`, recallFirst),
      point('f1-optimal', 'Best balance (F1)', 'Threshold with the highest cross-validated F1 on the training rows.', f1Best),
      point('even-odds', 'Even odds (0.5)', 'Flags customers more likely to leave than to stay.', 0.5),
    ],
  };
}

export { evaluate };
