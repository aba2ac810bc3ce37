/**
 * The whole recipe on a small made-up history (a few hundred rows, well under a second a model),
 * so that what `trainModels` adds around the fit is checked where the trainer's own tests
 * (scripts/train, on the real files) are too slow to run for every change.
 */
import { describe, expect, it } from 'vitest';
import { parseModelSpec } from '../spec/parse-model-spec.ts';
import { defaultSegments } from '../spec/default-segments.ts';
import { RECIPE } from './fit-recipe.ts';
import { defaultRiskBands } from './risk-bands.ts';
import { rawTableFromText, type RawTable } from './raw-table.ts';
import { seededRandom } from './seeded-random.ts';
import { slug, trainModels, TRAINER_VERSION, type TrainOptions } from './train-model.ts';
import type { TrainingConfig } from './training-config.ts';

const dataset = { name: 'made-up history', sha256: 'ab'.repeat(32) };

/** tenure and plan drive churn; total is tenure × monthly (blank for some), refunded is known only after leaving. */
function history(rows: number, seed = 7): RawTable {
  const random = seededRandom(seed);
  const lines = ['customer,tenure,monthly,total,plan,gender,refunded,churn'];
  for (let i = 0; i < rows; i++) {
    const tenure = Math.floor(random() * 60) + 1;
    const monthly = 20 + Math.round(random() * 80);
    const plan = ['monthly', 'yearly', 'two-year'][Math.floor(random() * 3)]!;
    const risk = 1.2 - tenure / 25 + (plan === 'monthly' ? 1 : -0.5) + (random() - 0.5) * 2;
    const churned = risk > 0;
    const total = i % 17 === 0 ? '' : String(tenure * monthly);
    const gender = random() < 0.5 ? 'f' : 'm';
    lines.push(
      `c${i},${tenure},${monthly},${total},${plan},${gender},${churned ? String(10 + (i % 5)) : ''},${churned ? 'Yes' : 'No'}`,
    );
  }
  return rawTableFromText(lines.join('\n'));
}

const config: TrainingConfig = { columns: { total: { impute: { product: ['tenure', 'monthly'] } } } };
const options: TrainOptions = { target: 'churn', idColumn: 'customer', config, dataset, name: 'Made-up Churn!' };

function train(table: RawTable, more: Partial<TrainOptions> = {}) {
  const trained = trainModels(table, { ...options, ...more });
  if (!trained.ok) throw new Error(trained.problem);
  return trained.value;
}

