import { chooseModel, extraCells } from '../columns/choose-model.ts';
import { headerTargetsOf, mapHeaders } from '../columns/map-headers.ts';
import { DELIMITER_NAMES, type Delimiter } from '../csv/detect-delimiter.ts';
import { ENCODING_NAMES } from '../csv/sniff-file.ts';
import type { ModelSpec } from '../spec/model-spec.ts';
import { headerProblem, WHOLE_ROW } from './row-shape.ts';
import { NOT_AN_OUTCOME, outcomeReader } from '../spec/read-outcome.ts';
import type { ColumnMapping, ExplicitMapping, MappingQuestion } from '../columns/column-mapping.ts';
import { CustomerRows, type CustomerRowsRead, type RowPlan } from './customer-rows.ts';
import type { RecordCells } from './record-cells.ts';
import type { Scored } from '../scoring/score-table.ts';
import { SplitReading, type JoinedRead, type SplitOptions } from './split-reading.ts';
import { streamRows, type RowSink, type StreamedText } from './stream-rows.ts';

const PREVIEW_ROWS = 5;
const ESTIMATE_AFTER_ROWS = 2000;

/** The rows (see `CustomerRowsRead`; `labels` is null when no row has a known outcome) and what the header decided. */
export interface ReadCustomers extends CustomerRowsRead {
  spec: ModelSpec;
  /** Other models whose columns the file has, best first. */
  alternatives: string[];
  headers: string[];
  mapping: ColumnMapping;
  streamed: StreamedText;
  /** How many workers read the rows: 1, or more when parts of a large file were read side by side. */
  readers: number;
  /** Every row's scores when the workers that read the parts also scored them (`SplitOptions.score`). */
  scored?: Scored;
}

export class NeedsMapping extends Error {
  constructor(readonly request: MappingQuestion) {
    super(request.reason);
  }
}

interface Choice {
  spec: ModelSpec;
  /** Other models whose columns the file has, for the page's model switch. */
  alternatives: string[];
  outcome: (text: string) => number;
  cells: Map<string, number>;
  idCell: number | undefined;
  targetCell: number | undefined;
}

/** Decides the model and columns from the header, or explains why it cannot. */
function decide(
  headers: string[],
  fileName: string,
  specs: ModelSpec[],
  explicit: ExplicitMapping | undefined,
  askMapping: boolean,
  preferred: string | undefined,
): Choice | NeedsMapping | Error {
  const extras = (spec: ModelSpec) => ({ ...extraCells(headers, spec), outcome: outcomeReader(spec.target) });
  if (explicit) {
    const spec = specs.find((s) => s.id === explicit.modelId);
    if (!spec) return new Error(`Unknown model ${explicit.modelId}.`);
    return { spec, cells: new Map(Object.entries(explicit.columns)), ...extras(spec), alternatives: [] };
  }
  const chosen = chooseModel(headers, specs, preferred);
  const duplicates = mapHeaders(headers, []).duplicates;
  const proposals = () =>
    specs.map((spec) => {
      const m = mapHeaders(headers, headerTargetsOf(spec.columns));
      return { modelId: spec.id, columns: Object.fromEntries(m.found), missing: m.missing, ambiguous: m.ambiguous };
    });
  if (askMapping)
    return new NeedsMapping({
      fileName,
      headers,
      preview: [],
      proposals: proposals(),
      duplicates,
      reason: 'Check which header feeds each model column, and change any that are wrong.',
    });
  if (!chosen.ok) return new Error(`${fileName}: ${chosen.problem.message}`);
  const { spec, mapping, alternatives } = chosen.value;
  const usedDuplicate = duplicates.some((d) => d.indices.some((i) => [...mapping.found.values()].includes(i)));
  if (mapping.ambiguous.length || usedDuplicate) {
    const reason = mapping.ambiguous.length
      ? `Several headers could be ${mapping.ambiguous.map((a) => `"${a.column}"`).join(', ')}. Choose the right one for each column.`
      : `The file repeats the header ${duplicates.map((d) => `"${d.header}"`).join(', ')}. Choose which column to use.`;
    return new NeedsMapping({ fileName, headers, preview: [], proposals: proposals(), duplicates, reason });
  }
  return { spec, cells: mapping.found, ...extras(spec), alternatives };
}

