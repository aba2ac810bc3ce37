import type { InlineAssets } from '../worker/protocol.ts';
import { EMBEDDED_ASSETS_ID, type EmbeddedAssetsJson } from './embedded-format.ts';

/**
 * The single-file build (`npm run build:single`) carries the worker, ort-web's .wasm, the models
 * and the sample inside the page, because a page opened from file:// can fetch nothing (see
 * DEVELOPERS.md). The normal build carries none of it, and the app fetches as usual.
 */
interface Embedded {
  /** A blob: URL of the worker, a classic script: file:// pages cannot start module workers from blob: URLs. */
  workerUrl: string;
  inline: InlineAssets;
  sample: string;
}

function bytesOf(base64: string): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

let embedded: Embedded | null | undefined;

/** What the page carries, read once; null in the normal build. */
export function embeddedAssets(): Embedded | null {
  if (embedded !== undefined) return embedded;
  const element = document.getElementById(EMBEDDED_ASSETS_ID);
  if (!element?.textContent) return (embedded = null);
  const json = JSON.parse(element.textContent) as EmbeddedAssetsJson;
  // Decoded once: the several megabytes of text need not stay in the DOM as well.
  element.remove();
  const models = Object.fromEntries(Object.entries(json.models).map(([id, m]) => [id, { spec: m.spec, onnx: bytesOf(m.onnx) }]));
  embedded = {
    workerUrl: URL.createObjectURL(new Blob([json.worker], { type: 'text/javascript' })),
    inline: { wasmGzip: bytesOf(json.wasmGzip), models },
    sample: json.sample,
  };
  return embedded;
}

/** The "Try sample data" file: embedded in the single-file build, else fetched from `url`. */
export async function sampleBlob(url: string): Promise<Blob> {
  const assets = embeddedAssets();
  if (assets) return new Blob([assets.sample], { type: 'text/csv' });
  const response = await fetch(url);
  return response.blob();
}
