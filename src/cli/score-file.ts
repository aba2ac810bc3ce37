import { EXPORT_CAMPAIGN } from '../core/decision/campaign.ts';
import type { OnnxScorer } from '../core/scoring/onnx-scorer.ts';
import type { ModelSpec } from '../core/spec/model-spec.ts';
import { buildExport } from '../core/export/export-file.ts';
import { readCustomers } from '../core/read/read-customers.ts';
import { scoreTable } from '../core/scoring/score-table.ts';
import { cutByBytes } from './byte-cuts.ts';
import { chunkBlob, planChunks, type ChunkPlan } from './chunk-plan.ts';
import type { PiecePool, ScoredPiece } from './piece-pool.ts';
import { rejectedCount } from '../core/table/column-table.ts';

/**
 * Rows per piece of a large file: about 7 MB of a Telco-shaped export. The reader's columns,
 * the probabilities and the export batches of one piece stay in the tens of MB, whatever the
 * file's size.
 */
export const CHUNK_ROWS = 50_000;
/**
 * The same, for a file cut without parsing it (cutByBytes): about 25,000 Telco-shaped rows. Pieces
 * of 7 MB peaked at 320 to 336 MB resident on 10,000,000 rows; these at 263 MB (GNU time, with
 * a full collection after every piece and 16 MB of growth; 280 MB with fullCollector's rule now).
 */
export const CHUNK_BYTES = 3.5 * 1024 * 1024;
/** Files up to this size are read whole, as the page reads them; a first pass to cut them is not worth its time. */
export const WHOLE_FILE_BYTES = 32 * 1024 * 1024;

/** Milliseconds per step, summed over the pieces, for the bench's breakdown (scripts/bench/cli-bench.ts). */
export interface ScoreTimings {
  /** The first pass that finds where to cut (0 when the file is read whole). */
  planMs: number;
  /** The page's reader: bytes to typed columns. */
  readMs: number;
  featuresMs: number;
  inferenceMs: number;
  /** The page's export writer, including the output taking the bytes. */
  writeMs: number;
}

export interface ScoreTotals {
  rows: number;
  rejected: number;
  atRisk: number;
  timings: ScoreTimings;
}

export interface ScoreFileOptions {
  spec: ModelSpec;
  scorer: OnnxScorer;
  fileName: string;
  format: 'csv' | 'json';
  threshold: number;
  /** Called with the rows done so far and what is being done. */
  progress: (phase: string, rows: number) => void;
  /** Run after a piece of a large file is read and after each written batch (the CLI passes full garbage collections when the heap has grown, see fullCollector); not on the whole-file path, where it would walk the whole file's columns each time. */
  collect?: () => void;
  /** Scores the pieces of a large file on threads of their own (the command line's piecePool); the export keeps their order. */
  pieces?: (plan: ChunkPlan) => PiecePool;
  /** Overrides for tests: cut smaller files into smaller pieces. */
  chunkRows?: number;
  chunkBytes?: number;
  wholeFileBytes?: number;
}

/** Writes bytes to the output and resolves when it has taken them, so a slow disk or pipe holds the reading back. */
export type WriteBytes = (bytes: Uint8Array) => Promise<void>;

/**
 * Scores one file (or one piece of it) with the page's reader, scorer and export writer, and
 * writes the export to `write`. Throws what the reader throws for a file it cannot read.
 */
export async function scoreBlob(
  blob: Blob,
  options: ScoreFileOptions,
  write: WriteBytes,
  rowsBefore: number,
  collect?: () => void,
): Promise<ScoreTotals> {
  const { spec, scorer, fileName, format, threshold, progress } = options;
  const signal = new AbortController().signal;
  const started = performance.now();
  const read = await readCustomers(
    blob,
    fileName,
    [spec],
    undefined,
    false,
    (rows) => progress('reading', rowsBefore + rows),
    signal,
  );
  const readMs = performance.now() - started;
  // The reader's garbage (every row's cells) goes before the export makes its own.
  collect?.();
  const scored = await scoreTable(spec, read.table, scorer, (rows) => progress('scoring', rowsBefore + rows), signal);
  const writing = performance.now();
  const job = {
    job: 1,
    fileName,
    read,
    probabilities: scored.probabilities,
    timings: { readMs: 0, featuresMs: scored.featuresMs, inferenceMs: scored.inferenceMs },
  };
  // The same decision columns as the page's export with its Campaign panel untouched.
  const written = (rows: number) => {
    collect?.();
    progress('writing', rowsBefore + rows);
  };
  await buildExport(job, format, threshold, written, signal, write, { campaign: EXPORT_CAMPAIGN, whatIf: true });
  const writeMs = performance.now() - writing;
  let atRisk = 0;
  for (const p of scored.probabilities) if (p >= threshold) atRisk++;
  const timings = { planMs: 0, readMs, featuresMs: scored.featuresMs, inferenceMs: scored.inferenceMs, writeMs };
  return { rows: read.table.rowCount, rejected: rejectedCount(read.table), atRisk, timings };
}

