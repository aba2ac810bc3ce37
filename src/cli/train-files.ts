import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import { fail, ok, type Result } from '../core/result.ts';
import { rawTableFromText } from '../core/train/raw-table.ts';
import { trainModels, type TrainedPackage } from '../core/train/train-model.ts';
import type { TrainingConfig } from '../core/train/training-config.ts';
import { packageFiles } from '../core/train/write-package.ts';

export interface TrainFileOptions {
  target?: string;
  positive?: string;
  id?: string;
  config?: TrainingConfig;
  name?: string;
}

/** What `npm run train` does with a file's bytes, so tests train exactly as the command line does. */
export function trainFromBytes(
  bytes: Uint8Array,
  path: string,
  options: TrainFileOptions,
): Result<{ packages: TrainedPackage[]; files: Record<string, Uint8Array> }> {
  const config = options.config ?? {};
  const target = options.target ?? config.target?.column;
  if (!target) return fail('Missing --target: the column that says who left.');
  const table = rawTableFromText(new TextDecoder().decode(bytes));
  const trained = trainModels(table, {
    target,
    positive: options.positive,
    idColumn: options.id,
    config,
    name: options.name,
    dataset: { name: config.dataset ?? basename(path), sha256: createHash('sha256').update(bytes).digest('hex') },
  });
  if (!trained.ok) return trained;
  return ok({
    packages: trained.value,
    files: Object.assign({}, ...trained.value.map(packageFiles)) as Record<string, Uint8Array>,
  });
}
