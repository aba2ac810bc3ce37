import { describe, expect, it } from 'vitest';
import { logLoss } from '../metrics/probability-scores.ts';
import type { FeatureSource } from '../model-input/feature-plan.ts';
import { f1OptimalThreshold, recallFirstThreshold } from './choose-thresholds.ts';
import { designMatrix, fitScaling, labelsOf } from './design-matrix.ts';
import { pointMetrics } from './evaluate.ts';
import {
  crossValidate,
  fitOn,
  gradientTolerance,
  operatingPoints,
  predict,
  predictRows,
  RECIPE,
  solverStats,
} from './fit-recipe.ts';
import { fitLogisticRegression } from './logistic-regression.ts';
import { seededRandom } from './seeded-random.ts';
import { stratifiedFolds } from './stratified-split.ts';

/** 240 customers: an amount, a three-level plan (its levels 0 and 2 as indicators), and an outcome that follows both. */
function customers(seed = 5) {
  const random = seededRandom(seed);
  const n = 240;
  const amount = Float64Array.from({ length: n }, () => Math.round(random() * 100));
  const plan = Int16Array.from({ length: n }, () => Math.floor(random() * 3));
  const y = Uint8Array.from(amount, (a, r) =>
    random() < 1 / (1 + Math.exp(-(a / 40 - 1.5 + (plan[r] === 2 ? 1 : 0)))) ? 1 : 0,
  );
  const base = { mean: 0, std: 1, log1p: false, missingIndicator: false };
  const features: FeatureSource[] = [
    { ...base, values: amount, category: -1, column: 0 },
    { ...base, values: plan, category: 0, column: 1 },
    { ...base, values: plan, category: 2, column: 1 },
  ];
  return { features, y, rows: [...y.keys()] };
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

describe('the recipe around the fit', () => {
  it('asks for a gradient of 1e-8, or C·n·1e-13 once that is larger', () => {
    expect(gradientTolerance(1, 1_000)).toBe(1e-8);
    expect(gradientTolerance(1, 100_000)).toBe(1e-8);
    expect(gradientTolerance(10, 1_000_000)).toBeCloseTo(1e-6, 20);
    expect(gradientTolerance(0.01, 1e9)).toBeCloseTo(1e-6, 20);
  });

  it('keeps the solver statistics of a fit', () => {
    const fit = { coefficients: new Float64Array(1), intercept: 0.5, iterations: 7, gradientNorm: 1e-9, objective: 3 };
    expect(solverStats(fit)).toEqual({ iterations: 7, gradientNorm: 1e-9, objective: 3 });
  });

  it('predicts sigmoid(b + x·w) row by row, and nothing for no features', () => {
    const fit = {
      coefficients: Float64Array.from([2, -1]),
      intercept: 0.5,
      iterations: 0,
      gradientNorm: 0,
      objective: 0,
    };
    const x = Float64Array.from([1, 0, 0, 1, -1, 2]);
    const expected = [sigmoid(2.5), sigmoid(-0.5), sigmoid(-3.5)];
    const probs = predict(x, 2, fit);
    expect(probs).toHaveLength(3);
    probs.forEach((p, i) => expect(p).toBeCloseTo(expected[i]!, 14));
    expect(predict(new Float64Array(0), 0, fit)).toEqual(new Float64Array(0));
  });

  it('fits on the given rows only, scaled by those rows, as the plain solver does', () => {
    const { features, y, rows } = customers();
    const some = rows.filter((r) => r % 3 !== 0);
    const { fit, scaling } = fitOn(features, some, y, 0.1);
    expect(scaling).toEqual(fitScaling(features, some));
    const plain = fitLogisticRegression(designMatrix(features, some, scaling), labelsOf(y, some), some.length, 3, {
      C: 0.1,
      gradientTolerance: 1e-10,
    });
    fit.coefficients.forEach((c, j) => expect(c).toBeCloseTo(plain.coefficients[j]!, 7));
    expect(fit.intercept).toBeCloseTo(plain.intercept, 7);
    expect(fit.gradientNorm).toBeLessThan(1e-8);
    const others = rows.filter((r) => r % 3 === 0);
    expect(predictRows(features, others, { fit, scaling })).toEqual(
      predict(designMatrix(features, others, scaling), 3, fit),
    );
  });
});

describe('crossValidate', () => {
  const { features, y, rows } = customers();
  const train = rows.filter((r) => r % 5 !== 4);
  const penalties = [0.001, 0.1, 10];

  it('pools out-of-fold predictions per penalty, keeps the lowest log loss, and reports each step', () => {
    const steps: [string, number, number][] = [];
    const cv = crossValidate(features, train, y, RECIPE.seed, penalties, (...step) => steps.push(step));
    expect(steps).toEqual(Array.from({ length: 16 }, (_, k) => ['cross-validation', k, 15]));

    // Each training row's prediction comes from a fit on the other four folds, whatever penalty was chosen.
    const folds = stratifiedFolds(train, y, RECIPE.folds, RECIPE.seed + 1);
    const outOfFold = penalties.map((C) => {
      const probs = new Float64Array(train.length);
      for (const held of folds) {
        const fitted = fitOn(
          features,
          train.filter((r) => !held.includes(r)),
          y,
          C,
        );
        predictRows(features, held, fitted).forEach((p, i) => (probs[train.indexOf(held[i]!)] = p));
      }
      return probs;
    });
    const labels = labelsOf(y, train);
    const losses = outOfFold.map((probs) => logLoss(labels, probs));
    cv.penalties.forEach((tried, c) => {
      expect(tried.C).toBe(penalties[c]);
      expect(tried.log_loss).toBeCloseTo(losses[c]!, 6);
    });
    const best = losses.indexOf(Math.min(...losses));
    expect(cv.C).toBe(penalties[best]);
    cv.outOfFold.forEach((p, i) => expect(p).toBeCloseTo(outOfFold[best]![i]!, 6));
    expect(cv.folds).toHaveLength(RECIPE.folds);
    for (const stats of cv.folds) expect(stats.gradientNorm).toBeLessThan(gradientTolerance(cv.C, train.length));
    // The final fit starts from the first fold's fit at the chosen penalty.
    const first = fitOn(
      features,
      train.filter((r) => !folds[0]!.includes(r)),
      y,
      cv.C,
    ).fit;
    cv.near.coefficients.forEach((c, j) => expect(c).toBeCloseTo(first.coefficients[j]!, 6));
  });

  it('chooses the penalty with the lower log loss whichever order they come in', () => {
    const forward = crossValidate(features, train, y, RECIPE.seed, [0.001, 10]);
    const backward = crossValidate(features, train, y, RECIPE.seed, [10, 0.001]);
    expect(forward.C).toBe(backward.C);
    // Warm starts differ with the order, so the losses agree to the solver's tolerance, not to the bit.
    const losses = (cv: typeof forward) => cv.penalties.map((p) => p.log_loss!);
    losses(forward).forEach((loss, c) => expect(loss).toBeCloseTo(losses(backward).reverse()[c]!, 6));
  });

  it('reports a penalty the solver refuses as null, counts its skipped steps, and chooses among the others', () => {
    const steps: [string, number, number][] = [];
    const cv = crossValidate(features, train, y, RECIPE.seed, [Infinity, 0.1], (...step) => steps.push(step));
    expect(cv.penalties[0]).toEqual({ C: Infinity, log_loss: null });
    expect(cv.penalties[1]!.log_loss).toBeGreaterThan(0);
    expect(cv.C).toBe(0.1);
    expect(steps).toEqual(Array.from({ length: 11 }, (_, k) => ['cross-validation', k, 10]));
  });

  it("starts each fold's fit from the previous fold's: fewer Newton steps than from zero", () => {
    const cv = crossValidate(features, train, y, RECIPE.seed, [0.1]);
    const folds = stratifiedFolds(train, y, RECIPE.folds, RECIPE.seed + 1);
    const cold = folds.map(
      (held) =>
        fitOn(
          features,
          train.filter((r) => !held.includes(r)),
          y,
          0.1,
        ).fit.iterations,
    );
    expect(cv.folds[0]!.iterations).toBe(cold[0]);
    for (let k = 1; k < folds.length; k++) expect(cv.folds[k]!.iterations).toBeLessThan(cold[k]!);
  });

  it('says what to do when no penalty can be fitted', () => {
    // One churner: the folds that fit without it have a single class.
    const lonely = Uint8Array.from(y, (_, r) => (r === train[0] ? 1 : 0));
    expect(() => crossValidate(features, train, lonely, RECIPE.seed, penalties)).toThrow(
      'The model could not be fitted with any penalty: the columns separate the outcome perfectly. Leave out the column that gives the outcome away.',
    );
  });
});

describe('operatingPoints', () => {
  it('chooses the thresholds on the training predictions and measures them on the test rows', () => {
    const random = seededRandom(2);
    const sample = (n: number) => {
      const probs = Float64Array.from({ length: n }, () => random());
      const labels = Uint8Array.from(probs, (p) => (random() < p ? 1 : 0));
      return { labels, probs };
    };
    const train = sample(300);
    const test = sample(100);
    const recall = recallFirstThreshold(train.labels, train.probs, 0.8);
    const f1 = f1OptimalThreshold(train.labels, train.probs);
    expect(operatingPoints(train, test)).toEqual({
      recommended: 'recall-first',
      points: [
        {
          name: 'recall-first',
          label: 'Catch 80 % of churners',
          description: 'Highest threshold whose cross-validated recall on the training rows is at least 0.8.',
          value: recall,
          test: pointMetrics(test.labels, test.probs, recall),
        },
        {
          name: 'f1-optimal',
          label: 'Best balance (F1)',
          description: 'Threshold with the highest cross-validated F1 on the training rows.',
          value: f1,
          test: pointMetrics(test.labels, test.probs, f1),
        },
        {
          name: 'even-odds',
          label: 'Even odds (0.5)',
          description: 'Flags customers more likely to leave than to stay.',
          value: 0.5,
          test: pointMetrics(test.labels, test.probs, 0.5),
        },
      ],
    });
    expect(recall).not.toBe(f1);
  });
});
