import { describe, expect, it } from 'vitest';
import { rewrittenRow } from './rewritten-row.ts';

/** Three headers, comma-delimited: how a row that cannot be copied as it is becomes its export line. */
describe('rewrittenRow', () => {
  it.each([
    ['one cell per header, kept as the file has it', ['a', 'b', 'c'], '"a",b,c', false, '"a",b,c', ''],
    ['a formula among other cells: rewritten, only it neutralised', ['=1', 'b', 'c'], '"=1",b,c', false, "'=1,b,c", ''],
    ['a rejected row: rewritten from its cells', ['a', 'b,c', 'd'], 'a,"b,c",d', true, 'a,"b,c",d', ''],
    ['a rejected short row with a broken quote', ['a', 'b,c'], 'a,"b,c', true, 'a,"b,c",', ''],
    ['a short row: empty cells up to the last header', ['a', 'b'], 'a,b', false, 'a,b,', ''],
    ['one cell: two empty cells after it', ['a'], 'a', false, 'a,,', ''],
    ['values beyond the headers move after the appended columns', ['a', 'b', 'c', 'd'], 'a,b,c,d', true, 'a,b,c', ',d'],
    [
      '…quoted and neutralised there',
      ['"a"', 'b', 'c', 'x,y', '=z'],
      '"""a""",b,c,"x,y",=z',
      true,
      '"""a""",b,c',
      ',"x,y",\'=z',
    ],
    ['values beyond the headers, blank or not, all move', ['a', 'b', 'c', '', 'x'], 'a,b,c,,x', true, 'a,b,c', ',,x'],
    ['empty values beyond the headers are dropped', ['a', 'b', 'c', '', ''], '"a",b,c,,', false, 'a,b,c', ''],
  ])('%s', (_, cells, text, rejected, original, extra) => {
    expect(rewrittenRow(cells, text, 3, ',', rejected)).toEqual({ original, extra });
  });

  it('uses the file’s delimiter between cells and for the missing ones', () => {
    expect(rewrittenRow(['a;b', '=c'], 'x', 3, ';', false)).toEqual({ original: '"a;b";\'=c;', extra: '' });
  });
});
