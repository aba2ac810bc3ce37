import { z } from 'zod';

/**
 * The model package's spec (`models/<id>.json`): the single source of truth for columns,
 * categories, missing values, imputation, scaling, coefficients, thresholds, risk bands,
 * units and metrics. The trainer writes it; the app, the worker, the command line and the
 * SQL writer only read it. Format 1 files are upgraded on reading (see upgrade-spec-v1.ts).
 */
export const SPEC_FORMAT = 'churn-radar-model/2';

const finite = z.number().refine(Number.isFinite, 'must be a finite number');
const unitInterval = finite.refine((v) => v >= 0 && v <= 1, 'must be between 0 and 1');
const name = z.string().min(1);

const imputeRule = z.union([
  z.object({ constant: finite }).strict(),
  z.object({ product: z.tuple([name, name]) }).strict(),
]);

/** How a number reads to a person: an ISO 4217 currency, a duration, a count or a share. */
export const unitSchema = z.union([
  z.enum(['months', 'days', 'count', 'percent', 'none']),
  z.object({ currency: z.string().regex(/^[A-Z]{3}$/, 'must be a three-letter ISO 4217 code') }).strict(),
]);

const numericColumn = z
  .object({
    name,
    label: name,
    type: z.literal('numeric'),
    aliases: z.array(name),
    /** Applied to missing cells (blank or a missing marker such as NA). */
    impute: imputeRule,
    /** Values outside these bounds cannot be real, so the row is rejected. Absent: any finite number. */
    bounds: z.object({ min: finite, max: finite }).strict().optional(),
    /** Range seen in training; values outside it are scored but flagged. */
    range: z.object({ min: finite, max: finite }).strict(),
    unit: unitSchema,
    /** Inclusive upper ends of the bands a segment chart groups this column into (ascending); the last band is open. */
    band_ends: z.array(finite).min(1).optional(),
    /** Names a protected characteristic (age, gender, …): shown on the model card. */
    sensitive: z.boolean(),
    /** Values the team can set (e.g. a discount level); what-if compares them. */
    actionable: z
      .object({ values: z.array(finite).min(1) })
      .strict()
      .optional(),
  })
  .strict();

const categoricalColumn = z
  .object({
    name,
    label: name,
    type: z.literal('categorical'),
    aliases: z.array(name),
    categories: z.array(name).min(1),
    /** Normalised spelling (lower case, single spaces) -> canonical category. */
    synonyms: z.record(z.string(), name),
    /** Share of training rows in each category, in the order of `categories` (absent in format 1 files). */
    frequencies: z.array(unitInterval).optional(),
    /** The level that rare and unseen values fall into; absent: they count as unknown. */
    other: name.optional(),
    /** The level of missing cells when training saw them; absent: missing counts as unknown. */
    missing: name.optional(),
    sensitive: z.boolean(),
    /** Categories the team can set (e.g. a contract or payment method); what-if compares them. */
    actionable: z
      .object({ values: z.array(name).min(1) })
      .strict()
      .optional(),
  })
  .strict();

const column = z.discriminatedUnion('type', [numericColumn, categoricalColumn]);

const feature = z
  .object({
    name,
    column: name,
    /** One-hot indicator for this category of a categorical column. */
    category: name.optional(),
    /** Numeric features may be read on a log scale: log(1 + raw), for long-tailed non-negative amounts. */
    transform: z.literal('log1p').optional(),
    /** 1 when the numeric column's cell was missing (and imputed), else 0. */
    indicator: z.literal('missing').optional(),
    mean: finite,
    std: finite.refine((v) => v > 0, 'must be positive'),
  })
  .strict();

const confusion = z
  .object({ tp: z.number().int(), fp: z.number().int(), tn: z.number().int(), fn: z.number().int() })
  .strict();

const operatingPoint = z
  .object({
    name,
    label: name,
    description: z.string(),
    value: unitInterval,
    test: confusion
      .extend({ precision: unitInterval, recall: unitInterval, f1: unitInterval, flag_rate: unitInterval })
      .strict(),
  })
  .strict();

const testMetrics = z
  .object({
    n: z.number().int().positive(),
    positives: z.number().int().nonnegative(),
    roc_auc: unitInterval,
    pr_auc: unitInterval,
    brier: unitInterval,
    log_loss: finite,
    roc: z.array(z.object({ threshold: unitInterval, fpr: unitInterval, tpr: unitInterval }).strict()).max(101),
    pr: z.array(z.object({ threshold: unitInterval, precision: unitInterval, recall: unitInterval }).strict()).max(101),
    calibration: z
      .array(
        z
          .object({
            lower: unitInterval,
            upper: unitInterval,
            mean_predicted: unitInterval.nullable(),
            observed_rate: unitInterval.nullable(),
            count: z.number().int().nonnegative(),
          })
          .strict(),
      )
      .length(10),
  })
  .strict();

const spread = z.object({ mean: finite, sd: finite, min: finite, max: finite }).strict();

const riskBand = z.object({ name, from: unitInterval }).strict();

