import type { PageToWorker, WorkerToPage } from '../worker/protocol.ts';
import { embeddedAssets } from './embedded-assets.ts';

export interface ScoringWorker {
  send(message: PageToWorker, transfer?: Transferable[]): void;
  terminate(): void;
}

const NAME = 'churn-radar-scoring';

/** Starts the scoring worker; every reply goes to `onMessage`, a crash to `onCrash`. */
export function startScoringWorker(
  onMessage: (message: WorkerToPage) => void,
  onCrash: (message: string) => void,
): ScoringWorker {
  const embedded = embeddedAssets();
  // The single-file build carries a classic worker: from file://, a module worker cannot start from a blob: URL.
  const start = (name: string) =>
    embedded
      ? new Worker(embedded.workerUrls.scoring, { name })
      : new Worker(new URL('../worker/churn.worker.ts', import.meta.url), { type: 'module', name });
  const crashed = (event: ErrorEvent) => {
    event.preventDefault();
    onCrash(
      `The scoring engine stopped unexpectedly${event.message ? ` (${event.message})` : ''}. Your file was not changed. Choose "Start over" to try again.`,
    );
  };
  const worker = start(NAME);
  worker.onmessage = (event: MessageEvent<WorkerToPage>) => onMessage(event.data);
  worker.onerror = crashed;
  worker.onmessageerror = () =>
    onCrash('The scoring engine sent a message the page could not read. Choose "Start over" to try again.');
  // More copies of the same worker read parts of a large file side by side, one per other core
  // (at most 8 readers in all); each talks to the first over its own channel.
  const helpers = Array.from({ length: Math.max(0, Math.min(8, navigator.hardwareConcurrency || 1) - 1) }, (_, i) => {
    const helper = start(`${NAME}-reader-${i + 1}`);
    helper.onerror = crashed;
    return helper;
  });
  if (helpers.length) {
    const channels = helpers.map(() => new MessageChannel());
    helpers.forEach((helper, i) =>
      helper.postMessage({ type: 'serve-parts', port: channels[i]!.port2 }, [channels[i]!.port2]),
    );
    const ports = channels.map((c) => c.port1);
    worker.postMessage({ type: 'part-readers', ports } satisfies PageToWorker, ports);
  }
  return {
    // Nothing can be fetched from file://, so the models and ort-web's .wasm travel with 'load-models'.
    send: (message, transfer = []) => {
      const sent = embedded && message.type === 'load-models' ? { ...message, inline: embedded.inline } : message;
      // The readers load the same models (copies, before the buffers are transferred), to score their parts.
      if (sent.type === 'load-models' || sent.type === 'add-model')
        for (const helper of helpers) helper.postMessage(sent);
      worker.postMessage(sent, transfer);
    },
    terminate: () => {
      worker.terminate();
      for (const helper of helpers) helper.terminate();
    },
  };
}
