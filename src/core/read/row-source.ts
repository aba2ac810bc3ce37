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

export interface LazyRowBlock {
  texts: string[];
  /** Each row's cells, split from the bytes or text already read. */
  cells(): string[][];
}

const EMPTY: LazyRowBlock = { texts: [], cells: () => [] };

/** Rows read with `block`, cells and all. */
async function wholeRows(block: Promise<LazyRowBlock>): Promise<RowBlock> {
  const read = await block;
  return { cells: read.cells(), texts: read.texts };
}

/**
 * Where the rows of a file that was read can be read again, by the offsets the reader
 * recorded: exports, the details panel and the row-issues CSV read just the rows they need.
 */
export interface RowSource {
  /** Rows [from, to), whose offsets are starts[i] to ends[i]. */
  rows(starts: ArrayLike<number>, ends: ArrayLike<number>, from: number, to: number): Promise<RowBlock>;
  /**
   * Rows [from, to) read once, their cells split only when asked: an export copies most rows'
   * texts as they are and needs the cells of a few.
   */
  block(starts: ArrayLike<number>, ends: ArrayLike<number>, from: number, to: number): Promise<LazyRowBlock>;
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
  const block: RowSource['block'] = async (starts, ends, from, to) => {
    if (to <= from) return EMPTY;
    const base = starts[from]!;
    const bytes = await bytesOf(base, ends[to - 1]!);
    const texts = textsOf(bytes, base, starts, ends, from, to);
    const cells = () => {
      const records = readRecords(bytes, code, decodeField).filter((r) => !isBlank(r));
      // Only a row the first read rejected for its shape can split differently; then read them one by one.
      if (records.length === to - from) return records;
      return texts.map(
        (_, k) =>
          readRecords(bytes.subarray(starts[from + k]! - base, ends[from + k]! - base), code, decodeField)[0] ?? [],
      );
    };
    return { texts, cells };
  };
  return {
    block,
    rows: (starts, ends, from, to) => wholeRows(block(starts, ends, from, to)),
    async text(start, end) {
      return decode(await bytesOf(start, end));
    },
  };
}

/** The decoded text kept by the PapaParse path (files the byte reader leaves to Papa). */
export function keptTextRows(store: RowTextStore, delimiter: string): RowSource {
  // Rows in the kept text end in \n (see LineBreakNormaliser); saying so stops Papa guessing per block.
  const options = { delimiter, newline: '\n', header: false } as const;
  const block: RowSource['block'] = async (starts, ends, from, to) => {
    if (to <= from) return EMPTY;
    const texts: string[] = [];
    for (let i = from; i < to; i++) texts.push(trimRowText(store.slice(starts[i]!, ends[i]!)));
    const cells = () => {
      const records = Papa.parse<string[]>(store.slice(starts[from]!, ends[to - 1]!), {
        ...options,
        skipEmptyLines: 'greedy',
      }).data;
      // The block parse can only disagree with the first pass at a broken quote; fall back to rows one by one.
      if (records.length === to - from) return records;
      return texts.map((text) => Papa.parse<string[]>(text, options).data[0] ?? []);
    };
    return { texts, cells };
  };
  return {
    block,
    rows: (starts, ends, from, to) => wholeRows(block(starts, ends, from, to)),
    async text(start, end) {
      return trimRowText(store.slice(start, end));
    },
  };
}
