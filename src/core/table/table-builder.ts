import { plainCell } from '../read/plain-decimal.ts';
import { arrayCells, type ByteCells, type RecordCells } from '../read/record-cells.ts';
import { NOT_SEEN } from '../read/seen-spellings.ts';
import type { CategoricalColumn, NumericColumn, SpecColumn } from '../spec/model-spec.ts';
import { isMissingCell } from '../values/missing-cell.ts';
import { parseNumber, type NumberFormat } from '../values/parse-number.ts';
import { categoricalSlot, unmatchedLevel, type CategoricalSlot } from './categorical-slot.ts';
import type { ColumnTable, IssueKind, RowIssue } from './column-table.ts';

interface NumericSlot {
  column: NumericColumn;
  cell: number;
  values: Float64Array;
  missing: Uint8Array;
  /** A plain value in [low, high] is within the column's bounds and training range: it needs no note. */
  low: number;
  high: number;
}
const FIRST_CAPACITY = 1024;

// Beyond 1e15 digit grouping runs to hundreds of digits ("1e308"); exponent notation stays readable.
const numberFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });
const formatNumber = (n: number) => (Math.abs(n) >= 1e15 ? n.toExponential() : numberFormat.format(n));

/**
 * Turns streamed rows of cell text into typed columns for the spec's columns,
 * recording every rejection, imputation and unknown value. Shared by the trainer,
 * the worker and the tests so that all three read a file identically.
 */
export class TableBuilder {
  private readonly numeric: NumericSlot[];
  private readonly categorical: CategoricalSlot[];
  private rejected = new Uint8Array(FIRST_CAPACITY);
  /** Rows added so far; every column has room for `capacity`. */
  private length = 0;
  private capacity = FIRST_CAPACITY;
  private readonly issues: RowIssue[] = [];
  /** This row's numeric values, by position in `numeric`; NaN where unusable. */
  private readonly rowScratch: Float64Array;
  /** 1 where this row's numeric cell was missing (blank or a marker), by position in `numeric`. */
  private readonly missingScratch: Uint8Array;
  /** This row's category codes, by position in `categorical`. */
  private readonly codeScratch: Int16Array;
  private readonly numericIndex: Map<string, number>;

  /** `cells` maps each spec column name to the index of the cell that holds it. */
  constructor(
    columns: readonly SpecColumn[],
    cells: ReadonlyMap<string, number>,
    private readonly format: NumberFormat,
  ) {
    const cellOf = (name: string) => {
      const cell = cells.get(name);
      if (cell === undefined) throw new Error(`Column "${name}" is not mapped`);
      return cell;
    };
    // Constant imputations first, so product rules can use imputed inputs.
    const numericColumns = columns
      .filter((c): c is NumericColumn => c.type === 'numeric')
      .sort((a, b) => Number('product' in a.impute) - Number('product' in b.impute));
    this.numeric = numericColumns.map((column) => ({
      column,
      cell: cellOf(column.name),
      values: new Float64Array(FIRST_CAPACITY),
      missing: new Uint8Array(FIRST_CAPACITY),
      low: Math.max(column.range.min, column.bounds?.min ?? -Infinity),
      high: Math.min(column.range.max, column.bounds?.max ?? Infinity),
    }));
    this.numericIndex = new Map(numericColumns.map((c, k) => [c.name, k]));
    this.rowScratch = new Float64Array(numericColumns.length);
    this.missingScratch = new Uint8Array(numericColumns.length);
    this.categorical = columns
      .filter((c): c is CategoricalColumn => c.type === 'categorical')
      .map((column) => categoricalSlot(column, cellOf(column.name), FIRST_CAPACITY));
    this.codeScratch = new Int16Array(this.categorical.length);
  }

  /** Adds one data row; `row` is its number in the file (header = 1). */
  addRow(cells: readonly string[], row: number): void {
    this.addCells(arrayCells(cells), row);
  }

  /** Adds one data row from a reader's cells: only the cells of the spec's columns are decoded. */
  addCells(cells: RecordCells, row: number): void {
    if (cells.byteCells === undefined || !this.addPlainRow(cells.byteCells)) this.addAnyRow(cells, row);
  }

