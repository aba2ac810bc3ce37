import Papa from 'papaparse';
import { trimRowText } from '../core/csv/row-text-store.ts';
import type { WorkTimings } from './protocol.ts';
import type { ReadCustomers } from './read-customers.ts';

/** What the worker keeps about the file on screen, for details, sorting and exports. */
export interface ScoredJob {
  job: number;
  fileName: string;
  read: ReadCustomers;
  probabilities: Float32Array;
  timings: WorkTimings;
}

export function rowText(read: ReadCustomers, row: number): string {
  return trimRowText(read.streamed.text.slice(read.rowStarts[row]!, read.rowEnds[row]!));
}

export function headerText(read: ReadCustomers): string {
  return trimRowText(read.streamed.text.slice(read.streamed.headerStart, read.streamed.headerEnd)).replace(/^\uFEFF/, '');
}

/** Original cells of rows [start, end), parsed again from the kept text in one go. */
export function rowCells(read: ReadCustomers, start: number, end: number): string[][] {
  if (end <= start) return [];
  // Rows in the kept text end in \n (see LineBreakNormaliser); saying so stops Papa guessing per block.
  const options = { delimiter: read.streamed.delimiter, newline: '\n', header: false } as const;
  const text = read.streamed.text.slice(read.rowStarts[start]!, read.rowEnds[end - 1]!);
  const parsed = Papa.parse<string[]>(text, { ...options, skipEmptyLines: 'greedy' }).data;
  if (parsed.length === end - start) return parsed;
  // The block parse can only disagree with the first pass at a broken quote; fall back to rows one by one.
  return Array.from({ length: end - start }, (_, k) => Papa.parse<string[]>(rowText(read, start + k), options).data[0] ?? []);
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
