// A thread of the command line that scores pieces of a large file (see piece-pool.ts): the same
// reader, feature builder and export writer as the main thread, and the main thread's model.
import { openAsBlob } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { NeedsMapping } from '../core/read/read-customers.ts';
import { askingScorer, settleAsk } from '../core/scoring/scorer-over-messages.ts';
import { chunkBlob } from './chunk-plan.ts';
import type { PieceJob, PieceReply, ScoreAsk, ToPieceThread } from './piece-pool.ts';
import { scoreBlob } from './score-file.ts';

const job = workerData as PieceJob;
const port = parentPort!;
const file = openAsBlob(job.path);

/** The main thread's answer to this thread's one ask in flight (scoreTable awaits each batch). */
let answer: { resolve: (p: Float32Array) => void; reject: (e: Error) => void } | undefined;

/** Scores a batch with the main thread's model: the features go over, the probabilities come back. */
const scorer = askingScorer(
  (features, rows) =>
    new Promise((resolve, reject) => {
      answer = { resolve, reject };
      port.postMessage({ score: features, rows } satisfies ScoreAsk, [features.buffer as ArrayBuffer]);
    }),
);

async function score(index: number): Promise<PieceReply> {
  const chunks: Uint8Array[] = [];
  try {
    const totals = await scoreBlob(
      chunkBlob(await file, job.plan, index),
      { ...job, scorer, progress: () => {} },
      async (bytes) => {
        chunks.push(bytes);
      },
      0,
    );
    return { index, chunks, totals };
  } catch (error) {
    if (error instanceof NeedsMapping) return { index, needsMapping: error.request };
    return { index, problem: (error as Error).message };
  }
}

port.on('message', (message: ToPieceThread) => {
  if (typeof message === 'number') {
    void score(message).then((reply) => {
      port.postMessage(reply, 'chunks' in reply ? reply.chunks.map((c) => c.buffer as ArrayBuffer) : []);
    });
    return;
  }
  const asked = answer;
  answer = undefined;
  if (asked) settleAsk(message, asked);
});
