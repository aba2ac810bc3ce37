import { z } from 'zod';

/**
 * The model package's spec (`public/models/<id>.json`): the single source of truth for
 * columns, categories, imputation, scaling, coefficients, thresholds and metrics.
 * The trainer writes it; the app, the worker and the tests only read it.
 */
export const SPEC_FORMAT = 'churn-radar-model/1';

const finite = z.number().refine(Number.isFinite, 'must be a finite number');
const unit = finite.refine((v) => v >= 0 && v <= 1, 'must be between 0 and 1');
const name = z.string().min(1);

const imputeRule = z.union([
  z.object({ constant: finite }).strict(),
  z.object({ product: z.tuple([name, name]) }).strict(),
]);

const numericColumn = z.object({
  name,
  label: name,
  type: z.literal('numeric'),
  aliases: z.array(name),
  /** Applied to blank cells. */
  impute: imputeRule,
  /** Values outside these bounds cannot be real, so the row is rejected. */
  bounds: z.object({ min: finite, max: finite }).strict(),
  /** Range seen in training; values outside it are scored but flagged. */
  range: z.object({ min: finite, max: finite }).strict(),
  /** How to read the value to a person, e.g. "months" or "currency". */
  unit: z.enum(['months', 'currency', 'count']).optional(),
}).strict();

const categoricalColumn = z.object({
  name,
  label: name,
  type: z.literal('categorical'),
  aliases: z.array(name),
  categories: z.array(name).min(1),
  /** Normalised spelling (lower case, single spaces) -> canonical category. */
  synonyms: z.record(z.string(), name),
}).strict();

const column = z.discriminatedUnion('type', [numericColumn, categoricalColumn]);

const feature = z.object({
  name,
  column: name,
  category: name.optional(),
  /** Numeric features may be read on a log scale: log(1 + raw), for long-tailed amounts. */
  transform: z.literal('log1p').optional(),
  mean: finite,
  std: finite.refine((v) => v > 0, 'must be positive'),
}).strict();

const confusion = z.object({ tp: z.number().int(), fp: z.number().int(), tn: z.number().int(), fn: z.number().int() }).strict();

const operatingPoint = z.object({
  name,
  label: name,
  description: z.string(),
  value: unit,
  test: confusion.extend({ precision: unit, recall: unit, f1: unit, flag_rate: unit }).strict(),
}).strict();

const testMetrics = z.object({
  n: z.number().int().positive(),
  positives: z.number().int().nonnegative(),
  roc_auc: unit,
  pr_auc: unit,
  brier: unit,
  log_loss: finite,
  roc: z.array(z.object({ threshold: unit, fpr: unit, tpr: unit }).strict()).max(101),
  pr: z.array(z.object({ threshold: unit, precision: unit, recall: unit }).strict()).max(101),
  calibration: z.array(z.object({
    lower: unit, upper: unit, mean_predicted: unit.nullable(), observed_rate: unit.nullable(), count: z.number().int().nonnegative(),
  }).strict()).length(10),
}).strict();

export const modelSpecSchema = z.object({
  format: z.literal(SPEC_FORMAT),
  id: z.string().regex(/^[a-z0-9-]+$/, 'must be lower-case letters, digits and dashes'),
  label: name,
  description: z.string(),
  onnx: z.string().regex(/^[\w.-]+\.onnx$/, 'must be a file name ending in .onnx'),
  input: name,
  output: name,
  /** The customer identifier column, shown and kept but never a model input. */
  id_column: z.object({ name, aliases: z.array(name) }).strict(),
  /** The outcome column a scored file may carry, for evaluation. */
  target: z.object({ column: name, positive: name, negative: name }).strict(),
  columns: z.array(column).min(1),
  features: z.array(feature).min(1),
  coefficients: z.array(finite),
  intercept: finite,
  thresholds: z.object({ recommended: name, points: z.array(operatingPoint).min(1) }).strict(),
  metrics: z.object({ test: testMetrics }).strict(),
}).strict().superRefine((spec, ctx) => {
  const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });
  if (spec.coefficients.length !== spec.features.length) {
    issue(['coefficients'], `has ${spec.coefficients.length} entries but there are ${spec.features.length} features`);
  }
  const columns = new Map(spec.columns.map((c) => [c.name, c]));
  if (columns.size !== spec.columns.length) issue(['columns'], 'column names must be unique');
  spec.features.forEach((f, i) => {
    const col = columns.get(f.column);
    if (!col) return issue(['features', i, 'column'], `names unknown column "${f.column}"`);
    if (col.type === 'categorical' && (f.category === undefined || !col.categories.includes(f.category))) {
      issue(['features', i, 'category'], `must be one of the categories of "${col.name}"`);
    }
    if (col.type === 'numeric' && f.category !== undefined) issue(['features', i, 'category'], 'numeric features have no category');
    if (col.type === 'categorical' && f.transform !== undefined) issue(['features', i, 'transform'], 'indicators take no transform');
  });
  spec.columns.forEach((c, i) => {
    if (c.type === 'numeric' && 'product' in c.impute) {
      for (const other of c.impute.product) {
        if (columns.get(other)?.type !== 'numeric') issue(['columns', i, 'impute'], `product names "${other}", which is not a numeric column`);
      }
    }
    if (c.type === 'categorical') {
      for (const [spelling, target] of Object.entries(c.synonyms)) {
        if (!c.categories.includes(target)) issue(['columns', i, 'synonyms', spelling], `maps to "${target}", which is not a category`);
      }
    }
  });
  if (!spec.thresholds.points.some((p) => p.name === spec.thresholds.recommended)) {
    issue(['thresholds', 'recommended'], `names "${spec.thresholds.recommended}", which is not an operating point`);
  }
});

export type ModelSpec = z.infer<typeof modelSpecSchema>;
export type SpecColumn = ModelSpec['columns'][number];
export type NumericColumn = Extract<SpecColumn, { type: 'numeric' }>;
export type CategoricalColumn = Extract<SpecColumn, { type: 'categorical' }>;
export type SpecFeature = ModelSpec['features'][number];
export type OperatingPoint = ModelSpec['thresholds']['points'][number];
export type TestMetrics = ModelSpec['metrics']['test'];
