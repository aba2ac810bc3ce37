import { parseCsvText } from '../csv/parse-csv-text.ts';

/** A training file as text columns: every cell as written, one array per header. */
export interface RawTable {
  headers: string[];
  columns: string[][];
  rowCount: number;
  /** Rows with more or fewer cells than headers (padded with blanks or cut): reported, never dropped. */
  raggedRows: number;
}

/** Reads CSV text with the app's own parser into text columns. */
export function rawTableFromText(text: string): RawTable {
  const { header, rows } = parseCsvText(text);
  const headers = header.map((h) => h.trim());
  const columns = headers.map(() => new Array<string>(rows.length));
  let raggedRows = 0;
  rows.forEach((cells, r) => {
    if (cells.length !== headers.length) raggedRows++;
    for (let c = 0; c < headers.length; c++) columns[c]![r] = cells[c] ?? '';
  });
  return { headers, columns, rowCount: rows.length, raggedRows };
}

/** "CreditScore" -> "Credit score", "num_of_products" -> "Num of products": a label for people. */
export function humanLabel(header: string): string {
  const words = header
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .replace(/[_\s]+/g, ' ')
    .trim()
    .split(' ');
  // split always gives at least one word: an empty first word means the header had no letters or digits.
  if (words[0] === '') return header;
  return words
    .map((w, i) => (i === 0 ? w.charAt(0).toUpperCase() + w.slice(1) : /^[A-Z0-9]+$/.test(w) ? w : w.toLowerCase()))
    .join(' ');
}
