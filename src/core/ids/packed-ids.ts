import { Growable } from '../table/growable.ts';

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
  const builder = new PackedIdsBuilder();
  for (const id of ids) builder.push(id);
  return builder.finish();
}

export const idAt = (ids: PackedIds, row: number): string => ids.text.slice(ids.offsets[row], ids.offsets[row + 1]);

const BATCH = 4096;

/**
 * Packs IDs as they are read, once: each batch of IDs is joined into one string straight
 * away, so a million-row file never holds a million ID strings, nor packs them a second time.
 */
export class PackedIdsBuilder {
  private batch: string[] = [];
  private readonly texts: string[] = [];
  private readonly offsets = new Growable(Uint32Array);
  private at = 0;

  get length(): number {
    return this.offsets.length;
  }

  push(id: string): void {
    this.offsets.push(this.at);
    this.at += id.length;
    this.batch.push(id);
    if (this.batch.length === BATCH) {
      this.texts.push(this.batch.join(''));
      this.batch = [];
    }
  }

  reserve(rows: number): void {
    this.offsets.reserve(rows + 1);
  }

  finish(): PackedIds {
    this.offsets.push(this.at);
    this.texts.push(this.batch.join(''));
    this.batch = [];
    return { text: this.texts.join(''), offsets: this.offsets.finish() };
  }
}

/** Every ID as its own string (tests, small files). */
export function unpackIds(ids: PackedIds): string[] {
  return Array.from({ length: ids.offsets.length - 1 }, (_, i) => idAt(ids, i));
}
