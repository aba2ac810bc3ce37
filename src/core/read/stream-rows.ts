import Papa from 'papaparse';
import { detectDelimiter, type Delimiter } from '../csv/detect-delimiter.ts';
import { LineBreakNormaliser } from '../csv/line-breaks.ts';
import { RowTextStore } from '../csv/row-text-store.ts';
import { sniffFile, type TextEncoding } from '../csv/sniff-file.ts';
import { CsvByteReader, fieldDecoder, InvalidEncoding, OutsideFastPath } from './csv-bytes.ts';
import { arrayCells, isBlank, type RecordCells } from './record-cells.ts';
import { fileRows, keptTextRows, type RowSource } from './row-source.ts';
import { Cancelled } from '../cancelled.ts';
import { yieldToEvents } from './yield-to-events.ts';

export const READ_BYTES = 2 * 1024 * 1024;

/** The bytes are not UTF-8 after all; the caller restarts with windows-1252. */
class NotUtf8 extends Error {}

export interface StreamedText {
  encoding: TextEncoding | 'windows-1252';
  delimiter: Delimiter;
  /** Where rows can be read again by their offsets: the file's bytes, or the text Papa's path kept. */
  rows: RowSource;
  /** Offsets where the header row starts and ends. */
  headerStart: number;
  headerEnd: number;
}

export interface RowSink {
  /** Called once with the header and its row number; return a message to stop with that error. */
  header(cells: string[], delimiter: Delimiter, row: number): string | undefined;
  /**
   * A data row's cells (read them during the call: the byte path reuses the object), the
   * offsets where it starts and ends (bytes of the file on the byte path, of
   * the kept text on Papa's), and its row number as a
   * spreadsheet shows it (blank rows are skipped but counted). `problem` says why its cells
   * cannot be trusted (a broken quote). Return 'stop' to end reading early.
   */
  row(cells: RecordCells, start: number, end: number, row: number, problem: string | undefined): 'stop' | void;
  progress(bytes: number): void;
}

/**
 * Minimal Node-style readable that PapaParse's stream reader accepts. Papa's own
 * File reader decodes byte slices independently and breaks characters that straddle
 * a slice; here one TextDecoder in streaming mode sees every byte in order.
 */
class DecodedSource {
  readonly readable = true;
  private listeners = new Map<string, (arg?: unknown) => void>();
  read() {}
  on(event: string, fn: (arg?: unknown) => void) {
    this.listeners.set(event, fn);
  }
  removeListener(event: string) {
    this.listeners.delete(event);
  }
  pause() {}
  resume() {}
  emit(event: 'data' | 'end' | 'error', arg?: unknown) {
    this.listeners.get(event)?.(arg);
  }
}

/**
 * Reads a Blob in fixed-size pieces. Where the browser offers a "bring your own buffer"
 * reader, one buffer travels back and forth for the whole file; a fresh ArrayBuffer per
 * piece would leave the file's size in garbage buffers waiting for collection.
 */
export function byteReader(blob: Blob): { read(size: number): Promise<Uint8Array> } {
  let offset = 0;
  let byob: ReadableStreamBYOBReader | undefined;
  try {
    byob = blob.stream().getReader({ mode: 'byob' });
  } catch {
    byob = undefined;
  }
  let buffer = new ArrayBuffer(READ_BYTES);
  return {
    async read(size) {
      if (!byob) {
        const piece = new Uint8Array(await blob.slice(offset, offset + size).arrayBuffer());
        offset += piece.length;
        return piece;
      }
      // Fill exactly `size` bytes (a read may return fewer), reusing the one buffer.
      let filled = 0;
      while (filled < size) {
        const { value, done } = await byob.read(new Uint8Array(buffer, filled, size - filled));
        if (!value) break;
        buffer = value.buffer as ArrayBuffer;
        filled += value.length;
        if (done) break;
      }
      offset += filled;
      return new Uint8Array(buffer, 0, filled);
    },
  };
}

/**
 * What a quote error means for a row. Papa reports a quote that is never closed
 * (MissingQuotes) or text after a closing quote (InvalidQuotes) and carries on reading
 * the following lines into the same value. When that swallowed later lines, the rows
 * after it cannot be counted, so the file is refused, naming the row; when it stayed on
 * one line, only that row is untrustworthy and is rejected.
 */