export const modelSpecSchema = z
  .object({
    format: z.literal(SPEC_FORMAT),
    id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'must be lower-case letters, digits and dashes'),
    label: name,
    description: z.string(),
    onnx: z.string().regex(/^[\w.-]+\.onnx$/, 'must be a file name ending in .onnx'),
    input: name,
    output: name,
    /** The customer identifier column, shown and kept but never a model input. Absent: rows are numbered. */
    id_column: z
      .object({ name, aliases: z.array(name) })
      .strict()
      .optional(),
    /** The outcome column a scored file may carry, for evaluation. Spellings are compared normalised. */
    target: z
      .object({
        column: name,
        aliases: z.array(name),
        positive: name,
        negative: name,
        positive_spellings: z.array(name),
        negative_spellings: z.array(name),
      })
      .strict(),
    /** The column holding a customer's recurring value (e.g. monthly charges). Absent: no revenue figures. */
    value: z.object({ column: name, unit: unitSchema }).strict().optional(),
    /** Columns the segment charts show by default. */
    segments: z.array(name),
    /** Bands of the probability itself, ascending; the first starts at 0. */
    risk_bands: z.array(riskBand).min(1),
    columns: z.array(column).min(1).max(5_000),
    features: z.array(feature).min(1).max(10_000),
    coefficients: z.array(finite),
    intercept: finite,
    thresholds: z.object({ recommended: name, points: z.array(operatingPoint).min(1) }).strict(),
    metrics: z
      .object({
        test: testMetrics,
        /** The same recipe re-run on other seeds: where this split lies in the spread. */
        repeated_splits: z
          .object({ splits: z.number().int().positive(), roc_auc: spread, recall_at_recommended: spread })
          .strict()
          .optional(),
      })
      .strict(),
    /** Plain-language cautions for the model card (small sample, rare outcome, columns left out…). */
    warnings: z.array(z.string()),
    /** Where the model came from (absent in format 1 files). */
    provenance: z
      .object({
        dataset: z.string(),
        rows: z.number().int().nonnegative(),
        sha256: z.string().regex(/^[0-9a-f]{64}$/, 'must be a hex SHA-256'),
        trainer: z.string(),
      })
      .strict()
      .optional(),
  })
  .strict()
  .superRefine((spec, ctx) => {
    const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });
    if (spec.coefficients.length !== spec.features.length) {
      issue(['coefficients'], `has ${spec.coefficients.length} entries but there are ${spec.features.length} features`);
    }
    const columns = new Map(spec.columns.map((c) => [c.name, c]));
    if (columns.size !== spec.columns.length) issue(['columns'], 'column names must be unique');
    spec.features.forEach((f, i) => {
      const col = columns.get(f.column);
      if (!col) return issue(['features', i, 'column'], `names unknown column "${f.column}"`);
      if (col.type === 'categorical') {
        if (f.category === undefined || !col.categories.includes(f.category))
          issue(['features', i, 'category'], `must be one of the categories of "${col.name}"`);
        if (f.transform !== undefined || f.indicator !== undefined)
          issue(['features', i], 'category indicators take no transform or missing indicator');
      } else {
        if (f.category !== undefined) issue(['features', i, 'category'], 'numeric features have no category');
        if (f.transform !== undefined && f.indicator !== undefined)
          issue(['features', i], 'a missing indicator takes no transform');
      }
    });
    spec.columns.forEach((c, i) => {
      if (c.type === 'numeric') {
        if ('product' in c.impute) {
          for (const other of c.impute.product) {
            const col = columns.get(other);
            if (col?.type !== 'numeric' || 'product' in col.impute)
              issue(
                ['columns', i, 'impute'],
                `product names "${other}", which is not a numeric column imputed by a constant`,
              );
          }
        }
        if (c.bounds && c.bounds.min > c.bounds.max) issue(['columns', i, 'bounds'], 'min is above max');
        c.band_ends?.forEach((end, k) => {
          if (k > 0 && end <= c.band_ends![k - 1]!)
            issue(['columns', i, 'band_ends', k], 'band ends must be ascending');
        });
        return;
      }
      for (const [spelling, target] of Object.entries(c.synonyms)) {
        if (!c.categories.includes(target))
          issue(['columns', i, 'synonyms', spelling], `maps to "${target}", which is not a category`);
      }
      if (c.frequencies && c.frequencies.length !== c.categories.length)
        issue(
          ['columns', i, 'frequencies'],
          `has ${c.frequencies.length} entries for ${c.categories.length} categories`,
        );
      if (c.other !== undefined && !c.categories.includes(c.other))
        issue(['columns', i, 'other'], `"${c.other}" is not a category`);
      if (c.missing !== undefined && !c.categories.includes(c.missing))
        issue(['columns', i, 'missing'], `"${c.missing}" is not a category`);
      c.actionable?.values.forEach((v, k) => {
        if (!c.categories.includes(v)) issue(['columns', i, 'actionable', 'values', k], `"${v}" is not a category`);
      });
    });
    if (spec.value && columns.get(spec.value.column)?.type !== 'numeric')
      issue(['value', 'column'], `"${spec.value.column}" is not a numeric column of the model`);
    spec.segments.forEach((s, i) => {
      if (!columns.has(s)) issue(['segments', i], `"${s}" is not a column of the model`);
    });
    // zod runs this check after a failed .min(1) too: an empty list must not throw here.
    const first = spec.risk_bands[0];
    if (first && first.from !== 0) issue(['risk_bands', 0, 'from'], 'the first band must start at 0');
    spec.risk_bands.forEach((b, i) => {
      if (i > 0 && b.from <= spec.risk_bands[i - 1]!.from)
        issue(['risk_bands', i, 'from'], 'bands must be in ascending order');
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
export type Unit = z.infer<typeof unitSchema>;
export type RiskBandSpec = ModelSpec['risk_bands'][number];
