import Papa from 'papaparse';
import { expect } from 'vitest';
import { SCORED_COLUMNS } from '../export/scored-columns.ts';
import { restoreCell } from '../export/spreadsheet-safety.ts';
import { unpackIds } from '../ids/packed-ids.ts';
import { buildExport } from '../export/export-file.ts';
import { dataRowIndex, rowCells, type ScoredJob } from './scored-job.ts';

const sameCells = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((c, i) => c === b[i]);

/**
 * The invariants every read file must keep, whatever was in it: each data row is either
 * scored (a finite probability in [0, 1]) or rejected (NaN, with at least one reason),
 * so scored + rejected = data rows; row numbers rise; every issue points at a real row.
 * Checks run in plain code and report together, as files here have up to 200,000 rows.
 */
export async function expectRowsAccountedFor(
  job: ScoredJob,
): Promise<{ rows: number; scored: number; rejected: number }> {
  const { table, rowNumbers, rowStarts, rowEnds, ids, labels } = job.read;
  const rows = table.rowCount;
  const lengths = [
    rowNumbers,
    rowStarts,
    rowEnds,
    table.rejected,
    job.probabilities,
    ...table.numeric.values(),
    ...table.codes.values(),
    ...(ids ? [unpackIds(ids)] : []),
    ...(labels ? [labels] : []),
  ].map((a) => a.length);
  expect(new Set(lengths)).toEqual(new Set([rows]));

  const problems: string[] = [];
  if (rows > 0 && rowNumbers[0]! < 2) problems.push(`first data row numbered ${rowNumbers[0]}`);
  for (let i = 1; i < rows; i++)
    if (rowNumbers[i]! <= rowNumbers[i - 1]!) problems.push(`row numbers fall at data row ${i}`);
  const rejectedRows = new Set<number>();
  for (const issue of table.issues) {
    const index = dataRowIndex(job.read, issue.row);
    if (index < 0) problems.push(`issue on row ${issue.row}, which is no data row`);
    if (issue.kind !== 'rejected') continue;
    rejectedRows.add(issue.row);
    if (table.rejected[index] !== 1) problems.push(`row ${issue.row} has a rejection but is not rejected`);
  }
  let rejected = 0;
  for (let i = 0; i < rows; i++) {
    const p = job.probabilities[i]!;
    if (table.rejected[i]) {
      rejected++;
      if (!Number.isNaN(p)) problems.push(`rejected row ${rowNumbers[i]} has probability ${p}`);
    } else if (!(Number.isFinite(p) && p >= 0 && p <= 1)) {
      problems.push(`row ${rowNumbers[i]} has probability ${p}`);
    }
  }
  problems.push(...(await unaccountedText(job)));
  expect(problems).toEqual([]);
  expect(rejectedRows.size).toBe(rejected);
  return { rows, scored: rows - rejected, rejected };
}

/**
 * No data is lost between rows: the kept rows tile the text after the header, and whatever
 * lies between two rows (or after the last) is blank rows: line breaks, spaces, delimiters
 * or well-formed quoted cells of only whitespace (PapaParse's 'greedy' rule, which the
 * readers follow). A quote left open there is lost text: such a row must be kept and rejected.
 */
async function unaccountedText(job: ScoredJob): Promise<string[]> {
  const { rowStarts, rowEnds, table, streamed } = job.read;
  const blank = new RegExp(`^[\\s${streamed.delimiter === '|' ? '\\|' : streamed.delimiter}]*$`);
  const problems: string[] = [];
  let cursor = streamed.headerEnd;
  // Rows are read again from where the reader kept them: the file's bytes, or Papa's text.
  const gap = async (from: number, to: number, where: string) => {
    if (to <= from) return;
    const text = await streamed.rows.text(from, to);
    if (!blank.test(text) && !onlyBlankCells(text, streamed.delimiter))
      problems.push(`${where}: ${JSON.stringify(text.slice(0, 80))} belongs to no row`);
  };
  for (let i = 0; i < table.rowCount; i++) {
    if (rowStarts[i]! < cursor) problems.push(`data row ${i} starts inside the row before it`);
    else await gap(cursor, rowStarts[i]!, `before data row ${i}`);
    cursor = Math.max(cursor, rowEnds[i]!);
  }
  await gap(cursor, Number.POSITIVE_INFINITY, 'after the last row');
  return problems;
}

function onlyBlankCells(text: string, delimiter: string): boolean {
  const { data, errors } = Papa.parse<string[]>(text, { delimiter, header: false });
  return errors.length === 0 && data.every((cells) => cells.every((cell) => cell.trim() === ''));
}

/**
 * The CSV export has one line per data row in file order, the appended columns under
 * their headers, and, after undoing the formula guard, exactly the cells that were read.
 */
export async function expectExportLinesUp(job: ScoredJob, threshold = 0.5): Promise<string[][]> {
  const { read } = job;
  const built = await buildExport(job, 'csv', threshold, () => {}, new AbortController().signal);
  const bytes = new Uint8Array(await built.blob!.arrayBuffer());
  // A UTF-8 BOM, so that Excel reads the export as UTF-8; TextDecoder removes it again.
  expect(Array.from(bytes.subarray(0, 3))).toEqual([0xef, 0xbb, 0xbf]);
  const lines = Papa.parse<string[]>(new TextDecoder().decode(bytes), {
    delimiter: read.streamed.delimiter,
    newline: '\r\n',
    header: false,
  }).data;
  expect(lines.pop()).toEqual(['']);
  const width = read.headers.length;
  const [header = [], ...rows] = lines;
  expect(header).toHaveLength(width + SCORED_COLUMNS.length);
  expect(header.slice(width)).toEqual([...SCORED_COLUMNS]);
  expect(rows).toHaveLength(read.table.rowCount);
  expect(built.rows).toBe(read.table.rowCount);

  const originals = await rowCells(read, 0, read.table.rowCount);
  const problems: string[] = [];
  rows.forEach((cells, i) => {
    const original = originals[i]!;
    const own = Array.from({ length: width }, (_, c) => original[c] ?? '');
    const extra = original.slice(width).some((c) => c !== '') ? original.slice(width) : [];
    const p = job.probabilities[i]!;
    const [probability, prediction, , , issue] = cells.slice(width, width + SCORED_COLUMNS.length);
    const at = `export row ${i + 1}`;
    if (!sameCells(cells.slice(0, width).map(restoreCell), own))
      problems.push(`${at}: ${JSON.stringify(cells.slice(0, width))} is not ${JSON.stringify(own)}`);
    if (!sameCells(cells.slice(width + SCORED_COLUMNS.length).map(restoreCell), extra))
      problems.push(`${at}: extra values ${JSON.stringify(cells.slice(width + SCORED_COLUMNS.length))}`);
    if (probability !== (Number.isNaN(p) ? '' : p.toFixed(4)))
      problems.push(`${at}: probability ${probability} for ${p}`);
    if (prediction !== (Number.isNaN(p) ? '' : p >= threshold ? '1' : '0'))
      problems.push(`${at}: prediction ${prediction} for ${p}`);
    if ((issue !== '') !== (read.table.rejected[i] === 1)) problems.push(`${at}: issue "${issue}"`);
  });
  expect(problems).toEqual([]);
  return rows;
}
