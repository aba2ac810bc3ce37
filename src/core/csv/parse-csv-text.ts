import Papa from 'papaparse';

export interface CsvText {
  header: string[];
  rows: string[][];
}

/**
 * Parses a whole CSV held in memory (the trainer and tests; the app streams
 * files instead). No dynamic typing: numbers are read by parseNumber so every
 * consumer reads them the same way.
 */
export function parseCsvText(text: string): CsvText {
  // PapaParse drops a leading byte-order mark itself (csv-edges.test.ts checks it).
  const parsed = Papa.parse<string[]>(text, { header: false, dynamicTyping: false, skipEmptyLines: 'greedy' });
  const [header = [], ...rows] = parsed.data;
  return { header, rows };
}
