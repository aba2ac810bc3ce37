/**
 * Spreadsheets run a cell as a formula when it starts with = + - @ (or a tab or
 * carriage return before one), which lets a crafted customer file run commands
 * on the analyst's machine ("CSV injection", see OWASP). Such text cells get a
 * leading apostrophe; numbers like "-5" or "+44" are left alone.
 * The escape is reversible: a cell that already starts with apostrophes before
 * a trigger gets one more, and `restoreCell` removes exactly one.
 */
const TRIGGER = /^'*[=+\-@\t\r]/;
const NUMBER = /^[+-]?(\d+([.,]\d*)?|[.,]\d+)(e[+-]?\d+)?%?$/i;

/** Characters a trigger can start with: most cells start with none, and skip both regular expressions. */
const FIRST = new Set([...`'=+-@\t\r`].map((c) => c.charCodeAt(0)));

/** A signed decimal such as "-12.50" (which NUMBER accepts too), told without a regular expression: exports write many. */
function isSignedDecimal(cell: string): boolean {
  const isDigit = (at: number) => cell.charCodeAt(at) >= 48 && cell.charCodeAt(at) <= 57;
  let at = 1;
  while (at < cell.length && isDigit(at)) at++;
  if (at === 1) return false;
  if (at < cell.length && cell.charCodeAt(at) === 46) at++;
  while (at < cell.length && isDigit(at)) at++;
  return at === cell.length;
}

export function needsNeutralising(cell: string): boolean {
  const first = cell.charCodeAt(0);
  if (!FIRST.has(first)) return false;
  if ((first === 45 || first === 43) && isSignedDecimal(cell)) return false;
  return TRIGGER.test(cell) && !NUMBER.test(cell.trim());
}

export function neutraliseCell(cell: string): string {
  return needsNeutralising(cell) ? `'${cell}` : cell;
}

export function restoreCell(cell: string): string {
  return cell.startsWith("'") && needsNeutralising(cell.slice(1)) ? cell.slice(1) : cell;
}
