import type { CampaignResult, CampaignSettings } from '../core/decision/campaign.ts';
import type { TableSort } from '../core/ordering/table-sort.ts';
import type { ModelSpec } from '../core/spec/model-spec.ts';
import type { ExportKind, MappingRequest, Progress, ScoredDataset, WorkerToPage } from '../worker/protocol.ts';

/** `loading` until the models and the runtime are in memory; then the page can work with no network. */
export type Phase = 'loading' | 'idle' | 'working' | 'mapping' | 'ready' | 'error';

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
  sort: TableSort | null;
  sortRequest: number;
  order: Uint32Array | null;
  detailsRow: number | null;
  detailsCells: string[] | undefined;
  /** Why the details panel's cells could not be read. */
  detailsError: string | undefined;
  exporting: ExportState | undefined;
  download: Download | undefined;
  notice: string | undefined;
  error: string | undefined;
  /** A file above the comfortable size, waiting for the person to confirm. */
  oversized: { file: Blob; fileName: string } | undefined;
  /** A file chosen while the models were loading; it is read as soon as they are in memory. */
  queued: { file: Blob; fileName: string } | undefined;
  /** The worker's campaign curves for the latest settings sent (`campaignRequest`), and why they could not be worked out. */
  campaign: { result: CampaignResult; chosen: Uint8Array } | undefined;
  campaignRequest: number;
  /** The settings of that request. */
  campaignRequested: CampaignSettings | undefined;
  /** The request the last campaign reply answered; -1 after new results, until their first answer. */
  campaignAnswered: number;
  campaignProblem: string | undefined;
  /**
   * The at-risk list when it is not the threshold's: "Contact the best N" sets it to exactly those
   * customers (a threshold cannot, as benefit order is not probability order). Moving the threshold ends it.
   */
  atRiskList: AtRiskList | null;
}

export interface AtRiskList {
  label: string;
  count: number;
  rows: Uint8Array;
}

export type AppAction =
  | { type: 'worker'; message: WorkerToPage }
  /** `keepShown`: the results on screen stay until this job's results replace them (a new mapping of the same file). */
  | { type: 'file-chosen'; job: number; file: Blob; fileName: string; keepShown: boolean }
  | { type: 'queue-file'; file: Blob; fileName: string }
  | { type: 'cancel-mapping' }
  | { type: 'oversized'; file: Blob; fileName: string }
  | { type: 'dismiss-oversized' }
  | { type: 'crashed'; message: string }
  | { type: 'threshold'; value: number }
  | { type: 'campaign-request'; request: number; settings: CampaignSettings }
  | { type: 'at-risk-list'; list: AtRiskList | null }
  | { type: 'sort'; sort: TableSort | null; request: number }
  | { type: 'open-row'; row: number | null }
  | { type: 'export-started'; kind: ExportKind; target: ExportTarget }
  | { type: 'downloaded' }
  /** `restarted`: a new worker is loading the models again. */
  | { type: 'start-over'; restarted: boolean };

export const initialState: AppState = {
  phase: 'loading',
  models: [],
  job: 0,
  file: undefined,
  fileName: undefined,
  progress: undefined,
  mapping: undefined,
  dataset: undefined,
  threshold: 0.5,
  sort: null,
  sortRequest: 0,
  order: null,
  detailsRow: null,
  detailsCells: undefined,
  detailsError: undefined,
  exporting: undefined,
  download: undefined,
  notice: undefined,
  error: undefined,
  oversized: undefined,
  queued: undefined,
  campaign: undefined,
  campaignRequest: 0,
  campaignRequested: undefined,
  campaignAnswered: -1,
  campaignProblem: undefined,
  atRiskList: null,
};

export const recommendedOf = (spec: ModelSpec) =>
  spec.thresholds.points.find((p) => p.name === spec.thresholds.recommended)!.value;

const clearShown = {
  dataset: undefined,
  sort: null,
  order: null,
  detailsRow: null,
  detailsCells: undefined,
  detailsError: undefined,
  exporting: undefined,
  campaign: undefined,
  campaignAnswered: -1,
  campaignProblem: undefined,
  atRiskList: null,
} satisfies Partial<AppState>;
const clearFile = {
  ...clearShown,
  progress: undefined,
  mapping: undefined,
  download: undefined,
  notice: undefined,
  error: undefined,
  oversized: undefined,
  queued: undefined,
} satisfies Partial<AppState>;

/** Where the page goes when a job ends without new results: back to the ones on screen, if any. */
const settled = (state: AppState, notice: string | undefined): AppState =>
  state.dataset
    ? { ...state, phase: 'ready', progress: undefined, mapping: undefined, notice }
    : { ...state, ...clearFile, phase: 'idle', notice };

