/**
 * The one message protocol between the page and the scoring worker. Both sides
 * import these types. Every request about a file carries its job id, so replies
 * and cancels always name the run they belong to, and stale replies are ignored.
 */
import type { CampaignResult, CampaignSettings } from '../core/decision/campaign.ts';
import type { Histogram } from '../core/decision/probability-histogram.ts';
import type { RankedScores } from '../core/decision/ranked-scores.ts';
import { tableBuffers, type ThresholdTables } from '../core/decision/threshold-tables.ts';
import type { ExportKind } from '../core/export/export-name.ts';
import type { PackedIds } from '../core/ids/packed-ids.ts';
import type { ExportDecision } from '../core/export/decision-columns.ts';
import type { Curves } from '../core/metrics/file-evaluation.ts';
import type { TableSort } from '../core/ordering/table-sort.ts';
import type { ModelSpec } from '../core/spec/model-spec.ts';
import type { RowIssue } from '../core/table/column-table.ts';
import type { ColumnMapping, ExplicitMapping, MappingQuestion } from '../core/columns/column-mapping.ts';
import type { ColumnIssueSummary } from '../core/table/summarise-issues.ts';
import type { WorkTimings } from '../core/read/scored-job.ts';

export type { ColumnMapping, ExplicitMapping, ModelProposal } from '../core/columns/column-mapping.ts';
export type { ColumnIssueSummary } from '../core/table/summarise-issues.ts';
export type { WorkTimings } from '../core/read/scored-job.ts';
export type { ExportKind };

/**
 * What the worker would otherwise fetch, handed over by the single-file build because a page
 * opened from file:// can fetch nothing (see DEVELOPERS.md). The normal build leaves it out.
 */
export interface InlineAssets {
  /** onnxruntime-web's `.wasm`, gzip-compressed. */
  wasmGzip: Uint8Array;
  /** Files the app would fetch, by their path relative to the page (`models/telco-full.json`). */
  files: Record<string, Uint8Array>;
}

/** A DOM MessagePort, named so that the Node checks (no DOM library) read this file too. */
type Port = InstanceType<typeof MessagePort>;

export type PageToWorker =
  | { type: 'load-models'; baseUrl: string; inline?: InlineAssets }
  /** Ports to the other scoring workers, which read parts of large files for this one. */
  | { type: 'part-readers'; ports: Port[] }
  /** This worker reads parts of files for the worker at the other end of `port`. */
  | { type: 'serve-parts'; port: Port }
  /**
   * `keepShown`: the results on screen stay (for sorting, details, exports) until this job replaces them.
   * `model`: the model to use when the file has its columns (the person's switch, or the deployment's default).
   */
  | {
      type: 'score-file';
      job: number;
      file: Blob;
      fileName: string;
      mapping?: ExplicitMapping;
      askMapping?: boolean;
      keepShown?: boolean;
      model?: string;
    }
  | { type: 'cancel'; job: number }
  | ({ type: 'sort'; job: number; request: number } & TableSort)
  | { type: 'row-details'; job: number; row: number }
  /**
   * `sink`: a file the person chose (showSaveFilePicker), written batch by batch; without it the export comes back as a Blob.
   * `decision`: the page's campaign and what-if columns to add (expected_benefit, best_action, probability_after_action).
   * `atRisk`: the at-risk list when it is not a threshold (the campaign's best N), 1 = at risk: the at-risk
   * export and `churn_prediction` follow it instead of `threshold`.
   */
  | {
      type: 'export';
      job: number;
      kind: ExportKind;
      threshold: number;
      sink?: WritableStream<Blob>;
      decision?: ExportDecision;
      atRisk?: Uint8Array;
    }
  | { type: 'cancel-export'; job: number }
  /** A package trained or opened on the page, checked like a deployed one, added for this session. */
  | { type: 'add-model'; request: number; specBytes: Uint8Array; specName: string; onnx: Uint8Array }
  /**
   * The campaign's curves for these settings, `samples` points for the chart. A newer request
   * supersedes one not yet started; the page shows only the reply to its latest.
   */
  | { type: 'campaign'; job: number; request: number; settings: CampaignSettings; samples: number };

export type MappingRequest = MappingQuestion & { job: number };

