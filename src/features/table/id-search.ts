import { idAt, type PackedIds } from '../../core/ids/packed-ids.ts';

const fold = (s: string) => s.toLowerCase();

/**
 * Lower-casing the whole packed text once lets one indexOf scan a million IDs.
 * That is only equal to lower-casing each ID on its own when no character
 * changes length (e.g. "İ") and none depends on its neighbours (Greek capital
 * sigma becomes "ς" at the end of a word), so such texts take the slow path.
 * https://tc39.es/ecma262/#sec-string.prototype.tolowercase
 */
const foldedTexts = new WeakMap<PackedIds, string | null>();

function foldedText(ids: PackedIds): string | null {
  let folded = foldedTexts.get(ids);
  if (folded === undefined) {
    const lower = fold(ids.text);
    folded = lower.length === ids.text.length && !ids.text.includes('\u03a3') ? lower : null;
    foldedTexts.set(ids, folded);
  }
  return folded;
}

/** Largest row whose ID starts at or before `pos` (empty IDs share their neighbour's offset). */
function rowAt(offsets: Uint32Array, rows: number, pos: number): number {
  let lo = 0;
  let hi = rows - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (offsets[mid]! <= pos) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * Marks rows whose ID contains `query`, ignoring case. A blank query marks every row.
 * Returns one byte per row: 1 match, 0 no match.
 */
export function rowsMatchingId(ids: PackedIds, query: string): Uint8Array {
  const rows = Math.max(0, ids.offsets.length - 1);
  const hits = new Uint8Array(rows);
  const q = fold(query);
  if (q === '') return hits.fill(1);
  const text = foldedText(ids);
  if (text === null) {
    for (let row = 0; row < rows; row++) hits[row] = fold(idAt(ids, row)).includes(q) ? 1 : 0;
    return hits;
  }
  const { offsets } = ids;
  let from = 0;
  for (;;) {
    const pos = text.indexOf(q, from);
    if (pos < 0 || rows === 0) return hits;
    const row = rowAt(offsets, rows, pos);
    const end = offsets[row + 1]!;
    if (pos + q.length <= end) {
      hits[row] = 1;
      // One hit is enough for this ID; carry on from the next one.
      from = end;
    } else {
      // The match straddles two IDs, so it does not count; a real one may start inside it.
      from = pos + 1;
    }
  }
}
