import { describe, expect, it } from 'vitest';
import { pick, seededRandom, shuffled } from './seeded-random.ts';

describe('seededRandom (mulberry32)', () => {
  it("gives mulberry32's published sequence, which every trained model's split and folds depend on", () => {
    // mulberry32(1) starts 0.6270739405881613, as in the reference implementation.
    const one = seededRandom(1);
    expect([one(), one(), one()]).toEqual([0.6270739405881613, 0.002735721180215478, 0.5274470399599522]);
    const zero = seededRandom(0);
    expect([zero(), zero()]).toEqual([0.26642920868471265, 0.0003297457005828619]);
  });

  it('reads the seed as an unsigned 32-bit integer', () => {
    expect(seededRandom(2 ** 32 + 1)()).toBe(seededRandom(1)());
    expect(seededRandom(-1)()).toBe(seededRandom(2 ** 32 - 1)());
  });

  it('stays in [0, 1) and spreads evenly over 10,000 draws', () => {
    const random = seededRandom(5);
    const draws = Float64Array.from({ length: 10_000 }, random);
    expect(Math.min(...draws)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...draws)).toBeLessThan(1);
    const tenths = new Array<number>(10).fill(0);
    for (const u of draws) tenths[Math.floor(u * 10)]!++;
    // Each tenth expects 1,000 draws (sd 30): 850–1,150 is five sd either way.
    for (const count of tenths) expect(count).toBeGreaterThan(850);
    for (const count of tenths) expect(count).toBeLessThan(1_150);
  });
});

describe('shuffled', () => {
  it('returns a new array with the same items, leaving the input as it was', () => {
    const items = [1, 2, 3, 4, 5, 6];
    const out = shuffled(items, seededRandom(42));
    expect(out).toEqual([2, 1, 5, 6, 3, 4]);
    expect(items).toEqual([1, 2, 3, 4, 5, 6]);
    expect(shuffled([], seededRandom(1))).toEqual([]);
    expect(shuffled(['only'], seededRandom(1))).toEqual(['only']);
  });

  it('draws one number per item after the first, so a shared generator goes on where the shuffle left it', () => {
    const random = seededRandom(42);
    shuffled([1, 2, 3, 4, 5, 6], random);
    const reference = seededRandom(42);
    for (let i = 0; i < 5; i++) reference();
    expect(random()).toBe(reference());
  });

  it('deals every order of three items about equally often (Fisher–Yates, not a biased swap)', () => {
    const random = seededRandom(9);
    const counts = new Map<string, number>();
    for (let i = 0; i < 6_000; i++) {
      const key = shuffled(['a', 'b', 'c'], random).join('');
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    expect([...counts.keys()].sort()).toEqual(['abc', 'acb', 'bac', 'bca', 'cab', 'cba']);
    // 1,000 expected each (sd 29).
    for (const count of counts.values()) expect(Math.abs(count - 1_000)).toBeLessThan(150);
  });

  it('moves the first item as often as any other', () => {
    const random = seededRandom(3);
    let firstStays = 0;
    for (let i = 0; i < 4_000; i++) if (shuffled([0, 1, 2, 3], random)[0] === 0) firstStays++;
    expect(Math.abs(firstStays - 1_000)).toBeLessThan(150);
  });
});

describe('pick', () => {
  const constant = (u: number) => () => u;
  const options = [
    ['a', 0.25],
    ['b', 0.5],
    ['c', 0.25],
  ] as const;

  it.each([
    [0, 'a'],
    [0.2499, 'a'],
    [0.25, 'b'],
    [0.7499, 'b'],
    [0.75, 'c'],
    [0.9999, 'c'],
  ])('draw %f -> %s (a draw on a boundary goes to the next option)', (u, value) => {
    expect(pick(constant(u), options)).toBe(value);
  });

  it('gives the last option any rounding leftover', () => {
    expect(
      pick(constant(0.99), [
        ['x', 0.5],
        ['y', 0.45],
      ]),
    ).toBe('y');
  });
});
