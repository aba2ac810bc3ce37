/**
 * How the single-file build (scripts/build-single/) stores what the page would otherwise fetch:
 * one JSON document in `<script type="application/json" id={EMBEDDED_ASSETS_ID}>`. Shared by the
 * build and the page, so it holds no DOM code.
 */
export const EMBEDDED_ASSETS_ID = 'churn-radar-embedded';

/** The app's workers, by the base name of their source file in src/worker/ (`churn.worker.ts`). */
export const EMBEDDED_WORKERS = { scoring: 'churn.worker', training: 'train.worker' } as const;
export type EmbeddedWorker = keyof typeof EMBEDDED_WORKERS;

export interface EmbeddedAssetsJson {
  /** Each worker as a classic (IIFE) script, by the name the page starts it under. */
  workers: Record<EmbeddedWorker, string>;
  /** onnxruntime-web's `.wasm`, gzip-compressed, base64. */
  wasmGzip: string;
  /** Files the app would fetch, base64, by their path relative to the page (`models/telco-full.json`). */
  files: Record<string, string>;
}
