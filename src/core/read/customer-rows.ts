import type { Delimiter } from '../csv/detect-delimiter.ts';
import { PackedIdsBuilder, type PackedIds } from '../ids/packed-ids.ts';
import type { ModelSpec } from '../spec/model-spec.ts';
import { outcomeReader } from '../spec/read-outcome.ts';
import type { ColumnTable } from '../table/column-table.ts';
import { Growable } from '../table/growable.ts';
import { TableBuilder } from '../table/table-builder.ts';
import type { RecordCells } from './record-cells.ts';
import { shapeProblem, shorten, WHOLE_ROW } from './row-shape.ts';
import { NOT_SEEN, SeenSpellings } from './seen-spellings.ts';

/** Outcome spellings compared as bytes; beyond them cells are read as text. */
const OUTCOME_SPELLINGS = 16;

/**
 * What the header decided: enough to read any data row of the file, in this worker or another
 * (it is structured-cloned to the workers that read parts of a large file).
 */
export interface RowPlan {
  spec: ModelSpec;
  /** Each spec column's cell. */
  cells: Map<string, number>;
  idCell: number | undefined;
  targetCell: number | undefined;
  headerCount: number;
  delimiter: Delimiter;
}

/** The data rows read so far: typed columns, IDs, outcomes and where each row is in the file. */
export interface CustomerRowsRead {
  table: ColumnTable;
  ids: PackedIds | null;
  /** Every row's outcome, 255 where blank or unknown. */
  labels: Uint8Array | null;
  rowStarts: Float64Array;
  rowEnds: Float64Array;
  rowNumbers: Uint32Array;
}

/**
 * Turns a file's data rows into columns, row by row, as the header's plan says. A row whose
 * length is off, or whose quoting broke, is kept and rejected with its reason.
 */
export class CustomerRows {
  private readonly builder: TableBuilder;
  private readonly ids: PackedIdsBuilder | null;
  private readonly labels: Growable<Uint8Array> | null;
  private readonly rowStarts = new Growable(Float64Array);
  private readonly rowEnds = new Growable(Float64Array);
  private readonly rowNumbers = new Growable(Uint32Array);
  private readonly outcomes = new SeenSpellings(OUTCOME_SPELLINGS);
  private readonly outcome: (text: string) => number;
  private readonly lastModelCell: number;

  constructor(private readonly plan: RowPlan) {
    this.lastModelCell = Math.max(...plan.cells.values());
    // A `;` delimiter almost always comes with decimal commas ("79,40").
    this.builder = new TableBuilder(plan.spec.columns, plan.cells, { decimalComma: plan.delimiter === ';' });
    this.ids = plan.idCell === undefined ? null : new PackedIdsBuilder();
    this.labels = plan.targetCell === undefined ? null : new Growable(Uint8Array);
    this.outcome = outcomeReader(plan.spec.target);
  }

  get length(): number {
    return this.rowNumbers.length;
  }

  /** Room for about `rows` rows, so a good estimate avoids every doubling and its garbage. */
  reserve(rows: number): void {
    for (const g of [this.rowStarts, this.rowEnds, this.rowNumbers, this.labels, this.ids]) g?.reserve(rows);
    this.builder.reserve(rows);
  }

  add(cells: RecordCells, start: number, end: number, row: number, problem: string | undefined): void {
    const { plan } = this;
    // Only a row whose length is off needs all its cells as text, to say what is wrong.
    const misshapen = cells.count > plan.headerCount || cells.count <= this.lastModelCell;
    const broken =
      problem !== undefined
        ? { value: shorten(cells.all().join(plan.delimiter), 200), message: problem }
        : misshapen
          ? shapeProblem(cells.all(), plan.headerCount, this.lastModelCell, plan.delimiter, plan.spec, plan.cells)
          : undefined;
    if (broken) this.builder.addRejectedRow(row, WHOLE_ROW, broken.value, broken.message);
    else this.builder.addCells(cells, row);
    this.rowStarts.push(start);
    this.rowEnds.push(end);
    this.rowNumbers.push(row);
    if (this.ids) this.ids.push(cells.cell(plan.idCell!));
    if (this.labels) {
      const cell = plan.targetCell!;
      let outcome = cells.byteCells ? this.outcomes.codeOf(cells.byteCells, cell) : NOT_SEEN;
      if (outcome === NOT_SEEN) {
        outcome = this.outcome(cells.cell(cell));
        this.outcomes.remember(cells, cell, outcome);
      }
      this.labels.push(outcome);
    }
  }

  finish(): CustomerRowsRead {
    return {
      table: this.builder.finish(),
      ids: this.ids ? this.ids.finish() : null,
      labels: this.labels ? this.labels.finish() : null,
      rowStarts: this.rowStarts.finish(),
      rowEnds: this.rowEnds.finish(),
      rowNumbers: this.rowNumbers.finish(),
    };
  }
}
