import type { LazyRowBlock, RowBlock } from './row-source.ts';
import type { ReadCustomers } from './read-customers.ts';

/** Milliseconds spent reading, building features and scoring, for the benchmark and the "scored in" note. */
export interface WorkTimings {
  readMs: number;
  featuresMs: number;
  inferenceMs: number;
  /** How many workers read the file side by side (the page's large files). */
  readers?: number;
}

/** What the worker keeps about the file on screen, for details, sorting and exports. */
export interface ScoredJob {
  job: number;
  fileName: string;
  read: ReadCustomers;
  probabilities: Float32Array;
  /** The scored probabilities high to low, as sorted once for the page; the campaign reuses them. */
  descending?: Float32Array;
  timings: WorkTimings;
}

/** Rows [start, end) as the file has them: their cells and their text. */
export function readRows(read: ReadCustomers, start: number, end: number): Promise<RowBlock> {
  return read.streamed.rows.rows(read.rowStarts, read.rowEnds, start, Math.max(start, end));
}

/** Rows [start, end) read once, their cells split only when asked (see RowSource.block). */
export function rowBlock(read: ReadCustomers, start: number, end: number): Promise<LazyRowBlock> {
  return read.streamed.rows.block(read.rowStarts, read.rowEnds, start, Math.max(start, end));
}

/** Original cells of rows [start, end), read again from the file (or the text Papa's path kept). */
export async function rowCells(read: ReadCustomers, start: number, end: number): Promise<string[][]> {
  return (await readRows(read, start, end)).cells;
}

export async function headerText(read: ReadCustomers): Promise<string> {
  return (await read.streamed.rows.text(read.streamed.headerStart, read.streamed.headerEnd)).replace(/^\uFEFF/, '');
}

/** Index among the data rows of the row with this number in the file, or -1. */
export function dataRowIndex(read: ReadCustomers, fileRow: number): number {
  let lo = 0;
  let hi = read.rowNumbers.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const at = read.rowNumbers[mid]!;
    if (at === fileRow) return mid;
    if (at < fileRow) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}
