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
  return trimRowText(read.streamed.text.slice(0, read.streamed.headerEnd)).replace(/^\uFEFF/, '');
}

/** Original cells of rows [start, end), parsed again from the kept text in one go. */
export function rowCells(read: ReadCustomers, start: number, end: number): string[][] {
  if (end <= start) return [];
  const text = read.streamed.text.slice(read.rowStarts[start]!, read.rowEnds[end - 1]!);
  const parsed = Papa.parse<string[]>(text, { delimiter: read.streamed.delimiter, header: false, skipEmptyLines: 'greedy' }).data;
  if (parsed.length === end - start) return parsed;
  // The block parse can only disagree with the first pass at a broken quote; fall back to rows one by one.
  return Array.from({ length: end - start }, (_, k) => Papa.parse<string[]>(rowText(read, start + k), { delimiter: read.streamed.delimiter, header: false }).data[0] ?? []);
}
