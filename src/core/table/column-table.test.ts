import { describe, expect, it } from 'vitest';
import { rejectedCount } from './column-table.ts';

describe('rejectedCount', () => {
  it.each([
    [[], 0],
    [[0, 0, 0], 0],
    [[1], 1],
    [[1, 0, 1, 1, 0], 3],
  ])('%j → %i', (flags, count) => {
    expect(rejectedCount({ rejected: Uint8Array.from(flags) })).toBe(count);
  });
});
