import * as ort from 'onnxruntime-web/wasm';
import { createOnnxScorer, type OnnxScorer } from '../core/scoring/onnx-scorer.ts';
import { checkOnnx, checkPackage, readSpec } from '../core/spec/check-package.ts';
import { parseModelsIndex } from '../core/spec/models-index.ts';
import type { ModelSpec } from '../core/spec/model-spec.ts';
import type { InlineAssets } from './protocol.ts';

export interface LoadedModel {
  spec: ModelSpec;
  scorer: OnnxScorer;
}

// Scoring is a cheap linear model: one thread is plenty and needs no cross-origin isolation.
ort.env.wasm.numThreads = 1;

/** Where the files come from: fetched relative to the page, or the single-file build's message. */
type ReadFile = (path: string) => Promise<Uint8Array>;

async function fetchOrExplain(url: URL): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(url);
  } catch (error) {
    throw new Error(`Could not load the model file ${url.pathname.split('/').pop()}: ${(error as Error).message}`, {
      cause: error,
    });
  }
  if (!response.ok)
    throw new Error(`Could not load the model file ${url.pathname.split('/').pop()} (HTTP ${response.status}).`);
  return response;
}

const fetched =
  (baseUrl: string): ReadFile =>
  async (path) =>
    new Uint8Array(await (await fetchOrExplain(new URL(path, baseUrl))).arrayBuffer());

const inlined =
  (files: InlineAssets['files']): ReadFile =>
  async (path) => {
    const bytes = files[path];
    if (!bytes) throw new Error(`Could not load the model file ${path.split('/').pop()}: it is not in this file.`);
    return bytes;
  };

async function gunzip(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

async function loadModel(read: ReadFile, id: string): Promise<LoadedModel> {
  const parsed = readSpec(await read(`models/${id}.json`), `${id}.json`);
  if (!parsed.ok) throw new Error(parsed.problem);
  const spec = parsed.value;
  const bytes = await read(`models/${spec.onnx}`);
  const graph = checkOnnx(bytes, spec);
  if (!graph.ok) throw new Error(graph.problem);
  try {
    const scorer = await createOnnxScorer(bytes, {
      input: spec.input,
      output: spec.output,
      featureCount: spec.features.length,
    });
    return { spec, scorer };
  } catch (error) {
    throw new Error(`The model file ${spec.onnx} could not be opened: ${(error as Error).message}`, { cause: error });
  }
}

/** The deployed models' ids, from `models/index.json` (one line per model; see the README). */
async function modelIds(read: ReadFile): Promise<string[]> {
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder().decode(await read('models/index.json')));
  } catch (error) {
    throw new Error(`The models list index.json could not be read: ${(error as Error).message}`, { cause: error });
  }
  const index = parseModelsIndex(json, 'index.json');
  if (!index.ok) throw new Error(index.problem);
  return index.value.models;
}

async function loadAll(baseUrl: string, inline: InlineAssets | undefined): Promise<LoadedModel[]> {
  // Given the bytes, ort-web uses the loader bundled into this worker and fetches nothing.
  if (inline) ort.env.wasm.wasmBinary = await gunzip(inline.wasmGzip);
  const read = inline ? inlined(inline.files) : fetched(baseUrl);
  const ids = await modelIds(read);
  return Promise.all(ids.map((id) => loadModel(read, id)));
}

let loading: Promise<LoadedModel[]> | undefined;

/**
 * Loads every model listed in `models/index.json` once per worker; later calls share the same
 * promise. Files are fetched relative to `baseUrl`, or taken from `inline` when it is given.
 */
export function loadModels(baseUrl: string, inline?: InlineAssets): Promise<LoadedModel[]> {
  loading ??= loadAll(baseUrl, inline).catch((error: unknown) => {
    // Let a later attempt retry instead of replaying the failure forever.
    loading = undefined;
    throw error;
  });
  return loading;
}

/**
 * Adds a package trained or opened on the page to this worker's models, checked as a deployed
 * one is; a model with the same id is replaced. Returns every model now offered.
 */
export async function addModel(
  baseUrl: string,
  inline: InlineAssets | undefined,
  specBytes: Uint8Array,
  specName: string,
  onnx: Uint8Array,
): Promise<{ id: string; models: LoadedModel[] }> {
  const checked = checkPackage(specBytes, specName, onnx);
  if (!checked.ok) throw new Error(checked.problem);
  const spec = checked.value;
  const models = await loadModels(baseUrl, inline);
  let scorer: OnnxScorer;
  try {
    scorer = await createOnnxScorer(onnx, {
      input: spec.input,
      output: spec.output,
      featureCount: spec.features.length,
    });
  } catch (error) {
    throw new Error(`The model file ${spec.onnx} could not be opened: ${(error as Error).message}`, { cause: error });
  }
  const all = [...models.filter((m) => m.spec.id !== spec.id), { spec, scorer }];
  loading = Promise.resolve(all);
  return { id: spec.id, models: all };
}
