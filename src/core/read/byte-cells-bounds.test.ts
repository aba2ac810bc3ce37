import { describe, expect, it } from 'vitest';
import { ByteRecord } from './byte-record.ts';
import { CsvByteReader, fieldDecoder, readRecords } from './csv-bytes.ts';
import { plainCell } from './plain-decimal.ts';
import { arrayCells, type ByteCells, type RecordCells } from './record-cells.ts';
import { NOT_SEEN, SeenSpellings } from './seen-spellings.ts';

// The byte reader reuses one record object for every row: a cell index past the current row's
// last cell must read as missing, never as a cell left over from a longer row before it.

const encode = (text: string) => new TextEncoder().encode(text);

/** A record of the cells [start, end) of `text`, after a longer record of three cells. */
function reusedRecord(text: string, cells: [number, number, boolean][]): ByteRecord {
  const record = new ByteRecord();
  record.bytes = encode(text);
  record.view = new DataView(record.bytes.buffer);
  record.text = text;
  record.decode = fieldDecoder('utf-8');
  for (const k of [0, 1, 2]) record.add(k, k + 1, false);
  record.count = 0;
  for (const [start, end, escaped] of cells) record.add(start, end, escaped);
  return record;
}

describe('ByteRecord', () => {
  it('reads a cell past the last one as empty, and gives no bytes for it', () => {
    const record = reusedRecord('abc', [[0, 1, false]]);
    expect(record.all()).toEqual(['a']);
    expect(record.cell(1)).toBe('');
    expect(record.cell(2)).toBe('');
    expect(record.rawBytes(1)).toBeUndefined();
    expect(Array.from(record.rawBytes(0)!)).toEqual([0x61]);
  });

  it('gives no raw bytes for a cell with doubled quotes, whose bytes are not its text', () => {
    const record = reusedRecord('a""b', [[0, 4, true]]);
    expect(record.cell(0)).toBe('a"b');
    expect(record.rawBytes(0)).toBeUndefined();
  });

  it.each([
    ['plain', (cells: string[]) => cells.join(',')],
    ['quoted', (cells: string[]) => cells.map((c) => `"${c}"`).join(',')],
  ])('keeps every cell of a %s row of more cells than it first has room for', (_, line) => {
    const cells = Array.from({ length: 200 }, (_, i) => `c${i}`);
    expect(readRecords(encode(`${line(cells)}\n${line(cells.slice(0, 2))}`), 44, fieldDecoder('utf-8'))).toEqual([
      cells,
      cells.slice(0, 2),
    ]);
  });
});

describe('plainCell', () => {
  // "1,2,3" read as one cell, [0, 1); the other ranges are left from a longer row.
  const cells = (count: number, escaped = Uint8Array.of(0, 0, 0)): ByteCells => {
    const bytes = encode('1,2,3');
    return {
      count,
      bytes,
      view: new DataView(bytes.buffer),
      starts: Int32Array.of(0, 2, 4),
      ends: Int32Array.of(1, 3, 5),
      escaped,
    };
  };

  it.each([
    ['the only cell', cells(1), 0, 1],
    ['a cell past the last one', cells(1), 1, NaN],
    ['the last of three', cells(3), 2, 3],
    ['a cell past three', cells(3), 3, NaN],
    ['a cell with doubled quotes', cells(3, Uint8Array.of(0, 1, 0)), 1, NaN],
  ])('%s', (_, record, c, value) => {
    expect(plainCell(record, c, true)).toBe(value);
  });
});

describe('arrayCells', () => {
  it('gives a copy of its cells, and is blank only when every cell is', () => {
    const values = ['a', ' '];
    const cells = arrayCells(values);
    expect(cells.all()).toEqual(['a', ' ']);
    expect(cells.all()).not.toBe(values);
    expect(cells.blank()).toBe(false);
    expect(arrayCells([' ', '\t', '']).blank()).toBe(true);
    expect(cells.cell(2)).toBe('');
  });
});

describe('SeenSpellings.codeOf', () => {
  /** Calls `use` with each record of `text`, split at `|`. */
  function eachRecord(text: string, use: (cells: RecordCells) => void): void {
    const reader = new CsvByteReader('|'.charCodeAt(0), fieldDecoder('utf-8'), (cells) => use(cells));
    reader.push(encode(text));
    reader.finish();
  }

  it('does not know a cell past the last one, even when a longer row before it had a known spelling there', () => {
    const seen = new SeenSpellings(16);
    eachRecord('Yes', (cells) => seen.remember(cells, 0, 1));
    const answers: number[] = [];
    eachRecord('x|Yes\nNo\nz|Yes', (cells) => answers.push(seen.codeOf(cells.byteCells!, 1)));
    expect(answers).toEqual([1, NOT_SEEN, 1]);
  });

  it('does not match a quoted cell with doubled quotes to the same bytes unquoted, which are another text', () => {
    const seen = new SeenSpellings(16);
    eachRecord('x""y', (cells) => {
      expect(cells.cell(0)).toBe('x""y');
      seen.remember(cells, 0, 1);
    });
    const answers: number[] = [];
    eachRecord('x""y\n"x""y"', (cells) => answers.push(seen.codeOf(cells.byteCells!, 0)));
    expect(answers).toEqual([1, NOT_SEEN]);
  });
});
