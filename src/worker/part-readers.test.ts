import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { Cancelled } from '../core/cancelled.ts';
import { loadSpecs } from '../core/read/read-and-score.test-support.ts';
import { readCustomers } from '../core/read/read-customers.ts';
import type { SplitOptions } from '../core/read/split-reading.ts';
import type { OnnxScorer } from '../core/scoring/onnx-scorer.ts';
import { scoreTable } from '../core/scoring/score-table.ts';
import { partReaders, serveParts } from './part-readers.ts';

const specs = loadSpecs();
const SAMPLE = readFileSync(new URL('../../public/samples/customers-sample.csv', import.meta.url));
// The sample three times over (headers once), so the file is cut into several parts of 20 kB.
const [header, ...rows] = SAMPLE.toString('utf8').trimEnd().split('\n');
const FILE = new Blob([[header, ...rows, ...rows, ...rows].join('\n') + '\n']);

const readFile = (split?: SplitOptions, signal = new AbortController().signal) =>
  readCustomers(FILE, 'f.csv', specs, undefined, false, () => {}, signal, undefined, split);

/** A stand-in model that answers from every feature of a row, and counts the rows it scored. */
function countingModel(width: number, fail?: string): OnnxScorer & { rows: number; batches: number } {
  const model = {
    rows: 0,
    batches: 0,
    score(features: Float32Array, n: number): Promise<Float32Array> {
      model.batches++;
      model.rows += n;
      if (fail) return Promise.reject(new Error(fail));
      return Promise.resolve(
        Float32Array.from({ length: n }, (_, r) => {
          let sum = 0;
          for (let k = 0; k < width; k++) sum += features[r * width + k]! * (k + 1);
          return 1 / (1 + Math.exp(-sum / 50));
        }),
      );
    },
    release: async () => {},
  };
  return model;
}

/**
 * The file read by this worker and, over a real MessageChannel, by one that reads parts and asks
 * for `model`'s scores; this worker scores its own rows with `own` when given.
 */
async function readWithOtherWorker(model: OnnxScorer, own?: OnnxScorer) {
  const channel = new MessageChannel();
  serveParts(channel.port2);
  try {
    const options = partReaders([channel.port1], FILE, () => model);
    const score = own ? partReaders([], FILE, () => own).score : options.score;
    const split = { ...options, score, minBytes: 0, partBytes: 20_000 };
    return await readFile(split);
  } finally {
    channel.port1.close();
    channel.port2.close();
  }
}

describe('parts read by another worker', () => {
  it("are scored with the asking worker's model, batch by batch, each row once", async () => {
    const model = countingModel(specs[0]!.features.length);
    const read = await readWithOtherWorker(model);
    expect(read.readers).toBe(2);
    expect(read.scored).toBeDefined();
    expect(model.rows).toBe(read.table.rowCount);
    expect(model.batches).toBeGreaterThan(2);
    // The same model on the whole table, read by one worker, gives every row the same probability.
    const whole = await readFile();
    const alone = await scoreTable(
      whole.spec,
      whole.table,
      countingModel(specs[0]!.features.length),
      () => {},
      new AbortController().signal,
    );
    expect(Array.from(read.scored!.probabilities)).toEqual(Array.from(alone.probabilities));
  });

  it("fail when the asking worker's model fails on their batches, and the file is then read whole", async () => {
    const width = specs[0]!.features.length;
    const read = await readWithOtherWorker(countingModel(width, 'The model could not run.'), countingModel(width));
    expect(read.readers).toBe(1);
    expect(read.scored).toBeUndefined();
    expect(read.table.rowCount).toBe(rows.length * 3);
  });

  it("fail the file with the model's own message when every batch fails", async () => {
    const model = countingModel(specs[0]!.features.length, 'The model could not run.');
    await expect(readWithOtherWorker(model)).rejects.toThrow('The model could not run.');
  });

  it('stop waiting for the model when their part is cancelled, and say so', async () => {
    const channel = new MessageChannel();
    serveParts(channel.port2);
    const replies: { type: string; cancelled?: boolean }[] = [];
    let asked!: () => void;
    const firstAsk = new Promise<void>((resolve) => (asked = resolve));
    channel.port1.addEventListener('message', (event: MessageEvent<{ type: string; cancelled?: boolean }>) => {
      replies.push(event.data);
      if (event.data.type === 'score-batch') asked();
    });
    const never: OnnxScorer = { score: () => new Promise<Float32Array>(() => {}), release: async () => {} };
    const own = countingModel(specs[0]!.features.length);
    const split = {
      ...partReaders([channel.port1], FILE, () => never),
      score: partReaders([], FILE, () => own).score,
      minBytes: 0,
      partBytes: 20_000,
    };
    const controller = new AbortController();
    const reading = readFile(split, controller.signal);
    try {
      await firstAsk;
      controller.abort();
      await expect(reading).rejects.toBeInstanceOf(Cancelled);
      await vi.waitFor(() =>
        expect(replies).toContainEqual({
          type: 'part-failed',
          id: expect.any(Number),
          cancelled: true,
          message: expect.any(String),
        }),
      );
    } finally {
      channel.port1.close();
      channel.port2.close();
    }
  });
});
