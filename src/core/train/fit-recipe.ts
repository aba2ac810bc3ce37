import type { FeatureSource } from '../model-input/feature-plan.ts';
import { logLoss } from '../metrics/probability-scores.ts';
import { sigmoid } from '../scoring/reference-scorer.ts';
import { f1OptimalThreshold, recallFirstThreshold } from './choose-thresholds.ts';
import { designMatrix, fitScaling, indicatorLayout, labelsOf, type Scaling } from './design-matrix.ts';
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

/**
 * ‖∇J‖ to reach. J sums n terms scaled by C, so rounding alone leaves a gradient of about
 * C·n·1e-16: beyond C·n = 10^5 the fixed 1e-8 would ask for less than rounding allows (a
 * million rows at C = 10 could not converge), so the tolerance grows with C·n there.
 */
export const gradientTolerance = (C: number, n: number) => Math.max(RECIPE.gradientTolerance, 1e-13 * C * n);

export type SolverStats = Pick<LogisticFit, 'iterations' | 'gradientNorm' | 'objective'>;
export const solverStats = (f: LogisticFit): SolverStats => ({
  iterations: f.iterations,
  gradientNorm: f.gradientNorm,
  objective: f.objective,
});

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
export function fitOn(
  plan: readonly FeatureSource[],
  rows: readonly number[],
  y: Uint8Array,
  C: number,
  start?: LogisticFit,
): Fitted {
  const scaling = fitScaling(plan, rows);
  const layout = indicatorLayout(plan, rows, scaling);
  const fit = fitLogisticRegression(designMatrix(plan, rows, scaling), labelsOf(y, rows), rows.length, plan.length, {
    C,
    gradientTolerance: gradientTolerance(C, rows.length),
    layout,
    start,
  });
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
  /** A fold's fit at the chosen C: where the final fit starts. */
  near: LogisticFit;
}

export type Progress = (stage: string, done: number, total: number) => void;

/**
 * Chooses C by pooled out-of-fold log loss over stratified folds of the training rows. The chosen
 * C's out-of-fold predictions then choose the thresholds, so nothing held out is ever looked at.
 * Folds are the outer loop so that one fold's design matrices serve every penalty and only one
 * fold's are held at a time.
 */
export function crossValidate(
  plan: readonly FeatureSource[],
  train: readonly number[],
  y: Uint8Array,
  seed: number,
  penalties: readonly number[] = RECIPE.penalties,
  progress?: Progress,
): CrossValidation {
  const folds = stratifiedFolds(train, y, RECIPE.folds, seed + 1);
  const position = new Map(train.map((r, i) => [r, i]));
  const labels = labelsOf(y, train);
  const outOfFold = penalties.map(() => new Float64Array(train.length));
  const stats: SolverStats[][] = penalties.map(() => []);
  const failed = penalties.map(() => false);
  const near: (LogisticFit | undefined)[] = penalties.map(() => undefined);
  const total = penalties.length * folds.length;
  let done = 0;
  progress?.('cross-validation', 0, total);
  let firstOfPreviousFold: LogisticFit | undefined;
  folds.forEach((held, k) => {
    const fitRows = folds.flatMap((f, i) => (i === k ? [] : f));
    const scaling = fitScaling(plan, fitRows);
    const x = designMatrix(plan, fitRows, scaling);
    const fitLabels = labelsOf(y, fitRows);
    const layout = indicatorLayout(plan, fitRows, scaling);
    const heldX = designMatrix(plan, held, scaling);
    // Each penalty starts from this fold's fit at the previous one, and the first from the
    // previous fold's at the same penalty: they are close enough that Newton needs about half the steps.
    let previous: LogisticFit | undefined = firstOfPreviousFold;
    penalties.forEach((C, c) => {
      if (failed[c]) return void progress?.('cross-validation', ++done, total);
      try {
        const fit = fitLogisticRegression(x, fitLabels, fitRows.length, plan.length, {
          C,
          gradientTolerance: gradientTolerance(C, fitRows.length),
          layout,
          start: previous,
        });
        previous = fit;
        if (c === 0) firstOfPreviousFold = fit;
        near[c] ??= fit;
        stats[c]!.push(solverStats(fit));
        predict(heldX, plan.length, fit).forEach((v, i) => {
          outOfFold[c]![position.get(held[i]!)!] = v;
        });
      } catch {
        failed[c] = true;
      }
      progress?.('cross-validation', ++done, total);
    });
  });
  const tried = penalties.map((C, c) => ({ C, log_loss: failed[c] ? null : logLoss(labels, outOfFold[c]!) }));
  let best = -1;
  tried.forEach(({ log_loss }, c) => {
    if (log_loss !== null && (best < 0 || log_loss < tried[best]!.log_loss!)) best = c;
  });
  if (best < 0)
    throw new Error(
      'The model could not be fitted with any penalty: the columns separate the outcome perfectly. Leave out the column that gives the outcome away.',
    );
  return { penalties: tried, C: penalties[best]!, outOfFold: outOfFold[best]!, folds: stats[best]!, near: near[best]! };
}

export function operatingPoints(
  train: { labels: Uint8Array; probs: Float64Array },
  test: { labels: Uint8Array; probs: Float64Array },
) {
  const recallFirst = recallFirstThreshold(train.labels, train.probs, RECIPE.recallTarget);
  const f1Best = f1OptimalThreshold(train.labels, train.probs);
  const point = (name: string, label: string, description: string, value: number) => ({
    name,
    label,
    description,
    value,
    test: pointMetrics(test.labels, test.probs, value),
  });
  const percent = Math.round(RECIPE.recallTarget * 100);
  return {
    recommended: 'recall-first',
    points: [
      point(
        'recall-first',
        `Catch ${percent} % of churners`,
        `Highest threshold whose cross-validated recall on the training rows is at least ${RECIPE.recallTarget}.`,
        recallFirst,
      ),
      point(
        'f1-optimal',
        'Best balance (F1)',
        'Threshold with the highest cross-validated F1 on the training rows.',
        f1Best,
      ),
      point('even-odds', 'Even odds (0.5)', 'Flags customers more likely to leave than to stay.', 0.5),
    ],
  };
}

export { evaluate };
