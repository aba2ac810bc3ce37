import type { PageToWorker, WorkerToPage } from '../worker/protocol.ts';

export interface ScoringWorker {
  send(message: PageToWorker): void;
  terminate(): void;
}

/** Starts the scoring worker; every reply goes to `onMessage`, a crash to `onCrash`. */
export function startScoringWorker(onMessage: (message: WorkerToPage) => void, onCrash: (message: string) => void): ScoringWorker {
  const worker = new Worker(new URL('../worker/churn.worker.ts', import.meta.url), { type: 'module', name: 'churn-radar-scoring' });
  worker.onmessage = (event: MessageEvent<WorkerToPage>) => onMessage(event.data);
  worker.onerror = (event) => onCrash(event.message || 'The scoring worker stopped unexpectedly.');
  return {
    send: (message) => worker.postMessage(message),
    terminate: () => worker.terminate(),
  };
}
