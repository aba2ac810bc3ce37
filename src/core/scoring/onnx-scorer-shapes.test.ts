import { beforeAll, describe, expect, it } from 'vitest';
import { createOnnxScorer } from './onnx-scorer.ts';
import { setUpOrtForNode } from './ort-node-setup.test-support.ts';
import { tinyOnnx } from './tiny-onnx.test-support.ts';

beforeAll(() => setUpOrtForNode());

/** The shipped models have one input and one float32 [N, 1] output; a model from elsewhere may not. */
describe('createOnnxScorer on models shaped unlike the shipped ones', () => {
  it('lists every input and output name when the expected ones are missing', async () => {
    const model = tinyOnnx(
      [
        { name: 'a', columns: 1 },
        { name: 'b', columns: 1 },
      ],
      [
        { op: 'Add', inputs: ['a', 'b'], output: 'sum' },
        { op: 'Sigmoid', inputs: ['sum'], output: 'p' },
        { op: 'Identity', inputs: ['sum'], output: 'q' },
      ],
      [
        { name: 'p', columns: 1 },
        { name: 'q', columns: 1 },
      ],
    );
    await expect(createOnnxScorer(model, { input: 'features', output: 'p', featureCount: 1 })).rejects.toThrow(
      'createOnnxScorer: model has inputs [a, b] and outputs [p, q], expected input "features" and output "p"',
    );
  });

  it.each([
    ['a double output', 1, [{ op: 'Cast', inputs: ['x'], output: 'y', to: 'double' }], 'double'],
    ['an output of two values per row', 2, [{ op: 'Identity', inputs: ['x'], output: 'y' }], 'float'],
  ] as const)('refuses %s when scoring, naming the output', async (_, columns, nodes, type) => {
    const model = tinyOnnx([{ name: 'x', columns }], [...nodes], [{ name: 'y', columns, type }]);
    const scorer = await createOnnxScorer(model, { input: 'x', output: 'y', featureCount: columns });
    try {
      await expect(scorer.score(new Float32Array(3 * columns), 3)).rejects.toThrow(
        'createOnnxScorer: output "y" is not float32 with 3 values',
      );
    } finally {
      await scorer.release();
    }
  });

  it('scores a float32 [N, 1] output under any names, as a control for the refusals above', async () => {
    const model = tinyOnnx(
      [{ name: 'x', columns: 1 }],
      [{ op: 'Sigmoid', inputs: ['x'], output: 'y' }],
      [{ name: 'y', columns: 1 }],
    );
    const scorer = await createOnnxScorer(model, { input: 'x', output: 'y', featureCount: 1 });
    try {
      const p = await scorer.score(Float32Array.from([0, 2, -2]), 3);
      const expected = [0.5, 1 / (1 + Math.exp(-2)), 1 / (1 + Math.exp(2))];
      expect(p).toHaveLength(3);
      expected.forEach((e, i) => expect(p[i]).toBeCloseTo(e, 6));
    } finally {
      await scorer.release();
    }
  });
});
