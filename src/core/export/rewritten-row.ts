import { csvRow } from './csv-field.ts';
import { needsNeutralising, neutraliseCell } from './spreadsheet-safety.ts';

/**
 * A row's own part of its export line, from its cells, when its text cannot be copied as it
 * is. The appended columns must line up under their headers: short rows get empty cells, and
 * values beyond the header (a rejected ragged row) move after the appended columns, in `extra`.
 * A rejected row is written from its cells, as its text may hold a broken quote that would
 * swallow the appended columns; a cell that would run as a spreadsheet formula is neutralised.
 */
export function rewrittenRow(
  row: readonly string[],
  text: string,
  columns: number,
  delimiter: string,
  rejected: boolean,
): { original: string; extra: string } {
  const own = row.length > columns ? row.slice(0, columns) : row;
  const extra =
    row.length > columns && row.slice(columns).some((c) => c !== '')
      ? delimiter + csvRow(row.slice(columns).map(neutraliseCell), delimiter)
      : '';
  const rewrite = own !== row || rejected || own.some(needsNeutralising);
  let original = rewrite ? csvRow(own.map(neutraliseCell), delimiter) : text;
  if (own.length < columns) original += delimiter.repeat(columns - own.length);
  return { original, extra };
}
