import { describe, expect, it } from 'vitest';
import { DELIMITER_NAMES, detectDelimiter } from './detect-delimiter.ts';
import { LineBreakNormaliser } from './line-breaks.ts';
import { parseCsvText } from './parse-csv-text.ts';
import { RowTextStore, trimRowText } from './row-text-store.ts';
import { ENCODING_NAMES, sniffFile } from './sniff-file.ts';
import { utf16WithoutBom } from './utf16-pattern.ts';

// Boundaries of the readers in csv/ that the behaviour tests beside them do not pin down.

const bytes = (...b: number[]) => Uint8Array.from(b);
const SAVE_AS_CSV = 'Open it in your spreadsheet program and save it as "CSV UTF-8", then load the CSV.';
const LOAD_THE_EXPORT = 'Load the customer export itself, as a CSV file.';

describe('sniffFile names every known binary format with the advice for it', () => {
  it.each([
    [bytes(0x50, 0x4b, 0x03, 0x04), 'an Excel workbook (or another zip archive)', SAVE_AS_CSV],
    [bytes(0xd0, 0xcf, 0x11, 0xe0), 'an old Excel workbook (.xls)', SAVE_AS_CSV],
    [
      bytes(0x1f, 0x8b),
      'a gzip-compressed file',
      'Decompress it first (it is probably a .csv.gz), then load the CSV inside.',
    ],
    [bytes(0x89, 0x50, 0x4e, 0x47), 'a PNG image', LOAD_THE_EXPORT],
    [bytes(0xff, 0xd8, 0xff), 'a JPEG image', LOAD_THE_EXPORT],
    [
      bytes(0x25, 0x50, 0x44, 0x46),
      'a PDF document',
      'Export the customer list from its source system as CSV instead.',
    ],
    [
      bytes(0x61, 0x2c, 0x00, 0x62),
      'binary data (it has NUL bytes, which CSV text never has)',
      'Export the customer list as "CSV UTF-8" and load that file.',
    ],
  ])('%#: %s', (head, format, advice) => {
    expect(sniffFile(head)).toEqual({ kind: 'binary', format, advice });
  });

  it('needs the whole signature, not its first bytes', () => {
    expect(sniffFile(bytes(0x50, 0x4b, 0x03, 0x41))).toEqual({ kind: 'text', encoding: 'utf-8', bom: false });
    expect(sniffFile(bytes(0xff, 0xd8, 0x41))).toEqual({ kind: 'text', encoding: 'utf-8', bom: false });
    expect(sniffFile(bytes(0xef, 0xbb, 0x41))).toEqual({ kind: 'text', encoding: 'utf-8', bom: false });
  });

  it('looks for NUL bytes in the first 4096 bytes only', () => {
    const head = new Uint8Array(8192).fill(0x61);
    head[4096] = 0;
    expect(sniffFile(head)).toEqual({ kind: 'text', encoding: 'utf-8', bom: false });
    head[4095] = 0;
    expect(sniffFile(head).kind).toBe('binary');
  });

  it('reads an empty file as UTF-8 text', () => {
    expect(sniffFile(new Uint8Array(0))).toEqual({ kind: 'text', encoding: 'utf-8', bom: false });
  });

  it('has a name for every encoding it reports', () => {
    expect(ENCODING_NAMES).toEqual({
      'utf-8': 'UTF-8',
      'utf-16le': 'UTF-16 LE',
      'utf-16be': 'UTF-16 BE',
      'windows-1252': 'Windows-1252',
    });
  });
});

describe('utf16WithoutBom at its thresholds', () => {
  /** 50 little-endian units: `wide` of them are 山 (U+5C71, no zero byte), `lowZeros` are Ā (U+0100, a zero low byte), the rest ASCII. */
  const units = (wide: number, lowZeros: number) => {
    const text = `a,${'\u5c71'.repeat(wide)}${'\u0100'.repeat(lowZeros)}`.padEnd(50, 'b');
    return Uint8Array.from([...text].flatMap((c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8]));
  };

  it('allows at most 2 % zeros in the other position', () => {
    // 50 units: one zero is 2 %, two are 4 %.
    expect(utf16WithoutBom(units(0, 1))).toBe('utf-16le');
    expect(utf16WithoutBom(units(0, 2))).toBeUndefined();
  });

  it('needs exactly 60 % of the units ASCII', () => {
    expect(utf16WithoutBom(units(20, 0))).toBe('utf-16le');
    expect(utf16WithoutBom(units(21, 0))).toBeUndefined();
  });

  it('counts whole units: an odd trailing byte is left out', () => {
    // Already at the 2 % limit of zeros in the low bytes: a trailing zero byte counted as a unit would pass it.
    const atLimit = units(0, 1);
    const odd = new Uint8Array(atLimit.length + 1);
    odd.set(atLimit);
    expect(utf16WithoutBom(odd)).toBe('utf-16le');
    const even = units(0, 0);
    expect(utf16WithoutBom(even.subarray(0, 15))).toBeUndefined();
    expect(utf16WithoutBom(even.subarray(0, 16))).toBe('utf-16le');
  });

  it('holds big-endian text to the same thresholds', () => {
    const be = (le: Uint8Array) => le.map((_, i) => le[i ^ 1]!);
    expect(utf16WithoutBom(be(units(20, 0)))).toBe('utf-16be');
    expect(utf16WithoutBom(be(units(21, 0)))).toBeUndefined();
    expect(utf16WithoutBom(be(units(0, 1)))).toBe('utf-16be');
    expect(utf16WithoutBom(be(units(0, 2)))).toBeUndefined();
  });

  it.each(['\n', '\r', ',', ';', '\t', '|'])('takes %j as a sign of a table', (mark) => {
    const text = `abcdefgh${mark}ijklmnop`;
    const le = Uint8Array.from([...text].flatMap((c) => [c.charCodeAt(0), 0]));
    expect(utf16WithoutBom(le)).toBe('utf-16le');
  });
});

