import { describe, expect, it } from 'vitest';
import { stratifiedFolds, stratifiedSplit } from './stratified-split.ts';

describe('the stratified split', () => {
  it('holds out the share of each class, every row once, sorted', () => {
    const y = Uint8Array.from({ length: 1_000 }, (_, i) => (i % 4 === 0 ? 1 : 0));
    const { train, test } = stratifiedSplit(y, 0.2, 3);
    expect(test.filter((i) => y[i] === 1)).toHaveLength(50);
    expect(test.filter((i) => y[i] === 0)).toHaveLength(150);
    expect([...train, ...test].sort((a, b) => a - b)).toEqual([...y.keys()]);
    expect(test).toEqual([...test].sort((a, b) => a - b));
  });

  it('splits a million rows (spreading the rows into push() overflowed the stack)', () => {
    const y = Uint8Array.from({ length: 1_000_000 }, (_, i) => (i % 4 === 0 ? 1 : 0));
    const { train, test } = stratifiedSplit(y, 0.2, 3);
    expect(test).toHaveLength(200_000);
    expect(train).toHaveLength(800_000);
  });

  it('deals each class out in turn: every row once, and each fold within one row per class of the others', () => {
    const y = Uint8Array.from({ length: 103 }, (_, i) => (i % 5 === 0 ? 1 : 0));
    const folds = stratifiedFolds([...y.keys()], y, 5, 4);
    expect(folds.flat().sort((a, b) => a - b)).toEqual([...y.keys()]);
    // 21 churners and 82 others: 4 or 5 churners and 16 or 17 others per fold.
    for (const fold of folds) {
      expect([4, 5]).toContain(fold.filter((i) => y[i] === 1).length);
      expect([16, 17]).toContain(fold.filter((i) => y[i] === 0).length);
    }
  });
});
