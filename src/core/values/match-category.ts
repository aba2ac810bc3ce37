import type { CategoricalColumn } from '../spec/model-spec.ts';
import { isMissingCell } from './missing-cell.ts';

/** Case, spacing, dashes and underscores do not distinguish categories: "month_to month" = "Month-to-month". */
export function normaliseCategory(text: string): string {
  return text
    .normalize('NFKC')
    .trim()
    .toLowerCase()
    .replace(/[\s_\-–]+/g, ' ');
}

export const BLANK = -2;
export const UNKNOWN = -1;

/**
 * Returns a matcher from cell text to category index, `UNKNOWN` (a value the spec does not know),
 * or `BLANK` (blank or a missing marker such as NA). A category or synonym spelled like a marker wins.
 */
export function categoryMatcher(column: CategoricalColumn): (text: string) => number {
  const lookup = new Map<string, number>();
  column.categories.forEach((c, i) => lookup.set(normaliseCategory(c), i));
  for (const [spelling, category] of Object.entries(column.synonyms)) {
    lookup.set(normaliseCategory(spelling), column.categories.indexOf(category));
  }
  // Exports repeat the same few spellings, so remember raw cells to skip normalising.
  const cache = new Map<string, number>();
  let lastText = '';
  let lastCode = BLANK;
  return (text) => {
    if (text === lastText) return lastCode;
    const hit = cache.get(text);
    if (hit !== undefined) {
      lastText = text;
      lastCode = hit;
      return hit;
    }
    const key = normaliseCategory(text);
    const code = lookup.get(key) ?? (key === '' || isMissingCell(text) ? BLANK : UNKNOWN);
    if (cache.size < 10_000) cache.set(text, code);
    lastText = text;
    lastCode = code;
    return code;
  };
}
