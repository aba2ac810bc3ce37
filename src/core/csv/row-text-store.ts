/**
 * Keeps the decoded file text, chunk by chunk, and where each row ends in it, so
 * that exports can copy every original row exactly and the details panel can show
 * one row's original cells without keeping millions of cell strings alive.
 */
export class RowTextStore {
  private readonly chunks: string[] = [];
  private readonly starts: number[] = [];
  private length = 0;

  append(text: string): void {
    this.chunks.push(text);
    this.starts.push(this.length);
    this.length += text.length;
  }

  /** Text between two global offsets, which may span chunks. */
  slice(from: number, to: number): string {
    let k = this.chunkAt(from);
    let out = '';
    while (k < this.chunks.length && this.starts[k]! < to) {
      const start = this.starts[k]!;
      out += this.chunks[k]!.slice(Math.max(0, from - start), Math.max(0, to - start));
      k++;
    }
    return out;
  }

  private chunkAt(offset: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return Math.max(lo, 0);
  }
}

/** A row's own text: without blank lines before it (skipped by the parser) and without its line break. */
export function trimRowText(text: string): string {
  return text.replace(/^(?:[ \t]*(?:\r\n|\n|\r))+/, '').replace(/(?:\r\n|\n|\r)$/, '');
}
