import type { ScoredDataset } from '../../worker/protocol.ts';
import { rowsMatchingId } from './id-search.ts';

export interface RowFilters {
  atRiskOnly: boolean;
  /** Part of a customer ID, any case; blank keeps everyone. Ignored when the file has no IDs. */
  idQuery: string;
  /** Spec column name -> the one category code to keep (-1 keeps "unknown"); absent keeps all. */
  categories: Readonly<Record<string, number>>;
}

export const NO_FILTERS: RowFilters = { atRiskOnly: false, idQuery: '', categories: {} };

export type RowSource = Pick<ScoredDataset, 'rows' | 'rejectedRows' | 'probabilities' | 'fileOrder' | 'codes' | 'ids'>;

export function activeFilterCount(filters: RowFilters): number {
  return (
    (filters.atRiskOnly ? 1 : 0) + (filters.idQuery.trim() === '' ? 0 : 1) + Object.keys(filters.categories).length
  );
}

/**
 * File rows to show, in display order: scored rows only (rejected rows carry NaN),
 * following `order` when given, kept only if they pass every filter and are on `list`
 * (a campaign's contacts or a comparison group) when one is given. "At risk" is at or above the
 * threshold, or on `atRisk` when the page set the at-risk list itself (the campaign's best N).
 * An order whose length does not match the file is a stale reply about an
 * earlier file or request, so file order is used instead.
 */
export function visibleRows(
  dataset: RowSource,
  order: Uint32Array | null,
  threshold: number,
  filters: RowFilters,
  list: Uint8Array | null = null,
  atRisk: Uint8Array | null = null,
): Uint32Array {
  const n = dataset.rows;
  const { probabilities } = dataset;
  const sequence = order !== null && order.length === n ? order : null;
  const query = filters.idQuery.trim();
  const idHits = query !== '' && dataset.ids ? rowsMatchingId(dataset.ids, query) : null;
  const categoryTests: { codes: Int16Array; keep: number }[] = [];
  for (const [column, keep] of Object.entries(filters.categories)) {
    const codes = dataset.codes[column];
    if (codes) categoryTests.push({ codes, keep });
  }
  const atRiskOnly = filters.atRiskOnly;
  if (!atRiskOnly && !list && !idHits && categoryTests.length === 0) {
    const unfiltered = everyScoredRow(dataset, sequence);
    if (unfiltered) return unfiltered;
  }

  const out = new Uint32Array(n);
  let count = 0;
  for (let k = 0; k < n; k++) {
    const row = sequence ? sequence[k]! : k;
    const p = probabilities[row]!;
    if (Number.isNaN(p)) continue;
    if (atRiskOnly && !(atRisk ? atRisk[row] === 1 : p >= threshold)) continue;
    if (list && list[row] !== 1) continue;
    if (idHits && idHits[row] !== 1) continue;
    let keep = true;
    for (const test of categoryTests) {
      if (test.codes[row] !== test.keep) {
        keep = false;
        break;
      }
    }
    if (keep) out[count++] = row;
  }
  return count === n ? out : out.slice(0, count);
}

/**
 * With no filter, the list without a pass over every row when it can be had so: the worker's
 * order itself when its rejected rows are all at its end (a sort by probability puts them
 * last), or the worker's file order when nothing was rejected. A sort of 10,000,000 rows then
 * reached the page with no main-thread task of hundreds of milliseconds to look up every row's
 * score in sorted order. Undefined when a pass is needed.
 */
function everyScoredRow(dataset: RowSource, sequence: Uint32Array | null): Uint32Array | undefined {
  const n = dataset.rows;
  const rejected = dataset.rejectedRows;
  if (!sequence) return rejected === 0 && dataset.fileOrder.length === n ? dataset.fileOrder : undefined;
  // The order holds every row once, so when its last `rejected` rows are unscored, no other is.
  for (let k = n - rejected; k < n; k++) if (!Number.isNaN(dataset.probabilities[sequence[k]!]!)) return undefined;
  return rejected === 0 ? sequence : sequence.subarray(0, n - rejected);
}