function quoteProblem(
  errors: Papa.ParseError[],
  rowText: string,
  fileName: string,
  row: number,
): { fatal: string } | { row: string } | undefined {
  if (errors.length === 0) return undefined;
  // Text after a closing quote makes Papa look for another closing quote, so it often reports both.
  const neverClosed = !errors.some((e) => e.code === 'InvalidQuotes');
  if (rowText.trimEnd().includes('\n')) {
    return {
      fatal: neverClosed
        ? `${fileName}: row ${row} opens a quote (") that is never closed, so every line after it would be read as one value. Close or remove that quote and load the file again.`
        : `${fileName}: row ${row} has text after the closing quote of a value, so the lines after it would be read as part of that value. Fix the quotes in that row and load the file again.`,
    };
  }
  return {
    row: neverClosed
      ? 'This row opens a quote (") that is never closed, so its values cannot be told apart.'
      : 'This row has text after the closing quote of a value, so its values cannot be told apart.',
  };
}

async function streamOnce(
  file: Blob,
  fileName: string,
  encoding: TextEncoding | 'windows-1252',
  skipBytes: number,
  sink: RowSink,
  signal: AbortSignal,
): Promise<StreamedText> {
  const decoder = new TextDecoder(encoding, { fatal: encoding === 'utf-8' });
  let lineBreaks: LineBreakNormaliser | undefined;
  const text = new RowTextStore();
  const source = new DecodedSource();
  let delimiter: Delimiter | undefined;
  let headerStart = 0;
  let headerEnd = -1;
  let lastEnd = 0;
  let record = 0;
  let done = false;
  let failure: Error | undefined;

  const parsed = new Promise<void>((resolve, reject) => {
    let parser: Papa.Parser | undefined;
    const fail = (p: Papa.Parser, error: Error) => {
      failure = error;
      done = true;
      p.abort();
    };
    const startParser = (firstText: string) => {
      delimiter = detectDelimiter(firstText);
      Papa.parse<string[]>(source as unknown as File, {
        delimiter,
        newline: '\n',
        header: false,
        dynamicTyping: false,
        // Blank rows are skipped here rather than by Papa's 'greedy' option, which joins and trims every row.
        skipEmptyLines: false,
        step(result, p) {
          parser = p;
          if (done) return;
          record++;
          const start = lastEnd;
          const end = result.meta.cursor;
          lastEnd = end;
          // A row of nothing but a quote that is never closed looks blank, yet it is not: it is kept and rejected.
          if (isBlank(result.data) && result.errors.length === 0) return;
          const quotes = quoteProblem(
            result.errors,
            result.errors.length ? text.slice(start, end) : '',
            fileName,
            record,
          );
          if (quotes && 'fatal' in quotes) return fail(p, new Error(quotes.fatal));
          if (headerEnd < 0) {
            headerStart = start;
            headerEnd = end;
            const problem = sink.header(result.data, delimiter!, record);
            if (problem) fail(p, new Error(problem));
            return;
          }
          if (sink.row(arrayCells(result.data), start, end, record, quotes?.row) === 'stop') {
            done = true;
            p.abort();
          }
        },
        complete: () => (failure ? reject(failure) : resolve()),
        error: (error) => reject(new Error(`${fileName} could not be read: ${error.message}`)),
      });
    };
    const feed = (decoded: string) => {
      if (!decoded) return;
      if (!delimiter) {
        startParser(decoded);
        lineBreaks = new LineBreakNormaliser(delimiter!);
      }
      const chunk = lineBreaks!.normalise(decoded);
      if (!chunk) return;
      text.append(chunk);
      source.emit('data', chunk);
    };

    (async () => {
      const reader = byteReader(file.slice(skipBytes));
      for (let at = skipBytes; at < file.size && !done; at += READ_BYTES) {
        await yieldToEvents();
        if (signal.aborted) throw new Cancelled();
        const bytes = await reader.read(Math.min(READ_BYTES, file.size - at));
        let decoded: string;
        try {
          decoded = decoder.decode(bytes, { stream: true });
        } catch {
          throw new NotUtf8();
        }
        feed(decoded);
        sink.progress(Math.min(file.size, at + READ_BYTES));
      }
      if (done) return;
      let rest: string;
      try {
        rest = decoder.decode();
      } catch {
        // A multi-byte character cut off by the end of the file.
        throw new NotUtf8();
      }
      feed(rest);
      if (!delimiter) startParser('');
      source.emit('end');
    })().catch((error: unknown) => {
      failure = error instanceof Error ? error : new Error(`${fileName} could not be read: ${String(error)}`);
      done = true;
      if (parser) parser.abort();
      else reject(failure);
    });
  });

  await parsed;
  const found = delimiter ?? ',';
  return {
    encoding,
    delimiter: found,
    rows: keptTextRows(text, found),
    headerStart,
    headerEnd: Math.max(headerEnd, 0),
  };
}

