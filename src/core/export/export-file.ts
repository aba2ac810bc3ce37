import { ByteWriter } from './byte-writer.ts';
import { csvRow } from './csv-field.ts';
import { csvLineWriter, type CsvRow } from './csv-lines.ts';
import { decisionColumns, type ExportDecision } from './decision-columns.ts';
import { exportFileName, type ExportKind } from './export-name.ts';
import { SCORED_COLUMNS } from './scored-columns.ts';
import { neutraliseCell } from './spreadsheet-safety.ts';
import { writeTerms } from '../explain/feature-terms.ts';
import { planFeatures } from '../model-input/feature-plan.ts';
import type { LazyRowBlock } from '../read/row-source.ts';
import { dataRowIndex, headerText, rowBlock, type ScoredJob } from '../read/scored-job.ts';
import { Cancelled } from '../cancelled.ts';

const BATCH = 10_000;
const BOM = '\uFEFF';

function rejectionsByRow(job: ScoredJob): Map<number, string> {
  const out = new Map<number, string>();
  for (const issue of job.read.table.issues) {
    if (issue.kind !== 'rejected') continue;
    // Issues carry the file's row number, which blank and multi-line rows move away from the data index.
    const index = dataRowIndex(job.read, issue.row);
    out.set(index, out.has(index) ? `${out.get(index)} ${issue.message}` : issue.message);
  }
  return out;
}

export interface Built {
  /** The export, unless it was written to `sink`. */
  blob: Blob | undefined;
  fileName: string;
  rows: number;
}

/**
 * Where an export goes when not into one Blob: a stream of Blob parts (a file the person chose),
 * or a function given each part's bytes, which are its own (the command line's file or stdout).
 */
export type ExportSink = WritableStream<Blob> | ((bytes: Uint8Array) => Promise<void>);

type Part = string | Uint8Array<ArrayBuffer> | Blob;

/** Writes each part to the sink, waiting for the disk as it goes. */
function streamTo(sink: ExportSink): {
  write(part: Part): Promise<void>;
  close(): Promise<void>;
  abort(): Promise<void>;
} {
  if (typeof sink === 'function') {
    const encoder = new TextEncoder();
    // A copy: the export writes its next batch into the same buffer.
    return {
      write: async (part) =>
        sink(
          typeof part === 'string'
            ? encoder.encode(part)
            : part instanceof Blob
              ? new Uint8Array(await part.arrayBuffer())
              : part.slice(),
        ),
      close: async () => {},
      abort: async () => {},
    };
  }
  const writer = sink.getWriter();
  return {
    write: (part) => writer.write(part instanceof Blob ? part : new Blob([part])),
    close: () => writer.close(),
    abort: () => writer.abort(),
  };
}

/**
 * Builds an export in batches, so even a ten-million-row file never exists as one string:
 * straight into Blob parts, or, given a `sink` (a file chosen with showSaveFilePicker, or the
 * command line's output), onto the disk batch by batch so no Blob of the whole export is
 * assembled either. Original rows are copied as they were, unless a cell would run as a
 * spreadsheet formula.
 */
export async function buildExport(
  job: ScoredJob,
  kind: ExportKind,
  threshold: number,
  onProgress: (rows: number) => void,
  signal: AbortSignal,
  sink?: ExportSink,
  decision?: ExportDecision,
  atRisk?: Uint8Array,
): Promise<Built> {
  if (!sink) return buildExportTo(job, kind, threshold, onProgress, signal, undefined, decision, atRisk);
  const stream = streamTo(sink);
  try {
    const built = await buildExportTo(job, kind, threshold, onProgress, signal, stream.write, decision, atRisk);
    await stream.close();
    return built;
  } catch (error) {
    // An aborted write leaves the chosen file as it was.
    await stream.abort().catch(() => {});
    throw error;
  }
}

