/** Where a command writes: the real process, or a test's buffers. */
export interface Io {
  out(text: string): void;
  error(text: string): void;
  /** stderr is a terminal: progress is worth drawing. */
  interactive: boolean;
}

export const processIo: Io = {
  out: (text) => process.stdout.write(`${text}\n`),
  error: (text) => process.stderr.write(`${text}\n`),
  interactive: Boolean(process.stderr.isTTY),
};
