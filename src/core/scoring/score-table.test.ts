import { afterEach, describe, expect, it, vi } from 'vitest';
import { Cancelled } from '../cancelled.ts';
import type { ModelSpec } from '../spec/model-spec.ts';
import type { ColumnTable } from '../table/column-table.ts';
import type { OnnxScorer } from './onnx-scorer.ts';
import { SCORE_BATCH_ROWS } from './onnx-scorer.ts';
import { scoreTable } from './score-table.ts';

// One numeric feature, standardised as itself: the features of row r are exactly [r].
const spec = {
  columns: [{ name: 'x', label: 'X', type: 'numeric', aliases: [], impute: { constant: 0 }, unit: 'none' }],
  features: [{ name: 'x', column: 'x', mean: 0, std: 1 }],
} as unknown as ModelSpec;

function tableOf(rows: number, rejected: number[] = []): ColumnTable {
  const flags = new Uint8Array(rows);
  for (const r of rejected) flags[r] = 1;
  return {
    rowCount: rows,
    numeric: new Map([['x', Float64Array.from({ length: rows }, (_, i) => i)]]),
    missing: new Map(),
    codes: new Map(),
    rejected: flags,
    issues: [],
  };
}

/** A scorer that answers each row's first feature as its "probability" and records the rows of each call. */
function echoScorer(width = 1) {
  const calls: number[] = [];
  const scorer: OnnxScorer = {
    score: (features, rows) => {
      calls.push(rows);
      expect(features).toHaveLength(rows * width);
      return Promise.resolve(Float32Array.from({ length: rows }, (_, i) => features[i * width]!));
    },
    release: () => Promise.resolve(),
  };
  return { scorer, calls };
}

afterEach(() => vi.restoreAllMocks());

describe('scoreTable', () => {
  it('scores in batches of 65,536 rows, each row with its own features, reporting progress per batch', async () => {
    const rows = SCORE_BATCH_ROWS + 1;
    const { scorer, calls } = echoScorer();
    const progress: number[] = [];
    const { probabilities } = await scoreTable(
      spec,
      tableOf(rows),
      scorer,
      (r) => progress.push(r),
      new AbortController().signal,
    );
    expect(calls).toEqual([SCORE_BATCH_ROWS, 1]);
    expect(progress).toEqual([SCORE_BATCH_ROWS, rows]);
    expect(probabilities).toHaveLength(rows);
    for (const row of [0, 1, SCORE_BATCH_ROWS - 1, SCORE_BATCH_ROWS]) expect(probabilities[row]).toBe(row);
  });

  it('hands the scorer every feature of every row when rows have several features', async () => {
    // Two features of x, the second standardised as x − 1: row r is [r, r − 1].
    const two = { ...spec, features: [...spec.features, { name: 'x2', column: 'x', mean: 1, std: 1 }] } as ModelSpec;
    const { scorer, calls } = echoScorer(2);
    const { probabilities } = await scoreTable(two, tableOf(5), scorer, () => {}, new AbortController().signal);
    expect(calls).toEqual([5]);
    expect(Array.from(probabilities)).toEqual([0, 1, 2, 3, 4]);
  });

  it.each([
    ['no rows', 0, [], []],
    ['one row', 1, [], [0]],
    ['one rejected row', 1, [0], [NaN]],
    ['rejected rows first, between and last', 5, [0, 2, 4], [NaN, 1, NaN, 3, NaN]],
  ])('%s: NaN exactly for the rejected rows', async (_, rows, rejected, expected) => {
    const { scorer, calls } = echoScorer();
    const result = await scoreTable(spec, tableOf(rows, rejected), scorer, () => {}, new AbortController().signal);
    expect(Array.from(result.probabilities)).toEqual(expected);
    expect(calls).toEqual(rows ? [rows] : []);
  });

  it('refuses to start when already cancelled, and stops between batches when cancelled during one', async () => {
    const before = new AbortController();
    before.abort();
    const idle = echoScorer();
    await expect(scoreTable(spec, tableOf(3), idle.scorer, () => {}, before.signal)).rejects.toBeInstanceOf(Cancelled);
    expect(idle.calls).toEqual([]);

    const during = new AbortController();
    const busy = echoScorer();
    const scoring = scoreTable(spec, tableOf(SCORE_BATCH_ROWS + 1), busy.scorer, () => during.abort(), during.signal);
    await expect(scoring).rejects.toBeInstanceOf(Cancelled);
    expect(busy.calls).toEqual([SCORE_BATCH_ROWS]);
  });

  it('adds up the time spent building features and the time spent scoring, batch by batch', async () => {
    // Each batch reads the clock before the features, between features and scoring, and after scoring.
    const clock = [100, 102, 107, 110, 113, 120];
    vi.spyOn(performance, 'now').mockImplementation(() => clock.shift()!);
    const { scorer } = echoScorer();
    const timings = await scoreTable(
      spec,
      tableOf(SCORE_BATCH_ROWS + 1),
      scorer,
      () => {},
      new AbortController().signal,
    );
    expect(timings.featuresMs).toBe(2 + 3);
    expect(timings.inferenceMs).toBe(5 + 7);
    expect(clock).toEqual([]);
  });
});
