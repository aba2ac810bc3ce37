/**
 * How the single-file build (scripts/build-single/) stores what the page would otherwise fetch:
 * one JSON document in `<script type="application/json" id={EMBEDDED_ASSETS_ID}>`. Shared by the
 * build and the page, so it holds no DOM code.
 */
export const EMBEDDED_ASSETS_ID = 'churn-radar-embedded';

export interface EmbeddedAssetsJson {
  /** The scoring worker as a classic (IIFE) script. */
  worker: string;
  /** onnxruntime-web's `.wasm`, gzip-compressed, base64. */
  wasmGzip: string;
  /** Files the app would fetch, base64, by their path relative to the page (`models/telco-full.json`). */
  files: Record<string, string>;
}
