import { rocAuc } from '../metrics/roc-auc.ts';
import type { SpecColumn } from '../spec/model-spec.ts';
import type { ColumnTable } from '../table/column-table.ts';
import { isMissingCell } from '../values/missing-cell.ts';

/** A column that alone separates the outcome this well was almost surely recorded after it. */
export const LEAK_AUC = 0.98;

export const LEAK_REASON = 'probably recorded after the customer left';

/** Single-column ROC AUC on the training rows, either direction. AUC depends only on order, so scores are scaled into [0, 1]. */
function separation(scores: Float64Array, labels: Uint8Array): number {
  let min = Infinity;
  let max = -Infinity;
  for (const v of scores) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (!(max > min)) return 0.5;
  const auc = rocAuc(
    labels,
    scores.map((v) => (v - min) / (max - min)),
  );
  return Math.max(auc, 1 - auc);
}

/** For a categorical column, a level's score is its training rows' outcome rate (target encoding). */
function levelRates(codes: Int16Array, rows: readonly number[], y: Uint8Array): Float64Array {
  const hits = new Map<number, { n: number; pos: number }>();
  for (const r of rows) {
    const h = hits.get(codes[r]!) ?? { n: 0, pos: 0 };
    h.n++;
    h.pos += y[r]!;
    hits.set(codes[r]!, h);
  }
  return Float64Array.from(rows, (r) => {
    const h = hits.get(codes[r]!)!;
    return h.pos / h.n;
  });
}

/** Blank exactly when the outcome is negative, like a cancellation date: known only once a customer left. */
export function blankOnlyWhenStayed(cells: readonly string[], rows: readonly number[], y: Uint8Array): boolean {
  let blanks = 0;
  for (const r of rows) {
    const blank = isMissingCell(cells[r]!);
    if (blank !== (y[r] === 0)) return false;
    if (blank) blanks++;
  }
  return blanks > 0 && blanks < rows.length;
}

/** The leak check for one built column: the single-column AUC, and whether it crosses the line. */
export function leakOf(
  column: SpecColumn,
  table: ColumnTable,
  cells: readonly string[],
  rows: readonly number[],
  y: Uint8Array,
): { auc: number; leak: boolean; why: string } {
  const labels = Uint8Array.from(rows, (r) => y[r]!);
  const scores =
    column.type === 'numeric'
      ? Float64Array.from(rows, (r) => table.numeric.get(column.name)![r]!)
      : levelRates(table.codes.get(column.name)!, rows, y);
  const auc = separation(scores, labels);
  if (blankOnlyWhenStayed(cells, rows, y))
    return { auc, leak: true, why: `${LEAK_REASON}: it is blank exactly for the customers who stayed` };
  if (auc >= LEAK_AUC)
    return {
      auc,
      leak: true,
      why: `${LEAK_REASON}: on its own it separates the outcome almost perfectly (ROC AUC ${auc.toFixed(3)})`,
    };
  return { auc, leak: false, why: '' };
}
