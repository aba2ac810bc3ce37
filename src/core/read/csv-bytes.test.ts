import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { DELIMITERS } from '../csv/detect-delimiter.ts';
import { LineBreakNormaliser } from '../csv/line-breaks.ts';
import { CsvByteReader, fieldDecoder, InvalidEncoding, OutsideFastPath, readRecords } from './csv-bytes.ts';
import { parseNumber } from '../values/parse-number.ts';
import { plainCell } from './plain-decimal.ts';
import { isBlank } from './record-cells.ts';

const encode = (text: string) => new TextEncoder().encode(text);
const BOM = [0xef, 0xbb, 0xbf];

interface Read {
  rows: string[][];
  /** Each record's bytes, decoded: the row as the file has it, without its line break. */
  texts: string[];
}

/** The fast reader over `bytes` cut at `splits`, as the worker feeds it; a BOM is skipped like the sniffer does. */
function fast(bytes: Uint8Array, delimiter: string, splits: number[] = []): Read | 'outside' | 'invalid' {
  const skip = BOM.every((b, i) => bytes[i] === b) ? 3 : 0;
  const rows: string[][] = [];
  const texts: string[] = [];
  const reader = new CsvByteReader(
    delimiter.charCodeAt(0),
    fieldDecoder('utf-8'),
    (cells, start, end) => {
      const all = cells.all();
      // The byte-level blank check must agree with trimming every decoded cell (Papa's 'greedy' rule).
      if (cells.blank() !== isBlank(all)) throw new Error(`blank() says ${cells.blank()} for ${JSON.stringify(all)}`);
      rows.push(all);
      texts.push(new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes.subarray(start, end)));
    },
    skip,
    'utf-8',
  );
  const cuts = [...new Set(splits.map((s) => skip + (s % (bytes.length - skip + 1))))].sort((a, b) => a - b);
  try {
    let from = skip;
    for (const cut of [...cuts, bytes.length]) {
      reader.push(bytes.subarray(from, cut));
      from = cut;
    }
    reader.finish();
  } catch (error) {
    if (error instanceof OutsideFastPath) return 'outside';
    if (error instanceof InvalidEncoding) return 'invalid';
    throw error;
  }
  return { rows, texts };
}

// Papa's own parser, as its stream reader (the app's Papa path) uses it: Papa.parse() of a string
// would also drop a second byte-order mark, which the stream path keeps.
const PapaParser = (
  Papa as unknown as {
    Parser: new (config: Papa.ParseConfig) => {
      parse(input: string, base: number, ignoreLastRow: boolean): Papa.ParseResult<string[]>;
    };
  }
).Parser;

/** PapaParse over the text as the Papa path sees it: decoded, line breaks between rows made \n. */
function papa(bytes: Uint8Array, delimiter: string): { rows: string[][]; errors: number } {
  const text = new TextDecoder().decode(bytes);
  const normalised = new LineBreakNormaliser(delimiter).normalise(text);
  const parsed = new PapaParser({ delimiter, newline: '\n' }).parse(normalised, 0, false);
  return { rows: parsed.data, errors: parsed.errors.length };
}

describe('CsvByteReader', () => {
  it.each<[string, string, string[][]]>([
    ['plain rows', 'a,b\n1,2\n', [['a', 'b'], ['1', '2'], ['']]],
    [
      'no final line break',
      'a,b\n1,2',
      [
        ['a', 'b'],
        ['1', '2'],
      ],
    ],
    ['empty file', '', []],
    ['a lone line break', '\n', [[''], ['']]],
    ['\\r\\n and bare \\r', 'a\r\nb\rc\n', [['a'], ['b'], ['c'], ['']]],
    ['quoted delimiter, line break and doubled quote', 'x,"a,b\r\nc ""q"""\n', [['x', 'a,b\r\nc "q"'], ['']]],
    ['a quote inside an unquoted value is text', 'a"b,c\n', [['a"b', 'c'], ['']]],
    ['empty quoted value', '"",x', [['', 'x']]],
    ['blank lines are records', 'a\n\n,\nb', [['a'], [''], ['', ''], ['b']]],
    ['UTF-8 text', 'naïve,日本\n', [['naïve', '日本'], ['']]],
  ])('%s', (_, text, rows) => {
    const read = fast(encode(text), ',');
    expect(read !== 'outside' && read !== 'invalid' && read.rows).toEqual(rows);
    expect(papa(encode(text), ',').rows).toEqual(rows);
  });

  it.each([
    ['a quote never closed', 'a,"b\nc'],
    ['text after a closing quote', 'a,"b"c\n'],
    ['spaces after a closing quote', 'a,"b" ,c\n'],
  ])('leaves %s to PapaParse', (_, text) => {
    expect(fast(encode(text), ',')).toBe('outside');
  });

  it('refuses bytes that are not UTF-8, so the file is read as Windows-1252', () => {
    expect(fast(new Uint8Array([0x61, 0x2c, 0xe9, 0x0a]), ',')).toBe('invalid');
  });

  it('reads a block of rows again from their bytes', () => {
    expect(readRecords(encode('1,"a\nb"\r\n2,c'), 0x2c, fieldDecoder('utf-8'))).toEqual([
      ['1', 'a\nb'],
      ['2', 'c'],
    ]);
  });
});

