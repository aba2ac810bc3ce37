import { createWriteStream, existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { customerCsvChunks } from '../gen/generate-customers.ts';

export interface BenchFile {
  rows: number;
  seed: number;
  labels: boolean;
  path: string;
  bytes: number;
}

interface Recipe {
  rows: number;
  seed: number;
  labels: boolean;
}

const sidecarOf = (path: string) => `${path}.json`;

/**
 * A file is reused only when its sidecar names the same recipe and its size still matches,
 * so an interrupted write or a generator change that alters the output is never measured.
 */
function reusable(path: string, recipe: Recipe): BenchFile | undefined {
  if (!existsSync(path) || !existsSync(sidecarOf(path))) return undefined;
  try {
    const saved = JSON.parse(readFileSync(sidecarOf(path), 'utf8')) as BenchFile;
    const bytes = statSync(path).size;
    const same =
      saved.rows === recipe.rows &&
      saved.seed === recipe.seed &&
      saved.labels === recipe.labels &&
      saved.bytes === bytes;
    return same ? { ...recipe, path, bytes } : undefined;
  } catch {
    return undefined;
  }
}

/** Writes (or reuses) `<dir>/customers-<rows>-seed-<seed>[-labels].csv` with the project's generator. */
export async function benchFile(dir: string, recipe: Recipe, log: (line: string) => void): Promise<BenchFile> {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `customers-${recipe.rows}-seed-${recipe.seed}${recipe.labels ? '-labels' : ''}.csv`);
  const existing = reusable(path, recipe);
  if (existing) {
    log(`Reusing ${path} (${(existing.bytes / 1e6).toFixed(1)} MB)`);
    return existing;
  }
  log(`Generating ${recipe.rows.toLocaleString('en-US')} customers into ${path}…`);
  const started = performance.now();
  // Written under a temporary name and renamed at the end, so a killed run leaves nothing that looks finished.
  const partial = `${path}.partial`;
  await pipeline(Readable.from(customerCsvChunks(recipe)), createWriteStream(partial));
  renameSync(partial, path);
  const bytes = statSync(path).size;
  const file: BenchFile = { ...recipe, path, bytes };
  writeFileSync(sidecarOf(path), `${JSON.stringify(file, null, 2)}\n`);
  log(`  ${(bytes / 1e6).toFixed(1)} MB in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return file;
}