export function appReducer(state: AppState, action: AppAction): AppState {
  switch (action.type) {
    case 'oversized':
      return { ...state, oversized: { file: action.file, fileName: action.fileName }, notice: undefined };
    case 'dismiss-oversized':
      return { ...state, oversized: undefined };
    case 'file-chosen': {
      const kept = action.keepShown
        ? {
            dataset: state.dataset,
            sort: state.sort,
            order: state.order,
            detailsRow: state.detailsRow,
            detailsCells: state.detailsCells,
            detailsError: state.detailsError,
            exporting: state.exporting,
            campaign: state.campaign,
            campaignAnswered: state.campaignAnswered,
            campaignProblem: state.campaignProblem,
            atRiskList: state.atRiskList,
          }
        : {};
      return {
        ...state,
        ...clearFile,
        ...kept,
        phase: 'working',
        job: action.job,
        file: action.file,
        fileName: action.fileName,
      };
    }
    case 'queue-file':
      return { ...state, oversized: undefined, queued: { file: action.file, fileName: action.fileName } };
    case 'cancel-mapping':
      return settled(state, undefined);
    case 'crashed':
      return { ...state, ...clearFile, phase: 'error', error: action.message };
    case 'start-over':
      return action.restarted
        ? { ...state, ...clearFile, phase: 'loading', models: [], file: undefined, fileName: undefined }
        : {
            ...state,
            ...clearFile,
            phase: state.models.length ? 'idle' : 'loading',
            file: undefined,
            fileName: undefined,
          };
    case 'threshold':
      return { ...state, threshold: Math.min(1, Math.max(0, action.value)), atRiskList: null };
    case 'campaign-request':
      return { ...state, campaignRequest: action.request, campaignRequested: action.settings };
    case 'at-risk-list':
      return { ...state, atRiskList: action.list };
    case 'sort':
      return { ...state, sort: action.sort, sortRequest: action.request, order: action.sort ? state.order : null };
    case 'open-row':
      return { ...state, detailsRow: action.row, detailsCells: undefined, detailsError: undefined };
    case 'export-started':
      return {
        ...state,
        exporting: { kind: action.kind, rows: 0, totalRows: state.dataset?.rows ?? 0, target: action.target },
        download: undefined,
      };
    case 'downloaded':
      return { ...state, download: undefined };
    case 'worker':
      return onWorkerMessage(state, action.message);
  }
}

function onWorkerMessage(state: AppState, message: WorkerToPage): AppState {
  // Replies about a superseded job are stale and must not touch the current one.
  const current = (job: number) => job === state.job;
  // Replies about sorting, details and exports belong to the results on screen, which a new mapping keeps until it is scored.
  const shown = (job: number) => job === state.dataset?.job;
  switch (message.type) {
    case 'models-loaded':
      return { ...state, models: message.specs, phase: state.phase === 'loading' ? 'idle' : state.phase };
    case 'models-failed':
      return { ...state, phase: 'error', error: message.message, queued: undefined };
    case 'progress':
      return current(message.progress.job) && state.phase === 'working'
        ? { ...state, progress: message.progress }
        : state;
    case 'needs-mapping':
      return current(message.request.job)
        ? { ...state, phase: 'mapping', mapping: message.request, progress: undefined }
        : state;
    case 'scored': {
      if (!current(message.dataset.job)) return state;
      const spec = state.models.find((m) => m.id === message.dataset.modelId);
      return {
        ...state,
        ...clearShown,
        phase: 'ready',
        dataset: message.dataset,
        progress: undefined,
        mapping: undefined,
        threshold: spec ? recommendedOf(spec) : state.threshold,
      };
    }
    case 'failed':
      if (!current(message.job)) return state;
      // A new mapping that cannot be used leaves the results of the old one in place.
      if (state.dataset)
        return settled(
          state,
          `The new column mapping could not be used: ${message.message} The results below are from the previous mapping.`,
        );
      return { ...state, ...clearFile, phase: 'error', error: message.message };
    case 'cancelled':
      if (!current(message.job)) return state;
      return settled(
        state,
        state.dataset
          ? 'Stopped. The results below are unchanged.'
          : `Stopped reading ${state.fileName ?? 'the file'}. Nothing was kept.`,
      );
    case 'sorted':
      return shown(message.job) && message.request === state.sortRequest ? { ...state, order: message.order } : state;
    case 'sort-failed':
      return shown(message.job) && message.request === state.sortRequest
        ? { ...state, sort: null, order: null, notice: `Could not sort the table: ${message.message}` }
        : state;
    case 'row-details':
      return shown(message.job) && message.row === state.detailsRow ? { ...state, detailsCells: message.cells } : state;
    case 'row-details-failed':
      return shown(message.job) && message.row === state.detailsRow
        ? { ...state, detailsError: message.message }
        : state;
    case 'export-progress':
      return shown(message.job) && state.exporting
        ? { ...state, exporting: { ...state.exporting, rows: message.rows, totalRows: message.totalRows } }
        : state;
    case 'exported': {
      if (!shown(message.job)) return state;
      const target = state.exporting?.target ?? 'download';
      // Written straight to the file the person chose: nothing left to download.
      if (!message.blob)
        return {
          ...state,
          exporting: undefined,
          notice: `Saved ${message.rows.toLocaleString()} rows to ${message.fileName}.`,
        };
      return {
        ...state,
        exporting: undefined,
        download: { blob: message.blob, fileName: message.fileName, rows: message.rows, kind: message.kind, target },
      };
    }
    case 'export-ended':
      return shown(message.job)
        ? {
            ...state,
            exporting: undefined,
            notice: message.message ? `The export failed: ${message.message}` : 'Export cancelled.',
          }
        : state;
    case 'model-added':
      return { ...state, models: message.specs };
    case 'model-refused':
      // The view that asked shows the problem (see useScoring's addModel).
      return state;
    case 'campaign':
      return shown(message.job) && message.request === state.campaignRequest
        ? {
            ...state,
            campaign: { result: message.result, chosen: message.chosen },
            campaignAnswered: message.request,
            campaignProblem: undefined,
          }
        : state;
    case 'campaign-failed':
      return shown(message.job) && message.request === state.campaignRequest
        ? { ...state, campaign: undefined, campaignAnswered: message.request, campaignProblem: message.message }
        : state;
    case 'campaign-superseded':
      return state;
  }
}