  /**
   * The common row, where every number is a plain decimal within range and every category a
   * spelling already seen: read straight from the bytes, with no note, string, closure or method
   * call per cell. Any other row adds nothing here and goes through `addAnyRow`, which handles
   * every case. Why: on the 1M-row file (Node, load average 1.4 to 4.7) the general path's
   * per-row closures and per-cell calls took 2.1 s of a 4.8 s read; this path and the builder's
   * own arrays (below) brought the whole read to 3.5 s.
   */
  private addPlainRow(cells: ByteCells): boolean {
    // Values go straight to the next row's place; it becomes a row only if every cell is plain.
    if (this.length === this.capacity) this.reserve(this.capacity * 2);
    const at = this.length;
    const numeric = this.numeric;
    const dot = !this.format.decimalComma;
    for (let k = 0; k < numeric.length; k++) {
      const slot = numeric[k]!;
      const plain = plainCell(cells, slot.cell, dot);
      if (!(plain >= slot.low && plain <= slot.high)) return false;
      slot.values[at] = plain;
      slot.missing[at] = 0;
    }
    const categorical = this.categorical;
    for (let k = 0; k < categorical.length; k++) {
      const slot = categorical[k]!;
      const code = slot.spellings.codeOf(cells, slot.cell);
      if (code === NOT_SEEN) return false;
      slot.codes[at] = code;
    }
    this.rejected[at] = 0;
    this.length++;
    return true;
  }

  private addAnyRow(cells: RecordCells, row: number): void {
    // This runs once per row of files with a million rows: no per-row closures or maps.
    const values = this.rowScratch;
    const missing = this.missingScratch;
    values.fill(NaN);
    missing.fill(0);
    let rejected = false;
    let blanks = 0;
    const dot = !this.format.decimalComma;
    this.numeric.forEach((slot, k) => {
      const { column } = slot;
      // Plain decimals are read straight from the bytes; anything else goes through parseNumber.
      const plain = cells.byteCells ? plainCell(cells.byteCells, slot.cell, dot) : NaN;
      if (
        !Number.isNaN(plain) &&
        (!column.bounds || (plain >= column.bounds.min && plain <= column.bounds.max)) &&
        plain >= column.range.min &&
        plain <= column.range.max
      ) {
        values[k] = plain;
        return;
      }
      const text = cells.cell(slot.cell);
      if (isMissingCell(text)) {
        missing[k] = 1;
        blanks++;
        return;
      }
      const parsed = parseNumber(text, this.format);
      if (!parsed.ok || parsed.value === null) {
        const why = !parsed.ok && parsed.problem === 'not-finite' ? ' (NaN or infinity)' : '';
        rejected =
          this.note(row, 'rejected', column.name, text, `${column.label} "${text}" is not a number${why}.`) || rejected;
        return;
      }
      const value = parsed.value;
      const { bounds } = column;
      if (bounds && (value < bounds.min || value > bounds.max)) {
        rejected =
          this.note(
            row,
            'rejected',
            column.name,
            text,
            `${column.label} ${formatNumber(value)} is impossible (allowed ${formatNumber(bounds.min)} to ${formatNumber(bounds.max)}).`,
          ) || rejected;
        return;
      }
      if (value < column.range.min || value > column.range.max) {
        this.note(
          row,
          'out-of-range',
          column.name,
          text,
          `${column.label} ${formatNumber(value)} is outside the training range ${formatNumber(column.range.min)}–${formatNumber(column.range.max)}; the score is an extrapolation.`,
        );
      }
      values[k] = value;
    });

    if (blanks > 0) {
      this.numeric.forEach((slot, k) => {
        if (!missing[k]) return;
        const text = cells.cell(slot.cell);
        const { impute, name, label } = slot.column;
        const what = text.trim() === '' ? `${label} is blank` : `${label} is "${text.trim()}", read as missing`;
        if ('constant' in impute) {
          values[k] = impute.constant;
          this.note(row, 'imputed', name, text, `${what}; used ${formatNumber(impute.constant)}.`);
          return;
        }
        const [a, b] = impute.product;
        const x = values[this.numericIndex.get(a)!]!;
        const y = values[this.numericIndex.get(b)!]!;
        if (Number.isNaN(x) || Number.isNaN(y)) {
          rejected =
            this.note(
              row,
              'rejected',
              name,
              text,
              `${what} and cannot be worked out because ${a} or ${b} is unusable.`,
            ) || rejected;
          return;
        }
        values[k] = x * y;
        this.note(row, 'imputed', name, text, `${what}; used ${a} × ${b} = ${formatNumber(x * y)}.`);
      });
    }

    const codes = this.codeScratch;
    this.categorical.forEach((slot, k) => (codes[k] = this.codeOf(slot, cells, row)));
    const at = this.nextRow();
    this.numeric.forEach((slot, k) => {
      slot.values[at] = rejected ? NaN : values[k]!;
      slot.missing[at] = missing[k]!;
    });
    this.categorical.forEach((slot, k) => (slot.codes[at] = codes[k]!));
    this.rejected[at] = rejected ? 1 : 0;
  }

