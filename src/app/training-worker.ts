import type { StartTrainingWorker } from '../features/train/use-training.ts';
import type { TrainerToPage } from '../worker/train-protocol.ts';
import { embeddedAssets } from './embedded-assets.ts';

const NAME = 'churn-radar-training';

/** Starts the training worker; every reply goes to `onMessage`, a crash to `onCrash`. */
export const startTrainingWorker: StartTrainingWorker = (onMessage, onCrash) => {
  const embedded = embeddedAssets();
  // As for scoring: from file:// only a classic worker starts from a blob: URL.
  const worker = embedded
    ? new Worker(embedded.workerUrls.training, { name: NAME })
    : new Worker(new URL('../worker/train.worker.ts', import.meta.url), { type: 'module', name: NAME });
  worker.onmessage = (event: MessageEvent<TrainerToPage>) => onMessage(event.data);
  worker.onerror = (event) => {
    event.preventDefault();
    onCrash(
      `The training engine stopped unexpectedly${event.message ? ` (${event.message})` : ''}, perhaps out of memory. Choose the file again, or a smaller one.`,
    );
  };
  worker.onmessageerror = () =>
    onCrash('The training engine sent a message the page could not read. Choose the file again.');
  return { send: (message) => worker.postMessage(message), terminate: () => worker.terminate() };
};
