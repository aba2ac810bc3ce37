import { chooseModel, extraCells } from '../columns/choose-model.ts';
import { headerTargetsOf, mapHeaders } from '../columns/map-headers.ts';
import { DELIMITER_NAMES, type Delimiter } from '../csv/detect-delimiter.ts';
import { ENCODING_NAMES } from '../csv/sniff-file.ts';
import { PackedIdsBuilder, type PackedIds } from '../ids/packed-ids.ts';
import type { ModelSpec } from '../spec/model-spec.ts';
import type { ColumnTable } from '../table/column-table.ts';
import { Growable } from '../table/growable.ts';
import { TableBuilder } from '../table/table-builder.ts';
import { headerProblem, shapeProblem, shorten, WHOLE_ROW } from './row-shape.ts';
import { outcomeReader } from '../spec/read-outcome.ts';
import type { ColumnMapping, ExplicitMapping, MappingQuestion } from '../columns/column-mapping.ts';
import type { RecordCells } from './record-cells.ts';
import { NOT_SEEN, SeenSpellings } from './seen-spellings.ts';
import { streamRows, type RowSink, type StreamedText } from './stream-rows.ts';

const PREVIEW_ROWS = 5;
const ESTIMATE_AFTER_ROWS = 2000;
/** Outcome spellings compared as bytes; beyond them cells are read as text. */
const OUTCOME_SPELLINGS = 16;

export interface ReadCustomers {
  spec: ModelSpec;
  /** Other models whose columns the file has, best first. */
  alternatives: string[];
  headers: string[];
  mapping: ColumnMapping;
  table: ColumnTable;
  /** Customer IDs, packed as they were read. */
  ids: PackedIds | null;
  labels: Uint8Array | null;
  /** Global text offsets of each data row, for copying it into exports. */
  rowStarts: Float64Array;
  rowEnds: Float64Array;
  /** Each data row's number in the file as a spreadsheet shows it (header = 1, blank rows counted). */
  rowNumbers: Uint32Array;
  streamed: StreamedText;
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
): Promise<ReadCustomers> {
  let choice: Choice | undefined;
  let builder: TableBuilder | undefined;
  let headers: string[] = [];
  let ids: PackedIdsBuilder | null = null;
  let labels: Growable<Uint8Array> | null = null;
  let rowStarts = new Growable(Float64Array);
  let rowEnds = new Growable(Float64Array);
  let rowNumbers = new Growable(Uint32Array);
  let pending: NeedsMapping | undefined;
  let delimiter: Delimiter = ',';
  let lastModelCell = 0;
  let outcomes = new SeenSpellings(OUTCOME_SPELLINGS);

  const makeSink = (): RowSink => {
    rowStarts = new Growable(Float64Array);
    rowEnds = new Growable(Float64Array);
    rowNumbers = new Growable(Uint32Array);
    pending = undefined;
    choice = undefined;
    builder = undefined;
    return {
      header(cells: string[], detected: Delimiter, row: number) {
        const problem = headerProblem(cells, fileName, row);
        if (problem) return problem;
        headers = cells.map((c) => c.trim());
        delimiter = detected;
        const decided = decide(headers, fileName, specs, explicit, askMapping, preferred);
        if (decided instanceof NeedsMapping) {
          pending = decided;
          return undefined;
        }
        if (decided instanceof Error) return decided.message;
        choice = decided;
        lastModelCell = Math.max(...decided.cells.values());
        // A `;` delimiter almost always comes with decimal commas ("79,40").
        builder = new TableBuilder(decided.spec.columns, decided.cells, { decimalComma: delimiter === ';' });
        ids = decided.idCell === undefined ? null : new PackedIdsBuilder();
        labels = decided.targetCell === undefined ? null : new Growable(Uint8Array);
        outcomes = new SeenSpellings(OUTCOME_SPELLINGS);
        return undefined;
      },
      row(cells: RecordCells, start: number, end: number, row: number, problem: string | undefined) {
        if (pending) {
          pending.request.preview.push(cells.all());
          return pending.request.preview.length >= PREVIEW_ROWS ? 'stop' : undefined;
        }
        const c = choice!;
        // Only a row whose length is off needs all its cells as text, to say what is wrong.
        const misshapen = cells.count > headers.length || cells.count <= lastModelCell;
        const broken =
          problem !== undefined
            ? { value: shorten(cells.all().join(delimiter), 200), message: problem }
            : misshapen
              ? shapeProblem(cells.all(), headers.length, lastModelCell, delimiter, c.spec, c.cells)
              : undefined;
        if (broken) builder!.addRejectedRow(row, WHOLE_ROW, broken.value, broken.message);
        else builder!.addCells(cells, row);
        rowStarts.push(start);
        rowEnds.push(end);
        rowNumbers.push(row);
        if (rowNumbers.length === ESTIMATE_AFTER_ROWS) {
          // Text offsets stand in for bytes (exact for ASCII); a little over-estimate beats doubling a million-row buffer.
          const rows = Math.ceil((file.size / end) * ESTIMATE_AFTER_ROWS * 1.02);
          for (const g of [rowStarts, rowEnds, rowNumbers, labels, ids]) g?.reserve(rows);
          builder!.reserve(rows);
        }
        if (ids) ids.push(cells.cell(c.idCell!));
        if (labels) {
          const cell = c.targetCell!;
          let outcome = cells.byteCells ? outcomes.codeOf(cells.byteCells, cell) : NOT_SEEN;
          if (outcome === NOT_SEEN) {
            outcome = c.outcome(cells.cell(cell));
            outcomes.remember(cells, cell, outcome);
          }
          labels.push(outcome);
        }
        return undefined;
      },
      progress(bytes: number) {
        onProgress(rowNumbers.length, bytes);
      },
    };
  };

  const { streamed } = await streamRows(file, fileName, makeSink, signal);
  if (pending) throw pending;
  if (!choice || !builder) {
    throw new Error(
      `${fileName} is empty: it has no header row. Export the customer list with its column headers and load it again.`,
    );
  }
  const c: Choice = choice;
  const table = (builder as TableBuilder).finish();
  if (table.rowCount === 0) {
    throw new Error(
      `${fileName} has a header row but no customer rows. Export the customer list again, with its rows, and load it.`,
    );
  }
  const labelValues = labels ? (labels as Growable<Uint8Array>).finish() : null;
  return {
    spec: c.spec,
    alternatives: c.alternatives,
    headers,
    mapping: Object.fromEntries(c.cells),
    table,
    ids: ids ? (ids as PackedIdsBuilder).finish() : null,
    // Evaluation needs known outcomes; a column of blanks is no label column.
    labels: labelValues && labelValues.some((v) => v !== 255) ? labelValues : null,
    rowStarts: rowStarts.finish(),
    rowEnds: rowEnds.finish(),
    rowNumbers: rowNumbers.finish(),
    streamed,
  };
}

export { WHOLE_ROW };

export const describeFormat = (s: StreamedText) => ({
  encoding: ENCODING_NAMES[s.encoding],
  delimiter: DELIMITER_NAMES[s.delimiter],
});
