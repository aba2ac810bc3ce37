import { describe, expect, it } from 'vitest';
import type { SpecColumn } from '../spec/model-spec.ts';
import { TableBuilder } from '../table/table-builder.ts';
import { blankOnlyWhenStayed, leakOf, LEAK_AUC } from './leakage.ts';
import { distinctValues, resolveOutcome, suggestPositive } from './outcome.ts';
import type { RawTable } from './raw-table.ts';

const table = (columns: Record<string, string[]>): RawTable => {
  const headers = Object.keys(columns);
  return { headers, columns: headers.map((h) => columns[h]!), rowCount: columns[headers[0]!]!.length, raggedRows: 0 };
};

describe('suggestPositive: each word for "left" wins over the rarer value', () => {
  it.each([
    'yes',
    'Y',
    '1',
    'TRUE',
    't',
    'Churn',
    'churned',
    'Left',
    'exited',
    'cancelled',
    'canceled',
    'attrited',
    'lost',
    'bad',
    'default',
    'positive',
  ])('%s', (word) => {
    // The word is the commoner value here, so only the word list can choose it.
    expect(suggestPositive(distinctValues([word, word, 'stayed']))).toBe(word);
  });

  it('takes the rarer value when no value, or both, are words for "left"', () => {
    expect(suggestPositive(distinctValues(['kept', 'kept', 'gone']))).toBe('gone');
    expect(suggestPositive(distinctValues(['yes', 'yes', 'true']))).toBe('true');
  });
});

describe('resolveOutcome messages', () => {
  it('shows the first spelling of a value, trimmed', () => {
    const r = resolveOutcome(table({ y: [' Yes ', 'yes', 'No'] }), 'y', undefined);
    expect(r.ok && [r.value.positive, r.value.negative]).toEqual(['Yes', 'No']);
  });

  it('lists every header when the outcome column is missing', () => {
    const r = resolveOutcome(table({ a: ['1'], b: ['2'] }), 'churn', undefined);
    expect(r).toEqual({ ok: false, problem: 'The file has no column "churn". Its columns are: "a", "b".' });
  });

  it('finds the outcome column by an alias', () => {
    const r = resolveOutcome(table({ id: ['1', '2'], Exited: ['1', '0'] }), 'Churn', undefined, ['exited']);
    expect(r.ok && r.value.column).toBe('Exited');
  });

  it.each([
    [['a', 'b', 'c', 'd', 'e'], '5 different values ("a", "b", "c", "d", "e"); it must'],
    [['a', 'b', 'c', 'd', 'e', 'f'], '6 different values ("a", "b", "c", "d", "e", …); it must'],
    [['a', 'b', 'c', 'd', 'e', 'f', 'g'], '7 different values ("a", "b", "c", "d", "e", …); it must'],
  ])('shows at most five of %j', (cells, message) => {
    const r = resolveOutcome(table({ y: cells }), 'y', undefined);
    expect(!r.ok && r.problem).toContain(message);
  });
});

