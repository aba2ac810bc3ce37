/// <reference lib="webworker" />
import { Cancelled } from '../core/cancelled.ts';
import { readPart } from '../core/read/read-part.ts';
import type { SplitOptions } from '../core/read/split-reading.ts';
import { messageOf } from '../core/error-message.ts';
import type { OnnxScorer } from '../core/scoring/onnx-scorer.ts';
import { answerScoreAsk, askingScorer, settleAsk } from '../core/scoring/scorer-over-messages.ts';
import { scoreTable } from '../core/scoring/score-table.ts';
import type { ModelSpec } from '../core/spec/model-spec.ts';
import { partBuffers, type FromPartReader, type ToPartReader } from './part-protocol.ts';

/**
 * A scoring worker asked to read parts: answers every request on `port`, one reply each. It
 * builds the part's features and scores them with the asking worker's model, batch by batch
 * over the same port, so features run side by side while only one worker holds the models: a
 * copy of onnxruntime-web and the models in every reader raised the page's starting memory by
 * about 65 MB per extra core, and fetched every model once per core.
 */
export function serveParts(port: MessagePort): void {
  const running = new Map<number, AbortController>();
  const asked = new Map<number, { part: number; resolve: (p: Float32Array) => void; reject: (e: Error) => void }>();
  let asks = 0;
  const post = (message: FromPartReader, transfer: Transferable[] = []) => port.postMessage(message, transfer);
  const scorerFor = (part: number): OnnxScorer =>
    askingScorer(
      (features, rows) =>
        new Promise((resolve, reject) => {
          const ask = ++asks;
          asked.set(ask, { part, resolve, reject });
          post({ type: 'score-batch', id: part, ask, features, rows }, [features.buffer as ArrayBuffer]);
        }),
    );
  port.onmessage = async (event: MessageEvent<ToPartReader>) => {
    const message = event.data;
    if (message.type === 'score-answer') {
      const waiting = asked.get(message.ask);
      asked.delete(message.ask);
      if (waiting) settleAsk(message.answer, waiting);
      return;
    }
    if (message.type === 'cancel-part') {
      running.get(message.id)?.abort();
      // The asking worker stopped listening for this part: its batches in flight get no answer.
      for (const [ask, answer] of asked)
        if (answer.part === message.id) {
          asked.delete(ask);
          answer.reject(new Cancelled());
        }
      return;
    }
    const { id, file, request } = message;
    const controller = new AbortController();
    running.set(id, controller);
    try {
      const part = await readPart(
        file,
        request,
        (rows, bytes) => post({ type: 'part-progress', id, rows, bytes }),
        controller.signal,
      );
      part.scored = await scoreTable(request.plan.spec, part.table, scorerFor(id), () => {}, controller.signal);
      post({ type: 'part-read', id, part }, partBuffers(part));
    } catch (error) {
      const cancelled = error instanceof Cancelled;
      post({ type: 'part-failed', id, cancelled, message: messageOf(error) });
    } finally {
      running.delete(id);
    }
  };
}

/**
 * The scoring worker's side: how readCustomers asks the other workers for parts, one port each.
 * `file` is posted with each request: a Blob is cloned as a handle, not as its bytes.
 */
let lastRequest = 0;

export function partReaders(ports: MessagePort[], file: Blob, scorerOf: (spec: ModelSpec) => OnnxScorer): SplitOptions {
  let next = 0;
  return {
    helpers: ports.length,
    score: (spec, table, signal) => scoreTable(spec, table, scorerOf(spec), () => {}, signal),
    read: (request, onProgress, signal) =>
      new Promise((resolve, reject) => {
        const port = ports[next++ % ports.length]!;
        const asked = ++lastRequest;
        const scorer = scorerOf(request.plan.spec);
        const stop = () => {
          post({ type: 'cancel-part', id: asked });
          finish();
          reject(new Cancelled());
        };
        const post = (message: ToPartReader, transfer: Transferable[] = []) => port.postMessage(message, transfer);
        const listener = (event: MessageEvent<FromPartReader>) => {
          const reply = event.data;
          if (reply.id !== asked) return;
          if (reply.type === 'part-progress') return onProgress(reply.rows, reply.bytes);
          if (reply.type === 'score-batch') {
            const { ask } = reply;
            answerScoreAsk(scorer, reply.features, reply.rows, (answer) =>
              post(
                { type: 'score-answer', ask, answer },
                'probabilities' in answer ? [answer.probabilities.buffer as ArrayBuffer] : [],
              ),
            );
            return;
          }
          finish();
          if (reply.type === 'part-read') resolve(reply.part);
          else reject(reply.cancelled ? new Cancelled() : new Error(reply.message));
        };
        const finish = () => {
          port.removeEventListener('message', listener);
          signal.removeEventListener('abort', stop);
        };
        if (signal.aborted) return reject(new Cancelled());
        signal.addEventListener('abort', stop, { once: true });
        port.addEventListener('message', listener);
        port.start();
        post({ type: 'read-part', id: asked, file, request });
      }),
  };
}
