import onnxProto from 'onnx-proto';
import { describe, expect, it } from 'vitest';
import { buildLogisticOnnx } from './write-onnx.ts';

const { onnx } = onnxProto;
const args = { coefficients: [0.5, -1.25], intercept: 0.25, input: 'features', output: 'p', graphName: 'g' };
const NAMES_MESSAGE =
  'buildLogisticOnnx: input/output names must be non-empty and not one of coefficients, intercept, logit';

describe('buildLogisticOnnx: refusals and names', () => {
  it.each([
    ['no coefficients', { coefficients: [] }, 'buildLogisticOnnx: no coefficients'],
    [
      'an infinite coefficient',
      { coefficients: [1, -Infinity] },
      'buildLogisticOnnx: coefficients and intercept must be finite',
    ],
    ['a NaN intercept', { intercept: Number.NaN }, 'buildLogisticOnnx: coefficients and intercept must be finite'],
    ['an empty input name', { input: '' }, NAMES_MESSAGE],
    ['an empty output name', { output: '' }, NAMES_MESSAGE],
    ['an output named like the logit', { output: 'logit' }, NAMES_MESSAGE],
  ])('refuses %s, saying why', (_, override, message) => {
    expect(() => buildLogisticOnnx({ ...args, ...override })).toThrow(new Error(message));
  });

  it('names the two nodes and leaves the doc string out when none is given', () => {
    const model = onnx.ModelProto.decode(buildLogisticOnnx(args));
    expect(model.graph!.node!.map((n) => [n.name, n.opType, n.input, n.output])).toEqual([
      ['linear', 'Gemm', ['features', 'coefficients', 'intercept'], ['logit']],
      ['probability', 'Sigmoid', ['logit'], ['p']],
    ]);
    expect(model.docString).toBe('');
  });
});
