import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { planFeatures } from '../model-input/feature-plan.ts';
import { referenceProbabilities } from '../scoring/reference-scorer.ts';
import type { ModelSpec } from '../spec/model-spec.ts';
import { parseModelSpec } from '../spec/parse-model-spec.ts';
import { readCustomers } from './read-customers.ts';
import type { ScoredJob } from './scored-job.ts';

export function loadSpecs(): ModelSpec[] {
  return ['telco-full', 'telco-core'].map((id) => {
    const path = fileURLToPath(new URL(`../../../public/models/${id}.json`, import.meta.url));
    const parsed = parseModelSpec(JSON.parse(readFileSync(path, 'utf8')), `${id}.json`);
    if (!parsed.ok) throw new Error(parsed.problem);
    return parsed.value;
  });
}

/** Reads like the worker does and scores with the reference scorer (the ONNX parity test covers the runtime). */
export async function readAndScore(
  content: string | Uint8Array<ArrayBuffer>,
  fileName = 'customers.csv',
): Promise<ScoredJob> {
  const read = await readCustomers(
    new Blob([content]),
    fileName,
    loadSpecs(),
    undefined,
    false,
    () => {},
    new AbortController().signal,
  );
  const probabilities = Float32Array.from(
    referenceProbabilities(read.spec, planFeatures(read.spec, read.table), read.table.rejected),
  );
  return { job: 1, fileName, read, probabilities, timings: { readMs: 0, featuresMs: 0, inferenceMs: 0 } };
}