describe('LineBreakNormaliser where a value starts', () => {
  const normalise = (chunks: string[], delimiter = ',') => {
    const n = new LineBreakNormaliser(delimiter);
    return chunks.map((c) => n.normalise(c)).join('');
  };

  it.each([
    // The first character of the file starts a field: its quote opens a value.
    ['"x\ry",1\r2', '"x\ry",1\n2'],
    // Right after \r\n a field starts too.
    ['a\r\n"x\ry"', 'a\n"x\ry"'],
    // Quotes in the middle of a field are text, even two in a row.
    ['a""\rb', 'a""\nb'],
    ['a"\r"b', 'a"\n"b'],
  ])('%j -> %j', (text, expected) => {
    expect(normalise([text])).toBe(expected);
  });

  it('keeps a \n that starts the first chunk', () => {
    expect(normalise(['\na,b\r', '\nc'])).toBe('\na,b\nc');
  });

  it.each(['^', ']', '-', '\\'])('takes %j as a delimiter, not as regular-expression syntax', (delimiter) => {
    const text = `a${delimiter}"x\ry"\r\nb${delimiter}c`;
    expect(normalise([text], delimiter)).toBe(`a${delimiter}"x\ry"\nb${delimiter}c`);
  });
});

describe('detectDelimiter', () => {
  it.each([
    // A tie goes to the earlier of , ; tab |.
    ['a;b,c', ','],
    ['a|b\tc', '\t'],
    ['a;b|c', ';'],
    // Only the header line counts, whichever line break ends it.
    ['a;b\r1,2,3,4', ';'],
    ['a;b\r\n1,2,3,4', ';'],
    // A quoted line break is part of the header.
    ['"a\nb";c;d\n1,2,3,4,5,6', ';'],
    ['"a,b,c"|d', '|'],
  ])('%j -> %j', (header, expected) => {
    expect(detectDelimiter(header)).toBe(expected);
  });

  it('names every delimiter for messages', () => {
    expect(DELIMITER_NAMES).toEqual({ ',': 'comma', ';': 'semicolon', '\t': 'tab', '|': 'pipe' });
  });
});

describe('RowTextStore', () => {
  const store = (...chunks: string[]) => {
    const s = new RowTextStore();
    chunks.forEach((c) => s.append(c));
    return s;
  };

  it('gives nothing for an empty range or an empty store', () => {
    expect(store('abc', 'def').slice(4, 4)).toBe('');
    expect(store().slice(0, 5)).toBe('');
  });

  it('finds the chunk a range starts in among many, at every boundary', () => {
    const s = store('ab', 'cd', 'ef', 'gh', 'ij', 'kl', 'mn');
    const all = 'abcdefghijklmn';
    for (let from = 0; from < all.length; from++) {
      for (let to = from; to <= all.length; to++) expect(s.slice(from, to)).toBe(all.slice(from, to));
    }
  });

  it('skips empty chunks', () => {
    expect(store('ab', '', 'cd', '', '').slice(1, 4)).toBe('bcd');
  });

  it.each([
    ['\r1,2\r', '1,2'],
    [' \t\r\n1,2\n\n', '1,2\n'],
    ['x \n1,2', 'x \n1,2'],
    ['1,2\r\n', '1,2'],
  ])('trims %j to %j', (raw, expected) => {
    expect(trimRowText(raw)).toBe(expected);
  });
});

describe('parseCsvText', () => {
  it('drops a leading BOM (PapaParse does) and every blank line', () => {
    expect(parseCsvText('\ufeffa,b\n\n1,2\n  \n3,4\n')).toEqual({
      header: ['a', 'b'],
      rows: [
        ['1', '2'],
        ['3', '4'],
      ],
    });
  });

  it('keeps cells as text, numbers too', () => {
    expect(parseCsvText('n\n007\n1e3')).toEqual({ header: ['n'], rows: [['007'], ['1e3']] });
  });

  it('gives an empty header for an empty text', () => {
    expect(parseCsvText('')).toEqual({ header: [], rows: [] });
  });

  it('keeps a BOM-like character that is not first', () => {
    expect(parseCsvText('a\n\ufeffb').rows).toEqual([['\ufeffb']]);
  });
});
