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
  /** Each spelling's four-byte words (see `wordsOf`), compared four bytes at a time. */
  private readonly words: Int32Array[] = [];

  constructor(private readonly limit: number) {}

  /** The code remembered for cell `c`'s bytes; NOT_SEEN when they are new (or hold doubled quotes). */
  codeOf(cells: ByteCells, c: number): number {
    if (c >= cells.count || cells.escaped[c]) return NOT_SEEN;
    const start = cells.starts[c]!;
    const length = cells.ends[c]! - start;
    if (length >= BY_LENGTH) return NOT_SEEN;
    for (let i = this.byLength[length]!; i >= 0; i = this.sameLength[i]!) {
      if (
        length < 4
          ? sameShortBytes(cells.bytes, start, this.raw[i]!)
          : sameWords(cells.view, start, length, this.words[i]!)
      )
        return this.codes[i]!;
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
    this.words.push(wordsOf(raw));
    this.codes.push(code);
  }
}

function sameShortBytes(bytes: Uint8Array, start: number, spelling: Uint8Array): boolean {
  for (let k = 0; k < spelling.length; k++) if (bytes[start + k] !== spelling[k]) return false;
  return true;
}

/**
 * The four-byte words of a spelling of 4 bytes or more, at 0, 4, 8… and the last four bytes
 * (which may overlap the word before): together they cover every byte. None for shorter ones.
 */
function wordsOf(spelling: Uint8Array): Int32Array {
  if (spelling.length < 4) return new Int32Array(0);
  const view = new DataView(spelling.buffer, spelling.byteOffset, spelling.byteLength);
  const words: number[] = [];
  for (let k = 0; k + 4 < spelling.length; k += 4) words.push(view.getInt32(k, true));
  words.push(view.getInt32(spelling.length - 4, true));
  return Int32Array.from(words);
}

/**
 * Whether the `length` bytes from `start` are the spelling whose `wordsOf` these are. Four bytes
 * at a time because comparing byte by byte was the largest single cost of the 1M-row read (a fifth
 * of it); with words the read went from 2.19 to 1.86 s of CPU (best of 3 each, Node 20, load
 * average 4.4 to 5.7).
 */
function sameWords(view: DataView, start: number, length: number, words: Int32Array): boolean {
  const last = words.length - 1;
  for (let w = 0; w < last; w++) if (view.getInt32(start + 4 * w, true) !== words[w]) return false;
  return view.getInt32(start + length - 4, true) === words[last];
}
