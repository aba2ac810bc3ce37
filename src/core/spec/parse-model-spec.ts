import { fail, ok, type Result } from '../result.ts';
import { modelSpecSchema, SPEC_FORMAT, type ModelSpec } from './model-spec.ts';
import { SPEC_FORMAT_V1, upgradeSpecV1 } from './upgrade-spec-v1.ts';

/** Validates a loaded spec (format 2, or format 1 upgraded); the problem names the file and the first few fields that are wrong. */
export function parseModelSpec(json: unknown, fileName: string): Result<ModelSpec> {
  const format = typeof json === 'object' && json !== null ? (json as { format?: unknown }).format : undefined;
  if (format !== SPEC_FORMAT && format !== SPEC_FORMAT_V1) {
    return fail(
      `The model spec ${fileName} is not valid: format is ${JSON.stringify(format) ?? 'missing'}, expected "${SPEC_FORMAT}" (or "${SPEC_FORMAT_V1}"). Re-train the model or restore the file.`,
    );
  }
  const parsed = modelSpecSchema.safeParse(upgradeSpecV1(json));
  if (parsed.success) return ok(parsed.data);
  const details = parsed.error.issues.slice(0, 3).map((i) => `${i.path.join('.') || '(root)'} ${i.message}`);
  const more = parsed.error.issues.length > 3 ? ` (and ${parsed.error.issues.length - 3} more)` : '';
  return fail(
    `The model spec ${fileName} is not valid: ${details.join('; ')}${more}. Re-train the model or restore the file.`,
  );
}

export function recommendedThreshold(spec: ModelSpec): number {
  const point = spec.thresholds.points.find((p) => p.name === spec.thresholds.recommended);
  // parseModelSpec guarantees the recommended point exists.
  return point!.value;
}