// Characters that matter to CSV, weighted so that quotes, delimiters and line breaks are common.
const csvChar = fc.constantFrom(
  'a',
  'b',
  ' ',
  '"',
  '"',
  ',',
  ';',
  '\t',
  '|',
  '\n',
  '\r',
  '\r\n',
  'é',
  '€',
  '😀',
  '\uFEFF',
  '1',
  '.',
);
const splits = fc.array(fc.nat(), { maxLength: 6 });
const delimiter = fc.constantFrom(...DELIMITERS);

/** Fields written the way a spreadsheet writes them: quoted when they hold a quote, delimiter or line break. */
const wellFormed = fc.record({
  delimiter,
  rows: fc.array(fc.array(fc.string({ unit: csvChar, maxLength: 8 }), { minLength: 1, maxLength: 5 }), {
    maxLength: 6,
  }),
  lineBreak: fc.constantFrom('\n', '\r\n', '\r'),
  bom: fc.boolean(),
  finalBreak: fc.boolean(),
  quoteAll: fc.boolean(),
});

describe("the fast reader gives exactly PapaParse's fields (differential property)", () => {
  it('for random text with BOMs and split points: whenever it accepts, it agrees with Papa', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: csvChar, maxLength: 60 }),
        delimiter,
        fc.boolean(),
        splits,
        (text, d, bom, cuts) => {
          const bytes = encode(text);
          const withBom = bom ? new Uint8Array([...BOM, ...bytes]) : bytes;
          const read = fast(withBom, d, cuts);
          const reference = papa(withBom, d);
          if (read === 'outside') return;
          expect(read).not.toBe('invalid');
          if (read === 'invalid') return;
          expect(read.rows).toEqual(reference.rows);
        },
      ),
      { numRuns: 1500 },
    );
  });

  it('for well-formed files with any delimiter, line ending, BOM and split points', () => {
    fc.assert(
      fc.property(wellFormed, splits, ({ delimiter: d, rows, lineBreak, bom, finalBreak, quoteAll }, cuts) => {
        const quote = (f: string) =>
          quoteAll || /["\r\n]/.test(f) || f.includes(d) ? `"${f.replaceAll('"', '""')}"` : f;
        const text =
          rows.map((r) => r.map(quote).join(d)).join(lineBreak) + (finalBreak && rows.length ? lineBreak : '');
        const bytes = encode(text);
        const withBom = bom ? new Uint8Array([...BOM, ...bytes]) : bytes;
        const read = fast(withBom, d, cuts);
        const reference = papa(withBom, d);
        expect(reference.errors).toBe(0);
        expect(read).not.toBe('outside');
        if (read === 'outside' || read === 'invalid') return;
        expect(read.rows).toEqual(reference.rows);
        // The byte ranges re-read as the same records.
        read.texts.forEach((t, i) =>
          expect(readRecords(encode(t), d.charCodeAt(0), fieldDecoder('utf-8'))[0] ?? ['']).toEqual(read.rows[i]),
        );
      }),
      { numRuns: 1500 },
    );
  });

  it('for random bytes, including invalid UTF-8', () => {
    fc.assert(
      fc.property(
        fc
          .uint8Array({ maxLength: 80 })
          .map((b) => b.map((x) => [0x22, 0x2c, 0x0a, 0x0d, 0x3b, 0x09, 0x7c][x % 9] ?? x)),
        delimiter,
        splits,
        (bytes, d, cuts) => {
          const read = fast(bytes, d, cuts);
          if (read === 'outside' || read === 'invalid') return;
          expect(read.rows).toEqual(papa(bytes, d).rows);
        },
      ),
      { numRuns: 1500 },
    );
  });
});

/** The first cell of `text` (one record, no line break) as a plain number read from its bytes. */
function plainNumberOf(text: string, dot: boolean): number {
  let value = NaN;
  const reader = new CsvByteReader('|'.charCodeAt(0), fieldDecoder('utf-8'), (cells) => {
    value = plainCell(cells.byteCells!, 0, dot);
  });
  reader.push(encode(text));
  reader.finish();
  return value;
}

describe('plain numbers read straight from the bytes', () => {
  it.each<[string, boolean, number]>([
    ['12', true, 12],
    ['-0.5', true, -0.5],
    ['0.1', true, 0.1],
    ['-0', true, -0],
    ['007', true, 7],
    ['123456789012345', true, 123456789012345],
    ['1234567890.12345', true, 1234567890.12345],
    ['1234567890123456', true, NaN],
    ['1.5', false, NaN],
    ['15', false, 15],
    ['1.', true, NaN],
    ['.5', true, NaN],
    ['1,5', true, NaN],
    ['+1', true, NaN],
    [' 1', true, NaN],
    ['"12"', true, 12],
    ['', true, NaN],
    ['-', true, NaN],
  ])('%s (dot allowed: %s) is %s', (text, dot, expected) => {
    expect(plainNumberOf(text, dot)).toBe(expected);
  });

  it('equal parseNumber whenever they are read (so the table is the same on every path)', () => {
    const unit = fc.constantFrom('0', '1', '5', '9', '9', '.', '-', '+', ' ', 'e', ',');
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 20 }), fc.boolean(), fc.boolean(), (value, dot, quoted) => {
        const text = quoted ? `"${value}"` : value;
        const fast = plainNumberOf(text, dot);
        if (Number.isNaN(fast)) return;
        const cell = readRecords(encode(text), '|'.charCodeAt(0), fieldDecoder('utf-8'))[0]![0]!;
        const parsed = parseNumber(cell, { decimalComma: !dot });
        expect(parsed.ok && parsed.value).toBe(fast);
      }),
      { numRuns: 3000 },
    );
  });
});
