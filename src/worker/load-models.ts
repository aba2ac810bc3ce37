import * as ort from 'onnxruntime-web/wasm';
import { createOnnxScorer, type OnnxScorer } from '../core/scoring/onnx-scorer.ts';
import { parseModelSpec } from '../core/spec/parse-model-spec.ts';
import type { ModelSpec } from '../core/spec/model-spec.ts';

export interface LoadedModel {
  spec: ModelSpec;
  scorer: OnnxScorer;
}

// Scoring is a cheap linear model: one thread is plenty and needs no cross-origin isolation.
ort.env.wasm.numThreads = 1;

async function fetchOrExplain(url: URL): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(url);
  } catch (error) {
    throw new Error(`Could not load the model file ${url.pathname.split('/').pop()}: ${(error as Error).message}`, { cause: error });
  }
  if (!response.ok) throw new Error(`Could not load the model file ${url.pathname.split('/').pop()} (HTTP ${response.status}).`);
  return response;
}

async function loadModel(base: URL, id: string): Promise<LoadedModel> {
  const specFile = `${id}.json`;
  const specResponse = await fetchOrExplain(new URL(specFile, base));
  let json: unknown;
  try {
    json = await specResponse.json();
  } catch {
    throw new Error(`The model spec ${specFile} is not valid JSON.`);
  }
  const parsed = parseModelSpec(json, specFile);
  if (!parsed.ok) throw new Error(parsed.problem);
  const spec = parsed.value;
  const bytes = new Uint8Array(await (await fetchOrExplain(new URL(spec.onnx, base))).arrayBuffer());
  try {
    const scorer = await createOnnxScorer(bytes, { input: spec.input, output: spec.output, featureCount: spec.features.length });
    return { spec, scorer };
  } catch (error) {
    throw new Error(`The model file ${spec.onnx} could not be opened: ${(error as Error).message}`, { cause: error });
  }
}

let loading: Promise<LoadedModel[]> | undefined;

/** Loads every model once per worker; later calls share the same promise. */
export function loadModels(baseUrl: string, ids: readonly string[]): Promise<LoadedModel[]> {
  loading ??= Promise.all(ids.map((id) => loadModel(new URL('models/', baseUrl), id))).catch((error: unknown) => {
    // Let a later attempt retry instead of replaying the failure forever.
    loading = undefined;
    throw error;
  });
  return loading;
}
