import { readFileSync } from 'node:fs';
import * as ort from 'onnxruntime-web/wasm';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { modelPath } from '../../../scripts/train/telco-dataset.test-support.ts';
import { createOnnxScorer, SCORE_BATCH_ROWS } from './onnx-scorer.ts';
import { setUpOrtForNode } from './ort-node-setup.test-support.ts';

// The shipped core model: input "features" [N, 13], output "probability" [N, 1].
const FEATURES = 13;
const model = () => new Uint8Array(readFileSync(modelPath('telco-core.onnx')));
const names = { input: 'features', output: 'probability', featureCount: FEATURES };
const rowsOf = (rows: number) => Float32Array.from({ length: rows * FEATURES }, (_, i) => Math.sin(i * 0.37) * 2);

beforeAll(() => setUpOrtForNode());

describe('createOnnxScorer', () => {
  it.each([0, -1, 1.5, Number.NaN])('refuses a feature count of %f', async (featureCount) => {
    await expect(createOnnxScorer(model(), { ...names, featureCount })).rejects.toThrow(
      `createOnnxScorer: featureCount must be a positive integer, got ${featureCount}`,
    );
  });

  it.each([[{ ...names, input: 'x' }], [{ ...names, output: 'y' }]])(
    'names what the model has when a name is wrong %#',
    async (wrong) => {
      await expect(createOnnxScorer(model(), wrong)).rejects.toThrow(
        `createOnnxScorer: model has inputs [features] and outputs [probability], expected input "${wrong.input}" and output "${wrong.output}"`,
      );
    },
  );
});

describe('score', () => {
  it('scores every row across a batch boundary as it scores each row alone', async () => {
    const scorer = await createOnnxScorer(model(), names);
    try {
      const rows = SCORE_BATCH_ROWS + 3;
      const features = rowsOf(rows);
      const all = await scorer.score(features, rows);
      expect(all).toHaveLength(rows);
      for (const row of [0, 1, SCORE_BATCH_ROWS - 1, SCORE_BATCH_ROWS, rows - 1]) {
        const alone = await scorer.score(features.slice(row * FEATURES, (row + 1) * FEATURES), 1);
        expect(all[row], `row ${row}`).toBe(alone[0]);
        expect(all[row]).toBeGreaterThan(0);
        expect(all[row]).toBeLessThan(1);
      }
      expect(SCORE_BATCH_ROWS).toBe(65_536);
    } finally {
      await scorer.release();
    }
  });

  it('runs calls that overlap one at a time, each as it would alone (several workers ask one model)', async () => {
    const scorer = await createOnnxScorer(model(), names);
    // Counts the session's runs in flight: onnxruntime-web's wasm runs must not overlap.
    // The session class behind the factory's `create`.
    const sessions = (ort.InferenceSession as unknown as { prototype: ort.InferenceSession }).prototype;
    const run = sessions.run;
    let inFlight = 0;
    let most = 0;
    const spy = vi.spyOn(sessions, 'run').mockImplementation(async function (
      this: ort.InferenceSession,
      ...args: Parameters<typeof run>
    ) {
      most = Math.max(most, ++inFlight);
      try {
        return await run.apply(this, args);
      } finally {
        inFlight--;
      }
    });
    try {
      const sizes = [SCORE_BATCH_ROWS + 5, 3, 40_000, 1, 70_000, 17];
      const inputs = sizes.map((rows, k) => rowsOf(rows + k).subarray(k * FEATURES));
      const together = await Promise.all(inputs.map((features, k) => scorer.score(features, sizes[k]!)));
      for (const [k, features] of inputs.entries()) {
        const alone = await scorer.score(features, sizes[k]!);
        expect(Buffer.from(together[k]!.buffer).equals(Buffer.from(alone.buffer)), `call ${k}`).toBe(true);
      }
      expect(spy).toHaveBeenCalled();
      expect(most).toBe(1);
    } finally {
      spy.mockRestore();
      await scorer.release();
    }
  });

  it('scores the calls after one that failed, and releases the session after the runs asked for', async () => {
    const scorer = await createOnnxScorer(model(), names);
    const sessions = (ort.InferenceSession as unknown as { prototype: ort.InferenceSession }).prototype;
    const spy = vi.spyOn(sessions, 'run').mockRejectedValueOnce(new Error('The run failed.'));
    try {
      const failed = scorer.score(rowsOf(2), 2);
      const next = scorer.score(rowsOf(3), 3);
      const released = scorer.release();
      await expect(failed).rejects.toThrow('The run failed.');
      expect(await next).toHaveLength(3);
      await released;
      await expect(scorer.score(rowsOf(1), 1)).rejects.toThrow();
    } finally {
      spy.mockRestore();
    }
  });

  it('scores no rows as no probabilities', async () => {
    const scorer = await createOnnxScorer(model(), names);
    expect(await scorer.score(new Float32Array(0), 0)).toEqual(new Float32Array(0));
    await scorer.release();
  });

  it.each([
    [rowsOf(2), 3, 'score: 26 features do not make 3 rows of 13'],
    [rowsOf(2).subarray(1), 2, 'score: 25 features do not make 2 rows of 13'],
    [new Float32Array(0), -1, 'score: 0 features do not make -1 rows of 13'],
    [rowsOf(2), 2.5, 'score: 26 features do not make 2.5 rows of 13'],
    // A fraction of a row whose features still multiply out to a whole count.
    [new Float32Array(1), 1 / 13, `score: 1 features do not make ${1 / 13} rows of 13`],
  ])('refuses features that are not whole rows %#', async (features, rows, message) => {
    const scorer = await createOnnxScorer(model(), names);
    await expect(scorer.score(features, rows)).rejects.toThrow(message);
    await scorer.release();
  });

  it('stops scoring once released', async () => {
    const scorer = await createOnnxScorer(model(), names);
    expect(await scorer.score(rowsOf(1), 1)).toHaveLength(1);
    await scorer.release();
    await expect(scorer.score(rowsOf(1), 1)).rejects.toThrow();
  });
});
