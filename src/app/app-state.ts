import type { ModelSpec } from '../core/spec/model-spec.ts';
import type { ExportKind, MappingRequest, Progress, ScoredDataset, WorkerToPage } from '../worker/protocol.ts';

export type Phase = 'idle' | 'working' | 'mapping' | 'ready' | 'error';

export interface Sort {
  key: string;
  descending: boolean;
}

export interface ExportState {
  kind: ExportKind;
  rows: number;
  totalRows: number;
  target: ExportTarget;
}

/** Who asked for an export: the person (a browser download) or the host page (postMessage). */
export type ExportTarget = 'download' | 'host';

export interface Download {
  blob: Blob;
  fileName: string;
  rows: number;
  kind: ExportKind;
  target: ExportTarget;
}

export interface AppState {
  phase: Phase;
  models: ModelSpec[];
  job: number;
  file: Blob | undefined;
  fileName: string | undefined;
  progress: Progress | undefined;
  mapping: MappingRequest | undefined;
  dataset: ScoredDataset | undefined;
  threshold: number;
  sort: Sort | null;
  sortRequest: number;
  order: Uint32Array | null;
  detailsRow: number | null;
  detailsCells: string[] | undefined;
  exporting: ExportState | undefined;
  download: Download | undefined;
  notice: string | undefined;
  error: string | undefined;
  /** A file above the comfortable size, waiting for the person to confirm. */
  oversized: { file: Blob; fileName: string } | undefined;
}

export type AppAction =
  | { type: 'worker'; message: WorkerToPage }
  | { type: 'file-chosen'; job: number; file: Blob; fileName: string }
  | { type: 'oversized'; file: Blob; fileName: string }
  | { type: 'dismiss-oversized' }
  | { type: 'crashed'; message: string }
  | { type: 'threshold'; value: number }
  | { type: 'sort'; sort: Sort | null; request: number }
  | { type: 'open-row'; row: number | null }
  | { type: 'export-started'; kind: ExportKind; target: ExportTarget }
  | { type: 'downloaded' }
  | { type: 'start-over' };

export const initialState: AppState = {
  phase: 'idle', models: [], job: 0, file: undefined, fileName: undefined, progress: undefined, mapping: undefined,
  dataset: undefined, threshold: 0.5, sort: null, sortRequest: 0, order: null, detailsRow: null, detailsCells: undefined,
  exporting: undefined, download: undefined, notice: undefined, error: undefined, oversized: undefined,
};

export const recommendedOf = (spec: ModelSpec) => spec.thresholds.points.find((p) => p.name === spec.thresholds.recommended)!.value;

const clearFile = {
  progress: undefined, mapping: undefined, dataset: undefined, sort: null, order: null, detailsRow: null, detailsCells: undefined,
  exporting: undefined, download: undefined, notice: undefined, error: undefined, oversized: undefined,
} satisfies Partial<AppState>;

export function appReducer(state: AppState, action: AppAction): AppState {
  switch (action.type) {
    case 'oversized':
      return { ...state, oversized: { file: action.file, fileName: action.fileName }, notice: undefined };
    case 'dismiss-oversized':
      return { ...state, oversized: undefined };
    case 'file-chosen':
      return { ...state, ...clearFile, phase: 'working', job: action.job, file: action.file, fileName: action.fileName };
    case 'crashed':
      return { ...state, ...clearFile, phase: 'error', error: action.message };
    case 'start-over':
      return { ...state, ...clearFile, phase: 'idle', file: undefined, fileName: undefined };
    case 'threshold':
      return { ...state, threshold: Math.min(1, Math.max(0, action.value)) };
    case 'sort':
      return { ...state, sort: action.sort, sortRequest: action.request, order: action.sort ? state.order : null };
    case 'open-row':
      return { ...state, detailsRow: action.row, detailsCells: undefined };
    case 'export-started':
      return { ...state, exporting: { kind: action.kind, rows: 0, totalRows: state.dataset?.rows ?? 0, target: action.target }, download: undefined };
    case 'downloaded':
      return { ...state, download: undefined };
    case 'worker':
      return onWorkerMessage(state, action.message);
  }
}

function onWorkerMessage(state: AppState, message: WorkerToPage): AppState {
  // Replies about a superseded job are stale and must not touch the current one.
  const current = (job: number) => job === state.job;
  switch (message.type) {
    case 'models-loaded':
      return { ...state, models: message.specs };
    case 'models-failed':
      return { ...state, phase: 'error', error: message.message };
    case 'progress':
      return current(message.progress.job) && state.phase === 'working' ? { ...state, progress: message.progress } : state;
    case 'needs-mapping':
      return current(message.request.job) ? { ...state, phase: 'mapping', mapping: message.request, progress: undefined } : state;
    case 'scored': {
      if (!current(message.dataset.job)) return state;
      const spec = state.models.find((m) => m.id === message.dataset.modelId);
      return { ...state, phase: 'ready', dataset: message.dataset, progress: undefined, mapping: undefined, threshold: spec ? recommendedOf(spec) : state.threshold };
    }
    case 'failed':
      return current(message.job) ? { ...state, ...clearFile, phase: 'error', error: message.message } : state;
    case 'cancelled':
      return current(message.job) ? { ...state, ...clearFile, phase: 'idle', notice: `Stopped reading ${state.fileName ?? 'the file'}. Nothing was kept.` } : state;
    case 'sorted':
      return current(message.job) && message.request === state.sortRequest ? { ...state, order: message.order } : state;
    case 'row-details':
      return current(message.job) && message.row === state.detailsRow ? { ...state, detailsCells: message.cells } : state;
    case 'export-progress':
      return current(message.job) && state.exporting ? { ...state, exporting: { ...state.exporting, rows: message.rows, totalRows: message.totalRows } } : state;
    case 'exported': {
      if (!current(message.job)) return state;
      const target = state.exporting?.target ?? 'download';
      return { ...state, exporting: undefined, download: { blob: message.blob, fileName: message.fileName, rows: message.rows, kind: message.kind, target } };
    }
    case 'export-ended':
      return current(message.job) ? { ...state, exporting: undefined, notice: message.message ? `The export failed: ${message.message}` : 'Export cancelled.' } : state;
    case 'model-added':
      return { ...state, models: message.specs };
    case 'model-refused':
      // The view that asked shows the problem (see useScoring's addModel).
      return state;
  }
}
