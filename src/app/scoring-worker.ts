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
  const worker = embedded
    ? new Worker(embedded.workerUrls.scoring, { name: NAME })
    : new Worker(new URL('../worker/churn.worker.ts', import.meta.url), { type: 'module', name: NAME });
  worker.onmessage = (event: MessageEvent<WorkerToPage>) => onMessage(event.data);
  worker.onerror = (event) => {
    event.preventDefault();
    onCrash(
      `The scoring engine stopped unexpectedly${event.message ? ` (${event.message})` : ''}. Your file was not changed. Choose "Start over" to try again.`,
    );
  };
  worker.onmessageerror = () =>
    onCrash('The scoring engine sent a message the page could not read. Choose "Start over" to try again.');
  return {
    // Nothing can be fetched from file://, so the models and ort-web's .wasm travel with 'load-models'.
    send: (message, transfer = []) =>
      worker.postMessage(
        embedded && message.type === 'load-models' ? { ...message, inline: embedded.inline } : message,
        transfer,
      ),
    terminate: () => worker.terminate(),
  };
}
