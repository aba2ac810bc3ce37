/**
 * Turns every line break between rows (\r\n, \n and the old Mac \r) into \n as text
 * streams in. PapaParse picks one line break per file from its first chunk, so a file
 * whose rows were appended by different tools would otherwise get rows merged into one,
 * or a stray \r left at the end of a value (an ID that never matches).
 *
 * Line breaks inside a quoted value are the value's own and stay exactly as they are, so
 * it follows quotes the way PapaParse does: a quote opens a value only at the start of a
 * field, and "" inside a quoted value is a quote. State carries over between chunks,
 * including a \r that ends one chunk and pairs with the \n that starts the next.
 */
export class LineBreakNormaliser {
  private readonly special: RegExp;
  private readonly delimiter: string;
  private quoted = false;
  private fieldStart = true;
  private justClosed = false;
  private endedWithCr = false;

  constructor(delimiter: string) {
    this.delimiter = delimiter;
    this.special = new RegExp(`["\\r\\n${delimiter.replace(/[\\\]^-]/g, '\\$&')}]`, 'g');
  }

  normalise(chunk: string): string {
    let text = chunk;
    if (this.endedWithCr && text !== '') {
      this.endedWithCr = false;
      if (text.startsWith('\n')) text = text.slice(1);
    }
    // Most exports use one line break and few quotes: a chunk without \r or " outside a
    // quoted value needs no rewriting, only the field-start state at its end.
    if (!this.quoted && text !== '' && !text.includes('\r') && !text.includes('"')) {
      const last = text[text.length - 1];
      this.fieldStart = last === '\n' || last === this.delimiter;
      this.justClosed = false;
      return text;
    }
    const pieces: string[] = [];
    let copied = 0;
    let seen = 0;
    const special = this.special;
    special.lastIndex = 0;
    for (let match = special.exec(text); match; match = special.exec(text)) {
      const at = match.index;
      if (at > seen) {
        this.fieldStart = false;
        this.justClosed = false;
      }
      seen = at + 1;
      const ch = text[at];
      if (this.quoted) {
        if (ch === '"') {
          this.quoted = false;
          this.justClosed = true;
        }
        continue;
      }
      if (ch === '"') {
        // A quote opens a value at the start of a field; right after a closing quote it is an escaped quote.
        this.quoted = this.fieldStart || this.justClosed;
        this.fieldStart = false;
        this.justClosed = false;
        continue;
      }
      this.fieldStart = true;
      this.justClosed = false;
      if (ch !== '\r') continue;
      pieces.push(text.slice(copied, at), '\n');
      copied = at + 1;
      if (text[at + 1] === '\n') {
        copied++;
        seen++;
        special.lastIndex = copied;
      } else if (at + 1 === text.length) {
        this.endedWithCr = true;
      }
    }
    if (seen < text.length) {
      this.fieldStart = false;
      this.justClosed = false;
    }
    if (pieces.length === 0) return text;
    pieces.push(text.slice(copied));
    return pieces.join('');
  }
}