export async function readCustomers(
  file: Blob,
  fileName: string,
  specs: ModelSpec[],
  explicit: ExplicitMapping | undefined,
  askMapping: boolean,
  onProgress: (rows: number, bytes: number) => void,
  signal: AbortSignal,
  preferred?: string,
  split?: SplitOptions,
): Promise<ReadCustomers> {
  let choice: Choice | undefined;
  let rows: CustomerRows | undefined;
  let headers: string[] = [];
  let pending: NeedsMapping | undefined;
  const splitting = await SplitReading.plan(file, split);
  // Rows and bytes read by this worker and, for a large file, by the others: reported together.
  let own = { rows: 0, bytes: 0 };
  let others = { rows: 0, bytes: 0 };
  const report = () => onProgress(own.rows + others.rows, Math.min(file.size, own.bytes + others.bytes));

  let attempts = 0;
  const makeSink = (bytePath: 'utf-8' | 'windows-1252' | undefined): RowSink => {
    const attempt = ++attempts;
    others = { rows: 0, bytes: 0 };
    pending = undefined;
    choice = undefined;
    rows = undefined;
    // Other workers can only read parts of a UTF-8 file on the byte path, where offsets are bytes.
    const parts = bytePath === 'utf-8' ? splitting : undefined;
    splitting?.reset();
    return {
      header(cells: string[], detected: Delimiter, row: number) {
        const problem = headerProblem(cells, fileName, row);
        if (problem) return problem;
        headers = cells.map((c) => c.trim());
        const decided = decide(headers, fileName, specs, explicit, askMapping, preferred);
        if (decided instanceof NeedsMapping) {
          pending = decided;
          return undefined;
        }
        if (decided instanceof Error) return decided.message;
        choice = decided;
        const plan: RowPlan = {
          spec: decided.spec,
          cells: decided.cells,
          idCell: decided.idCell,
          targetCell: decided.targetCell,
          headerCount: headers.length,
          delimiter: detected,
        };
        rows = new CustomerRows(plan);
        parts?.start(plan, signal, (r, b) => {
          // A part dropped with an earlier attempt may still report.
          if (attempt !== attempts) return;
          others = { rows: r, bytes: b };
          report();
        });
        return undefined;
      },
      row(cells: RecordCells, start: number, end: number, row: number, problem: string | undefined) {
        if (pending) {
          pending.request.preview.push(cells.all());
          return pending.request.preview.length >= PREVIEW_ROWS ? 'stop' : undefined;
        }
        if (parts?.landsAt(start, row)) return 'stop';
        rows!.add(cells, start, end, row, problem);
        if (rows!.length === ESTIMATE_AFTER_ROWS) {
          // Text offsets stand in for bytes (exact for ASCII); a little over-estimate beats doubling a million-row buffer.
          // The whole file's rows even when other workers read parts of it: theirs are joined into these arrays.
          rows!.reserve(Math.ceil((file.size / end) * ESTIMATE_AFTER_ROWS * 1.02));
        }
        return undefined;
      },
      progress(bytes: number) {
        own = { rows: rows?.length ?? 0, bytes };
        report();
      },
    };
  };

  const { streamed } = await streamRows(file, fileName, makeSink, signal);
  if (pending) throw pending;
  if (!choice || !rows) {
    throw new Error(
      `${fileName} is empty: it has no header row. Export the customer list with its column headers and load it again.`,
    );
  }
  const c: Choice = choice;
  const mine = (rows as CustomerRows).finish();
  const joined: JoinedRead | undefined = splitting
    ? await splitting.join(mine, c.spec, signal)
    : { rows: mine, readers: 1 };
  // A part the byte path left to the whole-file read (a broken quote, bytes that are not UTF-8): read it all here.
  if (!joined) return readCustomers(file, fileName, specs, explicit, askMapping, onProgress, signal, preferred);
  const { rows: read, readers, scored } = joined;
  if (read.table.rowCount === 0) {
    throw new Error(
      `${fileName} has a header row but no customer rows. Export the customer list again, with its rows, and load it.`,
    );
  }
  return {
    ...read,
    spec: c.spec,
    alternatives: c.alternatives,
    headers,
    mapping: Object.fromEntries(c.cells),
    // Evaluation needs known outcomes; a column of blanks is no label column.
    labels: read.labels && read.labels.some((v) => v !== NOT_AN_OUTCOME) ? read.labels : null,
    streamed,
    readers,
    scored,
  };
}

export { WHOLE_ROW };

export const describeFormat = (s: StreamedText) => ({
  encoding: ENCODING_NAMES[s.encoding],
  delimiter: DELIMITER_NAMES[s.delimiter],
});
