import { Cancelled } from '../cancelled.ts';
import type { Scored } from '../scoring/score-table.ts';
import { CsvByteReader, fieldDecoder } from './csv-bytes.ts';
import { CustomerRows, type CustomerRowsRead, type RowPlan } from './customer-rows.ts';
import type { RecordCells } from './record-cells.ts';
import { byteReader, READ_BYTES } from './stream-rows.ts';
import { yieldToEvents } from './yield-to-events.ts';

/** A part of a UTF-8 file to read from `from` (a guessed row start), given the header's plan. */
export interface PartRequest {
  plan: RowPlan;
  from: number;
  /** The later guessed row starts, in order: the part stops at the first one a record starts at. */
  cuts: number[];
}

/** A part's rows, numbered from 1 at its first record, and where it stopped. */
export interface ReadPart extends CustomerRowsRead {
  /** Records read, blank ones included: the row numbers the next part is shifted by. */
  records: number;
  /** The cut a record started at, where reading stopped; -1 when it read to the end of the file. */
  landed: number;
  /** The part's scores, when the worker that read it scored them (see `SplitOptions.score`, `serveParts`). */
  scored?: Scored;
}

/**
 * Reads the data rows of one part of a large file on the byte path, as the whole-file read
 * would read them if `from` is where a record starts, which the part before confirms by landing
 * on it (see `split-reading.ts`). Throws what the byte reader throws (OutsideFastPath,
 * InvalidEncoding) for bytes it leaves to the whole-file read.
 */
export async function readPart(
  file: Blob,
  { plan, from, cuts }: PartRequest,
  onProgress: (rows: number, bytes: number) => void,
  signal: AbortSignal,
): Promise<ReadPart> {
  const rows = new CustomerRows(plan);
  let records = 0;
  let landed = -1;
  let next = 0;
  let estimated = false;
  const visit = (cells: RecordCells, start: number, end: number, record: number): 'stop' | void => {
    while (next < cuts.length && cuts[next]! < start) next++;
    if (start === cuts[next]) {
      landed = start;
      return 'stop';
    }
    records = record;
    if (cells.blank()) return;
    rows.add(cells, start, end, record, undefined);
    if (!estimated && rows.length === 2000) {
      estimated = true;
      rows.reserve(Math.ceil((((cuts[0] ?? file.size) - from) / (end - from)) * 2000 * 1.02));
    }
  };
  const reader = new CsvByteReader(plan.delimiter.charCodeAt(0), fieldDecoder('utf-8'), visit, from, 'utf-8');
  const bytes = byteReader(file.slice(from));
  for (let at = from; at < file.size && !reader.done; at += READ_BYTES) {
    await yieldToEvents();
    if (signal.aborted) throw new Cancelled();
    reader.push(await bytes.read(Math.min(READ_BYTES, file.size - at)));
    onProgress(rows.length, Math.min(file.size, at + READ_BYTES) - from);
  }
  reader.finish();
  return { ...rows.finish(), records, landed };
}
