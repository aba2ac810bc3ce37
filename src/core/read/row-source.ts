import Papa from 'papaparse';
import { trimRowText, type RowTextStore } from '../csv/row-text-store.ts';
import { fieldDecoder, readRecords, wholeDecoder } from './csv-bytes.ts';
import { isBlank } from './record-cells.ts';

export interface RowBlock {
  /** Each row's cells. */
  cells: string[][];
  /** Each row's text as the file has it, without its line break. */
  texts: string[];
}

/**
 * Where the rows of a file that was read can be read again, by the offsets the reader
 * recorded: exports, the details panel and the row-issues CSV read just the rows they need.
 */
export interface RowSource {
  /** Rows [from, to), whose offsets are starts[i] to ends[i]. */
  rows(starts: ArrayLike<number>, ends: ArrayLike<number>, from: number, to: number): Promise<RowBlock>;
  /** Only the texts of rows [from, to): what an export copies, when it needs no cells. */
  texts(starts: ArrayLike<number>, ends: ArrayLike<number>, from: number, to: number): Promise<string[]>;
  /** The text between two offsets (the header row), without a line break. */
  text(start: number, end: number): Promise<string>;
}

/**
 * The file's own bytes: nothing of the file is kept in memory but the offsets. A Blob is
 * a handle on the file, and slice() reads only the bytes asked for.
 */
export function fileRows(file: Blob, encoding: 'utf-8' | 'windows-1252', delimiter: string): RowSource {
  const decode = wholeDecoder(encoding);
  const decodeField = fieldDecoder(encoding);
  const code = delimiter.charCodeAt(0);
  const bytesOf = async (start: number, end: number) => new Uint8Array(await file.slice(start, end).arrayBuffer());
  /**
   * Decodes the block once and cuts each row's text out of it when every byte became one
   * character (ASCII UTF-8, and Windows-1252 always), so byte offsets are character offsets;
   * else row by row. A TextDecoder call per row was a fifth of a 100,000-row export's time.
   */
  const textsOf = (
    block: Uint8Array,
    base: number,
    starts: ArrayLike<number>,
    ends: ArrayLike<number>,
    from: number,
    to: number,
  ) => {
    const texts: string[] = [];
    const whole = decode(block);
    const oneToOne = whole.length === block.length;
    for (let i = from; i < to; i++)
      texts.push(
        oneToOne
          ? whole.slice(starts[i]! - base, ends[i]! - base)
          : decode(block.subarray(starts[i]! - base, ends[i]! - base)),
      );
    return texts;
  };
  return {
    async texts(starts, ends, from, to) {
      if (to <= from) return [];
      const base = starts[from]!;
      return textsOf(await bytesOf(base, ends[to - 1]!), base, starts, ends, from, to);
    },
    async rows(starts, ends, from, to) {
      if (to <= from) return { cells: [], texts: [] };
      const base = starts[from]!;
      const block = await bytesOf(base, ends[to - 1]!);
      const texts = textsOf(block, base, starts, ends, from, to);
      let cells = readRecords(block, code, decodeField).filter((r) => !isBlank(r));
      // Only a row the first read rejected for its shape can split differently; then read them one by one.
      if (cells.length !== to - from)
        cells = texts.map(
          (_, k) =>
            readRecords(block.subarray(starts[from + k]! - base, ends[from + k]! - base), code, decodeField)[0] ?? [],
        );
      return { cells, texts };
    },
    async text(start, end) {
      return decode(await bytesOf(start, end));
    },
  };
}

/** The decoded text kept by the PapaParse path (files the byte reader leaves to Papa). */
export function keptTextRows(store: RowTextStore, delimiter: string): RowSource {
  // Rows in the kept text end in \n (see LineBreakNormaliser); saying so stops Papa guessing per block.
  const options = { delimiter, newline: '\n', header: false } as const;
  const textsOf = (starts: ArrayLike<number>, ends: ArrayLike<number>, from: number, to: number) => {
    const texts: string[] = [];
    for (let i = from; i < to; i++) texts.push(trimRowText(store.slice(starts[i]!, ends[i]!)));
    return texts;
  };
  return {
    texts: async (starts, ends, from, to) => textsOf(starts, ends, from, to),
    async rows(starts, ends, from, to) {
      if (to <= from) return { cells: [], texts: [] };
      const texts = textsOf(starts, ends, from, to);
      let cells = Papa.parse<string[]>(store.slice(starts[from]!, ends[to - 1]!), {
        ...options,
        skipEmptyLines: 'greedy',
      }).data;
      // The block parse can only disagree with the first pass at a broken quote; fall back to rows one by one.
      if (cells.length !== to - from) cells = texts.map((text) => Papa.parse<string[]>(text, options).data[0] ?? []);
      return { cells, texts };
    },
    async text(start, end) {
      return trimRowText(store.slice(start, end));
    },
  };
}