async function buildExportTo(
  job: ScoredJob,
  kind: ExportKind,
  threshold: number,
  onProgress: (rows: number) => void,
  signal: AbortSignal,
  write: ((part: Part) => Promise<void>) | undefined,
  decision: ExportDecision | undefined,
  atRisk: Uint8Array | undefined,
): Promise<Built> {
  const parts: Blob[] = [];
  const put = async (part: Part) =>
    write ? write(part) : void parts.push(part instanceof Blob ? part : new Blob([part]));
  const fileName = exportFileName(job.fileName, kind);
  if (kind === 'issues') {
    const issues = issuesBlob(job);
    await put(issues.blob);
    return { blob: write ? undefined : issues.blob, fileName, rows: issues.rows };
  }
  const { read, probabilities } = job;
  if (atRisk && atRisk.length !== probabilities.length)
    throw new Error('The at-risk list does not belong to these results. Choose the file again.');
  // At risk: on the page's list when it set one (the campaign's best N), else at or above the threshold.
  const isFlagged = atRisk ? (row: number) => atRisk[row] === 1 : (row: number) => probabilities[row]! >= threshold;
  const plan = planFeatures(read.spec, read.table);
  // The page's campaign and what-if columns, when it asked for them (expected_benefit, best_action, …).
  const decided = decisionColumns(read.spec, plan, read.table.numeric, decision);
  const rejections = rejectionsByRow(job);
  const delimiter = read.streamed.delimiter;
  const columns = read.headers.length;
  const writeLine = csvLineWriter({ spec: read.spec, plan, delimiter, columns, decided });
  const width = plan.length;
  const terms = new Float64Array(Math.min(BATCH, read.table.rowCount) * width);
  const out = new ByteWriter();
  let written = 0;
  // The JSON shape starts with its totals, so they are counted first and the rows can stream after them.
  let scored = 0;
  let flaggedTotal = 0;
  for (let i = 0; i < probabilities.length; i++) {
    if (Number.isNaN(probabilities[i]!)) continue;
    scored++;
    if (isFlagged(i)) flaggedTotal++;
  }

  if (kind !== 'json')
    await put(
      `${BOM}${await headerText(read)}${delimiter}${[...SCORED_COLUMNS, ...decided.names].join(delimiter)}\r\n`,
    );
  else await put(`{"total_customers":${scored},"churn_risk_count":${flaggedTotal},"results":[`);

  // One row's values for the line writer, reused from row to row.
  let block: LazyRowBlock | undefined;
  let cells: string[][] | undefined;
  let index = 0;
  const line: CsvRow = {
    row: 0,
    text: '',
    cells: () => (cells ??= block!.cells())[index]!,
    rejected: false,
    probability: NaN,
    flagged: false,
    issue: '',
    offset: 0,
  };
  for (let start = 0; start < read.table.rowCount; start += BATCH) {
    if (signal.aborted) throw new Cancelled();
    const end = Math.min(read.table.rowCount, start + BATCH);
    // Cells only when a row cannot be copied as it is (and for JSON, which names every cell).
    block = await rowBlock(read, start, end);
    cells = kind === 'json' ? block.cells() : undefined;
    writeTerms(read.spec, plan, start, end, terms);
    const lines: string[] = [];
    out.clear();
    for (let i = start; i < end; i++) {
      const p = probabilities[i]!;
      const offset = (i - start) * width;
      const flagged = !Number.isNaN(p) && isFlagged(i);
      if (kind === 'json') {
        if (Number.isNaN(p)) continue;
        const row = cells![i - start]!;
        const result: Record<string, string | number | null> = {};
        read.headers.forEach((h, c) => {
          result[h] = row[c] ?? '';
        });
        result.churn_probability = Number(p.toFixed(4));
        result.churn_prediction = flagged ? 1 : 0;
        const decidedCells = decided.cells(i, p, terms, offset);
        decided.names.forEach((name, k) => {
          result[name] = decidedJson(name, decidedCells[k]!);
        });
        lines.push(JSON.stringify(result));
        continue;
      }
      if (kind === 'csv-at-risk' && !flagged) continue;
      index = i - start;
      line.row = i;
      line.text = block.texts[index]!;
      line.rejected = read.table.rejected[i] === 1;
      line.probability = p;
      line.flagged = flagged;
      line.issue = rejections.size ? (rejections.get(i) ?? '') : '';
      line.offset = offset;
      out.add(writeLine(line, terms));
      written++;
    }
    if (kind === 'json' && lines.length) await put(`${written ? ',' : ''}${lines.join(',')}`);
    else if (kind !== 'json') {
      const bytes = out.written();
      if (bytes.length) await put(bytes);
    }
    written += lines.length;
    onProgress(end);
    // Yield so a cancel message can arrive between batches.
    await new Promise((r) => setTimeout(r, 0));
  }

  if (kind === 'json') await put(']}');
  const type = kind === 'json' ? 'application/json' : 'text/csv;charset=utf-8';
  return { blob: write ? undefined : new Blob(parts, { type }), fileName, rows: written };
}

/** A decision cell for the JSON export: amounts and probabilities as numbers, a blank as null, the action as text. */
const decidedJson = (name: string, cell: string): string | number | null =>
  cell === '' ? null : name === 'best_action' ? cell : Number(cell);

function issuesBlob(job: ScoredJob): { blob: Blob; rows: number } {
  const issues = job.read.table.issues;
  const lines = issues.map(
    (i) => `${csvRow([String(i.row), i.column, i.value, i.kind, i.message].map(neutraliseCell), ',')}\r\n`,
  );
  return {
    blob: new Blob([BOM, 'row,column,value,kind,message\r\n', ...lines], { type: 'text/csv;charset=utf-8' }),
    rows: issues.length,
  };
}
