import { csvField } from './csv-field.ts';
import { neutraliseCell } from './spreadsheet-safety.ts';

/** Characters a spreadsheet trigger can start with (see spreadsheet-safety.ts): a cell starting otherwise needs no apostrophe. */
const TRIGGER_FIRST = new Set([...`'=+-@\t\r`].map((c) => c.charCodeAt(0)));

/** "0.0000" to "1.0000", made on first use. */
let fourDecimals: string[] | undefined;

/**
 * `x.toFixed(4)` for a probability in [0, 1] that a float32 holds exactly (the scorer's), from a
 * table: toFixed cost 0.3 µs a call here (Node 20). Exact: x × 10,000 needs at most 24 + 14 bits,
 * so a double holds it exactly, and adding 0.5 and flooring rounds half up, as toFixed does, exactly
 * too (or, below 2^-15, gives 0 either way). Undefined for any other number.
 */
export function probabilityFixed4(x: number): string | undefined {
  if (!(x >= 0 && x <= 1) || Math.fround(x) !== x) return undefined;
  fourDecimals ??= Array.from({ length: 10_001 }, (_, n) =>
    n === 10_000 ? '1.0000' : `0.${String(n).padStart(4, '0')}`,
  );
  return fourDecimals[Math.floor(x * 10_000 + 0.5)]!;
}

export interface CsvCells {
  delimiter: string;
  /** `csvField(neutraliseCell(cell), delimiter)`. */
  cell(cell: string): string;
  /** `cell(x.toFixed(digits))`. */
  fixed(x: number, digits: number): string;
}

/**
 * The export's appended cells as CSV fields, with the common cases told cheaply: most cells start
 * with neither a trigger nor an apostrophe and hold no delimiter, quote or line break, and a
 * number from toFixed (digits, a point and perhaps a minus) never needs either, whatever its
 * value, unless the delimiter is one of those characters. The general rule ran for every
 * appended cell and took 1.2 s of 1,000,000 Telco rows' export (csvField and needsNeutralising,
 * Node 20).
 */
export function csvCells(delimiter: string): CsvCells {
  const escaped = delimiter.replace(/[\\^$.*+?()[\]{}|-]/g, '\\$&');
  const quotable = new RegExp(`[${escaped}"\\r\\n]`);
  const numbersPlain = !/[0-9.-]/.test(delimiter);
  const cell = (text: string) =>
    TRIGGER_FIRST.has(text.charCodeAt(0)) || quotable.test(text) ? csvField(neutraliseCell(text), delimiter) : text;
  return {
    delimiter,
    cell,
    // toFixed writes exponents from 1e21 on, and NaN and Infinity as words.
    fixed: (x, digits) => {
      const text = (digits === 4 && probabilityFixed4(x)) || x.toFixed(digits);
      return numbersPlain && Math.abs(x) < 1e21 ? text : cell(text);
    },
  };
}
