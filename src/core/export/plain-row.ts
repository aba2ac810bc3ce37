/**
 * Decides, from a row's text alone, that the export can copy it as it is: no quote (so its
 * delimiters separate exactly its cells), exactly one cell per header, and no cell that
 * starts like a spreadsheet formula or with an apostrophe (see spreadsheet-safety.ts). Only
 * other rows are split into cells; splitting every row was a quarter of an export's time.
 * It may say no to a row that would be copied anyway (a cell "-5"); never the reverse.
 */
export function plainRowTest(delimiter: string, columns: number): (text: string) => boolean {
  const escape = (c: string) => c.replace(/[\\^$.*+?()[\]{}|-]/g, '\\$&');
  // Tab and CR are triggers anywhere except as the delimiter itself; a quote rules out counting.
  const anywhere = ['"', '\t', '\r'].filter((c) => c !== delimiter).map(escape);
  const special = new RegExp(`[${anywhere.join('')}]|(?:^|${escape(delimiter)})['=+\\-@]`);
  return (text) => {
    if (special.test(text)) return false;
    let cells = 1;
    for (let at = text.indexOf(delimiter); at >= 0; at = text.indexOf(delimiter, at + 1)) cells++;
    return cells === columns;
  };
}
