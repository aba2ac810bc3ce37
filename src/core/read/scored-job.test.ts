import { describe, expect, it } from 'vitest';
import type { RowSource } from './row-source.ts';
import type { ReadCustomers } from './read-customers.ts';
import { dataRowIndex, headerText, readRows, rowBlock, rowCells } from './scored-job.ts';

/** Only the fields these helpers read. */
function readOf(rowNumbers: number[], header = 'id,plan', calls: number[][] = []): ReadCustomers {
  const rows: RowSource = {
    rows: async (_starts, _ends, from, to) => {
      calls.push([from, to]);
      return { cells: Array.from({ length: to - from }, (_, k) => [`c${from + k}`]), texts: [] };
    },
    block: async (_starts, _ends, from, to) => {
      calls.push([from, to]);
      return { texts: Array.from({ length: to - from }, (_, k) => `t${from + k}`), cells: () => [] };
    },
    text: async (start, end) => header.slice(start, end),
  };
  return {
    rowNumbers: Uint32Array.from(rowNumbers),
    rowStarts: new Float64Array(0),
    rowEnds: new Float64Array(0),
    streamed: { rows, headerStart: 0, headerEnd: header.length },
  } as unknown as ReadCustomers;
}

describe('dataRowIndex', () => {
  // Row 1 is the header; rows 4 and 7 were blank lines.
  const read = readOf([2, 3, 5, 6, 8, 9, 10]);

  it.each([
    [2, 0],
    [3, 1],
    [5, 2],
    [6, 3],
    [8, 4],
    [9, 5],
    [10, 6],
  ])('finds file row %i at index %i', (row, index) => {
    expect(dataRowIndex(read, row)).toBe(index);
  });

  it.each([1, 4, 7, 11, 0])('gives -1 for row %i, which holds no data', (row) => {
    expect(dataRowIndex(read, row)).toBe(-1);
  });

  it('gives -1 in a file without data rows, and finds the only row of a one-row file', () => {
    expect(dataRowIndex(readOf([]), 2)).toBe(-1);
    expect(dataRowIndex(readOf([2]), 2)).toBe(0);
    expect(dataRowIndex(readOf([2]), 3)).toBe(-1);
  });
});

describe('reading rows again', () => {
  it('reads [start, end), and nothing when end is before start', async () => {
    const calls: number[][] = [];
    const read = readOf([2, 3, 4], 'h', calls);
    expect(await rowCells(read, 1, 3)).toEqual([['c1'], ['c2']]);
    expect((await readRows(read, 2, 0)).cells).toEqual([]);
    expect((await rowBlock(read, 0, 2)).texts).toEqual(['t0', 't1']);
    expect((await rowBlock(read, 2, 1)).texts).toEqual([]);
    expect(calls).toEqual([
      [1, 3],
      [2, 2],
      [0, 2],
      [2, 2],
    ]);
  });

  it('gives the header without a byte-order mark', async () => {
    expect(await headerText(readOf([], '\ufeffid,plan'))).toBe('id,plan');
    expect(await headerText(readOf([], 'id,\ufeffplan'))).toBe('id,\ufeffplan');
  });
});
