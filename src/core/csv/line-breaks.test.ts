import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { csvRow } from '../export/csv-field.ts';
import { LineBreakNormaliser } from './line-breaks.ts';

const normalise = (chunks: string[], delimiter = ',') => {
  const n = new LineBreakNormaliser(delimiter);
  return chunks.map((c) => n.normalise(c)).join('');
};

/** Cells with the characters that matter here: quotes, delimiters, every line break. */
const cell = fc
  .array(fc.constantFrom('a', 'é', ' ', '"', ',', ';', '\t', '|', '\n', '\r', '\r\n', '=', '👍'), { maxLength: 8 })
  .map((parts) => parts.join(''));

describe('LineBreakNormaliser', () => {
  it.each([
    ['a,b\r\nc,d\ne,f\rg,h', 'a,b\nc,d\ne,f\ng,h'],
    ['a,"x\r\ny"\r\nb,"\r"\r', 'a,"x\r\ny"\nb,"\r"\n'],
    ['a,"say ""hi""\r"\rb', 'a,"say ""hi""\r"\nb'],
    ['a,b"c\rd', 'a,b"c\nd'],
    ['"a"x\r\nb', '"a"x\nb'],
    ['\r\r\n\n', '\n\n\n'],
    ['', ''],
  ])('%j -> %j', (text, expected) => {
    expect(normalise([text])).toBe(expected);
  });

  it('pairs a \\r ending one chunk with the \\n starting the next', () => {
    expect(normalise(['a,b\r', '\nc,d\r', '', '\ne'])).toBe('a,b\nc,d\ne');
    expect(normalise(['a,"b\r', '\n"\r', 'c'])).toBe('a,"b\r\n"\nc');
  });

  it('gives the same text however the input is cut into chunks', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('a', '"', ',', '\r', '\n', ' ') }),
        fc.array(fc.nat(), { maxLength: 6 }),
        (text, cuts) => {
          const points = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
          const chunks = [0, ...points].map((from, i) => text.slice(from, [...points, text.length][i]));
          expect(normalise(chunks)).toBe(normalise([text]));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('lets PapaParse read rows written with any mix of line breaks back to their exact cells', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(',', ';', '\t', '|'),
        fc.array(fc.array(cell, { minLength: 2, maxLength: 4 }), { minLength: 1, maxLength: 8 }),
        fc.array(fc.constantFrom('\n', '\r\n', '\r'), { minLength: 8, maxLength: 8 }),
        (delimiter, rows, breaks) => {
          // A first cell that is never blank keeps every row a row.
          const table = rows.map((r, i) => [`id${i}`, ...r]);
          const text = table.map((r, i) => csvRow(r, delimiter) + breaks[i]!).join('');
          const parsed = Papa.parse<string[]>(normalise([text], delimiter), {
            delimiter,
            newline: '\n',
            header: false,
            skipEmptyLines: 'greedy',
          });
          expect(parsed.errors).toEqual([]);
          expect(parsed.data).toEqual(table);
        },
      ),
      { numRuns: 1000 },
    );
  });
});
