/**
 * Turns every line break (\r\n, \n and the old Mac \r) into \n as text streams in.
 * PapaParse picks one line break per file from its first chunk, so a file whose rows
 * were appended by different tools would otherwise get rows merged into one, or a
 * stray \r left at the end of a value (an ID that never matches). Breaks inside
 * quoted values become \n too, which is what spreadsheets write there anyway.
 * A \r that ends one chunk may pair with a \n that starts the next, so state carries over.
 */
export class LineBreakNormaliser {
  private endedWithCr = false;

  normalise(chunk: string): string {
    if (chunk === '') return chunk;
    const text = this.endedWithCr && chunk.startsWith('\n') ? chunk.slice(1) : chunk;
    this.endedWithCr = chunk.endsWith('\r');
    return text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
  }
}
