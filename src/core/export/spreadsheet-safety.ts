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

export function needsNeutralising(cell: string): boolean {
  return FIRST.has(cell.charCodeAt(0)) && TRIGGER.test(cell) && !NUMBER.test(cell.trim());
}

export function neutraliseCell(cell: string): string {
  return needsNeutralising(cell) ? `'${cell}` : cell;
}

export function restoreCell(cell: string): string {
  return cell.startsWith("'") && needsNeutralising(cell.slice(1)) ? cell.slice(1) : cell;
}
