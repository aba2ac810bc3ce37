import { z } from 'zod';
import { fail, ok, type Result } from '../result.ts';

/**
 * `config.json` beside `index.html`: what a deployer sets without a rebuild. Every key is optional;
 * a missing file means the defaults, a bad one is reported on the page and the defaults are used.
 */
export const deployConfigSchema = z
  .object({
    /** Origins whose portal pages may drive the app from a parent frame, added to the build's list. */
    embed_origins: z
      .array(z.string().url('must be an origin such as "https://portal.example.com"'))
      .max(100)
      .optional(),
    /** The model to use when a file has its columns, instead of the best-scoring fitting model. */
    default_model: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'must be a model id: lower-case letters, digits and dashes')
      .optional(),
    /** Above this file size (MB) the page asks before reading. */
    comfortable_file_mb: z.number().positive().max(100_000).optional(),
  })
  .strict();

export type DeployConfig = z.infer<typeof deployConfigSchema>;

export function parseDeployConfig(text: string, fileName = 'config.json'): Result<DeployConfig> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return fail(
      `The deployment settings ${fileName} are not valid JSON (${(error as Error).message}); the defaults are used. Fix the file or remove it.`,
    );
  }
  const parsed = deployConfigSchema.safeParse(json);
  if (parsed.success) return ok(parsed.data);
  const details = parsed.error.issues.slice(0, 3).map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
  return fail(
    `The deployment settings ${fileName} are not valid (${details.join('; ')}); the defaults are used. Known keys: embed_origins, default_model, comfortable_file_mb.`,
  );
}