export interface ScoredDataset {
  job: number;
  fileName: string;
  fileBytes: number;
  encoding: string;
  delimiter: string;
  modelId: string;
  /** The other models whose columns the file has, best first: the page's model switch offers them. */
  alternatives: string[];
  /** The file's headers, in order, and which spec column each model input came from. */
  headers: string[];
  mapping: ColumnMapping;
  /** Data rows in the file (header excluded); scored + rejected = rows. */
  rows: number;
  rejectedRows: number;
  /** One per data row, NaN where the row was rejected. */
  probabilities: Float32Array;
  /**
   * 0, 1, …, rows − 1: the table's rows before any sort. Made in the worker so the page's thread
   * does not: at 10,000,000 rows that was a 40 MB array and most of a 116 ms task when the
   * results arrived (Chromium profile).
   */
  fileOrder: Uint32Array;
  /** Scored probabilities high to low with running sums, for the top-K and capture goals. */
  ranked: RankedScores;
  /** Model inputs after reading: numbers (NaN when rejected) and category indices (-1 unknown). */
  numeric: Record<string, Float64Array>;
  codes: Record<string, Int16Array>;
  /** 1 where a numeric cell was missing and imputed; only for columns with a missing-indicator feature. */
  missing: Record<string, Uint8Array>;
  /** Customer IDs packed into one string: id i is text.slice(offsets[i], offsets[i + 1]). */
  ids: PackedIds | null;
  /** Outcomes when the file carries them: 1 churned, 0 stayed, 255 unknown. */
  labels: Uint8Array | null;
  /** AUC and curves on this file's outcomes; null when it has none. */
  evaluation: Curves | null;
  /** Revenue, outcomes and segments totalled per score bin, for every threshold. */
  tables: ThresholdTables;
  /** Customers per band of probability, for the histogram. */
  histogram: Histogram;
  issues: RowIssue[];
  issueCount: number;
  issueSummary: ColumnIssueSummary[];
  /** Milliseconds spent in the worker, for the benchmark and the "scored in" note. */
  timings: WorkTimings;
}

export type Progress = { job: number; phase: 'reading' | 'scoring'; rows: number; bytes: number; totalBytes: number };

export type WorkerToPage =
  | { type: 'models-loaded'; specs: ModelSpec[] }
  | { type: 'models-failed'; message: string }
  | { type: 'progress'; progress: Progress }
  | { type: 'needs-mapping'; request: MappingRequest }
  | { type: 'scored'; dataset: ScoredDataset }
  | { type: 'failed'; job: number; message: string }
  | { type: 'cancelled'; job: number }
  | { type: 'sorted'; job: number; request: number; order: Uint32Array }
  | { type: 'sort-failed'; job: number; request: number; message: string }
  | { type: 'row-details'; job: number; row: number; cells: string[] }
  | { type: 'row-details-failed'; job: number; row: number; message: string }
  | { type: 'export-progress'; job: number; kind: ExportKind; rows: number; totalRows: number }
  /** `blob` is absent when the export was written to the chosen file. */
  | { type: 'exported'; job: number; kind: ExportKind; blob: Blob | undefined; fileName: string; rows: number }
  | { type: 'export-ended'; job: number; kind: ExportKind; message: string | undefined }
  | { type: 'model-added'; request: number; id: string; specs: ModelSpec[] }
  | { type: 'model-refused'; request: number; message: string }
  /** `chosen`: 1 for each of the best `result.best.count` customers, the list "Contact the best N" sets. */
  | { type: 'campaign'; job: number; request: number; result: CampaignResult; chosen: Uint8Array }
  | { type: 'campaign-failed'; job: number; request: number; message: string }
  /** A newer campaign request arrived before this one was started. */
  | { type: 'campaign-superseded'; job: number; request: number };

/** Buffers that travel with a message instead of being copied. */
export function transferablesOf(dataset: ScoredDataset): ArrayBuffer[] {
  const buffers = [
    dataset.probabilities.buffer,
    dataset.fileOrder.buffer,
    dataset.ranked.descending.buffer,
    dataset.ranked.cumulative.buffer,
    dataset.ranked.bins.rows.buffer,
    dataset.ranked.bins.atLeast.buffer,
    ...Object.values(dataset.numeric).map((a) => a.buffer),
    ...Object.values(dataset.codes).map((a) => a.buffer),
    ...Object.values(dataset.missing).map((a) => a.buffer),
  ];
  buffers.push(...tableBuffers(dataset.tables), dataset.histogram.counts.buffer as ArrayBuffer);
  if (dataset.ids) buffers.push(dataset.ids.offsets.buffer);
  if (dataset.labels) buffers.push(dataset.labels.buffer);
  return buffers as ArrayBuffer[];
}
