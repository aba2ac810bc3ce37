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
  private readonly rowValues = new Map<string, number>();

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
    this.categorical = columns.filter((c): c is CategoricalColumn => c.type === 'categorical')
      .map((column) => ({ column, cell: cellOf(column.name), codes: new Growable(Int16Array), match: categoryMatcher(column) }));
  }

  /** Adds one data row; `row` is its number in the file (header = 1). */
  addRow(cells: readonly string[], row: number): void {
    let rejected = false;
    const note = (kind: IssueKind, column: string, value: string, message: string) => {
      this.issues.push({ row, column, value, kind, message });
      if (kind === 'rejected') rejected = true;
    };

    this.rowValues.clear();
    const blanks: NumericSlot[] = [];
    for (const slot of this.numeric) {
      const text = cells[slot.cell] ?? '';
      const { column } = slot;
      const parsed = parseNumber(text, this.format);
      if (!parsed.ok) {
        note('rejected', column.name, text, `${column.label} "${text}" is not a number${parsed.problem === 'not-finite' ? ' (NaN or infinity)' : ''}.`);
        continue;
      }
      if (parsed.value === null) {
        blanks.push(slot);
        continue;
      }
      const value = parsed.value;
      if (value < column.bounds.min || value > column.bounds.max) {
        note('rejected', column.name, text, `${column.label} ${formatNumber(value)} is impossible (allowed ${formatNumber(column.bounds.min)} to ${formatNumber(column.bounds.max)}).`);
        continue;
      }
      if (value < column.range.min || value > column.range.max) {
        note('out-of-range', column.name, text, `${column.label} ${formatNumber(value)} is outside the training range ${formatNumber(column.range.min)}–${formatNumber(column.range.max)}; the score is an extrapolation.`);
      }
      this.rowValues.set(column.name, value);
    }

    for (const slot of blanks) {
      const { impute, name, label } = slot.column;
      const text = cells[slot.cell] ?? '';
      if ('constant' in impute) {
        this.rowValues.set(name, impute.constant);
        note('imputed', name, text, `${label} is blank; used ${formatNumber(impute.constant)}.`);
        continue;
      }
      const [a, b] = impute.product;
      const x = this.rowValues.get(a);
      const y = this.rowValues.get(b);
      if (x === undefined || y === undefined) {
        note('rejected', name, text, `${label} is blank and cannot be worked out because ${a} or ${b} is unusable.`);
        continue;
      }
      this.rowValues.set(name, x * y);
      note('imputed', name, text, `${label} is blank; used ${a} × ${b} = ${formatNumber(x * y)}.`);
    }

    for (const slot of this.numeric) slot.values.push(rejected ? NaN : (this.rowValues.get(slot.column.name) ?? NaN));

    for (const slot of this.categorical) {
      const text = cells[slot.cell] ?? '';
      const code = slot.match(text);
      const { label, name, categories } = slot.column;
      if (code === BLANK) note('unknown-category', name, text, `${label} is blank; counted as unknown.`);
      else if (code === UNKNOWN) note('unknown-category', name, text, `${label} "${text}" is not one of ${categories.join(', ')}; counted as unknown.`);
      slot.codes.push(code < 0 ? -1 : code);
    }

    this.rejected.push(rejected ? 1 : 0);
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
