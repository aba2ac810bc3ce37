import type { ByteCells, RecordCells } from './record-cells.ts';

/** What `SeenSpellings.codeOf` answers for a cell whose bytes are none of the remembered spellings. */
export const NOT_SEEN = -3;

/** Spellings this long or longer are read as text: category values are short. */
const BY_LENGTH = 64;

/**
 * The raw spellings of one column already read as text, with what each was read as (a category
 * code, an outcome), compared as bytes on the byte path. Exports repeat a few spellings per
 * column, so a matching cell never becomes a string: making and hashing a string per cell was a
 * tenth of the read (Node profile, 1M rows). Same bytes in one file's encoding are the same text,
 * so they read the same.
 */
export class SeenSpellings {
  private readonly raw: Uint8Array[] = [];
  private readonly codes: number[] = [];
  /**
   * The first remembered spelling of each byte length below BY_LENGTH (-1: none), and for each
   * spelling the next one of the same length. A column's spellings rarely share a length, so a
   * cell is compared with one spelling, not each in turn: with the loop over every spelling,
   * matching was the largest cost of the 1M-row read (0.7 of 2.0 s, Node profile, load average 6).
   */
  private readonly byLength = new Int32Array(BY_LENGTH).fill(-1);
  private readonly sameLength: number[] = [];

  constructor(private readonly limit: number) {}

  /** The code remembered for cell `c`'s bytes; NOT_SEEN when they are new (or hold doubled quotes). */
  codeOf(cells: ByteCells, c: number): number {
    if (c >= cells.count || cells.escaped[c]) return NOT_SEEN;
    const bytes = cells.bytes;
    const start = cells.starts[c]!;
    const length = cells.ends[c]! - start;
    if (length >= BY_LENGTH) return NOT_SEEN;
    for (let i = this.byLength[length]!; i >= 0; i = this.sameLength[i]!) {
      const spelling = this.raw[i]!;
      let k = 0;
      while (k < length && bytes[start + k] === spelling[k]) k++;
      if (k === length) return this.codes[i]!;
    }
    return NOT_SEEN;
  }

  /** Remembers cell `c`'s bytes as `code`, up to the limit (beyond it cells are read as text). */
  remember(cells: RecordCells, c: number, code: number): void {
    if (this.raw.length >= this.limit) return;
    const raw = cells.rawBytes?.(c);
    if (!raw || raw.length >= BY_LENGTH) return;
    this.sameLength.push(this.byLength[raw.length]!);
    this.byLength[raw.length] = this.raw.length;
    this.raw.push(raw);
    this.codes.push(code);
  }
}
