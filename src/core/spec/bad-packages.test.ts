import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  buildFixtures,
  FIXTURE_DIR,
  goodSpec,
  oversizedOnnx,
  oversizedSpec,
  tenThousandColumns,
} from '../../../test/fixtures/bad-packages/make-fixtures.ts';
import { createOnnxScorer } from '../scoring/onnx-scorer.ts';
import { setUpOrtForNode } from '../scoring/ort-node-setup.test-support.ts';
import onnxProto from 'onnx-proto';
import { buildLogisticOnnx } from '../train/write-onnx.ts';
import { checkOnnxGraph } from './check-onnx-graph.ts';
import { checkOnnx, checkPackage, readSpec } from './check-package.ts';
import { parseModelsIndex } from './models-index.ts';

const ONNX_OPS = 'Gemm, Sigmoid, MatMul, Add, Flatten, Reshape, Identity';
const RETRAIN = 'Re-train the model or restore the file.';
const NOT_TOGETHER = 'The two files do not belong together.';
const invalid = (file: string, details: string) => `The model spec ${file} is not valid: ${details}. ${RETRAIN}`;
const unsupported = (file: string, ops: string) =>
  `The model file ${file} uses ${ops}, which a logistic-regression package never needs; only ${ONNX_OPS} are accepted. Re-train it with npm run train, or convert a scikit-learn logistic regression with scripts/from-sklearn.`;

/** Each case's spec is `<case>.json`; its ONNX file is `<case>.onnx` when the case has one, else the good one. */
const CORPUS: Record<string, string | null> = {
  good: null,
  'reshape-int64-shape': null,
  'not-json': 'The model spec not-json.json is not valid JSON. Restore it from the package it came with.',
  'not-utf8': 'The model spec not-utf8.json is not valid JSON. Restore it from the package it came with.',
  'wrong-format':
    'The model spec wrong-format.json is not valid: format is "churn-radar-model/9", expected "churn-radar-model/2" (or "churn-radar-model/1"). Re-train the model or restore the file.',
  'missing-fields': invalid(
    'missing-fields.json',
    'coefficients Invalid input: expected array, received undefined; intercept Invalid input: expected number, received undefined',
  ),
  'infinite-coefficient': invalid(
    'infinite-coefficient.json',
    'coefficients.1 Invalid input: expected number, received Infinity',
  ),
  'nan-coefficient': invalid('nan-coefficient.json', 'coefficients.1 Invalid input: expected number, received string'),
  'coefficient-count': invalid('coefficient-count.json', 'coefficients has 2 entries but there are 3 features'),
  'unknown-column': invalid('unknown-column.json', 'features.0.column names unknown column "Tenur"'),
  'unknown-synonym': invalid('unknown-synonym.json', 'columns.1.synonyms.gold maps to "Gold", which is not a category'),
  'onnx-path': invalid('onnx-path.json', 'onnx must be a file name ending in .onnx'),
  'zero-std': invalid('zero-std.json', 'features.0.std must be positive'),
  'not-onnx':
    'The model file not-onnx.onnx could not be opened: it is not an ONNX model, or it was cut short. Restore it from the package it came with.',
  'empty-onnx':
    'The model file empty-onnx.onnx could not be opened: it holds no model graph. Restore it from the package it came with.',
  'truncated-onnx':
    'The model file truncated-onnx.onnx could not be opened: it is not an ONNX model, or it was cut short. Restore it from the package it came with.',
  'extra-exp': unsupported('extra-exp.onnx', 'Exp'),
  'tree-ensemble': unsupported('tree-ensemble.onnx', 'TreeEnsembleClassifier'),
  'input-name': `The model file input-name.onnx takes input "float_input", but its spec says "features". ${NOT_TOGETHER}`,
  'input-width': `The model file input-width.onnx takes 4 features per customer, but its spec lists 3. ${NOT_TOGETHER}`,
  'output-name': `The model file output-name.onnx has no output "probability" (it has "output_probability"). ${NOT_TOGETHER}`,
  'weights-differ': `The model file weights-differ.onnx has weight 0.5 for feature "Plan=Basic", but its spec says 0.25. ${NOT_TOGETHER}`,
  'weights-missing': `The model file weights-missing.onnx holds no weights for the spec's 3 features. ${NOT_TOGETHER}`,
  'intercept-differs': `The model file intercept-differs.onnx has intercept 1.5, but its spec says -1.5. ${NOT_TOGETHER}`,
  'nan-weight': `The model file nan-weight.onnx holds weights that are not finite numbers (NaN or infinity) in "coefficients". ${RETRAIN}`,
  'infinite-intercept': `The model file infinite-intercept.onnx holds weights that are not finite numbers (NaN or infinity) in "intercept". ${RETRAIN}`,
  'raw-weights-odd-length':
    'The model file raw-weights-odd-length.onnx is damaged: the bytes of its tensor "coefficients" do not make whole numbers. Restore it from the package it came with.',
};

const INDEX_SHAPE = 'It should look like {"models": ["telco-full", "my-model"]}.';
const INDEX_CORPUS: Record<string, string> = {
  'array.json': `The models list array.json is not valid: (root) Invalid input: expected object, received array. ${INDEX_SHAPE}`,
  'bad-id.json': `The models list bad-id.json is not valid: models.1 must be a model id: lower-case letters, digits and dashes. ${INDEX_SHAPE}`,
  'empty.json': `The models list empty.json is not valid: models Too small: expected array to have >=1 items. ${INDEX_SHAPE}`,
  'extra-key.json': `The models list extra-key.json is not valid: (root) Unrecognized key: "default". ${INDEX_SHAPE}`,
  'not-a-list.json': `The models list not-a-list.json is not valid: models Invalid input: expected array, received string. ${INDEX_SHAPE}`,
};