/**
 * The byte path (see CsvByteReader): no decoded copy of the file is made or kept. Throws
 * OutsideFastPath for quoting only Papa's path handles, and InvalidEncoding for bytes that are not UTF-8.
 *
 * One thread, no parse pool yet. Two threads each parsing half of the 1M-row file into typed
 * columns measured no faster at load average 12 to 14 (29 Nov 2026), but on a quiet machine
 * (30 Nov, load average 1.6, two Node processes each reading the header and one half with
 * readCustomers) they took 1.24 to 1.88 s of wall time against 2.14 to 3.00 s for one on the
 * whole file: 1.4 to 1.9 × faster, before the costs of cutting at a row boundary and joining
 * the columns. See the README's Speed section.
 */
async function streamBytes(
  file: Blob,
  encoding: 'utf-8' | 'windows-1252',
  skipBytes: number,
  sink: RowSink,
  signal: AbortSignal,
): Promise<StreamedText> {
  let delimiter: Delimiter | undefined;
  let reader: CsvByteReader | undefined;
  let headerStart = 0;
  let headerEnd = -1;
  let failure: Error | undefined;
  const visit = (cells: RecordCells, start: number, end: number, record: number): 'stop' | void => {
    if (cells.blank()) return;
    if (headerEnd < 0) {
      headerStart = start;
      headerEnd = end;
      const problem = sink.header(cells.all(), delimiter!, record);
      if (problem) {
        failure = new Error(problem);
        return 'stop';
      }
      return;
    }
    return sink.row(cells, start, end, record, undefined);
  };
  const bytes = byteReader(file.slice(skipBytes));
  for (let at = skipBytes; at < file.size && !reader?.done; at += READ_BYTES) {
    await yieldToEvents();
    if (signal.aborted) throw new Cancelled();
    const chunk = await bytes.read(Math.min(READ_BYTES, file.size - at));
    if (!reader) {
      // The same text the Papa path detects from: its first decoded piece.
      delimiter = detectDelimiter(new TextDecoder(encoding).decode(chunk));
      reader = new CsvByteReader(delimiter.charCodeAt(0), fieldDecoder(encoding), visit, skipBytes, encoding);
    }
    reader.push(chunk);
    sink.progress(Math.min(file.size, at + READ_BYTES));
  }
  reader?.finish();
  if (failure) throw failure;
  const found = delimiter ?? ',';
  return {
    encoding,
    delimiter: found,
    rows: fileRows(file, encoding, found),
    headerStart,
    headerEnd: Math.max(headerEnd, 0),
  };
}

/** Streams the file's rows to `sink`, detecting file type, encoding and delimiter on the way. */
export async function streamRows(
  file: Blob,
  fileName: string,
  /** Called before each attempt; `bytePath` names the encoding when rows are read from the bytes (offsets are then byte offsets). */
  makeSink: (bytePath: 'utf-8' | 'windows-1252' | undefined) => RowSink,
  signal: AbortSignal,
): Promise<{ streamed: StreamedText; sink: RowSink }> {
  const sniffed = sniffFile(new Uint8Array(await file.slice(0, 8192).arrayBuffer()));
  if (sniffed.kind === 'binary')
    throw new Error(`${fileName} looks like ${sniffed.format}, not a CSV file. ${sniffed.advice}`);
  // UTF-16 has no byte path; UTF-8 (and Windows-1252, when the bytes are not UTF-8) try it first.
  if (sniffed.encoding === 'utf-8') {
    // A UTF-8 BOM is skipped, as TextDecoder does; in front of Windows-1252 it would become "ï»¿".
    const skip = sniffed.bom ? 3 : 0;
    try {
      for (const encoding of ['utf-8', 'windows-1252'] as const) {
        const sink = makeSink(encoding);
        try {
          return { streamed: await streamBytes(file, encoding, skip, sink, signal), sink };
        } catch (error) {
          if (!(error instanceof InvalidEncoding)) throw error;
        }
      }
    } catch (error) {
      // Quoting the byte path leaves to Papa: read the whole file again on Papa's path below.
      if (!(error instanceof OutsideFastPath)) throw error;
    }
  }
  const sink = makeSink(undefined);
  try {
    return { streamed: await streamOnce(file, fileName, sniffed.encoding, 0, sink, signal), sink };
  } catch (error) {
    if (!(error instanceof NotUtf8)) throw error;
    // Bytes that are not valid UTF-8 are, in practice, a Western-European Windows export.
    // A UTF-8 BOM in front of them is skipped, or it would become "ï»¿" in the first header.
    const fresh = makeSink(undefined);
    return {
      streamed: await streamOnce(file, fileName, 'windows-1252', sniffed.bom ? 3 : 0, fresh, signal),
      sink: fresh,
    };
  }
}
