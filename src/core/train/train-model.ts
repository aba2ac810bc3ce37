import { planFeatures } from '../model-input/feature-plan.ts';
import { fail, ok, type Result } from '../result.ts';
import { defaultSegments } from '../spec/default-segments.ts';
import { SPEC_FORMAT, type ModelSpec, type SpecColumn } from '../spec/model-spec.ts';
import { TableBuilder } from '../table/table-builder.ts';
import type { ColumnTable } from '../table/column-table.ts';
import { buildCategorical, buildNumeric, type BuiltColumn } from './build-columns.ts';
import { labelsOf } from './design-matrix.ts';
import {
  crossValidate,
  evaluate,
  fitOn,
  operatingPoints,
  predictRows,
  RECIPE,
  solverStats,
  type Progress,
} from './fit-recipe.ts';
import { inferRoles, type ColumnRole } from './infer-roles.ts';
import { leakOf } from './leakage.ts';
import { NO_OUTCOME, resolveOutcome, type Outcome } from './outcome.ts';
import type { RawTable } from './raw-table.ts';
import { repeatedSplits } from './repeated-splits.ts';
import { defaultRiskBands } from './risk-bands.ts';
import { stratifiedSplit } from './stratified-split.ts';
import type { ModelVariant, TrainingConfig } from './training-config.ts';
import { trainingWarnings } from './training-warnings.ts';
import { buildLogisticOnnx } from './write-onnx.ts';

export const TRAINER_VERSION = 'churn-radar-trainer 2';
const INPUT = 'features';
const OUTPUT = 'probability';

export interface TrainOptions {
  target: string;
  positive?: string;
  idColumn?: string;
  config?: TrainingConfig;
  /** The model's name when the config lists no models; its id is the name in lower case with dashes. */
  name?: string;
  dataset: { name: string; sha256: string };
  progress?: Progress;
}

export interface TrainedPackage {
  spec: ModelSpec;
  onnx: Uint8Array;
  report: Record<string, unknown>;
}

export const slug = (name: string) =>
  name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64) || 'model';

/** The rows a split may use: those with an outcome. */
const labelledRows = (y: Uint8Array) => [...y.keys()].filter((r) => y[r] !== NO_OUTCOME);

function buildTable(columns: BuiltColumn[], rowCount: number): ColumnTable {
  const cells = new Map(columns.map((c, i) => [c.column.name, i]));
  const builder = new TableBuilder(
    columns.map((c) => c.column),
    cells,
    { decimalComma: false },
  );
  const row = new Array<string>(columns.length);
  for (let r = 0; r < rowCount; r++) {
    for (let i = 0; i < columns.length; i++) row[i] = columns[i]!.cells[r]!;
    builder.addRow(row, r + 2);
  }
  return builder.finish();
}

interface Candidate extends BuiltColumn {
  role: ColumnRole;
}

/** Columns for one model: usable roles, built from the training rows, product imputations only between included columns. */
function candidates(
  table: RawTable,
  roles: ColumnRole[],
  variant: ModelVariant | undefined,
  config: TrainingConfig,
  train: number[],
  y: Uint8Array,
): Candidate[] {
  const usable = roles.filter(
    (r) =>
      (r.role === 'numeric' || r.role === 'categorical') && (!variant?.columns || variant.columns.includes(r.name)),
  );
  const names = new Set(usable.map((r) => r.name));
  return usable.map((role) => {
    const settings = { ...config.columns?.[role.name] };
    if (
      settings.impute &&
      !settings.impute.product.every((n) => names.has(n) && roles.find((r) => r.name === n)?.role === 'numeric')
    )
      delete settings.impute;
    const built =
      role.role === 'numeric'
        ? buildNumeric(table, role, settings, train, y)
        : buildCategorical(table, role, settings, train);
    return { ...built, role };
  });
}

