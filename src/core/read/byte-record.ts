import type { ByteCells, RecordCells } from './record-cells.ts';

export type FieldDecoder = (bytes: Uint8Array, start: number, end: number) => string;

const DOUBLED_QUOTES = /""/g;
const SPACE = 0x20;

/**
 * The cells of the record being visited, as byte ranges of the buffer being scanned. A cell
 * becomes a string only when asked for, so the columns no model, ID or outcome needs are
 * skipped, and no array is built per row.
 */
export class ByteRecord implements RecordCells, ByteCells {
  readonly byteCells = this;
  count = 0;
  starts = new Int32Array(64);
  ends = new Int32Array(64);
  /** 1 where the cell was quoted and holds doubled quotes. */
  escaped = new Uint8Array(64);
  bytes: Uint8Array = new Uint8Array(0);
  view = new DataView(this.bytes.buffer);
  /** The buffer decoded once when it is all ASCII; cells are then slices of it. */
  text: string | undefined;
  decode: FieldDecoder = () => '';

  add(start: number, end: number, escaped: boolean): void {
    if (this.count === this.starts.length) {
      const grow = <T extends Int32Array | Uint8Array>(a: T, make: new (n: number) => T) => {
        const bigger = new make(a.length * 2);
        bigger.set(a);
        return bigger;
      };
      this.starts = grow(this.starts, Int32Array);
      this.ends = grow(this.ends, Int32Array);
      this.escaped = grow(this.escaped, Uint8Array);
    }
    this.starts[this.count] = start;
    this.ends[this.count] = end;
    this.escaped[this.count] = escaped ? 1 : 0;
    this.count++;
  }

  cell(index: number): string {
    if (index >= this.count) return '';
    const start = this.starts[index]!;
    const end = this.ends[index]!;
    const value = this.text === undefined ? this.decode(this.bytes, start, end) : this.text.slice(start, end);
    return this.escaped[index] ? value.replace(DOUBLED_QUOTES, '"') : value;
  }

  rawBytes(index: number): Uint8Array | undefined {
    if (index >= this.count || this.escaped[index]) return undefined;
    return this.bytes.slice(this.starts[index], this.ends[index]);
  }

  all(): string[] {
    const cells: string[] = [];
    for (let i = 0; i < this.count; i++) cells.push(this.cell(i));
    return cells;
  }

  blank(): boolean {
    const bytes = this.bytes;
    for (let i = 0; i < this.count; i++) {
      for (let k = this.starts[i]!; k < this.ends[i]!; k++) {
        const b = bytes[k]!;
        // ASCII whitespace is what String.prototype.trim removes below 0x80; other bytes may be
        // the start of a non-ASCII space (U+00A0, U+3000…), so that cell is decoded and trimmed.
        if (b === SPACE || (b >= 0x09 && b <= 0x0d)) continue;
        if (b < 0x80) return false;
        if (this.cell(i).trim() !== '') return false;
        break;
      }
    }
    return true;
  }
}
