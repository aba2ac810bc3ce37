import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { unpackIds } from '../ids/packed-ids.ts';
import { FIXTURE_DIR } from '../../../test/fixtures/bad-input/make-fixtures.ts';
import { expectRowsAccountedFor } from './row-accounting.test-support.ts';
import { readAndScore } from './read-and-score.test-support.ts';

// The corpus's UTF-16 files with their byte-order mark taken off, as some exports write them:
// recognised by the pattern of zero bytes and read exactly like the file with the mark.
describe('UTF-16 without a BOM', () => {
  it.each([
    ['utf16le-bom.csv', 'utf-16le', ['Åsa', 'Łukasz', '山田']],
    ['utf16be-bom.csv', 'utf-16be', ['Åsa', 'Łukasz']],
  ] as const)('%s without its BOM', async (name, encoding, ids) => {
    const withBom = new Uint8Array(readFileSync(join(FIXTURE_DIR, name)));
    const withoutBom = withBom.slice(2);
    const marked = await readAndScore(withBom, name);
    const bare = await readAndScore(withoutBom, name);
    expect(bare.read.streamed.encoding).toBe(encoding);
    expect(unpackIds(bare.read.ids!)).toEqual(ids);
    expect(bare.read.headers).toEqual(marked.read.headers);
    expect(Array.from(bare.probabilities)).toEqual(Array.from(marked.probabilities));
    expect(await expectRowsAccountedFor(bare)).toEqual(await expectRowsAccountedFor(marked));
  });

  it('still refuses bytes with zeros in both positions as binary', async () => {
    const bytes = Uint8Array.from({ length: 256 }, (_, i) => (i % 3 === 0 ? 0 : 0x41));
    await expect(readAndScore(bytes, 'odd.csv')).rejects.toThrow('odd.csv looks like binary data');
  });
});