describe('trainModels on a small history', () => {
  // One test, one training: the mutation run reruns every covering test for each change.
  it('trains a package the app accepts, with its columns, split, thresholds, bands and report', () => {
    const table = history(300);
    const [model] = train(table);
    const { spec, report } = model!;
    // writes a package the app accepts, named after the model.
    expect(spec.id).toBe('made-up-churn');
    expect(spec.label).toBe('Made-up Churn!');
    expect(spec.onnx).toBe('made-up-churn.onnx');
    expect(parseModelSpec(spec, 'trained').ok).toBe(true);
    expect(spec.provenance).toEqual({
      dataset: dataset.name,
      rows: 300,
      sha256: dataset.sha256,
      trainer: TRAINER_VERSION,
    });
    expect(spec.id_column).toEqual({ name: 'customer', aliases: [] });
    expect(spec.target).toEqual({
      column: 'churn',
      aliases: [],
      positive: 'Yes',
      negative: 'No',
      positive_spellings: [],
      negative_spellings: [],
    });
    expect(new TextDecoder().decode(model!.onnx)).toContain(
      'Made-up Churn!: logistic regression on standardised features (see made-up-churn.json).',
    );
    expect(spec.warnings).toContain('Only 300 labelled rows (fewer than 500): treat the held-out figures as rough.');

    // leaves out the column known only after leaving, and says why.
    expect(spec.columns.map((c) => c.name).sort()).toEqual(['gender', 'monthly', 'plan', 'tenure', 'total']);
    expect(report.left_out).toEqual([
      { name: 'refunded', why: expect.stringMatching(/blank exactly for the customers who stayed/) },
    ]);
    expect(spec.warnings).toContain(
      'refunded was left out: probably recorded after the customer left: it is blank exactly for the customers who stayed.',
    );
    expect(spec.warnings.some((w) => w.includes('protected characteristics: Gender'))).toBe(true);

    // keeps each numeric column’s range over the training rows, imputed cells included.
    const tenure = spec.columns.find((c) => c.name === 'tenure')!;
    if (tenure.type !== 'numeric') throw new Error('numeric expected');
    const test = new Set(report.test_rows as string[]);
    const trainValues = table.columns[1]!.filter((_, r) => !test.has(`c${r}`)).map(Number);
    expect(tenure.range).toEqual({ min: Math.min(...trainValues), max: Math.max(...trainValues) });
    const totalColumn = spec.columns.find((c) => c.name === 'total')!;
    expect(totalColumn.type === 'numeric' && totalColumn.impute).toEqual({ product: ['tenure', 'monthly'] });

    // holds out a fifth of the rows, stratified, and reports the split it made.
    expect(report.split).toEqual({ test_share: 0.2, train_rows: 240, test_rows: 60, stratified_by: 'churn' });
    expect(spec.metrics.test.n).toBe(60);
    expect((report.test_rows as string[]).every((id) => /^c\d+$/.test(id))).toBe(true);
    expect(report.dataset).toEqual({
      name: dataset.name,
      sha256: dataset.sha256,
      rows: 300,
      ragged_rows: 0,
      rows_without_outcome: 0,
    });

    // learns the made-up pattern and chooses its thresholds on the training rows.
    expect(spec.metrics.test.roc_auc).toBeGreaterThan(0.8);
    expect(spec.thresholds.recommended).toBe('recall-first');
    expect(spec.thresholds.points.map((p) => p.name)).toEqual(['recall-first', 'f1-optimal', 'even-odds']);
    const penalty = report.penalty as { tried: { C: number }[]; chosen_C: number };
    expect(penalty.tried.map((t) => t.C)).toEqual([...RECIPE.penalties]);
    expect(RECIPE.penalties).toContain(penalty.chosen_C);
    // Longer tenure lowers the risk: the standardised coefficient is negative.
    expect(spec.coefficients[spec.features.findIndex((f) => f.name === 'tenure')]).toBeLessThan(0);

    // reports how it was trained: roles, recipe, solver and operating points.
    expect((report.roles as { column: string }[]).map((r) => r.column)).toEqual(table.headers);
    expect((report.roles as object[])[0]).toEqual({
      column: 'customer',
      role: 'id',
      reason: 'named as the customer ID',
      sensitive: false,
      missing_share: 0,
    });
    const totalRole = (report.roles as { column: string; missing_share: number }[]).find((r) => r.column === 'total')!;
    expect(totalRole.missing_share).toBe(Number((18 / 300).toFixed(4)));
    expect(report).toMatchObject({
      id: 'made-up-churn',
      trainer: TRAINER_VERSION,
      seed: RECIPE.seed,
      outcome: { column: 'churn', positive: 'Yes', negative: 'No' },
      not_in_this_model: [],
      penalty: { method: '5-fold stratified cross-validation on the training rows, pooled out-of-fold log loss' },
      solver: { method: 'Newton (IRLS) with backtracking' },
      threshold_selection: {
        method:
          '5-fold stratified cross-validation on the training rows at the chosen C, pooled out-of-fold predictions',
        recall_target: 0.8,
      },
      metrics: { test: spec.metrics.test },
      thresholds: spec.thresholds,
    });
    const solver = report.solver as { objective: string; final: { iterations: number }; folds: unknown[] };
    expect(solver.objective).toBe(
      `sklearn LogisticRegression(penalty="l2", C=${(report.penalty as { chosen_C: number }).chosen_C}), intercept not penalised`,
    );
    expect(solver.final.iterations).toBeGreaterThan(0);
    expect(solver.folds).toHaveLength(RECIPE.folds);
    const outcome = report.outcome as { positives: number; negatives: number };
    expect(outcome.positives + outcome.negatives).toBe(300);
    const [recallFirst, f1, even] = spec.thresholds.points;
    expect(recallFirst).toMatchObject({ label: 'Catch 80 % of churners' });
    expect(recallFirst!.description).toMatch(/^Highest threshold whose cross-validated recall/);
    expect(f1).toMatchObject({
      label: 'Best balance (F1)',
      description: 'Threshold with the highest cross-validated F1 on the training rows.',
    });
    expect(even).toMatchObject({
      label: 'Even odds (0.5)',
      value: 0.5,
      description: 'Flags customers more likely to leave than to stay.',
    });
    // Each point's figures are on the held-out rows: flagged ones add up to the flag rate.
    for (const p of spec.thresholds.points) expect((p.test.tp + p.test.fp) / 60).toBeCloseTo(p.test.flag_rate, 12);

    // adds the spread over other splits below the row limit, at the chosen penalty.
    expect(spec.metrics.repeated_splits?.splits).toBe(RECIPE.repeats);
    expect(report.repeated_splits).toEqual(spec.metrics.repeated_splits);

    // gives bands from the base rate and segments from the spec when the config names none.
    const churned = table.columns[7]!.filter((v) => v === 'Yes').length;
    expect(spec.risk_bands).toEqual(defaultRiskBands(churned / 300));
    expect(spec.segments).toEqual(defaultSegments(spec));
    expect(spec.segments.length).toBeGreaterThan(0);
  });
});

