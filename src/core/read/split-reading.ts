import type { PackedIds } from '../ids/packed-ids.ts';
import type { Scored } from '../scoring/score-table.ts';
import type { ModelSpec } from '../spec/model-spec.ts';
import type { ColumnTable } from '../table/column-table.ts';
import type { CustomerRowsRead, RowPlan } from './customer-rows.ts';
import { readPart, type PartRequest, type ReadPart } from './read-part.ts';

/** Reads a part in another worker (or, in tests, right here). */
export type ReadPartElsewhere = (
  request: PartRequest,
  onProgress: (rows: number, bytes: number) => void,
  signal: AbortSignal,
) => Promise<ReadPart>;

/** How a large file may be read by several workers at once: how many others, and how to ask one. */
export interface SplitOptions {
  helpers: number;
  read: ReadPartElsewhere;
  /** Files smaller than this are read by one worker: starting the others costs more than it saves. */
  minBytes?: number;
  /** About how large a part is: more parts than workers, so a worker that finishes first takes more. */
  partBytes?: number;
  /**
   * Scores the first reader's rows while the other workers read (and score) theirs, so features
   * and inference run side by side too; the file's scores are then joined like its rows.
   */
  score?: (spec: ModelSpec, table: ColumnTable, signal: AbortSignal) => Promise<Scored>;
}

// Measured with `npm run bench` (two runs each, 2 cores): a 13.5 MB file read alone took 1.1 to 1.2 ×
// a same-run bare PapaParse pass, by two workers 1.2 to 1.4 × (starting the second worker's reading
// and scoring costs more than it saves); a 40.7 MB file 1.05 to 1.08 × alone, 0.79 to 0.98 × by two.
const MIN_SPLIT_BYTES = 32 * 1024 * 1024;
const PART_BYTES = 32 * 1024 * 1024;
const MAX_PARTS = 64;
const LOOK_BYTES = 64 * 1024;
const LF = 0x0a;
/** Where a cut goes: a line that starts with a byte no blank row starts with (whitespace, a delimiter, a quote). */
const startsRecord = (b: number | undefined) =>
  b !== undefined && b > 0x20 && b < 0x7f && b !== 0x22 && b !== 0x2c && b !== 0x3b && b !== 0x7c;

/**
 * Guesses where records start at even spacings of the file: just after a line break, before a
 * line no blank row can start like. A guess inside a quoted value is found out later (no reader
 * lands on it) and costs only time.
 */
export async function chooseCuts(file: Blob, parts: number): Promise<number[]> {
  const cuts: number[] = [];
  for (let k = 1; k < parts; k++) {
    const target = Math.floor((file.size * k) / parts);
    const bytes = new Uint8Array(await file.slice(target, target + LOOK_BYTES).arrayBuffer());
    for (let i = bytes.indexOf(LF); i >= 0; i = bytes.indexOf(LF, i + 1)) {
      if (!startsRecord(bytes[i + 1])) continue;
      const cut = target + i + 1;
      if (cut > (cuts.at(-1) ?? 0)) cuts.push(cut);
      break;
    }
  }
  return cuts;
}

/** A file's rows joined from its parts, how many workers read them, and their scores if every part came scored. */
export interface JoinedRead {
  rows: CustomerRowsRead;
  readers: number;
  scored?: Scored;
}

type PartOutcome = { ok: true; part: ReadPart } | { ok: false; error: unknown };

const settle = (read: Promise<ReadPart>): Promise<PartOutcome> =>
  read.then(
    (part): PartOutcome => ({ ok: true, part }),
    (error: unknown): PartOutcome => ({ ok: false, error }),
  );

/**
 * A large UTF-8 file read by several workers at once, in parts of about 32 MiB. The first worker
 * reads from the header to the first guessed record start (a cut); every part after a cut goes to
 * whichever worker is free, the first one included once its own part is read. A reader that meets
 * a record starting exactly at the next cut stops there, which proves that the cut is a record
 * start, so the part from that cut is exactly what the whole-file read would have read there; a
 * reader that passes a cut (a quoted value spans it) reads on to the next. The parts are then
 * joined along the chain of landings, their row numbers shifted by the records before them.
 *
 * Why: one worker parses at 50 to 85 MB/s. In `npm run bench` on 2 cores, two workers read the
 * 1M-row file in 0.77 × a bare PapaParse pass of the same run, against 1.21 × for one worker, and
 * the 10M-row file in 0.59 × against 0.69 ×. Why parts rather than halves: at 10M the two halves
 * took unequal times (one worker waited 1 to 2 s for the other); with 41 parts both worked to the
 * end, and reading and scoring took 13.8 s against 16.0 s (one instrumented run each).
 */
