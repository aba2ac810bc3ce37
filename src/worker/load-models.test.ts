/**
 * Loading the deployed models as the served app does (fetched relative to the page), with
 * `fetch` answered from `public/`, so a missing file, a refused request and a broken list can be
 * staged. Each test imports the module afresh: it keeps one loading promise per worker.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setUpOrtForNode } from '../core/scoring/ort-node-setup.test-support.ts';

const PUBLIC = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'public');
const BASE = 'https://churn.example/app/';
const publicFile = (path: string) => new Uint8Array(readFileSync(join(PUBLIC, path)));

/** What the page's server answers: the public file, or what `override` says for a path. */
function serve(override: Record<string, () => Promise<Response>> = {}) {
  const asked: string[] = [];
  vi.stubGlobal('fetch', async (url: URL) => {
    const path = url.href.slice(BASE.length);
    asked.push(path);
    const staged = override[path];
    return staged ? staged() : new Response(publicFile(path));
  });
  return asked;
}

const fresh = async () => {
  vi.resetModules();
  setUpOrtForNode();
  return import('./load-models.ts');
};

describe('loading the deployed models', () => {
  beforeEach(() => vi.unstubAllGlobals());
  afterEach(() => vi.unstubAllGlobals());

  it('loads every model the list names, in its order, once per worker', async () => {
    const asked = serve();
    const { loadModels } = await fresh();
    const first = loadModels(BASE);
    expect(loadModels(BASE)).toBe(first);
    const models = await first;
    expect(models.map((m) => m.spec.id)).toEqual(['telco-full', 'telco-core']);
    expect(asked.sort()).toEqual([
      'models/index.json',
      'models/telco-core.json',
      'models/telco-core.onnx',
      'models/telco-full.json',
      'models/telco-full.onnx',
    ]);
    const scored = await models[1]!.scorer.score(new Float32Array(models[1]!.spec.features.length), 1);
    expect(scored[0]).toBeGreaterThan(0);
    expect(scored[0]).toBeLessThan(1);
  });

  it.each<[string, Record<string, () => Promise<Response>>, string]>([
    [
      'a request that fails',
      { 'models/index.json': () => Promise.reject(new TypeError('network down')) },
      'Could not load the model file index.json: network down',
    ],
    [
      'a file the server does not have',
      { 'models/telco-core.onnx': async () => new Response('', { status: 404 }) },
      'Could not load the model file telco-core.onnx (HTTP 404).',
    ],
    [
      'a list that is not JSON',
      { 'models/index.json': async () => new Response('{"models": [') },
      'The models list index.json could not be read:',
    ],
    [
      'a list of the wrong shape',
      { 'models/index.json': async () => new Response('{"models": "telco-full"}') },
      'index.json',
    ],
    [
      'a spec that is not a spec',
      { 'models/telco-full.json': async () => new Response('{"format": 1}') },
      'telco-full.json',
    ],
    [
      'a model file that is not the spec’s model',
      { 'models/telco-full.onnx': async () => new Response(publicFile('models/telco-core.onnx')) },
      'telco-full.onnx',
    ],
  ])('names the file when it meets %s, and tries again on the next call', async (_, override, problem) => {
    serve(override);
    const { loadModels } = await fresh();
    await expect(loadModels(BASE)).rejects.toThrow(problem);
    serve();
    expect((await loadModels(BASE)).map((m) => m.spec.id)).toEqual(['telco-full', 'telco-core']);
  });
});

describe('adding a package opened on the page', () => {
  afterEach(() => vi.unstubAllGlobals());

  const spec = (id: string) => {
    const json = JSON.parse(new TextDecoder().decode(publicFile('models/telco-core.json'))) as Record<string, unknown>;
    return new TextEncoder().encode(JSON.stringify({ ...json, id, label: `Model ${id}` }));
  };

  it('adds a new model after the deployed ones, and replaces one with the same id', async () => {
    serve();
    const { addModel, loadModels } = await fresh();
    const onnx = publicFile('models/telco-core.onnx');
    const added = await addModel(BASE, undefined, spec('mine'), 'mine.json', onnx);
    expect(added.id).toBe('mine');
    expect(added.models.map((m) => m.spec.id)).toEqual(['telco-full', 'telco-core', 'mine']);
    const replaced = await addModel(BASE, undefined, spec('telco-full'), 'telco-full.json', onnx);
    expect(replaced.models.map((m) => [m.spec.id, m.spec.label])).toEqual([
      ['telco-core', 'Telco churn, core CRM columns'],
      ['mine', 'Model mine'],
      ['telco-full', 'Model telco-full'],
    ]);
    expect(await loadModels(BASE)).toBe(replaced.models);
  });

  it('refuses a package whose model file does not match its spec, keeping the models it had', async () => {
    serve();
    const { addModel, loadModels } = await fresh();
    const wrong = publicFile('models/telco-full.onnx');
    await expect(addModel(BASE, undefined, spec('mine'), 'mine.json', wrong)).rejects.toThrow();
    expect((await loadModels(BASE)).map((m) => m.spec.id)).toEqual(['telco-full', 'telco-core']);
  });
});
