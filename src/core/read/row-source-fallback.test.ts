import { describe, expect, it } from 'vitest';
import { RowTextStore } from '../csv/row-text-store.ts';
import { fileRows, keptTextRows } from './row-source.ts';

const kept = (text: string, delimiter: string) => {
  const store = new RowTextStore();
  store.append(text);
  return keptTextRows(store, delimiter);
};

describe.each([
  ["the file's bytes", (text: string, delimiter: string) => fileRows(new Blob([text]), 'utf-8', delimiter)],
  ['the kept text', kept],
])('rows read again from %s', (_, source) => {
  it('reads rows one by one at their own offsets when the block does not split into as many rows, after a header', async () => {
    // The first data row's range holds a line break (a row cut short by an unquoted one).
    const text = 'h,i\na,b\nc\nd,e\nf,g';
    expect(await source(text, ',').rows([4, 10, 14], [9, 13, 17], 0, 3)).toEqual({
      cells: [
        ['a', 'b'],
        ['d', 'e'],
        ['f', 'g'],
      ],
      texts: ['a,b\nc', 'd,e', 'f,g'],
    });
    expect((await source(text, ',').rows([4, 10, 14], [9, 13, 17], 1, 3)).cells).toEqual([
      ['d', 'e'],
      ['f', 'g'],
    ]);
  });

  it("splits cells at the file's delimiter only, even where another would look likelier", async () => {
    const text = 'a,b;c\nd;e,f';
    expect((await source(text, ';').rows([0, 6], [5, 11], 0, 2)).cells).toEqual([
      ['a,b', 'c'],
      ['d', 'e,f'],
    ]);
  });
});
