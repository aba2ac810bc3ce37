import { Worker } from 'node:worker_threads';
import type { MappingQuestion } from '../core/columns/column-mapping.ts';
import { NeedsMapping } from '../core/read/read-customers.ts';
import type { OnnxScorer } from '../core/scoring/onnx-scorer.ts';
import { answerScoreAsk, type ScoreAnswer } from '../core/scoring/scorer-over-messages.ts';
import type { ModelSpec } from '../core/spec/model-spec.ts';
import type { ChunkPlan } from './chunk-plan.ts';
import type { ScoreTotals } from './score-file.ts';

/** What every thread needs to score any piece of the file; the model itself stays on the main thread. */
export interface PieceJob {
  path: string;
  fileName: string;
  spec: ModelSpec;
  format: 'csv' | 'json';
  threshold: number;
  plan: ChunkPlan;
}

/** A piece's export, in the order the writer wrote it, or why it could not be scored. */
export type PieceReply =
  | { index: number; chunks: Uint8Array[]; totals: ScoreTotals }
  | { index: number; needsMapping: MappingQuestion }
  | { index: number; problem: string };

export type ScoredPiece = Extract<PieceReply, { chunks: Uint8Array[] }>;

/** A thread asks the main thread's model for a batch's probabilities (see piece-worker.ts). */
export interface ScoreAsk {
  score: Float32Array;
  rows: number;
}

/** What the main thread sends a thread: a piece to score, or the answer to its last ask. */
export type ToPieceThread = number | ScoreAnswer;

export interface PiecePool {
  threads: number;
  score(index: number): Promise<ScoredPiece>;
  close(): Promise<void>;
}

// The built command line runs the bundle beside this one (vite.cli.config.ts). From the sources
// (tsx, Vitest) the thread first registers tsx, then imports the TypeScript file: a worker does
// not take `--import` in Node 20. Names in variables, so Vite leaves the URLs alone.
const fromSources = import.meta.url.endsWith('.ts');
const workerFile = fromSources ? './piece-worker.ts' : './piece-worker.mjs';

function startThread(job: PieceJob): Worker {
  const url = new URL(workerFile, import.meta.url);
  if (!fromSources) return new Worker(url, { workerData: job });
  // An evaluated worker resolves bare names from the working directory: the checkout, here.
  const code = `import('tsx/esm/api').then((t) => { t.register(); return import(${JSON.stringify(url.href)}); });`;
  return new Worker(code, { eval: true, workerData: job });
}

/**
 * Threads that score pieces of one file side by side, each with its own reader, feature builder
 * and export writer; `score` queues a piece for the next free thread. The threads share the main
 * thread's `scorer`: inference is a few percent of a piece's time, and onnxruntime-web's module
 * and session are about 100 MB per copy (a thread with its own took two threads from 239 to
 * 661 MB at 1,000,000 rows).
 */
export function piecePool(threads: number, job: PieceJob, scorer: OnnxScorer): PiecePool {
  const waiting: { index: number; resolve: (p: ScoredPiece) => void; reject: (e: Error) => void }[] = [];
  const idle: Worker[] = [];
  const busy = new Map<Worker, (typeof waiting)[number]>();
  const workers = Array.from({ length: threads }, () => {
    const worker = startThread(job);
    worker.on('message', (reply: PieceReply | ScoreAsk) => {
      if ('score' in reply) {
        answerScoreAsk(scorer, reply.score, reply.rows, (answer) =>
          worker.postMessage(
            answer satisfies ToPieceThread,
            'probabilities' in answer ? [answer.probabilities.buffer as ArrayBuffer] : [],
          ),
        );
        return;
      }
      const asked = busy.get(worker)!;
      busy.delete(worker);
      if ('chunks' in reply) asked.resolve(reply);
      else asked.reject('needsMapping' in reply ? new NeedsMapping(reply.needsMapping) : new Error(reply.problem));
      idle.push(worker);
      next();
    });
    // A thread that dies takes its piece with it: the run fails with its error rather than waiting.
    worker.on('error', (error) => {
      busy.get(worker)?.reject(error);
      busy.delete(worker);
      for (const asked of waiting.splice(0)) asked.reject(error);
    });
    idle.push(worker);
    return worker;
  });
  const next = () => {
    while (idle.length && waiting.length) {
      const worker = idle.pop()!;
      const asked = waiting.shift()!;
      busy.set(worker, asked);
      worker.postMessage(asked.index satisfies ToPieceThread);
    }
  };
  return {
    threads,
    score: (index) =>
      new Promise((resolve, reject) => {
        waiting.push({ index, resolve, reject });
        next();
      }),
    close: async () => {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