/**
 * Drops the export's header line from every piece after the first, checking it is the line
 * the first piece wrote, so the pieces join into the whole file's export.
 */
function withoutHeader(write: WriteBytes, header: Uint8Array): WriteBytes {
  let skipped = 0;
  return async (bytes) => {
    if (skipped < header.length) {
      const take = Math.min(header.length - skipped, bytes.length);
      for (let i = 0; i < take; i++) {
        if (bytes[i] !== header[skipped + i])
          throw new Error(
            'A piece of the file wrote a different header from the first; score it with a smaller file or report this.',
          );
      }
      skipped += take;
      bytes = bytes.subarray(take);
    }
    if (bytes.length) await write(bytes);
  };
}

/** Records the bytes up to and including the first CRLF: the export's header line (with its BOM). */
function recordingHeader(write: WriteBytes, into: { bytes: Uint8Array | undefined }): WriteBytes {
  const seen: number[] = [];
  return async (bytes) => {
    for (let i = 0; !into.bytes && i < bytes.length; i++) {
      seen.push(bytes[i]!);
      if (bytes[i] === 0x0a && seen[seen.length - 2] === 0x0d) into.bytes = Uint8Array.from(seen);
    }
    await write(bytes);
  };
}

/**
 * Scores a file of any size in constant memory. A CSV export larger than `WHOLE_FILE_BYTES` is
 * cut into pieces of about `CHUNK_BYTES` after a line break when it has no quote (see cutByBytes),
 * else of `CHUNK_ROWS` rows where the reader ends a record (see planChunks); each
 * piece is read, scored and written before the next is read, and the pieces' exports join into
 * the whole file's, byte for byte (scripts/cli/score-in-chunks.test.ts). The JSON export states
 * its totals before its rows, so it is read whole.
 */
export async function scoreFile(file: Blob, options: ScoreFileOptions, write: WriteBytes): Promise<ScoreTotals> {
  const wholeBytes = options.wholeFileBytes ?? WHOLE_FILE_BYTES;
  const planning = performance.now();
  const plan =
    options.format === 'csv' && file.size > wholeBytes
      ? ((await cutByBytes(file, options.chunkBytes ?? CHUNK_BYTES)) ??
        (await planChunks(file, options.fileName, options.chunkRows ?? CHUNK_ROWS)))
      : undefined;
  const planMs = performance.now() - planning;
  options.collect?.();
  if (!plan) {
    const once = await scoreBlob(file, options, write, 0);
    return { ...once, timings: { ...once.timings, planMs } };
  }
  const timings: ScoreTimings = { planMs, readMs: 0, featuresMs: 0, inferenceMs: 0, writeMs: 0 };
  const totals: ScoreTotals = { rows: 0, rejected: 0, atRisk: 0, timings };
  const header: { bytes: Uint8Array | undefined } = { bytes: undefined };
  const pieceWriter = (i: number) => (i === 0 ? recordingHeader(write, header) : withoutHeader(write, header.bytes!));
  const add = (done: ScoreTotals) => {
    totals.rows += done.rows;
    totals.rejected += done.rejected;
    totals.atRisk += done.atRisk;
    for (const key of ['readMs', 'featuresMs', 'inferenceMs', 'writeMs'] as const) timings[key] += done.timings[key];
  };
  if (options.pieces) {
    await scoreOnThreads(options.pieces(plan), plan.starts.length, pieceWriter, (done) => {
      add(done);
      options.progress('scoring', totals.rows);
    });
    return totals;
  }
  for (let i = 0; i < plan.starts.length; i++) {
    add(await scoreBlob(chunkBlob(file, plan, i), options, pieceWriter(i), totals.rows, options.collect));
  }
  return totals;
}

/**
 * Keeps every thread busy with the next pieces (one more queued than there are threads, so none
 * waits while a finished piece is written) and writes the pieces' exports in file order.
 */
async function scoreOnThreads(
  pool: PiecePool,
  pieces: number,
  pieceWriter: (i: number) => WriteBytes,
  done: (totals: ScoreTotals) => void,
): Promise<void> {
  const asked = new Map<number, Promise<ScoredPiece>>();
  const ask = (i: number) => {
    // Caught here too, so a later piece's failure is not reported as unhandled while an earlier one is awaited.
    if (i < pieces)
      asked
        .set(i, pool.score(i))
        .get(i)!
        .catch(() => {});
  };
  try {
    for (let i = 0; i <= pool.threads; i++) ask(i);
    for (let i = 0; i < pieces; i++) {
      const piece = await asked.get(i)!;
      asked.delete(i);
      ask(i + pool.threads + 1);
      const write = pieceWriter(i);
      for (const chunk of piece.chunks) await write(chunk);
      done(piece.totals);
    }
  } finally {
    await pool.close();
  }
}
