/**
 * Spellings that exports use for "no value": R writes NA, databases NULL, pandas NaN and None,
 * spreadsheets #N/A, and hand-kept sheets "-" or "?". They are missing everywhere: in training
 * and in scoring, for numbers and categories alike (unless a category is literally spelled so).
 */
export const MISSING_MARKERS: readonly string[] = ['na', 'n/a', 'null', 'none', 'nan', '#n/a', '-', '?'];

const markers = new Set(MISSING_MARKERS);

/** True for a blank cell or a missing marker, in any letter case and with surrounding spaces. */
export function isMissingCell(text: string): boolean {
  if (text.length === 0) return true;
  if (text.length > 6) return text.trim() === '';
  const t = text.trim();
  return t === '' || markers.has(t.toLowerCase());
}
