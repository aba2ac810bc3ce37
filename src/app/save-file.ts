import { exportFileName, type ExportKind } from '../core/export/export-name.ts';

/**
 * Exports of files at least this big are written straight to a file the person chooses, where the
 * browser can (File System Access: Chromium, Edge, Opera), so no Blob of the whole export is
 * assembled; smaller ones, and every export in browsers without it, are a Blob and a download.
 */
export const STREAM_EXPORT_BYTES = 100_000_000;

// Not in TypeScript's DOM lib yet; declared as narrowly as it is used.
interface SaveFilePicker {
  showSaveFilePicker(options: {
    suggestedName: string;
    types: { description: string; accept: Record<string, string[]> }[];
  }): Promise<{ createWritable(): Promise<WritableStream<Blob>> }>;
}

const hasPicker = (w: Window): w is Window & SaveFilePicker => 'showSaveFilePicker' in w;

/**
 * Asks where to save, while the click's user activation lasts (so call it from the click, before
 * any await). Resolves to the file's stream, or null when the person closed the dialog; undefined
 * when there is no picker (the caller falls back to a download).
 */
export function chooseSaveFile(fileName: string, kind: ExportKind): Promise<WritableStream<Blob> | null> | undefined {
  if (!hasPicker(window)) return undefined;
  const json = kind === 'json';
  const picked = window.showSaveFilePicker({
    suggestedName: exportFileName(fileName, kind),
    types: [
      json
        ? { description: 'JSON', accept: { 'application/json': ['.json'] } }
        : { description: 'CSV', accept: { 'text/csv': ['.csv'] } },
    ],
  });
  return picked.then(
    (handle) => handle.createWritable(),
    (error: unknown) => {
      if (error instanceof DOMException && error.name === 'AbortError') return null;
      throw error;
    },
  );
}
