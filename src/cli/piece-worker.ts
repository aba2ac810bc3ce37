// A thread of the command line that scores pieces of a large file (see piece-pool.ts): the same
// reader, scorer and export writer as the main thread, on its own copy of the model.
import { openAsBlob } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import * as ort from 'onnxruntime-web/wasm';
import { NeedsMapping } from '../core/read/read-customers.ts';
import { createOnnxScorer } from '../core/scoring/onnx-scorer.ts';
import { chunkBlob } from './chunk-plan.ts';
import { fullCollector } from './collect-garbage.ts';
import type { PieceJob, PieceReply } from './piece-pool.ts';
import { scoreBlob } from './score-file.ts';

const job = workerData as PieceJob;
const port = parentPort!;
ort.env.wasm.numThreads = 1;
const { spec } = job;
const scorer = createOnnxScorer(job.onnx, {
  input: spec.input,
  output: spec.output,
  featureCount: spec.features.length,
});
const file = openAsBlob(job.path);
const collect = fullCollector();

async function score(index: number): Promise<PieceReply> {
  const chunks: Uint8Array[] = [];
  try {
    const totals = await scoreBlob(
      chunkBlob(await file, job.plan, index),
      { ...job, scorer: await scorer, progress: () => {} },
      async (bytes) => {
        chunks.push(bytes);
      },
      0,
      collect,
    );
    return { index, chunks, totals };
  } catch (error) {
    if (error instanceof NeedsMapping) return { index, needsMapping: error.request };
    return { index, problem: (error as Error).message };
  }
}

port.on('message', (index: number) => {
  void score(index).then((reply) => {
    port.postMessage(reply, 'chunks' in reply ? reply.chunks.map((c) => c.buffer as ArrayBuffer) : []);
    collect(true);
  });
});
