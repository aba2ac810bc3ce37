import * as ort from 'onnxruntime-web/wasm';

/**
 * Prepares onnxruntime-web's wasm backend for unit tests in Node (Vitest, tsx). Call it before
 * the first session is created: ort reads `env.wasm` once, when the backend initialises.
 *
 * No `wasmPaths` or `wasmBinary` is needed: `onnxruntime-web/wasm` resolves to
 * `dist/ort.wasm.bundle.min.mjs`, whose inlined Emscripten glue finds
 * `ort-wasm-simd-threaded.wasm` beside itself through `import.meta.url` and reads it with `fs`.
 * Setting `wasmBinary` by hand would instead risk pairing the glue with the wrong wasm variant.
 */
export function setUpOrtForNode(): void {
  // Left at its default, ort probes for threads with a dynamic `require('node:os')`, which the
  // ESM bundle cannot do: session creation fails with "no available backend found".
  ort.env.wasm.numThreads = 1;
}
