import { describe, expect, it } from 'vitest';
import { buildCategorical, buildNumeric } from './build-columns.ts';
import { chooseLog1p } from './choose-transform.ts';
import type { ColumnRole } from './infer-roles.ts';
import type { RawTable } from './raw-table.ts';
import { seededRandom } from './seeded-random.ts';

const role = (name: string): ColumnRole => ({
  name,
  index: 0,
  role: 'categorical',
  reason: '',
  sensitive: false,
  missingShare: 0,
  distinct: 0,
});
const one = (cells: string[]): RawTable => ({
  headers: ['x'],
  columns: [cells],
  rowCount: cells.length,
  raggedRows: 0,
});
const all = (n: number) => Array.from({ length: n }, (_, i) => i);

describe('buildCategorical', () => {
  it('keeps levels seen in at least 1 % and 10 rows, pools the rest into Other, and adds (missing) when training saw blanks', () => {
    // 2,000 rows: A 1,000, b 900, C 60, then 20 rows of rare values (under 1 % each) and 20 blanks.
    const cells = [
      ...Array(1000).fill('A'),
      ...Array(900).fill(' b'),
      ...Array(60).fill('C'),
      ...Array(19).fill('rare1'),
      'rare2',
      ...Array(10).fill('NA'),
      ...Array(10).fill(''),
    ];
    const built = buildCategorical(one(cells), role('x'), {}, all(cells.length));
    const c = built.column;
    if (c.type !== 'categorical') throw new Error('categorical expected');
    expect(c.categories).toEqual(['A', 'b', 'C', 'Other', '(missing)']);
    expect(c.other).toBe('Other');
    expect(c.missing).toBe('(missing)');
    expect(c.frequencies).toEqual([0.5, 0.45, 0.03, 0.01, 0.01]);
    expect(built.features.map((f) => f.name)).toEqual(['x=A', 'x=b', 'x=C', 'x=Other', 'x=(missing)']);
    expect(built.notes).toEqual(['20 training row(s) with rare values pooled into "Other"']);
  });

  it('needs 10 rows even when 1 % is fewer', () => {
    const cells = [...Array(300).fill('A'), ...Array(10).fill('B'), ...Array(9).fill('C')];
    const c = buildCategorical(one(cells), role('x'), {}, all(cells.length)).column;
    expect(c.type === 'categorical' && c.categories).toEqual(['A', 'B', 'Other']);
  });

  it("uses the config's categories and synonyms, with no Other or (missing) when nothing needs them", () => {
    const cells = ['Month-to-month', 'monthly', 'Two year', '2 years', 'One year'];
    const c = buildCategorical(
      one(cells),
      role('x'),
      {
        categories: ['Month-to-month', 'One year', 'Two year'],
        synonyms: { Monthly: 'Month-to-month', '2 years': 'Two year' },
      },
      all(5),
    ).column;
    expect(c).toMatchObject({
      categories: ['Month-to-month', 'One year', 'Two year'],
      frequencies: [0.4, 0.2, 0.4],
      synonyms: { monthly: 'Month-to-month', '2 years': 'Two year' },
    });
    expect(c.type === 'categorical' && (c.other ?? c.missing)).toBeUndefined();
  });

  it('names the pooled level so it cannot clash with a real "Other" value', () => {
    const cells = [...Array(50).fill('other'), ...Array(50).fill('A'), 'z'];
    const c = buildCategorical(one(cells), role('x'), {}, all(cells.length)).column;
    expect(c.type === 'categorical' && [c.categories, c.other]).toEqual([
      ['A', 'other', 'Other (rare values)'],
      'Other (rare values)',
    ]);
  });
});

describe('buildNumeric', () => {
  const y = Uint8Array.from(all(400), (i) => i % 2);
  it('imputes the training median, adds a missing indicator above 1 % missing, and blanks unreadable cells', () => {
    const cells = all(400).map((i) => (i < 8 ? 'NA' : i === 9 ? 'twelve' : String(i)));
    const built = buildNumeric(one(cells), { ...role('x'), role: 'numeric' }, { transform: 'none' }, all(400), y);
    expect(built.column).toMatchObject({ impute: { constant: 204 }, range: { min: 8, max: 399 }, unit: 'none' });
    expect(built.features.map((f) => f.name)).toEqual(['x', 'x is missing']);
    expect(built.cells[9]).toBe('');
    expect(built.notes).toEqual(['1 cell(s) were not numbers: read as missing']);
  });

  it('adds no indicator at exactly 1 % missing, and blanks values outside the configured bounds', () => {
    const cells = all(400).map((i) => (i < 4 ? '' : i === 5 ? '-3' : String(i)));
    const built = buildNumeric(
      one(cells),
      { ...role('x'), role: 'numeric' },
      { transform: 'none', bounds: { min: 0, max: 1000 } },
      all(400),
      y,
    );
    expect(built.features.map((f) => f.name)).toEqual(['x', 'x is missing']);
    const exact = buildNumeric(
      one(all(400).map((i) => (i < 4 ? '' : String(i)))),
      { ...role('x'), role: 'numeric' },
      { transform: 'none' },
      all(400),
      y,
    );
    expect(exact.features.map((f) => f.name)).toEqual(['x']);
    expect(built.notes).toEqual(['1 cell(s) were outside the bounds 0–1000: read as missing']);
  });
});

describe('chooseLog1p', () => {
  const random = seededRandom(11);
  const n = 3000;
  const train = all(n);
  it('takes the log scale when the outcome follows log(1 + x), and not when it follows x', () => {
    const x = Float64Array.from(train, () => Math.exp(random() * 6) - 1);
    const logTruth = Uint8Array.from(train, (i) =>
      random() < 1 / (1 + Math.exp(-(2 * Math.log1p(x[i]!) - 6))) ? 1 : 0,
    );
    const linearTruth = Uint8Array.from(train, (i) => (random() < 1 / (1 + Math.exp(-(x[i]! / 100 - 1))) ? 1 : 0));
    expect(chooseLog1p(x, train, logTruth)).toBe(true);
    expect(chooseLog1p(x, train, linearTruth)).toBe(false);
  });

  it('never takes it for a column with negative values', () => {
    const x = Float64Array.from(train, () => Math.exp(random() * 6) - 2);
    const y = Uint8Array.from(train, (i) => (random() < 1 / (1 + Math.exp(-(2 * Math.log(x[i]! + 2) - 6))) ? 1 : 0));
    expect(chooseLog1p(x, train, y)).toBe(false);
  });
});