const bytesOf = (name: string) => new Uint8Array(readFileSync(join(FIXTURE_DIR, name)));
const onnxOf = (id: string) =>
  existsSync(join(FIXTURE_DIR, `${id}.onnx`)) ? bytesOf(`${id}.onnx`) : bytesOf('good.onnx');

describe('bad-package corpus', () => {
  it('has one expectation per committed file, and the files are what make-fixtures.ts writes', () => {
    const built = buildFixtures();
    const expected = [
      ...Object.keys(CORPUS).flatMap((id) => [`${id}.json`, ...(built.has(`${id}.onnx`) ? [`${id}.onnx`] : [])]),
      ...Object.keys(INDEX_CORPUS).map((f) => `index/${f}`),
    ];
    expect(expected.sort()).toEqual([...built.keys()].sort());
    const committed = readdirSync(FIXTURE_DIR, { recursive: true, encoding: 'utf8' }).filter(
      (f) => f !== 'make-fixtures.ts' && f !== 'index',
    );
    expect(committed.sort()).toEqual([...built.keys()].sort());
    for (const [name, bytes] of built) expect(bytesOf(name), name).toEqual(bytes);
  });

  it.each(Object.entries(CORPUS))('%s', (id, problem) => {
    const result = checkPackage(bytesOf(`${id}.json`), `${id}.json`, onnxOf(id));
    if (problem === null) expect(result).toMatchObject({ ok: true, value: { id } });
    else expect(result).toEqual({ ok: false, problem });
  });

  describe('accepted packages really run', () => {
    beforeAll(() => setUpOrtForNode());

    it.each(['good', 'reshape-int64-shape'])('%s scores as its spec says in onnxruntime-web', async (id) => {
      const scorer = await createOnnxScorer(onnxOf(id), { input: 'features', output: 'probability', featureCount: 3 });
      const [probability] = await scorer.score(Float32Array.from([1, -1, 2]), 1);
      await scorer.release();
      const spec = goodSpec();
      const z =
        (spec.intercept as number) + (spec.coefficients as number[]).reduce((sum, c, j) => sum + c * [1, -1, 2][j]!, 0);
      expect(probability).toBeCloseTo(1 / (1 + Math.exp(-z)), 6);
    });
  });

  it('tells weights from intercept by the graph, not by order, when a model has one feature', () => {
    const model = onnxProto.onnx.ModelProto.decode(
      buildLogisticOnnx({
        coefficients: [0.5],
        intercept: -2,
        input: 'features',
        output: 'probability',
        graphName: 'one',
      }),
    );
    model.graph!.initializer!.reverse();
    const bytes = onnxProto.onnx.ModelProto.encode(model).finish();
    const spec = {
      input: 'features',
      output: 'probability',
      features: [{ name: 'x', column: 'x', mean: 0, std: 1 }],
      coefficients: [0.5],
      intercept: -2,
      onnx: 'one.onnx',
    };
    expect(checkOnnxGraph(bytes, spec)).toEqual({ ok: true, value: undefined });
    expect(checkOnnxGraph(bytes, { ...spec, intercept: 2 })).toEqual({
      ok: false,
      problem: `The model file one.onnx has intercept -2, but its spec says 2. ${NOT_TOGETHER}`,
    });
  });

  it('refuses a spec over 50 MB by its size, before parsing it', () => {
    const bytes = oversizedSpec();
    expect(bytes.length).toBeGreaterThan(50_000_000);
    expect(readSpec(bytes, 'oversized-spec.json')).toEqual({
      ok: false,
      problem: `The model spec oversized-spec.json is ${bytes.length.toLocaleString('en-US')} bytes, over the 50 MB no spec needs, so it was not opened. Check that it is the right file, or re-train the model.`,
    });
  });

  it('refuses an ONNX file over 100 MB by its size, before decoding it', () => {
    const spec = readSpec(bytesOf('good.json'), 'good.json');
    if (!spec.ok) throw new Error(spec.problem);
    expect(checkOnnx(oversizedOnnx(), spec.value)).toEqual({
      ok: false,
      problem:
        'The model file good.onnx is 100,000,001 bytes, over the 100 MB no logistic-regression model needs, so it was not opened. Check that it is the right file, or re-train the model.',
    });
  });

  it('refuses a spec with 10,000 columns', () => {
    expect(readSpec(tenThousandColumns(), 'ten-thousand-columns.json')).toEqual({
      ok: false,
      problem: invalid('ten-thousand-columns.json', 'columns Too big: expected array to have <=5000 items'),
    });
  });
});

describe('bad models/index.json', () => {
  it.each(Object.entries(INDEX_CORPUS))('%s', (file, problem) => {
    expect(parseModelsIndex(JSON.parse(new TextDecoder().decode(bytesOf(`index/${file}`))), file)).toEqual({
      ok: false,
      problem,
    });
  });

  it('accepts the deployed list', () => {
    expect(parseModelsIndex({ models: ['telco-full', 'telco-core'] })).toEqual({
      ok: true,
      value: { models: ['telco-full', 'telco-core'] },
    });
  });
});