export class SplitReading {
  /** Each cut's part once a worker has taken it; all are taken before the join waits on any. */
  private started: Promise<PartOutcome>[] = [];
  /** The cuts no worker has taken yet, by index. */
  private queue: number[] = [];
  private request: ((i: number) => PartRequest) | undefined;
  private progress: (i: number) => (rows: number, bytes: number) => void = () => () => {};
  private controller = new AbortController();
  /** The cut the first reader landed on, and the records it read before it. */
  private landing: { cut: number; records: number } | undefined;
  /** The first cut the first reader has not passed. */
  private next = 0;

  private constructor(
    private readonly file: Blob,
    private readonly cuts: number[],
    private readonly options: SplitOptions,
  ) {}

  /** Undefined when the file is read by one worker. */
  static async plan(file: Blob, options: SplitOptions | undefined): Promise<SplitReading | undefined> {
    if (!options || options.helpers < 1 || file.size < (options.minBytes ?? MIN_SPLIT_BYTES)) return undefined;
    const parts = Math.min(
      MAX_PARTS,
      Math.max(options.helpers + 1, Math.ceil(file.size / (options.partBytes ?? PART_BYTES))),
    );
    const cuts = await chooseCuts(file, parts);
    return cuts.length ? new SplitReading(file, cuts, options) : undefined;
  }

  /**
   * Asks the other workers for parts, one each, and the next whenever one is done, once the
   * header has been read and decided. (A cut inside the header is never landed on, so its part
   * is dropped.)
   */
  start(plan: RowPlan, signal: AbortSignal, onProgress: (rows: number, bytes: number) => void): void {
    if (this.request) return;
    const controller = this.controller;
    signal.addEventListener('abort', () => controller.abort(), { once: true });
    const progress = this.cuts.map(() => ({ rows: 0, bytes: 0 }));
    this.progress = (i) => (rows, bytes) => {
      progress[i] = { rows, bytes };
      onProgress(
        progress.reduce((s, p) => s + p.rows, 0),
        progress.reduce((s, p) => s + p.bytes, 0),
      );
    };
    this.request = (i) => ({ plan, from: this.cuts[i]!, cuts: this.cuts.slice(i + 1) });
    this.queue = this.cuts.map((_, i) => i);
    const takeNext = () => {
      const i = this.queue.shift();
      if (i === undefined || controller.signal.aborted) return;
      this.started[i] = settle(this.options.read(this.request!(i), this.progress(i), controller.signal));
      void this.started[i].then(takeNext);
    };
    for (let h = 0; h < this.options.helpers; h++) takeNext();
  }
  /** A part read by this worker, scored like the others' when it can score. */
  private async readHere(
    request: PartRequest,
    onProgress: (rows: number, bytes: number) => void,
    spec: ModelSpec,
    signal: AbortSignal,
  ): Promise<ReadPart> {
    const part = await readPart(this.file, request, onProgress, this.controller.signal);
    if (this.options.score) part.scored = await this.options.score(spec, part.table, signal);
    return part;
  }

  /**
   * Whether the first reader, at the record numbered `record` starting at `start`, should stop:
   * another worker read on from there. Asked for every row, so it is one comparison until a cut.
   */
  landsAt(start: number, record: number): boolean {
    const cuts = this.cuts;
    if (!this.request || this.next === cuts.length || start < cuts[this.next]!) return false;
    while (this.next < cuts.length && cuts[this.next]! < start) this.next++;
    if (start !== cuts[this.next]) return false;
    this.landing = { cut: start, records: record - 1 };
    return true;
  }

  /** Drops the parts asked for so far: the first reader starts again (another encoding, PapaParse's path). */
  reset(): void {
    if (!this.request) return;
    this.controller.abort();
    this.controller = new AbortController();
    this.started = [];
    this.queue = [];
    this.request = undefined;
    this.landing = undefined;
    this.next = 0;
  }