describe('trainModels with a config', () => {
  const small = () => history(200, 11);

  it('trains one package per model variant, each on its own columns, and reports the others as not chosen', () => {
    const models = train(small(), {
      config: {
        ...config,
        models: [
          { id: 'full', label: 'Everything' },
          { id: 'core', label: 'Core', description: 'Tenure only.', columns: ['tenure'] },
        ],
      },
    });
    expect(models.map((m) => m.spec.id)).toEqual(['full', 'core']);
    const core = models[1]!;
    expect(core.spec.columns.map((c) => c.name)).toEqual(['tenure']);
    expect(core.spec.description).toBe('Tenure only.');
    expect(core.report.not_in_this_model).toEqual(['monthly', 'total', 'plan', 'gender', 'refunded']);
    expect(models[0]!.report.not_in_this_model).toEqual([]);
  });

  it('drops a product imputation whose inputs are not both in the model', () => {
    const [model] = train(small(), {
      config: { ...config, models: [{ id: 'no-monthly', label: 'x', columns: ['tenure', 'total'] }] },
    });
    const total = model!.spec.columns.find((c) => c.name === 'total')!;
    expect(total.type === 'numeric' && 'constant' in total.impute).toBe(true);
  });

  it('keeps a probable leak the config includes, and uses the config’s bands, segments and value', () => {
    const [model] = train(small(), {
      config: {
        ...config,
        columns: { ...config.columns, refunded: { include: true } },
        risk_bands: [
          { name: 'Calm', from: 0 },
          { name: 'Hot', from: 0.6 },
        ],
        segments: ['plan', 'nope'],
        value: { column: 'monthly', unit: { currency: 'EUR' } },
      },
    });
    const spec = model!.spec;
    expect(spec.columns.map((c) => c.name)).toContain('refunded');
    expect(spec.risk_bands).toEqual([
      { name: 'Calm', from: 0 },
      { name: 'Hot', from: 0.6 },
    ]);
    expect(spec.segments).toEqual(['plan']);
    expect(spec.value).toEqual({ column: 'monthly', unit: { currency: 'EUR' } });
  });

  it('names the model after the outcome without a name, labels it after the dataset, and drops a value not in it', () => {
    const [model] = train(small(), {
      name: undefined,
      config: { ...config, value: { column: 'refunded', unit: { currency: 'EUR' } } },
    });
    expect(model!.spec.id).toBe('churn');
    // The value's column is a leak, left out: the value goes with it.
    expect(model!.spec.value).toBeUndefined();
    expect(model!.spec.label).toBe('Churn model for made-up history');
    expect(model!.spec.description).toBe('Logistic regression on 5 columns of made-up history, outcome churn = Yes.');
  });

  it('lists the test rows by line number without an id column', () => {
    const [model] = train(small(), {
      idColumn: undefined,
      config: { ...config, columns: { ...config.columns, customer: { include: false } } },
    });
    expect(model!.spec.id_column).toBeUndefined();
    const lines = model!.report.test_rows as number[];
    expect(lines.every((n) => Number.isInteger(n) && n >= 2 && n <= 201)).toBe(true);
  });

  it('reports the columns left out by the config, and one whose imputation needs a leak', () => {
    const [model] = train(small(), {
      config: { columns: { total: { impute: { product: ['tenure', 'refunded'] } }, gender: { include: false } } },
    });
    expect(model!.spec.columns.map((c) => c.name)).toEqual(['tenure', 'monthly', 'plan']);
    expect(model!.report.left_out).toEqual([
      { name: 'gender', why: 'left out by the config' },
      { name: 'refunded', why: expect.stringMatching(/^probably recorded after the customer left/) },
      { name: 'total', why: 'its imputation needs a column that was left out' },
    ]);
  });

  it('takes the positive value from the config, and trains on the rows with an outcome only', () => {
    const table = small();
    for (let r = 0; r < 200; r += 10) table.columns[7]![r] = '';
    const [model] = train(table, { config: { ...config, target: { positive: 'No' } } });
    expect(model!.spec.target).toMatchObject({ positive: 'No', negative: 'Yes' });
    expect(model!.report.split).toMatchObject({ train_rows: 144, test_rows: 36 });
    expect(model!.report.dataset).toMatchObject({ rows: 200, rows_without_outcome: 20 });
  });
});

