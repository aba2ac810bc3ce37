/// <reference lib="webworker" />
import { loadModels } from './load-models.ts';
import type { PageToWorker, WorkerToPage } from './protocol.ts';
import { Cancelled, scoreFile } from './score-file.ts';

declare const self: DedicatedWorkerGlobalScope;

const post = (message: WorkerToPage, transfer: Transferable[] = []) => self.postMessage(message, transfer);

let baseUrl = '';
const modelIds: string[] = [];
const running = new Map<number, AbortController>();

async function handleScore(job: number, file: File): Promise<void> {
  // One file at a time: a new file cancels whatever is still running.
  for (const controller of running.values()) controller.abort();
  const controller = new AbortController();
  running.set(job, controller);
  try {
    const models = await loadModels(baseUrl, modelIds);
    const result = await scoreFile(job, file, models, (progress) => post({ type: 'progress', progress }), controller.signal);
    post({ type: 'scored', result }, [result.probabilities.buffer]);
  } catch (error) {
    if (error instanceof Cancelled || controller.signal.aborted) post({ type: 'cancelled', job });
    else post({ type: 'failed', job, message: (error as Error).message });
  } finally {
    running.delete(job);
  }
}

self.onmessage = async (event: MessageEvent<PageToWorker>) => {
  const message = event.data;
  switch (message.type) {
    case 'load-models':
      baseUrl = message.baseUrl;
      modelIds.splice(0, modelIds.length, ...message.modelIds);
      try {
        const models = await loadModels(baseUrl, modelIds);
        post({ type: 'models-loaded', specs: models.map((m) => m.spec) });
      } catch (error) {
        post({ type: 'models-failed', message: (error as Error).message });
      }
      break;
    case 'score-file':
      await handleScore(message.job, message.file);
      break;
    case 'cancel':
      running.get(message.job)?.abort();
      break;
  }
};
