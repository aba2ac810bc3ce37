/**
 * The message protocol between the page's Train view and the training worker (issue 10).
 * Both sides import these types. Every request carries its job id, so stale replies are
 * ignored. Cancelling ends the worker itself: training is one long synchronous computation.
 */
import type { ModelSpec } from '../core/spec/model-spec.ts';
import type { ColumnRole } from '../core/train/infer-roles.ts';
import type { TrainingConfig } from '../core/train/training-config.ts';

export interface OutcomeCandidate {
  column: string;
  values: { spelling: string; count: number }[];
  /** The suggested positive value: yes, 1, true… or the rarer one. */
  positive: string;
}

export interface HistoryOverview {
  fileName: string;
  rows: number;
  headers: string[];
  /** Columns with exactly two values, the suggested outcome first. */
  candidates: OutcomeCandidate[];
  target: string;
  roles: ColumnRole[];
}

/** The person's decision for one column; absent columns keep the page's defaults. */
export interface ColumnChoice {
  include: boolean;
  type: 'numeric' | 'categorical';
  /** Keep the column even when the trainer finds it a probable leak. */
  keepLeak?: boolean;
}

export interface TrainRequest {
  target: string;
  positive: string;
  choices: Record<string, ColumnChoice>;
  /** The model's name; empty: named after the outcome column, as the command line does. */
  name: string;
}

export interface TrainedModel {
  spec: ModelSpec;
  onnx: Uint8Array;
  report: Record<string, unknown>;
  /** The package as the command line writes it: `<id>.json`, `<id>.onnx`, `<id>.report.json`. */
  files: Record<string, Uint8Array>;
  /** The trainer config the choices became: with it, `npm run train` makes the same package. */
  config: TrainingConfig;
}

export type TrainStage = 'reading' | 'cross-validation' | 'final fit' | 'repeated splits' | 'evaluation';

export type PageToTrainer =
  | { type: 'read-history'; job: number; file: Blob; fileName: string }
  | { type: 'choose-outcome'; job: number; target: string }
  | { type: 'train'; job: number; request: TrainRequest };

export type TrainerToPage =
  | { type: 'train-progress'; job: number; stage: TrainStage; done: number; total: number }
  | { type: 'history-read'; job: number; overview: HistoryOverview }
  | { type: 'roles'; job: number; target: string; roles: ColumnRole[] }
  | { type: 'trained'; job: number; model: TrainedModel }
  | { type: 'train-failed'; job: number; message: string };
