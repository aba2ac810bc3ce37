import onnxProto from 'onnx-proto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createOnnxScorer, SCORE_BATCH_ROWS, type OnnxScorer } from '../scoring/onnx-scorer.ts';
import { setUpOrtForNode } from '../scoring/ort-node-setup.test-support.ts';
import { seededRandom as seeded } from './seeded-random.ts';
import { buildLogisticOnnx } from './write-onnx.ts';

const { onnx } = onnxProto;

const FEATURES = 5;
const NAMES = { input: 'features', output: 'churn_probability', featureCount: FEATURES };

const random = seeded(20240611);
// Rounded to float32 up front: the model stores float32, so the reference then differs from
// the runtime only by ort's float32 arithmetic, which is what the tolerance is about.
const coefficients = Float64Array.from({ length: FEATURES }, () => Math.fround(random() * 4 - 2));
const intercept = Math.fround(-0.75);

function modelArgs(docString?: string) {
  return { coefficients, intercept, input: NAMES.input, output: NAMES.output, graphName: 'churn_logistic', docString };
}

function randomRows(rows: number): Float32Array {
  return Float32Array.from({ length: rows * FEATURES }, () => random() * 6 - 3);
}

/** sigmoid(x·w + b) in float64, the number the ONNX graph is meant to compute. */
function reference(features: Float32Array, rows: number): Float64Array {
  const out = new Float64Array(rows);
  for (let r = 0; r < rows; r++) {
    let z = intercept;
    for (let f = 0; f < FEATURES; f++) z += features[r * FEATURES + f]! * coefficients[f]!;
    out[r] = 1 / (1 + Math.exp(-z));
  }
  return out;
}

function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  expect(a.length).toBe(b.length);
  let max = 0;
  for (let i = 0; i < a.length; i++) max = Math.max(max, Math.abs(a[i]! - b[i]!));
  return max;
}

describe('buildLogisticOnnx', () => {
  test('is deterministic: the same arguments give byte-identical models', () => {
    const first = buildLogisticOnnx(modelArgs('v1'));
    expect(buildLogisticOnnx(modelArgs('v1'))).toEqual(first);
    expect(buildLogisticOnnx(modelArgs('v2'))).not.toEqual(first);
  });

  test('decodes to opset 13 Gemm -> Sigmoid with a float [N, 1] output', () => {
    const decoded = onnx.ModelProto.decode(buildLogisticOnnx(modelArgs('card')));
    // int64 fields decode as Long objects; `longs: Number` turns them back into numbers.
    const model = onnx.ModelProto.toObject(decoded, { longs: Number, enums: Number, defaults: true });

    expect(model.irVersion).toBe(8);
    expect(model.producerName).toBe('churn-radar-trainer');
    expect(model.docString).toBe('card');
    const defaultDomain = model.opsetImport.filter((o: { domain: string }) => o.domain === '');
    expect(defaultDomain).toHaveLength(1);
    expect(defaultDomain[0].version).toBeGreaterThanOrEqual(13);

    const graph = model.graph;
    expect(graph.name).toBe('churn_logistic');
    expect(graph.node.map((n: { opType: string }) => n.opType)).toEqual(['Gemm', 'Sigmoid']);
    expect(graph.node[0].input[0]).toBe(NAMES.input);
    expect(graph.node[1].output).toEqual([NAMES.output]);

    const FLOAT = onnx.TensorProto.DataType.FLOAT;
    const [weights, bias] = graph.initializer;
    expect(weights.dims).toEqual([FEATURES, 1]);
    expect(weights.dataType).toBe(FLOAT);
    expect(weights.floatData).toEqual(Array.from(coefficients));
    expect(bias.dims).toEqual([1]);
    expect(bias.floatData).toEqual([intercept]);

    const [input] = graph.input;
    expect(input.name).toBe(NAMES.input);
    expect(input.type.tensorType.elemType).toBe(FLOAT);
    expect(input.type.tensorType.shape.dim.map(pickDim)).toEqual(['N', FEATURES]);
    expect(graph.output).toHaveLength(1);
    const [output] = graph.output;
    expect(output.name).toBe(NAMES.output);
    expect(Object.keys(output.type)).toContain('tensorType');
    expect(output.type.tensorType.elemType).toBe(FLOAT);
    expect(output.type.tensorType.shape.dim.map(pickDim)).toEqual(['N', 1]);
  });

  test.each([
    ['no coefficients', { coefficients: [] }],
    ['a non-finite coefficient', { coefficients: [1, Number.NaN] }],
    ['a non-finite intercept', { intercept: Number.POSITIVE_INFINITY }],
    ['input and output sharing a name', { output: NAMES.input }],
    ['an input named like an initializer', { input: 'coefficients' }],
  ])('refuses %s', (_, override) => {
    expect(() => buildLogisticOnnx({ ...modelArgs(), ...override })).toThrow();
  });
});

function pickDim(dim: { dimParam?: string; dimValue?: number }): string | number | undefined {
  return dim.dimParam || dim.dimValue;
}

describe('createOnnxScorer on a built model (ort-web wasm in Node)', () => {
  let scorer: OnnxScorer;

  beforeAll(async () => {
    setUpOrtForNode();
    scorer = await createOnnxScorer(buildLogisticOnnx(modelArgs()), NAMES);
  });
  afterAll(async () => {
    await scorer.release();
  });

  test('matches float64 sigmoid(x·w + b) to 1e-6 on 1,000 random rows', async () => {
    const rows = 1_000;
    const features = randomRows(rows);
    const probabilities = await scorer.score(features, rows);
    expect(probabilities).toBeInstanceOf(Float32Array);
    expect(probabilities).toHaveLength(rows);
    expect(maxAbsDiff(probabilities, reference(features, rows))).toBeLessThanOrEqual(1e-6);
    expect(probabilities.every((p) => p >= 0 && p <= 1)).toBe(true);
  });

  test('scores zero rows without running the model', async () => {
    expect(await scorer.score(new Float32Array(0), 0)).toEqual(new Float32Array(0));
  });

  test.each([
    ['one value short', FEATURES * 3 - 1, 3],
    ['one value over', FEATURES * 3 + 1, 3],
    ['a fractional row count', FEATURES * 3, 2.5],
    ['a negative row count', 0, -1],
  ])('throws on %s', async (_, length, rows) => {
    await expect(scorer.score(new Float32Array(length), rows)).rejects.toThrow(/features do not make/);
  });

  test('batches: batch size + 3 rows match one-by-one scoring across the boundary', async () => {
    const rows = SCORE_BATCH_ROWS + 3;
    const features = randomRows(rows);
    const batched = await scorer.score(features, rows);
    expect(maxAbsDiff(batched, reference(features, rows))).toBeLessThanOrEqual(1e-6);

    const singles = new Float32Array(rows);
    for (let r = 0; r < rows; r++) {
      const [p] = await scorer.score(features.subarray(r * FEATURES, (r + 1) * FEATURES), 1);
      singles[r] = p!;
    }
    expect(batched).toEqual(singles);
  });

  test('refuses a model whose input or output names differ from the spec', async () => {
    const bytes = buildLogisticOnnx(modelArgs());
    await expect(createOnnxScorer(bytes, { ...NAMES, output: 'probability' })).rejects.toThrow(/expected input/);
    await expect(createOnnxScorer(bytes, { ...NAMES, featureCount: 0 })).rejects.toThrow(/featureCount/);
  });
});
