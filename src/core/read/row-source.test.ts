import { describe, expect, it } from 'vitest';
import { RowTextStore } from '../csv/row-text-store.ts';
import { isBlank } from './record-cells.ts';
import { fileRows, keptTextRows, type RowSource } from './row-source.ts';

// Rows read again by their offsets, as exports and the details panel do, from the file's
// bytes and from the text the PapaParse path kept.

/** Offsets of each line of `text` without its line break, as the readers record them. */
function linesOf(text: string): { starts: number[]; ends: number[] } {
  const starts: number[] = [];
  const ends: number[] = [];
  let at = 0;
  for (const line of text.split('\n')) {
    starts.push(at);
    ends.push(at + line.length);
    at += line.length + 1;
  }
  return { starts, ends };
}

const FILE = 'id,plan\nA-1,"Pro, yearly"\nA-2,Basic\nA-3,"say ""hi"""\n';

const sources: [string, (text: string) => RowSource][] = [
  ["the file's bytes", (text) => fileRows(new Blob([text]), 'utf-8', ',')],
  [
    'the kept text',
    (text) => {
      const store = new RowTextStore();
      // In pieces, as it streamed in.
      for (let i = 0; i < text.length; i += 5) store.append(text.slice(i, i + 5));
      return keptTextRows(store, ',');
    },
  ],
];

describe.each(sources)('rows read again from %s', (_, source) => {
  it('gives rows [from, to) with their cells and their text', async () => {
    const { starts, ends } = linesOf(FILE);
    expect(await source(FILE).rows(starts, ends, 1, 3)).toEqual({
      cells: [
        ['A-1', 'Pro, yearly'],
        ['A-2', 'Basic'],
      ],
      texts: ['A-1,"Pro, yearly"', 'A-2,Basic'],
    });
    expect(await source(FILE).rows(starts, ends, 3, 4)).toEqual({
      cells: [['A-3', 'say "hi"']],
      texts: ['A-3,"say ""hi"""'],
    });
  });

  it('gives only the texts when asked for texts', async () => {
    const { starts, ends } = linesOf(FILE);
    expect((await source(FILE).block(starts, ends, 1, 4)).texts).toEqual([
      'A-1,"Pro, yearly"',
      'A-2,Basic',
      'A-3,"say ""hi"""',
    ]);
    expect((await source(FILE).block(starts, ends, 3, 2)).texts).toEqual([]);
  });

  it('gives nothing for an empty or reversed range', async () => {
    const { starts, ends } = linesOf(FILE);
    expect(await source(FILE).rows(starts, ends, 2, 2)).toEqual({ cells: [], texts: [] });
    expect(await source(FILE).rows(starts, ends, 3, 2)).toEqual({ cells: [], texts: [] });
  });

  it('skips blank lines between rows, as the first read did', async () => {
    const text = 'id,plan\nA-1,Pro\n\n , \nA-2,Basic\n';
    expect(await source(text).rows([8, 21], [15, 30], 0, 2)).toEqual({
      cells: [
        ['A-1', 'Pro'],
        ['A-2', 'Basic'],
      ],
      texts: ['A-1,Pro', 'A-2,Basic'],
    });
  });

  it('reads rows one by one when the block splits into a different number of rows', async () => {
    // The first row's range holds a line break, as a row cut short by an unquoted line break would.
    const text = 'a,b\nc\nd,e';
    expect(await source(text).rows([0, 6], [5, 9], 0, 2)).toEqual({
      cells: [
        ['a', 'b'],
        ['d', 'e'],
      ],
      texts: ['a,b\nc', 'd,e'],
    });
  });

  it("gives the header row's text", async () => {
    expect(await source(FILE).text(0, 7)).toBe('id,plan');
    expect(await source(FILE).text(8, 25)).toBe('A-1,"Pro, yearly"');
  });
});

describe('fileRows', () => {
  it("decodes Windows-1252 and uses the file's delimiter", async () => {
    // 0x93 and 0x94 are curly quotes in Windows-1252.
    const bytes = Uint8Array.from([0x69, 0x64, 0x3b, 0x6e, 0x0a, 0x41, 0x3b, 0x93, 0x78, 0x94]);
    const rows = fileRows(new Blob([bytes]), 'windows-1252', ';');
    expect(await rows.rows([5], [10], 0, 1)).toEqual({ cells: [['A', '\u201cx\u201d']], texts: ['A;\u201cx\u201d'] });
    expect(await rows.text(0, 4)).toBe('id;n');
    expect((await rows.block([5], [10], 0, 1)).texts).toEqual(['A;\u201cx\u201d']);
  });

  it('cuts texts by byte offsets right when some characters take several bytes', async () => {
    // "é" is two bytes and "€" three in UTF-8: character and byte offsets part after them.
    const bytes = new TextEncoder().encode('id,n\nA,é\nB,€x\nC,plain\n');
    const starts = [5, 10, 17];
    const ends = [9, 16, 24];
    const rows = fileRows(new Blob([bytes]), 'utf-8', ',');
    expect((await rows.block(starts, ends, 0, 3)).texts).toEqual(['A,é', 'B,€x', 'C,plain']);
    expect((await rows.rows(starts, ends, 0, 3)).texts).toEqual(['A,é', 'B,€x', 'C,plain']);
  });

  it('gives an empty row for an empty range of bytes', async () => {
    expect(await fileRows(new Blob(['a,b\n\nc']), 'utf-8', ',').rows([0, 4], [3, 4], 0, 2)).toEqual({
      cells: [['a', 'b'], []],
      texts: ['a,b', ''],
    });
  });
});

describe('isBlank', () => {
  it.each<[string[], boolean]>([
    [[], true],
    [[''], true],
    [[' ', '\t', ''], true],
    [['', 'a'], false],
    [[' a '], false],
  ])('%j -> %s', (cells, blank) => {
    expect(isBlank(cells)).toBe(blank);
  });
});
