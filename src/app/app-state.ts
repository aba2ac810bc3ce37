import type { ModelSpec } from '../core/spec/model-spec.ts';
import type { Progress, ScoredFile, WorkerToPage } from '../worker/protocol.ts';

export type Phase = 'idle' | 'working' | 'ready' | 'error';

export interface AppState {
  phase: Phase;
  models: ModelSpec[];
  modelsError: string | undefined;
  job: number;
  fileName: string | undefined;
  progress: Progress | undefined;
  result: ScoredFile | undefined;
  error: string | undefined;
}

export type AppAction =
  | { type: 'worker'; message: WorkerToPage }
  | { type: 'file-chosen'; job: number; fileName: string }
  | { type: 'crashed'; message: string };

export const initialState: AppState = {
  phase: 'idle', models: [], modelsError: undefined, job: 0, fileName: undefined, progress: undefined, result: undefined, error: undefined,
};

export function appReducer(state: AppState, action: AppAction): AppState {
  switch (action.type) {
    case 'file-chosen':
      return { ...state, phase: 'working', job: action.job, fileName: action.fileName, progress: undefined, result: undefined, error: undefined };
    case 'crashed':
      return { ...state, phase: 'error', error: action.message };
    case 'worker':
      return onWorkerMessage(state, action.message);
  }
}

function onWorkerMessage(state: AppState, message: WorkerToPage): AppState {
  // Replies about a superseded job are stale and must not overwrite the current one.
  const current = (job: number) => job === state.job;
  switch (message.type) {
    case 'models-loaded':
      return { ...state, models: message.specs, modelsError: undefined };
    case 'models-failed':
      return { ...state, phase: 'error', modelsError: message.message, error: message.message };
    case 'progress':
      return current(message.progress.job) ? { ...state, progress: message.progress } : state;
    case 'scored':
      return current(message.result.job) ? { ...state, phase: 'ready', result: message.result } : state;
    case 'failed':
      return current(message.job) ? { ...state, phase: 'error', error: message.message } : state;
    case 'cancelled':
      return current(message.job) ? { ...state, phase: 'idle', progress: undefined } : state;
  }
}
