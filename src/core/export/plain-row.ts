/**
 * Decides, from a row's text alone, that the export can copy it as it is: no quote (so its
 * delimiters separate exactly its cells), exactly one cell per header, and no cell that
 * starts like a spreadsheet formula or with an apostrophe (see spreadsheet-safety.ts). Only
 * other rows are split into cells; splitting every row was a quarter of an export's time.
 * It may say no to a row that would be copied anyway (a cell "-5"); never the reverse.
 *
 * One regular expression says all of it: each cell is empty or starts with a character other
 * than a trigger, no cell holds a quote (or a tab or CR, unless that is the delimiter), and
 * there are exactly `columns` cells. A regular expression for the characters and a count of the
 * delimiters with indexOf took 1.11 s against 0.38 s for this one, over 1,000,000 rows of the bench
 * file (a Node 20 loop, best of five, load average 4 to 6).
 */
export function plainRowTest(delimiter: string, columns: number): (text: string) => boolean {
  const escape = (c: string) => c.replace(/[\\^$.*+?()[\]{}|-]/g, '\\$&');
  // Tab and CR are triggers anywhere except as the delimiter itself; a quote rules out counting.
  const anywhere = ['"', '\t', '\r'].filter((c) => c !== delimiter).map(escape);
  const inside = `[^${anywhere.join('')}${escape(delimiter)}]`;
  const cell = `(?:[^'=+\\-@${anywhere.join('')}${escape(delimiter)}]${inside}*)?`;
  const plain = new RegExp(`^${cell}(?:${escape(delimiter)}${cell}){${columns - 1}}$`);
  return (text) => plain.test(text);
}
