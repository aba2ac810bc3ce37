import { describe, expect, it } from 'vitest';
import { f1OptimalThreshold, recallFirstThreshold } from './choose-thresholds.ts';

const labels = (...v: number[]) => Uint8Array.from(v);

describe('the recall-first threshold', () => {
  it.each<[string, number[], number[], number, number]>([
    // Four churners at 0.9, 0.7, 0.4, 0.2: 80 % of four is 3.2, so four must be flagged.
    ['rounds the churners needed up', [1, 1, 0, 1, 1, 0], [0.9, 0.7, 0.8, 0.4, 0.2, 0.1], 0.8, 0.2],
    // Exactly three of four at 75 %: the third churner's score, not the fourth's.
    ['takes the churner that reaches the target exactly', [1, 1, 0, 1, 1], [0.9, 0.7, 0.8, 0.4, 0.2], 0.75, 0.4],
    ['takes the best churner for a target of one in many', [0, 1, 1, 1], [0.99, 0.3, 0.6, 0.5], 0.3, 0.6],
    ['flags every churner at a target of 1', [1, 0, 1], [0.35, 0.1, 0.65], 1, 0.35],
    ['reads the order of the scores, not of the rows', [1, 1, 1], [0.2, 0.6, 0.4], 2 / 3, 0.4],
    ['floors to four decimals so the target still holds', [1, 1], [0.123456, 0.9], 1, 0.1234],
  ])('%s', (_, y, p, target, threshold) => {
    expect(recallFirstThreshold(labels(...y), p, target)).toBe(threshold);
  });

  it('refuses rows without a churner', () => {
    expect(() => recallFirstThreshold(labels(0, 0), [0.2, 0.4], 0.8)).toThrow(/No positive rows/);
  });
});

describe('the F1-optimal threshold', () => {
  it.each<[string, number[], number[], number]>([
    // Flagging the top one: F1 = 2/(1+2) = 0.667; the top two: 2·2/(2+2) = 1.
    ['stops where every churner is flagged and nobody else', [1, 1, 0, 0], [0.9, 0.8, 0.3, 0.2], 0.8],
    ['reads the order of the scores, not of the rows', [0, 1, 0, 1], [0.3, 0.8, 0.2, 0.9], 0.8],
    // Cutting inside the tie at 0.5 is not a threshold: both rows are flagged or neither.
    ['cuts only between distinct scores', [1, 0, 1, 0], [0.9, 0.5, 0.5, 0.1], 0.5],
    // The top one alone: 2/(1+2) = 0.667; all four: 2·2/(4+2) = 0.667: the first (higher) is kept.
    ['keeps the higher threshold when two are as good', [1, 0, 0, 1], [0.9, 0.8, 0.7, 0.6], 0.9],
    ['floors to four decimals', [1, 0], [0.987654, 0.1], 0.9876],
    ['takes the lowest score when only flagging everyone catches the churner', [0, 0, 1], [0.9, 0.8, 0.7], 0.7],
  ])('%s', (_, y, p, threshold) => {
    expect(f1OptimalThreshold(labels(...y), p)).toBe(threshold);
  });

  it('flags only the top score when nobody churned: every cut has F1 0, and the first is kept', () => {
    expect(f1OptimalThreshold(labels(0, 0), [0.3, 0.6])).toBe(0.6);
  });
});