function trainVariant(
  table: RawTable,
  outcome: Outcome,
  roles: ColumnRole[],
  variant: ModelVariant | undefined,
  options: TrainOptions,
  split: { train: number[]; test: number[] },
  penalties: readonly number[] = RECIPE.penalties,
): Result<TrainedPackage> {
  const config = options.config ?? {};
  const { y } = outcome;
  const built = candidates(table, roles, variant, config, split.train, y);
  if (built.length === 0)
    return fail('Every column was left out, so there is nothing to learn from. Include at least one column.');
  const columnTable = buildTable(built, table.rowCount);
  // The range is what the model saw in training, imputed values included (a blank total read as 0 is a real 0).
  for (const { column } of built) {
    if (column.type !== 'numeric') continue;
    const values = columnTable.numeric.get(column.name)!;
    let min = Infinity;
    let max = -Infinity;
    for (const r of split.train) {
      min = Math.min(min, values[r]!);
      max = Math.max(max, values[r]!);
    }
    if (min <= max) column.range = { min, max };
  }

  const leaks: { name: string; why: string }[] = [];
  const kept = built.filter((c) => {
    const leak = leakOf(c.column, columnTable, table.columns[c.role.index]!, split.train, y);
    if (!leak.leak || config.columns?.[c.column.name]?.include === true) return true;
    leaks.push({ name: c.column.name, why: leak.why });
    return false;
  });
  // A product imputation needs both inputs in the model.
  const keptNames = new Set(kept.map((c) => c.column.name));
  const usable = kept.filter(
    (c) =>
      c.column.type !== 'numeric' ||
      !('product' in c.column.impute) ||
      c.column.impute.product.every((n) => keptNames.has(n)),
  );
  if (usable.length === 0)
    return fail(
      `Every column was left out (${leaks.map((l) => `${l.name}: ${l.why}`).join('; ')}), so there is nothing to learn from.`,
    );

  const columns: SpecColumn[] = usable.map((c) => c.column);
  const templates = usable.flatMap((c) => c.features);
  const unscaled = templates.map((f) => ({ ...f, mean: 0, std: 1 }));
  const plan = planFeatures({ columns, features: unscaled }, columnTable);

  const cv = crossValidate(plan, split.train, y, RECIPE.seed, penalties, options.progress);
  options.progress?.('final fit', 0, 1);
  const fitted = fitOn(plan, split.train, y, cv.C, cv.near);
  options.progress?.('evaluation', 0, 1);
  const testLabels = labelsOf(y, split.test);
  const testProbs = predictRows(plan, split.test, fitted);
  const trainLabels = labelsOf(y, split.train);
  const thresholds = operatingPoints(
    { labels: trainLabels, probs: cv.outOfFold },
    { labels: testLabels, probs: testProbs },
  );
  const metrics = evaluate(testLabels, testProbs);

  const id = variant?.id ?? slug(options.name ?? outcome.column);
  const label = variant?.label ?? options.name ?? `Churn model for ${options.dataset.name}`;
  const idRole = roles.find((r) => r.role === 'id');
  const features = unscaled.map((f, j) => ({ ...f, mean: fitted.scaling.mean[j]!, std: fitted.scaling.std[j]! }));
  const coefficients = Array.from(fitted.fit.coefficients);
  const names = new Set(columns.map((c) => c.name));
  const segments = (config.segments ?? []).filter((s) => names.has(s));
  const leftOut = roles
    .filter((r) => r.role === 'left-out')
    .map((r) => ({ name: r.name, why: r.reason }))
    .concat(
      leaks,
      kept
        .filter((c) => !usable.includes(c))
        .map((c) => ({ name: c.column.name, why: 'its imputation needs a column that was left out' })),
    );
  // A variant's own column list is a design choice, not a caution: reported, not warned about.
  const notChosen = variant?.columns
    ? roles
        .filter((r) => (r.role === 'numeric' || r.role === 'categorical') && !variant.columns!.includes(r.name))
        .map((r) => r.name)
    : [];

  const spec: ModelSpec = {
    format: SPEC_FORMAT,
    id,
    label,
    description:
      variant?.description ??
      `Logistic regression on ${columns.length} columns of ${options.dataset.name}, outcome ${outcome.column} = ${outcome.positive}.`,
    onnx: `${id}.onnx`,
    input: INPUT,
    output: OUTPUT,
    ...(idRole ? { id_column: { name: idRole.name, aliases: config.id?.aliases ?? [] } } : {}),
    target: {
      column: outcome.column,
      aliases: config.target?.aliases ?? [],
      positive: outcome.positive,
      negative: outcome.negative,
      positive_spellings: config.target?.positive_spellings ?? [],
      negative_spellings: config.target?.negative_spellings ?? [],
    },
    ...(config.value && names.has(config.value.column) ? { value: config.value } : {}),
    segments,
    risk_bands: config.risk_bands ?? defaultRiskBands(outcome.positives / (outcome.positives + outcome.negatives)),
    columns,
    features,
    coefficients,
    intercept: fitted.fit.intercept,
    thresholds,
    metrics: { test: metrics },
    warnings: [],
    provenance: {
      dataset: options.dataset.name,
      rows: table.rowCount,
      sha256: options.dataset.sha256,
      trainer: TRAINER_VERSION,
    },
  };
  if (segments.length === 0) spec.segments = defaultSegments(spec);
  spec.warnings = trainingWarnings({
    outcome,
    rows: split.train.length + split.test.length,
    leftOut,
    leaks,
    sensitive: columns.filter((c) => c.sensitive).map((c) => c.label),
  });

  const onnx = buildLogisticOnnx({
    coefficients: fitted.fit.coefficients,
    intercept: fitted.fit.intercept,
    input: INPUT,
    output: OUTPUT,
    graphName: id,
    docString: `${label}: logistic regression on standardised features (see ${id}.json).`,
  });
  const report: Record<string, unknown> = {
    id,
    trainer: TRAINER_VERSION,
    dataset: {
      name: options.dataset.name,
      sha256: options.dataset.sha256,
      rows: table.rowCount,
      ragged_rows: table.raggedRows,
      rows_without_outcome: outcome.missing,
    },
    outcome: {
      column: outcome.column,
      positive: outcome.positive,
      negative: outcome.negative,
      positives: outcome.positives,
      negatives: outcome.negatives,
    },
    roles: roles.map((r) => ({
      column: r.name,
      role: r.role,
      reason: r.reason,
      sensitive: r.sensitive,
      missing_share: Number(r.missingShare.toFixed(4)),
    })),
    left_out: leftOut,
    not_in_this_model: notChosen,
    notes: Object.fromEntries(usable.filter((c) => c.notes.length).map((c) => [c.column.name, c.notes])),
    seed: RECIPE.seed,
    split: {
      test_share: RECIPE.testShare,
      train_rows: split.train.length,
      test_rows: split.test.length,
      stratified_by: outcome.column,
    },
    penalty: {
      method: `${RECIPE.folds}-fold stratified cross-validation on the training rows, pooled out-of-fold log loss`,
      tried: cv.penalties,
      chosen_C: cv.C,
    },
    solver: {
      method: 'Newton (IRLS) with backtracking',
      objective: `sklearn LogisticRegression(penalty="l2", C=${cv.C}), intercept not penalised`,
      final: solverStats(fitted.fit),
      folds: cv.folds,
    },
    threshold_selection: {
      method: `${RECIPE.folds}-fold stratified cross-validation on the training rows at the chosen C, pooled out-of-fold predictions`,
      recall_target: RECIPE.recallTarget,
      out_of_fold: evaluate(trainLabels, cv.outOfFold).roc_auc,
    },
    metrics: { test: metrics },
    thresholds,
    test_rows: idRole ? split.test.map((r) => table.columns[idRole.index]![r]!) : split.test.map((r) => r + 2),
  };
  return ok({ spec, onnx, report });
}

