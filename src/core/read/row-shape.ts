import { DELIMITER_NAMES, type Delimiter } from '../csv/detect-delimiter.ts';
import type { ModelSpec } from '../spec/model-spec.ts';

// Row-shape checks: whether a first row can be a header, and whether a data row's values can
// be matched to the headers. Plain functions of the cells, shared by every reader path.

/** Headers are column names: a first row beyond these sizes is something else (a 10 MB line, a swallowed file). */
const MAX_HEADER_CELLS = 10_000;
const MAX_HEADER_LENGTH = 1_000;
/** Row-level issues (broken quotes, ragged rows) name no column. */
export const WHOLE_ROW = 'whole row';

const count = (n: number) => n.toLocaleString('en-US');
export const shorten = (text: string, max = 80) => (text.length > max ? `${text.slice(0, max)}…` : text);

export function headerProblem(cells: readonly string[], fileName: string, row: number): string | undefined {
  const advice = 'Check that this is a CSV export of customers whose first row names the columns.';
  if (cells.length > MAX_HEADER_CELLS)
    return `${fileName}: row ${row} should be the header, but it has ${count(cells.length)} values, far more than any customer export has columns. ${advice}`;
  const longest = cells.reduce((a, b) => (b.length > a.length ? b : a), '');
  if (longest.length > MAX_HEADER_LENGTH)
    return `${fileName}: row ${row} should be the header, but it holds a value ${count(longest.length)} characters long, not a column name. ${advice}`;
  return undefined;
}

/**
 * Why a row's cells cannot be matched to the headers, if they cannot. More non-blank
 * values than headers means a value was split (an unquoted delimiter, as in 1,234.50),
 * so every value after it may sit under the wrong header; fewer values than the last
 * model column means the row was cut short (often half of a record broken by an
 * unquoted line break). Scoring either would give a confident number from wrong inputs.
 * Short rows that lack only columns the model does not use are scored as they are.
 */
export function shapeProblem(
  cells: readonly string[],
  headerCount: number,
  lastModelCell: number,
  delimiter: Delimiter,
  spec: ModelSpec,
  cellOf: ReadonlyMap<string, number>,
): { value: string; message: string } | undefined {
  if (cells.length > headerCount) {
    const extra = cells.slice(headerCount);
    if (extra.every((c) => c.trim() === '')) return undefined;
    const shown =
      extra
        .slice(0, 3)
        .map((c) => `"${shorten(c, 40)}"`)
        .join(', ') + (extra.length > 3 ? ', …' : '');
    return {
      value: shorten(extra.join(delimiter), 200),
      message: `This row has ${count(cells.length)} values but the header has ${count(headerCount)}, so its values may be under the wrong headers (often a value with an unquoted ${DELIMITER_NAMES[delimiter]} in it). Extra values: ${shown}.`,
    };
  }
  if (cells.length <= lastModelCell) {
    const missing = spec.columns
      .filter((c) => cellOf.get(c.name)! >= cells.length)
      .sort((a, b) => cellOf.get(a.name)! - cellOf.get(b.name)!)
      .map((c) => c.label);
    return {
      value: shorten(cells.join(delimiter), 200),
      message: `This row has ${count(cells.length)} values but the header has ${count(headerCount)}; it has no ${missing.join(', ')}, so it looks cut short.`,
    };
  }
  return undefined;
}
