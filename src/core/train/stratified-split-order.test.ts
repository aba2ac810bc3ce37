import { describe, expect, it } from 'vitest';
import { seededRandom, shuffled } from './seeded-random.ts';
import { stratifiedFolds, stratifiedSplit } from './stratified-split.ts';

const ascending = (a: number, b: number) => a - b;
const y = Uint8Array.from({ length: 23 }, (_, i) => (i % 3 === 0 ? 1 : 0));
const byLabel = (label: number, rows: readonly number[] = [...y.keys()]) => rows.filter((r) => y[r] === label);

describe('the split and folds, row by row', () => {
  it('shuffles the stayers, then the churners, with one generator, and holds out the first share of each', () => {
    // The trained models depend on exactly this order of draws (the demo packages are checked against the trainer).
    const random = seededRandom(3);
    const stayers = shuffled(byLabel(0), random);
    const churners = shuffled(byLabel(1), random);
    const cut = (rows: number[]) => Math.round(rows.length * 0.25);
    const test = [...stayers.slice(0, cut(stayers)), ...churners.slice(0, cut(churners))].sort(ascending);
    const train = [...stayers.slice(cut(stayers)), ...churners.slice(cut(churners))].sort(ascending);
    expect(stratifiedSplit(y, 0.25, 3)).toEqual({ train, test });
  });

  it('splits only the rows it is given', () => {
    const rows = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];
    const { train, test } = stratifiedSplit(y, 0.5, 1, rows);
    expect([...train, ...test].sort(ascending)).toEqual(rows);
    expect(train).toEqual([...train].sort(ascending));
    expect(byLabel(1, test)).toHaveLength(2);
  });

  it('deals each shuffled class round the folds in turn, and returns each fold sorted', () => {
    const rows = [...y.keys()].reverse();
    const random = seededRandom(8);
    const expected: number[][] = [[], [], [], []];
    shuffled(byLabel(0, rows), random).forEach((r, i) => expected[i % 4]!.push(r));
    shuffled(byLabel(1, rows), random).forEach((r, i) => expected[i % 4]!.push(r));
    const folds = stratifiedFolds(rows, y, 4, 8);
    expect(folds).toEqual(expected.map((f) => f.sort(ascending)));
    for (const fold of folds) expect(fold).toEqual([...fold].sort(ascending));
  });
});
