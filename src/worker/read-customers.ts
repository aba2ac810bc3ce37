import { chooseModel } from '../core/columns/choose-model.ts';
import { headerTargetsOf, mapHeaders } from '../core/columns/map-headers.ts';
import { DELIMITER_NAMES, type Delimiter } from '../core/csv/detect-delimiter.ts';
import { ENCODING_NAMES } from '../core/csv/sniff-file.ts';
import type { ModelSpec } from '../core/spec/model-spec.ts';
import type { ColumnTable } from '../core/table/column-table.ts';
import { Growable } from '../core/table/growable.ts';
import { TableBuilder } from '../core/table/table-builder.ts';
import { normaliseCategory } from '../core/values/match-category.ts';
import type { ColumnMapping, ExplicitMapping, MappingRequest } from './protocol.ts';
import { streamRows, type RowSink, type StreamedText } from './stream-rows.ts';

const PREVIEW_ROWS = 5;

export interface ReadCustomers {
  spec: ModelSpec;
  headers: string[];
  mapping: ColumnMapping;
  table: ColumnTable;
  ids: string[] | null;
  labels: Uint8Array | null;
  /** Global text offsets of each data row, for copying it into exports. */
  rowStarts: Float64Array;
  rowEnds: Float64Array;
  streamed: StreamedText;
}

export class NeedsMapping extends Error {
  constructor(readonly request: Omit<MappingRequest, 'job'>) {
    super(request.reason);
  }
}

interface Choice {
  spec: ModelSpec;
  cells: Map<string, number>;
  idCell: number | undefined;
  targetCell: number | undefined;
}

/** Decides the model and columns from the header, or explains why it cannot. */
function decide(headers: string[], fileName: string, specs: ModelSpec[], explicit: ExplicitMapping | undefined, askMapping: boolean): Choice | NeedsMapping | Error {
  const extras = (spec: ModelSpec) => {
    const found = mapHeaders(headers, [spec.id_column, { name: spec.target.column, aliases: [] }]).found;
    return { idCell: found.get(spec.id_column.name), targetCell: found.get(spec.target.column) };
  };
  if (explicit) {
    const spec = specs.find((s) => s.id === explicit.modelId);
    if (!spec) return new Error(`Unknown model ${explicit.modelId}.`);
    return { spec, cells: new Map(Object.entries(explicit.columns)), ...extras(spec) };
  }
  const chosen = chooseModel(headers, specs);
  const duplicates = mapHeaders(headers, []).duplicates;
  const proposals = () => specs.map((spec) => {
    const m = mapHeaders(headers, headerTargetsOf(spec.columns));
    return { modelId: spec.id, columns: Object.fromEntries(m.found), missing: m.missing, ambiguous: m.ambiguous };
  });
  if (askMapping) return new NeedsMapping({ fileName, headers, preview: [], proposals: proposals(), duplicates, reason: 'Check which header feeds each model column, and change any that are wrong.' });
  if (!chosen.ok) return new Error(`${fileName}: ${chosen.problem.message}`);
  const { spec, mapping } = chosen.value;
  const usedDuplicate = duplicates.some((d) => d.indices.some((i) => [...mapping.found.values()].includes(i)));
  if (mapping.ambiguous.length || usedDuplicate) {
    const reason = mapping.ambiguous.length
      ? `Several headers could be ${mapping.ambiguous.map((a) => `"${a.column}"`).join(', ')}. Choose the right one for each column.`
      : `The file repeats the header ${duplicates.map((d) => `"${d.header}"`).join(', ')}. Choose which column to use.`;
    return new NeedsMapping({ fileName, headers, preview: [], proposals: proposals(), duplicates, reason });
  }
  return { spec, cells: mapping.found, ...extras(spec) };
}

export async function readCustomers(file: Blob, fileName: string, specs: ModelSpec[], explicit: ExplicitMapping | undefined, askMapping: boolean, onProgress: (rows: number, bytes: number) => void, signal: AbortSignal): Promise<ReadCustomers> {
  let choice: Choice | undefined;
  let builder: TableBuilder | undefined;
  let headers: string[] = [];
  let ids: string[] | null = null;
  let labels: Growable<Uint8Array> | null = null;
  let rowStarts = new Growable(Float64Array);
  let rowEnds = new Growable(Float64Array);
  let pending: NeedsMapping | undefined;
  let row = 1;

  const makeSink = (): RowSink => {
    row = 1;
    rowStarts = new Growable(Float64Array);
    rowEnds = new Growable(Float64Array);
    return {
      header(cells: string[], delimiter: Delimiter) {
        headers = cells.map((c) => c.trim());
        const decided = decide(headers, fileName, specs, explicit, askMapping);
        if (decided instanceof NeedsMapping) {
          pending = decided;
          return undefined;
        }
        if (decided instanceof Error) return decided.message;
        choice = decided;
        // A `;` delimiter almost always comes with decimal commas ("79,40").
        builder = new TableBuilder(decided.spec.columns, decided.cells, { decimalComma: delimiter === ';' });
        ids = decided.idCell === undefined ? null : [];
        labels = decided.targetCell === undefined ? null : new Growable(Uint8Array);
        return undefined;
      },
      row(cells: string[], start: number, end: number) {
        row++;
        if (pending) {
          pending.request.preview.push(cells);
          if (pending.request.preview.length >= PREVIEW_ROWS) throw new Cancelled();
          return;
        }
        const c = choice!;
        builder!.addRow(cells, row);
        rowStarts.push(start);
        rowEnds.push(end);
        if (ids) ids.push(cells[c.idCell!] ?? '');
        if (labels) {
          const v = normaliseCategory(cells[c.targetCell!] ?? '');
          labels.push(v === normaliseCategory(c.spec.target.positive) ? 1 : v === normaliseCategory(c.spec.target.negative) ? 0 : 255);
        }
      },
      progress(bytes: number) {
        onProgress(row - 1, bytes);
      },
    };
  };

  let streamed: StreamedText;
  try {
    ({ streamed } = await streamRows(file, fileName, makeSink, signal));
  } catch (error) {
    if (pending && error instanceof Cancelled) throw pending;
    throw error;
  }
  if (pending) throw pending;
  if (!choice || !builder) {
    throw new Error(`${fileName} is empty: it has no header row. Export the customer list with its column headers and load it again.`);
  }
  const c: Choice = choice;
  const labelValues = labels ? (labels as Growable<Uint8Array>).finish() : null;
  return {
    spec: c.spec,
    headers,
    mapping: Object.fromEntries(c.cells),
    table: builder.finish(),
    ids,
    // Evaluation needs known outcomes; a column of blanks is no label column.
    labels: labelValues && labelValues.some((v) => v !== 255) ? labelValues : null,
    rowStarts: rowStarts.finish(),
    rowEnds: rowEnds.finish(),
    streamed,
  };
}

/** Stops reading once the mapping preview has its rows. */
class Cancelled extends Error {}

export const describeFormat = (s: StreamedText) => ({ encoding: ENCODING_NAMES[s.encoding], delimiter: DELIMITER_NAMES[s.delimiter] });
