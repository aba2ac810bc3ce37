import type { PageToWorker, WorkerToPage } from '../worker/protocol.ts';

export interface ScoringWorker {
  send(message: PageToWorker): void;
  terminate(): void;
}

/** Starts the scoring worker; every reply goes to `onMessage`, a crash to `onCrash`. */
export function startScoringWorker(onMessage: (message: WorkerToPage) => void, onCrash: (message: string) => void): ScoringWorker {
  const worker = new Worker(new URL('../worker/churn.worker.ts', import.meta.url), { type: 'module', name: 'churn-radar-scoring' });
  worker.onmessage = (event: MessageEvent<WorkerToPage>) => onMessage(event.data);
  worker.onerror = (event) => {
    event.preventDefault();
    onCrash(`The scoring engine stopped unexpectedly${event.message ? ` (${event.message})` : ''}. Your file was not changed. Choose "Start over" to try again.`);
  };
  worker.onmessageerror = () => onCrash('The scoring engine sent a message the page could not read. Choose "Start over" to try again.');
  return {
    send: (message) => worker.postMessage(message),
    terminate: () => worker.terminate(),
  };
}
