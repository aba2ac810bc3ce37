import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { idAt, packIds, unpackIds } from './packed-ids.ts';

describe('packIds', () => {
  it('packs IDs end to end with one offset more than IDs', () => {
    const packed = packIds(['A1', '', 'B22']);
    expect(packed.text).toBe('A1B22');
    expect(Array.from(packed.offsets)).toEqual([0, 2, 2, 5]);
  });

  it('packs no IDs as one zero offset', () => {
    expect(packIds([])).toEqual({ text: '', offsets: Uint32Array.of(0) });
  });

  it('gives back every ID, the first and the last included', () => {
    fc.assert(
      fc.property(fc.array(fc.string()), (ids) => {
        const packed = packIds(ids);
        expect(ids.map((_, i) => idAt(packed, i))).toEqual(ids);
      }),
    );
  });

  it('gives back every ID when the IDs span many of the batches it joins as it goes', () => {
    const ids = Array.from({ length: 10_000 }, (_, i) => (i % 7 === 0 ? '' : `C-${i}`));
    const packed = packIds(ids);
    expect(packed.offsets.length).toBe(ids.length + 1);
    expect(packed.text).toBe(ids.join(''));
    expect(unpackIds(packed)).toEqual(ids);
  });
});
