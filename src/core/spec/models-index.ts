import { z } from 'zod';
import { fail, ok, type Result } from '../result.ts';

/**
 * `models/index.json`: the packages the page offers, by id (`<id>.json` and its `.onnx` sit beside it).
 * A deployer adds a model by copying its files and adding its id: no rebuild.
 */
export const modelsIndexSchema = z
  .object({
    models: z
      .array(z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'must be a model id: lower-case letters, digits and dashes'))
      .min(1)
      .max(100),
  })
  .strict();

export type ModelsIndex = z.infer<typeof modelsIndexSchema>;

export function parseModelsIndex(json: unknown, fileName = 'models/index.json'): Result<ModelsIndex> {
  const parsed = modelsIndexSchema.safeParse(json);
  if (parsed.success) return ok(parsed.data);
  const details = parsed.error.issues.slice(0, 3).map((i) => `${i.path.join('.') || '(root)'} ${i.message}`);
  return fail(
    `The models list ${fileName} is not valid: ${details.join('; ')}. It should look like {"models": ["telco-full", "my-model"]}.`,
  );
}

/** The list with `id` added (or kept in place): one id per line, so a diff shows one line per model. */
export function withModel(index: ModelsIndex | undefined, id: string): string {
  const ids = index?.models.includes(id) ? index.models : [...(index?.models ?? []), id];
  return `{\n  "models": [\n${ids.map((m) => `    ${JSON.stringify(m)}`).join(',\n')}\n  ]\n}\n`;
}
