/// <reference lib="webworker" />
import { Cancelled } from '../core/cancelled.ts';
import { readPart } from '../core/read/read-part.ts';
import type { SplitOptions } from '../core/read/split-reading.ts';
import type { OnnxScorer } from '../core/scoring/onnx-scorer.ts';
import { scoreTable } from '../core/scoring/score-table.ts';
import type { ModelSpec } from '../core/spec/model-spec.ts';
import { partBuffers, type FromPartReader, type ToPartReader } from './part-protocol.ts';

/**
 * A scoring worker asked to read parts: answers every request on `port`, one reply each. It
 * scores the part too when it has the same model (`scorerFor`), so scoring runs side by side as well.
 */
export function serveParts(port: MessagePort, scorerFor: (spec: ModelSpec) => Promise<OnnxScorer | undefined>): void {
  const running = new Map<number, AbortController>();
  const post = (message: FromPartReader, transfer: Transferable[] = []) => port.postMessage(message, transfer);
  port.onmessage = async (event: MessageEvent<ToPartReader>) => {
    const message = event.data;
    if (message.type === 'cancel-part') {
      running.get(message.id)?.abort();
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
      const scorer = await scorerFor(request.plan.spec);
      if (scorer) part.scored = await scoreTable(request.plan.spec, part.table, scorer, () => {}, controller.signal);
      post({ type: 'part-read', id, part }, partBuffers(part));
    } catch (error) {
      const cancelled = error instanceof Cancelled;
      post({ type: 'part-failed', id, cancelled, message: error instanceof Error ? error.message : String(error) });
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

export function partReaders(ports: MessagePort[], file: Blob, score: SplitOptions['score']): SplitOptions {
  let next = 0;
  return {
    helpers: ports.length,
    score,
    read: (request, onProgress, signal) =>
      new Promise((resolve, reject) => {
        const port = ports[next++ % ports.length]!;
        const asked = ++lastRequest;
        const stop = () => {
          post({ type: 'cancel-part', id: asked });
          finish();
          reject(new Cancelled());
        };
        const post = (message: ToPartReader) => port.postMessage(message);
        const listener = (event: MessageEvent<FromPartReader>) => {
          const reply = event.data;
          if (reply.id !== asked) return;
          if (reply.type === 'part-progress') return onProgress(reply.rows, reply.bytes);
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
