import { arrayCells, type RecordCells } from '../read/record-cells.ts';
import type { CategoricalColumn, NumericColumn, SpecColumn } from '../spec/model-spec.ts';
import { BLANK, categoryMatcher, UNKNOWN } from '../values/match-category.ts';
import { isMissingCell } from '../values/missing-cell.ts';
import { parseNumber, type NumberFormat } from '../values/parse-number.ts';
import type { ColumnTable, IssueKind, RowIssue } from './column-table.ts';
import { Growable } from './growable.ts';

interface NumericSlot {
  column: NumericColumn;
  cell: number;
  values: Growable<Float64Array>;
  missing: Growable<Uint8Array>;
}
interface CategoricalSlot {
  column: CategoricalColumn;
  cell: number;
  codes: Growable<Int16Array>;
  match: (text: string) => number;
  /** Raw spellings already matched to a category, compared as bytes on the byte path (see `codeOf`). */
  raw: Uint8Array[];
  rawCodes: number[];
  /** Where blank and unseen values go: the spec's "(missing)" and "Other" levels, or unknown (-1). */
  missingCode: number;
  otherCode: number;
}

/** Spellings per column compared as bytes; beyond them cells are matched as text. */
const RAW_SPELLINGS = 16;

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
  private readonly rejected = new Growable(Uint8Array);
  private readonly issues: RowIssue[] = [];
  /** This row's numeric values, by position in `numeric`; NaN where unusable. */
  private readonly rowScratch: Float64Array;
  /** 1 where this row's numeric cell was missing (blank or a marker), by position in `numeric`. */
  private readonly missingScratch: Uint8Array;
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
      values: new Growable(Float64Array),
      missing: new Growable(Uint8Array),
    }));
    this.numericIndex = new Map(numericColumns.map((c, k) => [c.name, k]));
    this.rowScratch = new Float64Array(numericColumns.length);
    this.missingScratch = new Uint8Array(numericColumns.length);
    this.categorical = columns
      .filter((c): c is CategoricalColumn => c.type === 'categorical')
      .map((column) => ({
        column,
        cell: cellOf(column.name),
        codes: new Growable(Int16Array),
        match: categoryMatcher(column),
        raw: [],
        rawCodes: [],
        missingCode: column.missing === undefined ? -1 : column.categories.indexOf(column.missing),
        otherCode: column.other === undefined ? -1 : column.categories.indexOf(column.other),
      }));
  }

  /** Adds one data row; `row` is its number in the file (header = 1). */
  addRow(cells: readonly string[], row: number): void {
    this.addCells(arrayCells(cells), row);
  }

  /** Adds one data row from a reader's cells: only the cells of the spec's columns are decoded. */
  addCells(cells: RecordCells, row: number): void {
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
      const plain = cells.plainNumber ? cells.plainNumber(slot.cell, dot) : NaN;
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

    this.numeric.forEach((slot, k) => {
      slot.values.push(rejected ? NaN : values[k]!);
      slot.missing.push(missing[k]!);
    });

    for (const slot of this.categorical) slot.codes.push(this.codeOf(slot, cells, row));

    this.rejected.push(rejected ? 1 : 0);
  }

  /**
   * A cell's category. Exports repeat a few spellings per column, so on the byte path the raw
   * bytes of each matched spelling are kept and compared, and a matching cell never becomes a
   * string: making and hashing a string per cell was a tenth of the read (Node profile, 1M rows).
   * Same bytes in one file's encoding are the same text, so the code is the same.
   */
  private codeOf(slot: CategoricalSlot, cells: RecordCells, row: number): number {
    if (cells.sameBytes) {
      for (let i = 0; i < slot.raw.length; i++) if (cells.sameBytes(slot.cell, slot.raw[i]!)) return slot.rawCodes[i]!;
    }
    const text = cells.cell(slot.cell);
    const code = slot.match(text);
    if (code < 0) return this.unmatched(slot, code, text, row);
    if (slot.raw.length < RAW_SPELLINGS) {
      const raw = cells.rawBytes?.(slot.cell);
      if (raw) {
        slot.raw.push(raw);
        slot.rawCodes.push(code);
      }
    }
    return code;
  }

  /** The level a blank or unseen value falls into, with the issue that says so. */
  private unmatched(slot: CategoricalSlot, code: number, text: string, row: number): number {
    const { label, name, categories } = slot.column;
    if (code === BLANK) {
      const what = text.trim() === '' ? `${label} is blank` : `${label} is "${text.trim()}", read as missing`;
      if (slot.missingCode >= 0) {
        if (text.trim() !== '') this.note(row, 'imputed', name, text, `${what}; counted as ${slot.column.missing}.`);
        return slot.missingCode;
      }
      this.note(row, 'unknown-category', name, text, `${what}; counted as unknown.`);
      return -1;
    }
    const known = categories.filter((c) => c !== slot.column.other && c !== slot.column.missing);
    if (slot.otherCode >= 0) {
      this.note(
        row,
        'unknown-category',
        name,
        text,
        `${label} "${text}" is not one of ${known.join(', ')}; counted as ${slot.column.other}.`,
      );
      return slot.otherCode;
    }
    this.note(
      row,
      'unknown-category',
      name,
      text,
      `${label} "${text}" is not one of ${known.join(', ')}; counted as unknown.`,
    );
    return UNKNOWN;
  }

  /** Room for about `rows` rows, when the caller can estimate them (e.g. from the file size). */
  reserve(rows: number): void {
    for (const slot of this.numeric) {
      slot.values.reserve(rows);
      slot.missing.reserve(rows);
    }
    for (const slot of this.categorical) slot.codes.reserve(rows);
    this.rejected.reserve(rows);
  }

  /** Records an issue; true when it rejects the row. */
  private note(row: number, kind: IssueKind, column: string, value: string, message: string): boolean {
    this.issues.push({ row, column, value, kind, message });
    return kind === 'rejected';
  }

  /** Adds a row whose cells cannot be trusted as a whole (a broken quote, too many or too few values): not scored. */
  addRejectedRow(row: number, column: string, value: string, message: string): void {
    this.issues.push({ row, column, value, kind: 'rejected', message });
    for (const slot of this.numeric) {
      slot.values.push(NaN);
      slot.missing.push(0);
    }
    for (const slot of this.categorical) slot.codes.push(-1);
    this.rejected.push(1);
  }

  finish(): ColumnTable {
    return {
      rowCount: this.rejected.length,
      numeric: new Map(this.numeric.map((s) => [s.column.name, s.values.finish()])),
      missing: new Map(this.numeric.map((s) => [s.column.name, s.missing.finish()])),
      codes: new Map(this.categorical.map((s) => [s.column.name, s.codes.finish()])),
      rejected: this.rejected.finish(),
      issues: this.issues,
    };
  }
}
