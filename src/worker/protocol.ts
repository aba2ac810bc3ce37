/**
 * The one message protocol between the page and the scoring worker. Both sides
 * import these types; every request carries a job id so replies and cancels
 * always name the run they belong to.
 */
import type { ModelSpec } from '../core/spec/model-spec.ts';
import type { RowIssue } from '../core/table/column-table.ts';

export type PageToWorker =
  | { type: 'load-models'; baseUrl: string; modelIds: string[] }
  | { type: 'score-file'; job: number; file: File }
  | { type: 'cancel'; job: number };

export interface ScoredFile {
  job: number;
  fileName: string;
  modelId: string;
  /** Data rows in the file (header excluded). */
  rows: number;
  rejectedRows: number;
  /** One per data row, NaN where the row was rejected. Transferred, not copied. */
  probabilities: Float32Array;
  /** Customer IDs, when the file has an ID column; else row numbers as text. */
  ids: string[];
  hasIds: boolean;
  /** The first issues found, for display. */
  issues: RowIssue[];
  issueCount: number;
}

export type Progress = { job: number; phase: 'parsing' | 'scoring'; rows: number; bytes: number; totalBytes: number };

export type WorkerToPage =
  | { type: 'models-loaded'; specs: ModelSpec[] }
  | { type: 'models-failed'; message: string }
  | { type: 'progress'; progress: Progress }
  | { type: 'scored'; result: ScoredFile }
  | { type: 'failed'; job: number; message: string }
  | { type: 'cancelled'; job: number };
