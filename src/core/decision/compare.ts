import type { PackedIds } from '../ids/packed-ids.ts';
import { fail, ok, type Result } from '../result.ts';
import type { RiskBandSpec } from '../spec/model-spec.ts';
import { riskBandIndex } from './risk-band.ts';

/**
 * This month against last month: two files scored with the same model and threshold,
 * matched by customer ID. Every row of both files lands in exactly one place:
 * before = stayed + left, now = stayed + new.
 */
export interface ScoredFile {
  ids: PackedIds | null;
  probabilities: ArrayLike<number>;
  /** 1 churned, 0 stayed, 255 unknown; null without an outcome column. */
  labels: Uint8Array | null;
}

export interface Comparison {
  before: number;
  now: number;
  stayed: number;
  left: number;
  added: number;
  /** Per row of the current file: its row in the earlier file, or -1 for a new customer. */
  beforeRowOf: Int32Array;
  /** Rows of the current file (matched customers scored in both files). */
  newlyAtRisk: Uint32Array;
  noLongerAtRisk: Uint32Array;
  riskUp: Uint32Array;
  riskDown: Uint32Array;
  /** Rows of the current file absent from the earlier one. */
  newCustomers: Uint32Array;
  /** Rows of the earlier file absent from the current one. */
  leftRows: Uint32Array;
  /** Of those who left, how many the earlier file marks as churned; null when it has no outcomes. */
  leftChurned: number | null;
  /** Matched customers rejected (unscored) in either file: in no risk group, still counted as stayed. */
  stayedUnscored: number;
  /** moves[from][to]: matched customers by risk band before and now. */
  bandMoves: number[][];
}

export interface CompareProblem {
  message: string;
  duplicatesBefore: number;
  duplicatesNow: number;
  blankBefore: number;
  blankNow: number;
}

/** A change of this many probability points or more counts as risk up or down. */
export const MOVE_POINTS = 0.1;
// Probabilities arrive as float32: 0.35 − 0.25 is 0.0999999 there, which a person reads as 10 points.
const FLOAT32_SLACK = 1e-6;

const isSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0 || c === 0xfeff;

/** Where row i's ID starts and ends in the packed text, surrounding spaces left out. */
function span(ids: PackedIds, i: number): [number, number] {
  let start = ids.offsets[i]!;
  let end = ids.offsets[i + 1]!;
  while (start < end && isSpace(ids.text.charCodeAt(start))) start++;
  while (end > start && isSpace(ids.text.charCodeAt(end - 1))) end--;
  return [start, end];
}

/**
 * IDs hashed straight from the packed text into an open-addressing table: no string per row.
 * At 1M rows a Map of sliced strings took ~8 s on this loaded machine, this ~0.3 s (npm run bench).
 */
class IdIndex {
  private readonly slots: Int32Array;
  private readonly mask: number;
  duplicates = 0;
  blank = 0;

  constructor(
    private readonly ids: PackedIds,
    rows: number,
  ) {
    let size = 16;
    while (size < rows * 2) size *= 2;
    this.slots = new Int32Array(size).fill(-1);
    this.mask = size - 1;
    for (let i = 0; i < rows; i++) {
      const [start, end] = span(ids, i);
      if (start === end) {
        this.blank++;
        continue;
      }
      const slot = this.find(ids, start, end);
      if (this.slots[slot] === -1) this.slots[slot] = i;
      else this.duplicates++;
    }
  }

  /** Row of the ID at other.text[start, end), or -1. */
  rowOf(other: PackedIds, start: number, end: number): number {
    return this.slots[this.find(other, start, end)]!;
  }

  private find(other: PackedIds, start: number, end: number): number {
    let h = 0x811c9dc5;
    for (let c = start; c < end; c++) h = Math.imul(h ^ other.text.charCodeAt(c), 0x01000193);
    let slot = h & this.mask;
    for (;;) {
      const row = this.slots[slot]!;
      if (row === -1 || this.same(row, other, start, end)) return slot;
      slot = (slot + 1) & this.mask;
    }
  }

  private same(row: number, other: PackedIds, start: number, end: number): boolean {
    const [s, e] = span(this.ids, row);
    if (e - s !== end - start) return false;
    for (let k = 0; k < e - s; k++)
      if (this.ids.text.charCodeAt(s + k) !== other.text.charCodeAt(start + k)) return false;
    return true;
  }
}

