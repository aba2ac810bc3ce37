import { describe, expect, it } from 'vitest';
import type { SpecColumn } from '../spec/model-spec.ts';
import { TableBuilder } from '../table/table-builder.ts';
import { blankOnlyWhenStayed, leakOf, LEAK_AUC } from './leakage.ts';
import { NO_OUTCOME, resolveOutcome, suggestPositive, distinctValues } from './outcome.ts';
import type { RawTable } from './raw-table.ts';
import { defaultRiskBands } from './risk-bands.ts';

const table = (columns: Record<string, string[]>): RawTable => {
  const headers = Object.keys(columns);
  return { headers, columns: headers.map((h) => columns[h]!), rowCount: columns[headers[0]!]!.length, raggedRows: 0 };
};

describe('resolveOutcome', () => {
  it('reads two values, with blanks and markers as "no outcome", matching the header loosely', () => {
    const r = resolveOutcome(
      table({ id: ['1', '2', '3', '4', '5'], 'Churn Flag': ['Yes', 'no', ' YES ', 'NA', ''] }),
      'churn_flag',
      undefined,
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value).toMatchObject({
      column: 'Churn Flag',
      positive: 'Yes',
      negative: 'no',
      positives: 2,
      negatives: 1,
      missing: 2,
    });
    expect(Array.from(r.value.y)).toEqual([1, 0, 1, NO_OUTCOME, NO_OUTCOME]);
  });

  it.each([
    [
      { y: ['a', 'b', 'c'] },
      'y',
      undefined,
      'has 3 different values ("a", "b", "c"); it must have exactly two, such as Yes/No or 1/0.',
    ],
    [
      { y: ['a', 'a', 'NA'] },
      'y',
      undefined,
      'has only one value ("a"): a model needs customers who left and customers who stayed.',
    ],
    [
      { y: ['', 'NA', '-'] },
      'y',
      undefined,
      'has no values: a model needs customers who left and customers who stayed.',
    ],
    [{ y: ['a', 'b'] }, 'z', undefined, 'The file has no column "z". Its columns are: "y".'],
    [{ y: ['a', 'b'] }, 'y', 'c', 'has no value "c"; its values are "a", "b". Choose one of them'],
  ])('refuses %j (target %s, positive %s)', (columns, target, positive, message) => {
    const r = resolveOutcome(table(columns), target, positive);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problem).toContain(message);
  });
});

describe('suggestPositive', () => {
  it.each([
    [['Yes', 'No'], 'Yes'],
    [['0', '1'], '1'],
    [['false', 'true'], 'true'],
    [['stayed', 'churned'], 'churned'],
    [['good', 'bad'], 'bad'],
    [['A', 'A', 'A', 'B'], 'B'],
    [['B', 'A'], 'A'],
  ])('%j -> %s', (cells, positive) => {
    expect(suggestPositive(distinctValues(cells))).toBe(positive);
  });
});

describe('leakage', () => {
  const y = Uint8Array.from({ length: 200 }, (_, i) => (i % 3 === 0 ? 1 : 0));
  const rows = [...y.keys()];
  const numeric = (name: string): SpecColumn => ({
    name,
    label: name,
    type: 'numeric',
    aliases: [],
    impute: { constant: 0 },
    range: { min: 0, max: 1e9 },
    unit: 'none',
    sensitive: false,
  });
  const build = (cells: string[]) => {
    const column = numeric('x');
    const b = new TableBuilder([column], new Map([['x', 0]]), { decimalComma: false });
    cells.forEach((c, i) => b.addRow([c], i + 2));
    return { column, table: b.finish() };
  };

  it('flags a column that alone separates the outcome, and not a merely useful one', () => {
    const perfect = rows.map((r) => String(y[r]! * 100 + (r % 7)));
    const { column, table: t } = build(perfect);
    const leak = leakOf(column, t, perfect, rows, y);
    expect(leak.leak).toBe(true);
    expect(leak.auc).toBeGreaterThanOrEqual(LEAK_AUC);
    expect(leak.why).toContain('probably recorded after the customer left');
    // Useful but noisy: a third of rows swap sides.
    const noisy = rows.map((r) => String((r % 3 === 1 ? 1 - y[r]! : y[r]!) * 100 + (r % 7)));
    const other = build(noisy);
    expect(leakOf(other.column, other.table, noisy, rows, y).leak).toBe(false);
  });

  it('flags a column that is blank exactly for the customers who stayed, like a cancellation date', () => {
    const cancelled = rows.map((r) => (y[r] ? `2024-01-${(r % 28) + 1}` : ''));
    expect(blankOnlyWhenStayed(cancelled, rows, y)).toBe(true);
    const oneExtraBlank = cancelled.map((c, r) => (r === 0 ? '' : c));
    expect(blankOnlyWhenStayed(oneExtraBlank, rows, y)).toBe(false);
    expect(
      blankOnlyWhenStayed(
        rows.map(() => 'x'),
        rows,
        y,
      ),
    ).toBe(false);
  });
});

describe('defaultRiskBands', () => {
  it.each([
    [0.26, [0, 0.13, 0.26, 0.52]],
    [0.03, [0, 0.015, 0.03, 0.06]],
    [0.6, [0, 0.3, 0.6, 0.99]],
    [0.005, [0, 0.003, 0.005, 0.01]],
    [0.0004, [0, 0.001]],
  ])('base rate %f -> bands from %j', (rate, froms) => {
    const bands = defaultRiskBands(rate);
    expect(bands.map((b) => b.from)).toEqual(froms);
    expect(bands[0]!.name).toBe('Low');
  });
});
