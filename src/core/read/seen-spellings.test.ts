import { describe, expect, it } from 'vitest';
import { CsvByteReader, fieldDecoder } from './csv-bytes.ts';
import { NOT_SEEN, SeenSpellings } from './seen-spellings.ts';
import type { RecordCells } from './record-cells.ts';

/** Calls `use` with the cells of each record of `text` (one cell per record here). */
function eachRecord(text: string, use: (cells: RecordCells) => void): void {
  const reader = new CsvByteReader('|'.charCodeAt(0), fieldDecoder('utf-8'), (cells) => use(cells));
  reader.push(new TextEncoder().encode(text));
  reader.finish();
}

/** Remembers each [spelling, code] in turn, then answers what `codeOf` gives for each probe. */
function lookUp(remembered: [string, number][], probes: string[], limit = 16): number[] {
  const seen = new SeenSpellings(limit);
  eachRecord(remembered.map(([s]) => s).join('\n'), (cells) => {
    const code = remembered.find(([s]) => s === cells.cell(0) || `"${cells.cell(0)}"` === s)?.[1] ?? 99;
    seen.remember(cells, 0, code);
  });
  const answers: number[] = [];
  eachRecord(probes.join('\n'), (cells) => answers.push(seen.codeOf(cells.byteCells!, 0)));
  return answers.slice(0, probes.length);
}

describe('spellings remembered as bytes', () => {
  it.each<[string, [string, number][], string[], number[]]>([
    [
      'same length, different bytes',
      [
        ['Yes', 1],
        ['Yez', 2],
      ],
      ['Yes', 'Yez', 'yes'],
      [1, 2, NOT_SEEN],
    ],
    [
      'long spellings: a difference in any byte counts',
      [
        ['No internet service', 2],
        ['No internet servicf', 3],
      ],
      [
        'No internet service',
        'No internet servicf',
        'No internet servide',
        'Mo internet service',
        'No intErnet service',
      ],
      [2, 3, NOT_SEEN, NOT_SEEN, NOT_SEEN],
    ],
    [
      '4 and 5 bytes',
      [
        ['Male', 1],
        ['Femal', 2],
      ],
      ['Male', 'Mali', 'Femal', 'Fimal', 'Femam'],
      [1, NOT_SEEN, 2, NOT_SEEN, NOT_SEEN],
    ],
    [
      '8 bytes',
      [
        ['One year', 1],
        ['Two year', 2],
      ],
      ['One year', 'Two year', 'One yeaR', 'Onf year'],
      [1, 2, NOT_SEEN, NOT_SEEN],
    ],
    [
      'different lengths',
      [
        ['No', 0],
        ['No internet service', 2],
      ],
      ['No internet service', 'No', 'N'],
      [2, 0, NOT_SEEN],
    ],
    [
      'empty cell',
      [
        ['x', 1],
        ['', 5],
      ],
      ['', 'x', 'y'],
      [5, 1, NOT_SEEN],
    ],
    ['non-ASCII bytes', [['Café', 3]], ['Café', 'Cafe'], [3, NOT_SEEN]],
    [
      'beyond the limit',
      [
        ['a', 1],
        ['b', 2],
        ['c', 3],
      ],
      ['a', 'b', 'c'],
      [1, 2, NOT_SEEN],
    ],
    ['a spelling of 64 bytes or more is not kept', [['x'.repeat(64), 1]], ['x'.repeat(64)], [NOT_SEEN]],
    ['doubled quotes are not kept', [['"a""b"', 1]], ['"a""b"'], [NOT_SEEN]],
    ['quoted without doubled quotes: the bytes inside', [['"a b"', 4]], ['a b', '"a b"'], [4, 4]],
  ])('%s', (_, remembered, probes, expected) => {
    expect(lookUp(remembered, probes, 2)).toEqual(expected);
  });
});
