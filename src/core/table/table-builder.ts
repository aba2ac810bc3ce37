import type { CategoricalColumn, NumericColumn, SpecColumn } from '../spec/model-spec.ts';
import { BLANK, categoryMatcher, UNKNOWN } from '../values/match-category.ts';
import { parseNumber, type NumberFormat } from '../values/parse-number.ts';
import type { ColumnTable, IssueKind, RowIssue } from './column-table.ts';
import { Growable } from './growable.ts';

interface NumericSlot { column: NumericColumn; cell: number; values: Growable<Float64Array> }
interface CategoricalSlot { column: CategoricalColumn; cell: number; codes: Growable<Int16Array>; match: (text: string) => number }

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
  private readonly numericIndex: Map<string, number>;

  /** `cells` maps each spec column name to the index of the cell that holds it. */
  constructor(columns: readonly SpecColumn[], cells: ReadonlyMap<string, number>, private readonly format: NumberFormat) {
    const cellOf = (name: string) => {
      const cell = cells.get(name);
      if (cell === undefined) throw new Error(`Column "${name}" is not mapped`);
      return cell;
    };
    // Constant imputations first, so product rules can use imputed inputs.
    const numericColumns = columns.filter((c): c is NumericColumn => c.type === 'numeric')
      .sort((a, b) => Number('product' in a.impute) - Number('product' in b.impute));
    this.numeric = numericColumns.map((column) => ({ column, cell: cellOf(column.name), values: new Growable(Float64Array) }));
    this.numericIndex = new Map(numericColumns.map((c, k) => [c.name, k]));
    this.rowScratch = new Float64Array(numericColumns.length);
    this.categorical = columns.filter((c): c is CategoricalColumn => c.type === 'categorical')
      .map((column) => ({ column, cell: cellOf(column.name), codes: new Growable(Int16Array), match: categoryMatcher(column) }));
  }

  /** Adds one data row; `row` is its number in the file (header = 1). */
  addRow(cells: readonly string[], row: number): void {
    // This runs once per row of files with a million rows: no per-row closures or maps.
    const values = this.rowScratch;
    values.fill(NaN);
    let rejected = false;
    let blanks = 0;
    this.numeric.forEach((slot, k) => {
      const text = cells[slot.cell] ?? '';
      const { column } = slot;
      const parsed = parseNumber(text, this.format);
      if (!parsed.ok) {
        rejected = this.note(row, 'rejected', column.name, text, `${column.label} "${text}" is not a number${parsed.problem === 'not-finite' ? ' (NaN or infinity)' : ''}.`) || rejected;
        return;
      }
      if (parsed.value === null) {
        blanks++;
        return;
      }
      const value = parsed.value;
      if (value < column.bounds.min || value > column.bounds.max) {
        rejected = this.note(row, 'rejected', column.name, text, `${column.label} ${formatNumber(value)} is impossible (allowed ${formatNumber(column.bounds.min)} to ${formatNumber(column.bounds.max)}).`) || rejected;
        return;
      }
      if (value < column.range.min || value > column.range.max) {
        this.note(row, 'out-of-range', column.name, text, `${column.label} ${formatNumber(value)} is outside the training range ${formatNumber(column.range.min)}–${formatNumber(column.range.max)}; the score is an extrapolation.`);
      }
      values[k] = value;
    });

    if (blanks > 0) {
      this.numeric.forEach((slot, k) => {
        const text = cells[slot.cell] ?? '';
        if (text.trim() !== '') return;
        const { impute, name, label } = slot.column;
        if ('constant' in impute) {
          values[k] = impute.constant;
          this.note(row, 'imputed', name, text, `${label} is blank; used ${formatNumber(impute.constant)}.`);
          return;
        }
        const [a, b] = impute.product;
        const x = values[this.numericIndex.get(a)!]!;
        const y = values[this.numericIndex.get(b)!]!;
        if (Number.isNaN(x) || Number.isNaN(y)) {
          rejected = this.note(row, 'rejected', name, text, `${label} is blank and cannot be worked out because ${a} or ${b} is unusable.`) || rejected;
          return;
        }
        values[k] = x * y;
        this.note(row, 'imputed', name, text, `${label} is blank; used ${a} × ${b} = ${formatNumber(x * y)}.`);
      });
    }

    this.numeric.forEach((slot, k) => slot.values.push(rejected ? NaN : values[k]!));

    for (const slot of this.categorical) {
      const text = cells[slot.cell] ?? '';
      const code = slot.match(text);
      const { label, name, categories } = slot.column;
      if (code === BLANK) this.note(row, 'unknown-category', name, text, `${label} is blank; counted as unknown.`);
      else if (code === UNKNOWN) this.note(row, 'unknown-category', name, text, `${label} "${text}" is not one of ${categories.join(', ')}; counted as unknown.`);
      slot.codes.push(code < 0 ? -1 : code);
    }

    this.rejected.push(rejected ? 1 : 0);
  }

  /** Room for about `rows` rows, when the caller can estimate them (e.g. from the file size). */
  reserve(rows: number): void {
    for (const slot of this.numeric) slot.values.reserve(rows);
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
    for (const slot of this.numeric) slot.values.push(NaN);
    for (const slot of this.categorical) slot.codes.push(-1);
    this.rejected.push(1);
  }

  finish(): ColumnTable {
    return {
      rowCount: this.rejected.length,
      numeric: new Map(this.numeric.map((s) => [s.column.name, s.values.finish()])),
      codes: new Map(this.categorical.map((s) => [s.column.name, s.codes.finish()])),
      rejected: this.rejected.finish(),
      issues: this.issues,
    };
  }
}