  /**
   * A cell's category. Exports repeat a few spellings per column, so on the byte path the raw
   * bytes of each matched spelling are kept and compared, and a matching cell never becomes a
   * string: making and hashing a string per cell was a tenth of the read (Node profile, 1M rows).
   * Same bytes in one file's encoding are the same text, so the code is the same.
   */
  private codeOf(slot: CategoricalSlot, cells: RecordCells, row: number): number {
    const seen = cells.byteCells ? slot.spellings.codeOf(cells.byteCells, slot.cell) : NOT_SEEN;
    if (seen !== NOT_SEEN) return seen;
    const text = cells.cell(slot.cell);
    const code = slot.match(text);
    if (code < 0) return this.unmatched(slot, code, text, row);
    slot.spellings.remember(cells, slot.cell, code);
    return code;
  }

  /** The level a blank or unseen value falls into, with the issue that says so. */
  private unmatched(slot: CategoricalSlot, code: number, text: string, row: number): number {
    const level = unmatchedLevel(slot, code, text);
    if (level.note) this.note(row, level.note.kind, slot.column.name, text, level.note.message);
    return level.code;
  }

  /** Room for about `rows` rows, when the caller can estimate them (e.g. from the file size). */
  reserve(rows: number): void {
    if (rows <= this.capacity) return;
    const grow = <T extends Float64Array | Uint8Array | Int16Array>(a: T, make: new (n: number) => T): T => {
      const bigger = new make(rows);
      bigger.set(a.subarray(0, this.length));
      return bigger;
    };
    for (const slot of this.numeric) {
      slot.values = grow(slot.values, Float64Array);
      slot.missing = grow(slot.missing, Uint8Array);
    }
    for (const slot of this.categorical) slot.codes = grow(slot.codes, Int16Array);
    this.rejected = grow(this.rejected, Uint8Array);
    this.capacity = rows;
  }

  /**
   * The index of a new row, with room for it in every column. The builder owns its columns'
   * arrays rather than a Growable each: one Growable.push shared by four array types made its
   * store polymorphic in the hot loop.
   */
  private nextRow(): number {
    if (this.length === this.capacity) this.reserve(this.capacity * 2);
    return this.length++;
  }

  /** Records an issue; true when it rejects the row. */
  private note(row: number, kind: IssueKind, column: string, value: string, message: string): boolean {
    this.issues.push({ row, column, value, kind, message });
    return kind === 'rejected';
  }

  /** Adds a row whose cells cannot be trusted as a whole (a broken quote, too many or too few values): not scored. */
  addRejectedRow(row: number, column: string, value: string, message: string): void {
    this.issues.push({ row, column, value, kind: 'rejected', message });
    const at = this.nextRow();
    for (const slot of this.numeric) {
      slot.values[at] = NaN;
      slot.missing[at] = 0;
    }
    for (const slot of this.categorical) slot.codes[at] = -1;
    this.rejected[at] = 1;
  }

  finish(): ColumnTable {
    const n = this.length;
    return {
      rowCount: n,
      numeric: new Map(this.numeric.map((s) => [s.column.name, s.values.subarray(0, n)])),
      missing: new Map(this.numeric.map((s) => [s.column.name, s.missing.subarray(0, n)])),
      codes: new Map(this.categorical.map((s) => [s.column.name, s.codes.subarray(0, n)])),
      rejected: this.rejected.subarray(0, n),
      issues: this.issues,
    };
  }
}
