import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { Writable } from 'node:stream';
import type { WriteBytes } from './score-file.ts';

export interface Output {
  /** Resolves once the stream has taken the bytes (or has room for more), so reading waits for a slow disk or pipe. */
  write: WriteBytes;
  finish(): Promise<void>;
  /** After a failure: a file that was started is removed, so a failed nightly run leaves no half export behind. */
  discard(): Promise<void>;
}

/** `--out FILE` or `-` (stdout). The file is created on the first write, so a file that cannot be read creates none. */
export function openOutput(path: string): Output {
  const toStdout = path === '-';
  let writer: WritableStreamDefaultWriter<Uint8Array> | undefined;
  const open = () => (writer ??= Writable.toWeb(toStdout ? process.stdout : createWriteStream(path)).getWriter());
  return {
    write: (bytes) => open().write(bytes),
    async finish() {
      const w = open();
      if (!toStdout) return w.close();
      // stdout stays open for whatever the shell does next.
      await w.ready;
      w.releaseLock();
    },
    async discard() {
      if (!writer) return;
      if (toStdout) return writer.releaseLock();
      await writer.abort().catch(() => {});
      await rm(path, { force: true });
    },
  };
}
