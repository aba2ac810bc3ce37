import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RiskBandSpec } from '../spec/model-spec.ts';
import { compareFiles, comparisonSummary, type ScoredFile } from './compare.ts';

const bands: RiskBandSpec[] = [
  { name: 'Low', from: 0 },
  { name: 'Medium', from: 0.15 },
  { name: 'High', from: 0.35 },
  { name: 'Very high', from: 0.6 },
];

function file(rows: { id: string; p: number; label?: number }[], withLabels = false): ScoredFile {
  const offsets = new Uint32Array(rows.length + 1);
  let text = '';
  rows.forEach((r, i) => {
    text += r.id;
    offsets[i + 1] = text.length;
  });
  return {
    ids: { text, offsets },
    probabilities: Float32Array.from(rows.map((r) => r.p)),
    labels: withLabels ? Uint8Array.from(rows.map((r) => r.label ?? 255)) : null,
  };
}

const sorted = (a: Uint32Array) => Array.from(a).sort((x, y) => x - y);

describe('compareFiles', () => {
  it('sorts customers into the groups', () => {
    const before = file(
      [
        { id: 'A', p: 0.1 },
        { id: 'B', p: 0.5 },
        { id: 'C', p: 0.3 },
        { id: 'D', p: 0.7, label: 1 },
        { id: 'E', p: 0.2, label: 0 },
        { id: 'F', p: NaN },
      ],
      true,
    );
    const now = file([
      { id: 'C', p: 0.45 },
      { id: 'B', p: 0.2 },
      { id: 'A', p: 0.41 },
      { id: 'G', p: 0.9 },
      { id: 'F', p: 0.5 },
    ]);
    const result = compareFiles(before, now, 0.4, bands);
    if (!result.ok) throw new Error(result.problem.message);
    const c = result.value;
    expect(comparisonSummary(c)).toEqual({
      before: 6,
      now: 5,
      stayed: 4,
      left: 2,
      added: 1,
      newlyAtRisk: 2,
      noLongerAtRisk: 1,
      riskUp: 2,
      riskDown: 1,
      leftChurned: 1,
      stayedUnscored: 1,
    });
    expect(sorted(c.newlyAtRisk)).toEqual([0, 2]);
    expect(sorted(c.noLongerAtRisk)).toEqual([1]);
    expect(sorted(c.riskUp)).toEqual([0, 2]);
    expect(sorted(c.riskDown)).toEqual([1]);
    expect(sorted(c.newCustomers)).toEqual([3]);
    expect(sorted(c.leftRows)).toEqual([3, 4]);
    expect(Array.from(c.beforeRowOf)).toEqual([2, 1, 0, -1, 5]);
    // A: Low → High, B: High → Medium, C: Medium → High.
    expect(c.bandMoves).toEqual([
      [0, 0, 1, 0],
      [0, 0, 1, 0],
      [0, 1, 0, 0],
      [0, 0, 0, 0],
    ]);
  });

  it('counts a move of exactly 10 points, as float32 stores it', () => {
    const c = compareFiles(
      file([
        { id: 'A', p: 0.25 },
        { id: 'B', p: 0.5 },
      ]),
      file([
        { id: 'A', p: 0.35 },
        { id: 'B', p: 0.41 },
      ]),
      0.5,
      bands,
    );
    expect(c.ok && comparisonSummary(c.value)).toMatchObject({ riskUp: 1, riskDown: 0 });
  });

  it('refuses files without an ID column', () => {
    const noIds = { ...file([{ id: 'A', p: 0.2 }]), ids: null };
    const r = compareFiles(noIds, file([{ id: 'A', p: 0.2 }]), 0.5, bands);
    expect(r).toEqual({
      ok: false,
      problem: expect.objectContaining({
        message:
          'The earlier file has no customer ID column, so customers cannot be matched between the files. Export both with the customer ID.',
      }),
    });
  });

  it('refuses repeated and blank IDs with their counts', () => {
    const r = compareFiles(
      file([
        { id: 'A', p: 0.2 },
        { id: 'A', p: 0.3 },
        { id: ' ', p: 0.1 },
      ]),
      file([
        { id: 'A', p: 0.2 },
        { id: 'B', p: 0.1 },
        { id: 'B', p: 0.1 },
        { id: 'B', p: 0.1 },
      ]),
      0.5,
      bands,
    );
    expect(r).toEqual({
      ok: false,
      problem: {
        message:
          'Customers cannot be matched one to one: 1 repeated ID in the earlier file, 2 repeated IDs in the current file, 1 blank ID in the earlier file. Each customer must appear once, with an ID, in each file.',
        duplicatesBefore: 1,
        duplicatesNow: 2,
        blankBefore: 1,
        blankNow: 0,
      },
    });
  });

  it('handles two empty files', () => {
    const c = compareFiles(file([]), file([]), 0.5, bands);
    expect(c.ok && comparisonSummary(c.value)).toMatchObject({ before: 0, now: 0, stayed: 0, left: 0, added: 0 });
  });

  it('adds up on generated pairs of monthly files with known moves', () => {
    const move = fc.constantFrom('same', 'up', 'down', 'cross-up', 'cross-down');
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(fc.constantFrom('stay', 'leave', 'join'), move, fc.double({ min: 0.0, max: 0.25, noNaN: true })),
          { maxLength: 80 },
        ),
        fc.integer({ min: 0, max: 1000 }),
        (customers, seed) => {
          // Threshold 0.5; 'up'/'down' move 0.2 without crossing it, 'cross-*' move across it.
          const before: { id: string; p: number }[] = [];
          const now: { id: string; p: number }[] = [];
          const expected = { up: 0, down: 0, newly: 0, noLonger: 0 };
          customers.forEach(([fate, how, base], k) => {
            const id = `C${k}`;
            const [p0, p1] =
              how === 'same'
                ? [base, base]
                : how === 'up'
                  ? [base, base + 0.2]
                  : how === 'down'
                    ? [base + 0.2, base]
                    : how === 'cross-up'
                      ? [base + 0.1, base + 0.6]
                      : [base + 0.6, base + 0.1];
            if (fate !== 'join') before.push({ id, p: p0 });
            if (fate !== 'leave') now.push({ id, p: p1 });
            if (fate !== 'stay') return;
            if (how === 'up' || how === 'cross-up') expected.up++;
            if (how === 'down' || how === 'cross-down') expected.down++;
            if (how === 'cross-up') expected.newly++;
            if (how === 'cross-down') expected.noLonger++;
          });
          // Shuffle the current file so rows do not line up.
          const shuffled = now
            .map((r, i) => ({ r, key: (i * 7919 + seed) % 1009 }))
            .sort((x, y) => x.key - y.key)
            .map((x) => x.r);
          const result = compareFiles(file(before), file(shuffled), 0.5, bands);
          if (!result.ok) throw new Error(result.problem.message);
          const c = result.value;
          const stays = customers.filter(([fate]) => fate === 'stay').length;
          expect(c.before).toBe(c.stayed + c.left);
          expect(c.now).toBe(c.stayed + c.added);
          expect(c.stayed).toBe(stays);
          expect(c.left).toBe(customers.filter(([fate]) => fate === 'leave').length);
          expect(c.added).toBe(customers.filter(([fate]) => fate === 'join').length);
          expect(comparisonSummary(c)).toMatchObject({
            riskUp: expected.up,
            riskDown: expected.down,
            newlyAtRisk: expected.newly,
            noLongerAtRisk: expected.noLonger,
          });
          expect(c.bandMoves.flat().reduce((a, b) => a + b, 0)).toBe(stays);
          c.newlyAtRisk.forEach((row) => expect(shuffled[row]!.p).toBeGreaterThanOrEqual(0.5));
        },
      ),
      { numRuns: 200 },
    );
  });
});
