import type { InlineAssets } from '../worker/protocol.ts';
import { EMBEDDED_ASSETS_ID, type EmbeddedAssetsJson, type EmbeddedWorker } from './embedded-format.ts';

/**
 * The single-file build (`npm run build:single`) carries the worker, ort-web's .wasm, the models
 * and the sample inside the page, because a page opened from file:// can fetch nothing (see
 * DEVELOPERS.md). The normal build carries none of it, and the app fetches as usual.
 */
interface Embedded {
  /** Each worker as a classic script at a blob: URL. */
  workerUrls: Record<EmbeddedWorker, string>;
  inline: InlineAssets;
}

function bytesOf(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

let embedded: Embedded | null | undefined;

/** What the page carries, decoded once; null in the normal build. */
export function embeddedAssets(): Embedded | null {
  if (embedded !== undefined) return embedded;
  const element = document.getElementById(EMBEDDED_ASSETS_ID);
  if (!element?.textContent) return (embedded = null);
  const json = JSON.parse(element.textContent) as EmbeddedAssetsJson;
  // The megabytes of text need not stay in the DOM once decoded.
  element.remove();
  embedded = {
    workerUrls: {
      scoring: URL.createObjectURL(new Blob([json.workers.scoring], { type: 'text/javascript' })),
      training: URL.createObjectURL(new Blob([json.workers.training], { type: 'text/javascript' })),
    },
    inline: {
      wasmGzip: bytesOf(json.wasmGzip),
      files: Object.fromEntries(Object.entries(json.files).map(([path, base64]) => [path, bytesOf(base64)])),
    },
  };
  return embedded;
}

/** A file the app ships, like the sample: taken from the page in the single-file build, else fetched. */
export async function sampleBlob(path: string): Promise<Blob> {
  const bytes = embeddedAssets()?.inline.files[path];
  if (bytes) return new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'text/csv' });
  const response = await fetch(path);
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return response.blob();
}
