import Papa from 'papaparse';
import { detectDelimiter, type Delimiter } from '../core/csv/detect-delimiter.ts';
import { RowTextStore } from '../core/csv/row-text-store.ts';
import { sniffFile, type TextEncoding } from '../core/csv/sniff-file.ts';

const READ_BYTES = 2 * 1024 * 1024;

export class Cancelled extends Error {}
/** The bytes are not UTF-8 after all; the caller restarts with windows-1252. */
class NotUtf8 extends Error {}

export interface StreamedText {
  encoding: TextEncoding | 'windows-1252';
  delimiter: Delimiter;
  text: RowTextStore;
  /** Global text offset where each data row ends (its start is the previous row's end). */
  headerEnd: number;
}

export interface RowSink {
  /** Called once with the header; return a message to stop with that error. */
  header(cells: string[], delimiter: Delimiter): string | undefined;
  /** A data row and the global text offsets where it starts and ends (blank lines are skipped). */
  row(cells: string[], start: number, end: number): void;
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
  on(event: string, fn: (arg?: unknown) => void) { this.listeners.set(event, fn); }
  removeListener(event: string) { this.listeners.delete(event); }
  pause() {}
  resume() {}
  emit(event: 'data' | 'end' | 'error', arg?: unknown) { this.listeners.get(event)?.(arg); }
}

/** Same rule as PapaParse's 'greedy': a row of only whitespace and delimiters is no row. */
function isBlank(cells: string[]): boolean {
  for (const cell of cells) if (cell.trim() !== '') return false;
  return true;
}

async function streamOnce(file: Blob, fileName: string, encoding: TextEncoding | 'windows-1252', sink: RowSink, signal: AbortSignal): Promise<StreamedText> {
  const decoder = new TextDecoder(encoding, { fatal: encoding === 'utf-8' });
  const text = new RowTextStore();
  const source = new DecodedSource();
  let delimiter: Delimiter | undefined;
  let headerEnd = -1;
  let lastEnd = 0;
  let stop: Error | undefined;

  const parsed = new Promise<void>((resolve, reject) => {
    let parser: Papa.Parser | undefined;
    const startParser = (firstText: string) => {
      delimiter = detectDelimiter(firstText);
      Papa.parse<string[]>(source as unknown as File, {
        delimiter,
        header: false,
        dynamicTyping: false,
        // Blank rows are skipped here rather than by Papa's 'greedy' option, which joins and trims every row.
        skipEmptyLines: false,
        step(result, p) {
          parser = p;
          const start = lastEnd;
          const end = result.meta.cursor;
          lastEnd = end;
          if (isBlank(result.data)) return;
          if (headerEnd < 0) {
            headerEnd = end;
            const problem = sink.header(result.data, delimiter!);
            if (problem) {
              stop = new Error(problem);
              p.abort();
            }
            return;
          }
          sink.row(result.data, start, end);
        },
        complete: () => (stop ? reject(stop) : resolve()),
        error: (error) => reject(new Error(`${fileName} could not be read: ${error.message}`)),
      });
    };

    (async () => {
      for (let at = 0; at < file.size && !stop; at += READ_BYTES) {
        if (signal.aborted) throw new Cancelled();
        const bytes = new Uint8Array(await file.slice(at, at + READ_BYTES).arrayBuffer());
        let chunk: string;
        try {
          chunk = decoder.decode(bytes, { stream: true });
        } catch {
          throw new NotUtf8();
        }
        if (!chunk) continue;
        text.append(chunk);
        if (!delimiter) startParser(chunk);
        source.emit('data', chunk);
        sink.progress(Math.min(file.size, at + READ_BYTES));
      }
      const rest = decoder.decode();
      if (rest) {
        text.append(rest);
        if (!delimiter) startParser(rest);
        source.emit('data', rest);
      }
      if (!delimiter) startParser('');
      source.emit('end');
    })().catch((error: unknown) => {
      stop = error as Error;
      if (parser) parser.abort();
      else reject(error);
    });
  });

  await parsed;
  return { encoding, delimiter: delimiter ?? ',', text, headerEnd: Math.max(headerEnd, 0) };
}

/** Streams the file's rows to `sink`, detecting file type, encoding and delimiter on the way. */
export async function streamRows(file: Blob, fileName: string, makeSink: () => RowSink, signal: AbortSignal): Promise<{ streamed: StreamedText; sink: RowSink }> {
  const sniffed = sniffFile(new Uint8Array(await file.slice(0, 8192).arrayBuffer()));
  if (sniffed.kind === 'binary') throw new Error(`${fileName} looks like ${sniffed.format}, not a CSV file. ${sniffed.advice}`);
  const sink = makeSink();
  try {
    return { streamed: await streamOnce(file, fileName, sniffed.encoding, sink, signal), sink };
  } catch (error) {
    if (!(error instanceof NotUtf8)) throw error;
    // Bytes that are not valid UTF-8 are, in practice, a Western-European Windows export.
    const fresh = makeSink();
    return { streamed: await streamOnce(file, fileName, 'windows-1252', fresh, signal), sink: fresh };
  }
}