export function compareFiles(
  before: ScoredFile,
  now: ScoredFile,
  threshold: number,
  bands: readonly RiskBandSpec[],
): Result<Comparison, CompareProblem> {
  const none = { duplicatesBefore: 0, duplicatesNow: 0, blankBefore: 0, blankNow: 0 };
  if (!before.ids || !now.ids) {
    const which =
      !before.ids && !now.ids
        ? 'Neither file has'
        : !before.ids
          ? 'The earlier file has no'
          : 'The current file has no';
    return fail({
      ...none,
      message: `${which} customer ID column, so customers cannot be matched between the files. Export both with the customer ID.`,
    });
  }
  const a = new IdIndex(before.ids, before.probabilities.length);
  const b = new IdIndex(now.ids, now.probabilities.length);
  if (a.duplicates + b.duplicates + a.blank + b.blank > 0) {
    const parts = [
      a.duplicates && `${a.duplicates} repeated ID${a.duplicates === 1 ? '' : 's'} in the earlier file`,
      b.duplicates && `${b.duplicates} repeated ID${b.duplicates === 1 ? '' : 's'} in the current file`,
      a.blank && `${a.blank} blank ID${a.blank === 1 ? '' : 's'} in the earlier file`,
      b.blank && `${b.blank} blank ID${b.blank === 1 ? '' : 's'} in the current file`,
    ].filter(Boolean);
    return fail({
      message: `Customers cannot be matched one to one: ${parts.join(', ')}. Each customer must appear once, with an ID, in each file.`,
      duplicatesBefore: a.duplicates,
      duplicatesNow: b.duplicates,
      blankBefore: a.blank,
      blankNow: b.blank,
    });
  }

  const rowsNow = now.probabilities.length;
  const rowsBefore = before.probabilities.length;
  const beforeRowOf = new Int32Array(rowsNow).fill(-1);
  const matched = new Uint8Array(rowsBefore);
  const groups = {
    newlyAtRisk: [] as number[],
    noLongerAtRisk: [] as number[],
    riskUp: [] as number[],
    riskDown: [] as number[],
    newCustomers: [] as number[],
  };
  const bandMoves = bands.map(() => bands.map(() => 0));
  let stayedUnscored = 0;
  for (let i = 0; i < rowsNow; i++) {
    const [start, end] = span(now.ids, i);
    const j = a.rowOf(now.ids, start, end);
    if (j === -1) {
      groups.newCustomers.push(i);
      continue;
    }
    beforeRowOf[i] = j;
    matched[j] = 1;
    const p0 = before.probabilities[j]!;
    const p1 = now.probabilities[i]!;
    if (Number.isNaN(p0) || Number.isNaN(p1)) {
      stayedUnscored++;
      continue;
    }
    if (p1 >= threshold && p0 < threshold) groups.newlyAtRisk.push(i);
    if (p1 < threshold && p0 >= threshold) groups.noLongerAtRisk.push(i);
    if (p1 - p0 >= MOVE_POINTS - FLOAT32_SLACK) groups.riskUp.push(i);
    if (p0 - p1 >= MOVE_POINTS - FLOAT32_SLACK) groups.riskDown.push(i);
    bandMoves[riskBandIndex(p0, bands)]![riskBandIndex(p1, bands)]!++;
  }
  const leftRows: number[] = [];
  let leftChurned = before.labels ? 0 : null;
  for (let j = 0; j < rowsBefore; j++) {
    if (matched[j]) continue;
    leftRows.push(j);
    if (leftChurned !== null && before.labels![j] === 1) leftChurned++;
  }
  const stayed = rowsNow - groups.newCustomers.length;
  return ok({
    before: rowsBefore,
    now: rowsNow,
    stayed,
    left: leftRows.length,
    added: groups.newCustomers.length,
    beforeRowOf,
    newlyAtRisk: Uint32Array.from(groups.newlyAtRisk),
    noLongerAtRisk: Uint32Array.from(groups.noLongerAtRisk),
    riskUp: Uint32Array.from(groups.riskUp),
    riskDown: Uint32Array.from(groups.riskDown),
    newCustomers: Uint32Array.from(groups.newCustomers),
    leftRows: Uint32Array.from(leftRows),
    leftChurned,
    stayedUnscored,
    bandMoves,
  });
}

/** The counts a host page or a summary needs, without the row lists. */
export function comparisonSummary(c: Comparison) {
  return {
    before: c.before,
    now: c.now,
    stayed: c.stayed,
    left: c.left,
    added: c.added,
    newlyAtRisk: c.newlyAtRisk.length,
    noLongerAtRisk: c.noLongerAtRisk.length,
    riskUp: c.riskUp.length,
    riskDown: c.riskDown.length,
    leftChurned: c.leftChurned,
    stayedUnscored: c.stayedUnscored,
  };
}
export type ComparisonSummary = ReturnType<typeof comparisonSummary>;