/**
 * The whole recipe for any table: outcome, roles, split, then one package per model
 * variant (the config's `models`, or one model). Deterministic for the same input.
 */
export function trainModels(table: RawTable, options: TrainOptions): Result<TrainedPackage[]> {
  const config = options.config ?? {};
  const outcome = resolveOutcome(
    table,
    options.target,
    options.positive ?? config.target?.positive,
    config.target?.aliases,
  );
  if (!outcome.ok) return outcome;
  const roles = inferRoles(table, outcome.value.index, config, options.idColumn);
  if (options.idColumn && !roles.some((r) => r.role === 'id')) {
    return fail(
      `The file has no column "${options.idColumn}" for the customer ID. Its columns are: ${table.headers.map((h) => `"${h}"`).join(', ')}.`,
    );
  }
  const labelled = labelledRows(outcome.value.y);
  const split = stratifiedSplit(outcome.value.y, RECIPE.testShare, RECIPE.seed, labelled);
  const testPositives = split.test.filter((r) => outcome.value.y[r] === 1).length;
  if (testPositives === 0 || testPositives === split.test.length) {
    return fail(
      `Too few customers of one kind to hold any out for an honest test: ${outcome.value.positives} "${outcome.value.positive}" and ${outcome.value.negatives} "${outcome.value.negative}". A model needs at least a handful of each.`,
    );
  }
  const packages: TrainedPackage[] = [];
  for (const variant of config.models ?? [undefined]) {
    let trained: Result<TrainedPackage>;
    try {
      trained = trainVariant(table, outcome.value, roles, variant, options, split);
    } catch (error) {
      return fail((error as Error).message);
    }
    if (!trained.ok) return trained;
    if (labelled.length < RECIPE.repeatsBelowRows) {
      // The same recipe on other seeds, at the chosen penalty (choosing it again 20 times costs 20× more, for a spread).
      const chosen = [trained.value.report.penalty as { chosen_C: number }][0]!.chosen_C;
      const spread = repeatedSplits((seed) => {
        options.progress?.('repeated splits', seed - RECIPE.seed, RECIPE.repeats);
        const other = stratifiedSplit(outcome.value.y, RECIPE.testShare, 1000 + seed, labelled);
        const again = trainVariant(table, outcome.value, roles, variant, { ...options, progress: undefined }, other, [
          chosen,
        ]);
        return again.ok ? again.value.spec : undefined;
      });
      if (spread) {
        trained.value.spec.metrics.repeated_splits = spread;
        trained.value.report.repeated_splits = spread;
      }
    }
    packages.push(trained.value);
  }
  return ok(packages);
}
