import { fail, ok, type Result } from '../result.ts';

export type NumberProblem = 'not-a-number' | 'not-finite';

export interface NumberFormat {
  /** European files (usually `;`-delimited) write "79,40" for 79.40. */
  decimalComma: boolean;
}

const SIMPLE = /^-?\d{1,15}(\.\d{1,15})?$/;
const PLAIN_NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;
const CURRENCY = /[$€£¥₹]|\b(usd|eur|gbp)\b/gi;

/**
 * With both separators the last one is the decimal point, whatever the file's habit:
 * "1,234.50" in a `;` file, "1.234,50" quoted in a `,` file. The other must group
 * thousands properly, or the text is not a number.
 */
function withBothSeparators(s: string): string | undefined {
  const decimal = s.lastIndexOf(',') > s.lastIndexOf('.') ? ',' : '.';
  const [whole = '', fraction, ...more] = s.split(decimal);
  const grouped = decimal === ',' ? /^[+-]?\d{1,3}(\.\d{3})+$/ : /^[+-]?\d{1,3}(,\d{3})+$/;
  if (more.length > 0 || !grouped.test(whole)) return undefined;
  return `${whole.replace(/[.,]/g, '')}.${fraction}`;
}

/**
 * Reads a number the way people type it in exports: surrounding spaces, currency
 * symbols, thousands separators and accounting negatives "(12.50)" are accepted.
 * Blank gives `null` (the caller imputes); text, NaN and Infinity are problems.
 */
export function parseNumber(text: string, format: NumberFormat): Result<number | null, NumberProblem> {
  // Most cells are plain decimals: skip the cleaning for them (a million rows × several columns).
  if (SIMPLE.test(text) && !(format.decimalComma && text.includes('.'))) return ok(Number(text));
  let s = text.trim();
  if (s === '') return ok(null);
  let negative = false;
  if (s.startsWith('(') && s.endsWith(')')) {
    negative = true;
    s = s.slice(1, -1);
  }
  s = s.replace(CURRENCY, '').replace(/[\s\u00a0\u202f']/g, '');
  if (s.includes(',') && s.includes('.')) {
    const plain = withBothSeparators(s);
    if (plain === undefined) return fail('not-a-number');
    s = plain;
  } else if (format.decimalComma) s = s.replace(/\.(?=\d{3}(\D|$))/g, '').replace(',', '.');
  else s = s.replace(/,(?=\d{3}(\D|$))/g, '');
  if (!PLAIN_NUMBER.test(s)) return fail(/^[+-]?(nan|inf|infinity)$/i.test(s) ? 'not-finite' : 'not-a-number');
  const value = Number(s);
  if (!Number.isFinite(value)) return fail('not-finite');
  return ok(negative ? -value : value);
}
