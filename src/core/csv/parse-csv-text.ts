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
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const parsed = Papa.parse<string[]>(body, { header: false, dynamicTyping: false, skipEmptyLines: 'greedy' });
  const [header = [], ...rows] = parsed.data;
  return { header, rows };
}
