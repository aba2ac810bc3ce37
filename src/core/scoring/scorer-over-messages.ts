import { messageOf } from '../error-message.ts';
import type { OnnxScorer } from './onnx-scorer.ts';

/** What a model's owner answers a batch asked of it over messages. */
export type ScoreAnswer = { probabilities: Float32Array } | { failed: string };

/**
 * A scorer whose batches another thread's model scores (the command line's piece threads): only
 * one thread holds onnxruntime-web and the model. `ask` gets a copy of
 * each batch's features, whose buffer it may transfer: scoreTable writes its next batch into the
 * same buffer.
 */
export function askingScorer(ask: (features: Float32Array, rows: number) => Promise<Float32Array>): OnnxScorer {
  return { score: (features, rows) => ask(features.slice(), rows), release: async () => {} };
}

/** Settles the promise of a batch asked over messages with its answer. */
export function settleAsk(
  answer: ScoreAnswer,
  waiting: { resolve: (probabilities: Float32Array) => void; reject: (error: Error) => void },
): void {
  if ('probabilities' in answer) waiting.resolve(answer.probabilities);
  else waiting.reject(new Error(answer.failed));
}

/** Scores a batch asked over messages with this thread's model, and gives `reply` the probabilities or why not. */
export function answerScoreAsk(
  scorer: OnnxScorer,
  features: Float32Array,
  rows: number,
  reply: (answer: ScoreAnswer) => void,
): void {
  scorer.score(features, rows).then(
    (probabilities) => reply({ probabilities }),
    (error: unknown) => reply({ failed: messageOf(error) }),
  );
}
