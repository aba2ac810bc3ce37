/// <reference lib="webworker" />
import { messageOf } from '../core/error-message.ts';
import { rawTableFromText, type RawTable } from '../core/train/raw-table.ts';
import type { PageToTrainer, TrainerToPage, TrainStage } from './train-protocol.ts';
import { inspectHistory, rolesFor, sha256Hex, trainHistory } from './train-session.ts';

declare const self: DedicatedWorkerGlobalScope;

const post = (message: TrainerToPage, transfer: Transferable[] = []) => self.postMessage(message, transfer);

/** The history file stays here between reading and training; the page only gets its summary. */
let history: { table: RawTable; fileName: string; sha256: string } | undefined;

async function readBytes(job: number, file: Blob): Promise<Uint8Array> {
  const bytes = new Uint8Array(file.size);
  const reader = file.stream().getReader();
  let at = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes.set(value, at);
    at += value.length;
    post({ type: 'train-progress', job, stage: 'reading', done: at, total: file.size });
  }
  return bytes.subarray(0, at);
}

async function readHistory(job: number, file: Blob, fileName: string): Promise<void> {
  const bytes = await readBytes(job, file);
  // Decoded as the command line decodes (UTF-8), so both make the same package from the same file.
  const table = rawTableFromText(new TextDecoder().decode(bytes));
  const sha256 = await sha256Hex(bytes);
  history = { table, fileName, sha256 };
  const overview = inspectHistory(table, fileName);
  if (!overview.ok) post({ type: 'train-failed', job, message: overview.problem });
  else post({ type: 'history-read', job, overview: overview.value });
}

self.onmessage = async (event: MessageEvent<PageToTrainer>) => {
  const message = event.data;
  try {
    switch (message.type) {
      case 'read-history':
        return await readHistory(message.job, message.file, message.fileName);
      case 'choose-outcome':
        if (!history) throw new Error('Choose the history file first.');
        return post({
          type: 'roles',
          job: message.job,
          target: message.target,
          roles: rolesFor(history.table, message.target),
        });
      case 'train': {
        if (!history) throw new Error('Choose the history file first.');
        const { job } = message;
        const progress = (stage: string, done: number, total: number) =>
          post({ type: 'train-progress', job, stage: stage as TrainStage, done, total });
        const trained = trainHistory(history.table, message.request, history.sha256, history.fileName, progress);
        if (!trained.ok) return post({ type: 'train-failed', job, message: trained.problem });
        return post({ type: 'trained', job, model: trained.value });
      }
    }
  } catch (error) {
    post({ type: 'train-failed', job: message.job, message: messageOf(error) });
  }
};