  /**
   * The first reader's rows joined with the parts it led to, how many workers read them, and
   * their scores when every worker scored its rows (`SplitOptions.score`). Undefined when a part
   * could not be read on the byte path: the caller then reads the whole file as before. Other
   * errors, such as a cancel, are thrown.
   */
  async join(first: CustomerRowsRead, spec: ModelSpec, signal: AbortSignal): Promise<JoinedRead | undefined> {
    try {
      if (!this.landing) return { rows: first, readers: 1 };
      // The parts no other worker has taken yet are read (and scored) here, while they read theirs.
      for (let i = this.queue.shift(); i !== undefined; i = this.queue.shift()) {
        this.started[i] = settle(this.readHere(this.request!(i), this.progress(i), spec, signal));
        await this.started[i];
      }
      const own = this.options.score ? await this.options.score(spec, first.table, signal) : undefined;
      const parts: { part: ReadPart; offset: number }[] = [];
      let { cut, records } = this.landing;
      while (cut >= 0) {
        const outcome = await this.started[this.cuts.indexOf(cut)]!;
        if (!outcome.ok) {
          if (this.controller.signal.aborted) throw outcome.error;
          return undefined;
        }
        parts.push({ part: outcome.part, offset: records });
        records += outcome.part.records;
        cut = outcome.part.landed;
      }
      const scores = parts.map((p) => p.part.scored);
      const everyScore = own && scores.every((s) => s !== undefined);
      return {
        rows: joinParts(first, parts),
        // Every other worker takes a part at the start, so all of them read when parts were joined.
        readers: 1 + Math.min(this.options.helpers, parts.length),
        // The scores of every part, or none: the caller then scores the whole table.
        scored: everyScore ? joinScores(own, scores as Scored[]) : undefined,
      };
    } finally {
      this.controller.abort();
    }
  }
}

type Typed = Float64Array | Float32Array | Uint32Array | Int16Array | Uint8Array;

/**
 * `base` followed by `more`, written into base's own buffer when it has room: the first reader
 * reserves room for the whole file, so the other parts are copied once and nothing else is.
 */
function concat<T extends Typed>(base: T, more: T[], shifts?: number[]): T {
  const total = more.reduce((n, m) => n + m.length, base.length);
  const make = base.constructor as new (buffer: ArrayBufferLike | number, offset?: number, length?: number) => T;
  const roomy = base.byteOffset === 0 && base.buffer.byteLength >= total * base.BYTES_PER_ELEMENT;
  const out = roomy ? new make(base.buffer, 0, total) : new make(total);
  if (!roomy) out.set(base);
  let at = base.length;
  more.forEach((m, j) => {
    out.set(m, at);
    const shift = shifts?.[j] ?? 0;
    if (shift) for (let i = at; i < at + m.length; i++) out[i] = out[i]! + shift;
    at += m.length;
  });
  return out;
}

function joinIds(first: PackedIds, more: PackedIds[]): PackedIds {
  const texts = [first.text];
  const offsets = new Uint32Array(more.reduce((n, m) => n + m.offsets.length - 1, first.offsets.length));
  offsets.set(first.offsets);
  let at = first.offsets.length - 1;
  let base = first.text.length;
  for (const m of more) {
    for (let i = 1; i < m.offsets.length; i++) offsets[at + i] = m.offsets[i]! + base;
    at += m.offsets.length - 1;
    base += m.text.length;
    texts.push(m.text);
  }
  return { text: texts.join(''), offsets };
}

function joinParts(first: CustomerRowsRead, parts: { part: ReadPart; offset: number }[]): CustomerRowsRead {
  const more = parts.map((p) => p.part);
  const table = first.table;
  const issues = [...table.issues];
  for (const { part, offset } of parts)
    for (const issue of part.table.issues) issues.push({ ...issue, row: issue.row + offset });
  const columns = <T extends Typed>(own: Map<string, T>, of: (p: ReadPart) => Map<string, T>) =>
    new Map(
      [...own].map(([name, values]) => [
        name,
        concat(
          values,
          more.map((p) => of(p).get(name)!),
        ),
      ]),
    );
  const rowNumbers = concat(
    first.rowNumbers,
    more.map((p) => p.rowNumbers),
    parts.map((p) => p.offset),
  );
  return {
    table: {
      rowCount: rowNumbers.length,
      numeric: columns(table.numeric, (p) => p.table.numeric),
      missing: columns(table.missing, (p) => p.table.missing),
      codes: columns(table.codes, (p) => p.table.codes),
      rejected: concat(
        table.rejected,
        more.map((p) => p.table.rejected),
      ),
      issues,
    },
    ids: first.ids
      ? joinIds(
          first.ids,
          more.map((p) => p.ids!),
        )
      : null,
    labels: first.labels
      ? concat(
          first.labels,
          more.map((p) => p.labels!),
        )
      : null,
    rowStarts: concat(
      first.rowStarts,
      more.map((p) => p.rowStarts),
    ),
    rowEnds: concat(
      first.rowEnds,
      more.map((p) => p.rowEnds),
    ),
    rowNumbers,
  };
}

/** The parts' scores in order. Times are the first reader's: the other workers' ran beside them. */
function joinScores(own: Scored, more: Scored[]): Scored {
  return {
    probabilities: concat(
      own.probabilities,
      more.map((s) => s.probabilities),
    ),
    featuresMs: own.featuresMs,
    inferenceMs: own.inferenceMs,
  };
}
