import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fail, ok, type Result } from '../core/result.ts';
import { checkOnnx, readSpec } from '../core/spec/check-package.ts';
import type { ModelSpec } from '../core/spec/model-spec.ts';
import { parseModelsIndex } from '../core/spec/models-index.ts';

export interface LoadedPackage {
  spec: ModelSpec;
  onnx: Uint8Array;
  specPath: string;
}

/** The packages that ship with Churn Radar: `public/models` in a checkout and in the packed tarball. */
export function builtInModels(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 4; i++) {
    const candidate = join(dir, 'public', 'models');
    if (existsSync(join(candidate, 'index.json'))) return candidate;
    dir = dirname(dir);
  }
  return resolve('public/models');
}

/**
 * `--model` is a path to a spec (`…/bank.json`, its `.onnx` beside it) or a model id looked up in
 * `dir`. The package is checked exactly as the page checks a deployed one.
 */
export function loadPackage(model: string, dir = builtInModels()): Result<LoadedPackage> {
  const specPath = model.endsWith('.json') || existsSync(model) ? resolve(model) : join(dir, `${model}.json`);
  if (!existsSync(specPath)) {
    const index = existsSync(join(dir, 'index.json'))
      ? parseModelsIndex(JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8')))
      : undefined;
    const known = index?.ok ? ` Known models: ${index.value.models.join(', ')}.` : '';
    return fail(`No model "${model}": ${specPath} does not exist.${known}`);
  }
  const spec = readSpec(readFileSync(specPath), specPath);
  if (!spec.ok) return spec;
  const onnxPath = join(dirname(specPath), spec.value.onnx);
  if (!existsSync(onnxPath))
    return fail(`The model file ${onnxPath} is missing: a package is the spec and its .onnx side by side.`);
  const onnx = new Uint8Array(readFileSync(onnxPath));
  const checked = checkOnnx(onnx, spec.value);
  if (!checked.ok) return checked;
  return ok({ spec: spec.value, onnx, specPath });
}