describe('what trainModels refuses', () => {
  it.each<[string, () => RawTable, Partial<TrainOptions>, RegExp]>([
    ['an outcome column it cannot find', () => history(50), { target: 'left' }, /^The file has no column "left"/],
    [
      'an id column it cannot find',
      () => history(50),
      { idColumn: 'nope' },
      /^The file has no column "nope" for the customer ID\. Its columns are: "customer", "tenure"/,
    ],
    [
      'too few of one kind to hold any out',
      () =>
        rawTableFromText(`x,churn\n${Array.from({ length: 40 }, (_, i) => `${i},${i < 2 ? 'Yes' : 'No'}`).join('\n')}`),
      { idColumn: undefined, config: {} },
      /^Too few customers of one kind to hold any out for an honest test: 2 "Yes" and 38 "No"/,
    ],
    [
      'too few who stayed to hold any out',
      () =>
        rawTableFromText(`x,churn\n${Array.from({ length: 40 }, (_, i) => `${i},${i < 2 ? 'No' : 'Yes'}`).join('\n')}`),
      { idColumn: undefined, config: {} },
      /^Too few customers of one kind to hold any out for an honest test: 38 "Yes" and 2 "No"/,
    ],
    [
      'every column left out',
      () => history(100),
      {
        config: {
          columns: Object.fromEntries(
            ['tenure', 'monthly', 'total', 'plan', 'gender', 'refunded'].map((c) => [c, { include: false }]),
          ),
        },
      },
      /^Every column was left out, so there is nothing to learn from/,
    ],
    [
      'every column a leak',
      () => history(100),
      { config: { models: [{ id: 'leaky', label: 'x', columns: ['refunded'] }] } },
      /^Every column was left out \(refunded: probably recorded after the customer left.*\), so there is nothing to learn from\.$/,
    ],
  ])('%s', (_, table, more, problem) => {
    const trained = trainModels(table(), { ...options, ...more });
    expect(trained.ok).toBe(false);
    if (!trained.ok) expect(trained.problem).toMatch(problem);
  });
});

describe('slug', () => {
  it.each([
    ['Made-up Churn!', 'made-up-churn'],
    ['  --Big  Plan--  ', 'big-plan'],
    ['!!!', 'model'],
    ['x'.repeat(70), 'x'.repeat(64)],
  ])('%j -> %s', (name, id) => {
    expect(slug(name)).toBe(id);
  });
});
