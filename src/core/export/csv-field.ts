/** One CSV field, quoted only when it has to be (RFC 4180: delimiter, quote, CR or LF). */
export function csvField(value: string, delimiter: string): string {
  const needsQuotes = value.includes(delimiter) || value.includes('"') || value.includes('\n') || value.includes('\r');
  return needsQuotes ? `"${value.replaceAll('"', '""')}"` : value;
}

export const csvRow = (cells: readonly string[], delimiter: string) =>
  cells.map((c) => csvField(c, delimiter)).join(delimiter);
