/** Where a command writes: the real process, or a test's buffers. */
export interface Io {
  out(text: string): void;
  error(text: string): void;
  /** stderr is a terminal: progress is worth drawing. */
  interactive: boolean;
  /** Redraws one progress line on stderr; only called when `interactive`. Empty text clears it. */
  progress(text: string): void;
}

export const processIo: Io = {
  out: (text) => process.stdout.write(`${text}\n`),
  error: (text) => process.stderr.write(`${text}\n`),
  interactive: Boolean(process.stderr.isTTY),
  // \r returns to the line's start and ESC[K erases what a longer earlier line left behind.
  progress: (text) => process.stderr.write(`\r${text}\u001b[K`),
};
