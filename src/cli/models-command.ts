import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseModelsIndex } from '../core/spec/models-index.ts';
import { modelCard } from '../core/train/model-card.ts';
import { builtInModels, loadPackage } from './load-package.ts';
import type { Io } from './io.ts';

/** `churn-radar models [DIR]`: every package in the folder's index.json, with its card. */
export function modelsCommand(args: string[], io: Io): number {
  const dir = args[0] ?? builtInModels();
  const indexPath = join(dir, 'index.json');
  if (!existsSync(indexPath)) {
    io.error(`${dir} has no index.json: it is not a models folder. Train a model with "churn-radar train" first.`);
    return 1;
  }
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(indexPath, 'utf8'));
  } catch (error) {
    io.error(`${indexPath} is not valid JSON: ${(error as Error).message}`);
    return 1;
  }
  const index = parseModelsIndex(json, indexPath);
  if (!index.ok) {
    io.error(index.problem);
    return 1;
  }
  let failed = 0;
  for (const id of index.value.models) {
    const loaded = loadPackage(id, dir);
    if (!loaded.ok) {
      failed++;
      io.error(`${id}: ${loaded.problem}`);
      continue;
    }
    io.out(`${modelCard(loaded.value.spec)}\n  columns: ${loaded.value.spec.columns.map((c) => c.name).join(', ')}\n`);
  }
  return failed ? 1 : 0;
}
