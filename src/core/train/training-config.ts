import { z } from 'zod';
import { fail, ok, type Result } from '../result.ts';
import { unitSchema } from '../spec/model-spec.ts';

/**
 * What a team knows about its columns before training: how people name them, how they
 * spell the values, units, bounds, which are sensitive or actionable. Everything learned
 * from the data (levels, medians, ranges, scaling, transforms) is added by the trainer.
 * One JSON file (e.g. `train-configs/telco.json`); every key is optional.
 */
const finite = z.number().refine(Number.isFinite, 'must be a finite number');
const name = z.string().min(1);

const columnConfig = z
  .object({
    /** false leaves the column out; true keeps it even when it looks like a leak. */
    include: z.boolean().optional(),
    type: z.enum(['numeric', 'categorical']).optional(),
    label: name.optional(),
    aliases: z.array(name).optional(),
    /** Categorical: the levels, in display order; training values must match them (or a synonym). */
    categories: z.array(name).min(1).optional(),
    /** Categorical: other spellings -> category. */
    synonyms: z.record(z.string(), name).optional(),
    unit: unitSchema.optional(),
    bounds: z.object({ min: finite, max: finite }).strict().optional(),
    /** Numeric: blank cells as the product of two other numeric columns (e.g. total = tenure × monthly). */
    impute: z
      .object({ product: z.tuple([name, name]) })
      .strict()
      .optional(),
    /** Numeric: force or forbid the log scale; absent, the trainer decides from the data. */
    transform: z.enum(['log1p', 'none']).optional(),
    band_ends: z.array(finite).min(1).optional(),
    sensitive: z.boolean().optional(),
    /** true: every level is a possible action; or the allowed values. */
    actionable: z.union([z.literal(true), z.array(z.union([name, finite])).min(1)]).optional(),
  })
  .strict();

const modelVariant = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'must be lower-case letters, digits and dashes'),
    label: name,
    description: z.string().optional(),
    /** Only these columns (default: every usable column). */
    columns: z.array(name).min(1).optional(),
  })
  .strict();

export const trainingConfigSchema = z
  .object({
    /** A name for the dataset on the model card, e.g. "IBM Telco Customer Churn sample". */
    dataset: name.optional(),
    target: z
      .object({
        column: name.optional(),
        positive: name.optional(),
        aliases: z.array(name).optional(),
        positive_spellings: z.array(name).optional(),
        negative_spellings: z.array(name).optional(),
      })
      .strict()
      .optional(),
    id: z
      .object({ column: name, aliases: z.array(name).optional() })
      .strict()
      .optional(),
    value: z.object({ column: name, unit: unitSchema }).strict().optional(),
    segments: z.array(name).optional(),
    risk_bands: z
      .array(z.object({ name, from: finite }).strict())
      .min(1)
      .optional(),
    columns: z.record(z.string(), columnConfig).optional(),
    /** Several packages from one file (e.g. a full and a core model); absent: one model. */
    models: z.array(modelVariant).min(1).optional(),
  })
  .strict();

export type TrainingConfig = z.infer<typeof trainingConfigSchema>;
export type ColumnConfig = z.infer<typeof columnConfig>;
export type ModelVariant = z.infer<typeof modelVariant>;

/** Validates a config file's JSON; the problem names the file and the first few wrong keys. */
export function parseTrainingConfig(json: unknown, fileName: string): Result<TrainingConfig> {
  const parsed = trainingConfigSchema.safeParse(json);
  if (parsed.success) return ok(parsed.data);
  const details = parsed.error.issues.slice(0, 3).map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
  return fail(`The training config ${fileName} is not valid: ${details.join('; ')}.`);
}
