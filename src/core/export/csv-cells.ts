import { csvField } from './csv-field.ts';
import { neutraliseCell } from './spreadsheet-safety.ts';

/** Characters a spreadsheet trigger can start with (see spreadsheet-safety.ts): a cell starting otherwise needs no apostrophe. */
const TRIGGER_FIRST = new Set([...`'=+-@\t\r`].map((c) => c.charCodeAt(0)));

const SCALE = [1, 10, 100, 1000, 10_000];
/** The digits after the point, zero-padded, for 2 and 4 decimals; made on first use. */
const fractions: (string[] | undefined)[] = [];
const fractionsOf = (digits: number) =>
  (fractions[digits] ??= Array.from({ length: SCALE[digits]! }, (_, n) => String(n).padStart(digits, '0')));

/**
 * `x.toFixed(digits)` for 2 or 4 digits, without the call: toFixed cost 0.2 to 0.4 µs a call here,
 * three calls a row (Node 20). toFixed rounds the exact value x × 10^digits to the nearest integer,
 * half up. The product y = x × 10^digits as a double is within 2^-40 × |y| of the exact one, so
 * when y is further than that from a half-integer, both round to the same integer; closer to one
 * (a tie or near it), and for large or non-finite x, toFixed decides. Checked against toFixed on
 * every seventh float32 in [0, 1] (152 million), 20 million random doubles and the doubles within
 * 4 ulps of 800,000 ties (and in csv-lines.test.ts).
 */
export function fixed(x: number, digits: 2 | 4): string {
  const size = Math.abs(x);
  const y = size * SCALE[digits]!;
  const whole = Math.floor(y);
  const fromHalf = y - whole - 0.5;
  if (!(y < 2 ** 31) || Math.abs(fromHalf) <= y * 2 ** -40 + 2 ** -60) return x.toFixed(digits);
  const n = fromHalf > 0 ? whole + 1 : whole;
  const scale = SCALE[digits]!;
  const units = Math.floor(n / scale);
  return `${x < 0 ? '-' : ''}${units}.${fractionsOf(digits)[n - units * scale]!}`;
}

export interface CsvCells {
  delimiter: string;
  /** `csvField(neutraliseCell(cell), delimiter)`. */
  cell(cell: string): string;
  /** `cell(x.toFixed(digits))`. */
  fixed(x: number, digits: 2 | 4): string;
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
      const text = fixed(x, digits);
      return numbersPlain && Math.abs(x) < 1e21 ? text : cell(text);
    },
  };
}