describe('leakOf edges', () => {
  const numeric: SpecColumn = {
    name: 'x',
    label: 'x',
    type: 'numeric',
    aliases: [],
    impute: { constant: 0 },
    range: { min: -1e9, max: 1e9 },
    unit: 'none',
    sensitive: false,
  };
  const categorical: SpecColumn = {
    name: 'x',
    label: 'x',
    type: 'categorical',
    aliases: [],
    categories: ['A', 'B', 'C'],
    synonyms: {},
    sensitive: false,
  };
  const leakOfCells = (column: SpecColumn, cells: string[], y: Uint8Array) => {
    const builder = new TableBuilder([column], new Map([['x', 0]]), { decimalComma: false });
    cells.forEach((cell, i) => builder.addRow([cell], i + 2));
    return leakOf(column, builder.finish(), cells, [...y.keys()], y);
  };

  it('gives a column with one value an AUC of 0.5 and no leak', () => {
    const y = Uint8Array.from({ length: 20 }, (_, i) => i % 2);
    expect(leakOfCells(numeric, Array<string>(20).fill('7'), y)).toEqual({ auc: 0.5, leak: false, why: '' });
  });

  it('reads negative numbers on either side of 0 in their order', () => {
    // Churners and others on both sides of 0 (min + max = 0); the AUC is counted pair by pair.
    const cells = ['-10', '-1', '1', '10', '-5', '5', '0', '0', '-3', '3'];
    const y = Uint8Array.from([1, 0, 0, 1, 1, 0, 1, 0, 1, 0]);
    const pairs = (p: number, n: number) => (p > n ? 1 : p === n ? 0.5 : 0);
    const positives = cells.filter((_, i) => y[i]).map(Number);
    const negatives = cells.filter((_, i) => !y[i]).map(Number);
    let ordered = 0;
    for (const p of positives) for (const n of negatives) ordered += pairs(p, n);
    const auc = ordered / (positives.length * negatives.length);
    expect(leakOfCells(numeric, cells, y).auc).toBeCloseTo(Math.max(auc, 1 - auc), 12);
  });

  it("scores a category by its training rows' outcome rate", () => {
    // A: 100 rows, 10 churn (rate 0.1); B: 10 rows, 5 churn (0.5); C: 50 rows, none.
    const cells = [...Array<string>(100).fill('A'), ...Array<string>(10).fill('B'), ...Array<string>(50).fill('C')];
    const y = Uint8Array.from(cells, (c, i) => (c === 'A' ? (i < 10 ? 1 : 0) : c === 'B' ? (i < 105 ? 1 : 0) : 0));
    // Ordered C < A < B: a churner of A beats C's 50 and ties A's 90; one of B beats 140 and ties 5.
    const auc = (10 * (50 + 45) + 5 * (140 + 2.5)) / (15 * 145);
    const leak = leakOfCells(categorical, cells, y);
    expect(leak.auc).toBeCloseTo(auc, 12);
    expect(leak.leak).toBe(false);
  });

  it('flags a category that is the outcome', () => {
    const cells = Array.from({ length: 40 }, (_, i) => (i % 2 ? 'A' : 'B'));
    const y = Uint8Array.from(cells, (c) => (c === 'A' ? 1 : 0));
    expect(leakOfCells(categorical, cells, y)).toMatchObject({ auc: 1, leak: true });
  });

  it('says why when a column is blank exactly for the customers who stayed, before its AUC', () => {
    const y = Uint8Array.from({ length: 40 }, (_, i) => (i % 4 === 0 ? 1 : 0));
    const cells = Array.from(y, (v, i) => (v ? String(i % 3) : ''));
    const leak = leakOfCells(numeric, cells, y);
    expect(leak.leak).toBe(true);
    expect(leak.why).toBe(
      'probably recorded after the customer left: it is blank exactly for the customers who stayed',
    );
  });

  it('flags an AUC of exactly the line, and not just below it', () => {
    // 50 churners and 50 others; one churner below every other: 50 of 2,500 pairs out of order, AUC 0.98.
    const y = Uint8Array.from({ length: 100 }, (_, i) => (i < 50 ? 1 : 0));
    const at = Array.from(y, (v, i) => String(v ? (i === 0 ? -1 : 100 + i) : i));
    const exactly = leakOfCells(numeric, at, y);
    expect(exactly.auc).toBe(LEAK_AUC);
    expect(exactly.leak).toBe(true);
    expect(exactly.why).toContain('separates the outcome almost perfectly (ROC AUC 0.980)');
    // Two churners below every other: AUC 0.96.
    const below = at.map((c, i) => (i === 1 ? '-2' : c));
    expect(leakOfCells(numeric, below, y)).toEqual({ auc: 0.96, leak: false, why: '' });
  });
});

describe('blankOnlyWhenStayed edges', () => {
  const rows = [0, 1, 2, 3];
  it.each([
    ['every row stayed and every cell is blank', ['', '', '', ''], [0, 0, 0, 0], false],
    ['every row left and no cell is blank', ['a', 'b', 'c', 'd'], [1, 1, 1, 1], false],
    ['one stayed and is the only blank', ['', 'b', 'c', 'd'], [0, 1, 1, 1], true],
    ['three stayed and are the only blanks', ['', '', '', 'd'], [0, 0, 0, 1], true],
    ['a churner is blank too', ['', '', '', ''], [0, 0, 0, 1], false],
  ])('%s -> %s', (_, cells, labels, expected) => {
    expect(blankOnlyWhenStayed(cells, rows, Uint8Array.from(labels))).toBe(expected);
  });
});
