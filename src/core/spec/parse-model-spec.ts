import { fail, ok, type Result } from '../result.ts';
import { modelSpecSchema, type ModelSpec } from './model-spec.ts';

/** Validates a loaded spec; the problem names the file and the first few fields that are wrong. */
export function parseModelSpec(json: unknown, fileName: string): Result<ModelSpec> {
  const parsed = modelSpecSchema.safeParse(json);
  if (parsed.success) return ok(parsed.data);
  const details = parsed.error.issues.slice(0, 3).map((i) => `${i.path.join('.') || '(root)'} ${i.message}`);
  const more = parsed.error.issues.length > 3 ? ` (and ${parsed.error.issues.length - 3} more)` : '';
  return fail(`The model spec ${fileName} is not valid: ${details.join('; ')}${more}. Re-run "npm run train" or restore the file.`);
}

export function recommendedThreshold(spec: ModelSpec): number {
  const point = spec.thresholds.points.find((p) => p.name === spec.thresholds.recommended);
  // parseModelSpec guarantees the recommended point exists.
  return point!.value;
}
