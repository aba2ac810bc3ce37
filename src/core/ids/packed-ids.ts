/**
 * Customer IDs packed into one string and an offsets array, as the worker sends them to the
 * page: a million short strings would cost a million objects to clone; this is one string
 * and one transferable buffer. ID i is text.slice(offsets[i], offsets[i + 1]).
 */
export interface PackedIds {
  text: string;
  offsets: Uint32Array;
}

export function packIds(ids: readonly string[]): PackedIds {
  const offsets = new Uint32Array(ids.length + 1);
  let at = 0;
  ids.forEach((id, i) => {
    offsets[i] = at;
    at += id.length;
  });
  offsets[ids.length] = at;
  return { text: ids.join(''), offsets };
}

export const idAt = (ids: PackedIds, row: number): string => ids.text.slice(ids.offsets[row], ids.offsets[row + 1]);
