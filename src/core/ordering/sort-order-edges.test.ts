import { describe, expect, it } from 'vitest';
import { sortOrder, sortOrderByText } from './sort-order.ts';

const order = (keys: ArrayLike<number>, descending: boolean) => Array.from(sortOrder(keys, descending));

describe('sortOrder at the edges', () => {
  it.each([
    [[], false, []],
    [[7], true, [0]],
    [[NaN, NaN], false, [0, 1]],
    [[NaN, NaN], true, [0, 1]],
    [[2, 2, 2], true, [0, 1, 2]],
    [[2, 2, 2], false, [0, 1, 2]],
  ])('%j descending=%s -> %j', (keys, descending, expected) => {
    expect(order(keys, descending)).toEqual(expected);
  });

  it('orders signed zeros, infinities and the float32 extremes', () => {
    const keys = [Infinity, -0, 0, -Infinity, 3.4e38, -3.4e38, 1e-45, -1e-45];
    // ±1e-45 is one step from ±0, under the dropped lowest bit: each ties with its zero, in file order.
    expect(order(keys, false)).toEqual([3, 5, 1, 7, 2, 6, 4, 0]);
    expect(order(keys, true)).toEqual([0, 4, 2, 6, 1, 7, 5, 3]);
  });

  it('keeps NaN last in both directions, next to the largest key', () => {
    expect(order([NaN, Infinity, 1], false)).toEqual([2, 1, 0]);
    expect(order([NaN, Infinity, 1], true)).toEqual([1, 2, 0]);
  });

  it('tells apart keys one float32 step apart only when the step is above the lowest bit', () => {
    const one = Math.fround(1);
    const twoUp = Math.fround(1 + 2 ** -22);
    expect(order([twoUp, one], false)).toEqual([1, 0]);
  });
});

describe('sortOrderByText at the edges', () => {
  const sorted = (ids: string[], descending: boolean) =>
    Array.from(sortOrderByText((i) => ids[i]!, ids.length, descending));

  it.each([
    [[], false, []],
    [['a', 'A', 'á'], false, [0, 1, 2]],
    [['a', 'A', 'á'], true, [0, 1, 2]],
    [['x2', 'x10', 'x1'], false, [2, 0, 1]],
    [['x2', 'x10', 'x1'], true, [1, 0, 2]],
  ])('%j descending=%s -> %j', (ids, descending, expected) => {
    expect(sorted(ids, descending)).toEqual(expected);
  });
});
