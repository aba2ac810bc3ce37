import { describe, expect, it } from 'vitest';
import type { SpecColumn } from '../spec/model-spec.ts';
import { tableForSpec } from './table-for-spec.ts';

const columns: SpecColumn[] = [
  {
    name: 'tenure',
    label: 'Tenure',
    type: 'numeric',
    aliases: ['months'],
    impute: { constant: 0 },
    range: { min: 0, max: 1e6 },
    unit: 'none',
    sensitive: false,
  },
  {
    name: 'plan',
    label: 'Plan',
    type: 'categorical',
    aliases: ['tier'],
    categories: ['Basic', 'Pro'],
    synonyms: {},
    sensitive: false,
  },
];

describe('tableForSpec', () => {
  it('maps headers by name and alias, in any order, and numbers rows as a spreadsheet does', () => {
    const table = tableForSpec(
      ['tier', 'id', 'months'],
      [
        ['Pro', 'a', '3'],
        ['Gold', 'b', 'x'],
      ],
      { columns },
    );
    if (!table.ok) throw new Error(table.problem);
    expect(table.value.rowCount).toBe(2);
    expect(Array.from(table.value.numeric.get('tenure')!)).toEqual([3, Number.NaN]);
    expect(Array.from(table.value.codes.get('plan')!)).toEqual([1, -1]);
    expect(table.value.issues.map((i) => [i.row, i.column, i.kind])).toEqual([
      [3, 'tenure', 'rejected'],
      [3, 'plan', 'unknown-category'],
    ]);
  });

  it('reads decimal commas only when told to', () => {
    const read = (decimalComma?: boolean) => {
      const table = tableForSpec(['tenure', 'plan'], [['1,500', 'Basic']], { columns }, decimalComma);
      if (!table.ok) throw new Error(table.problem);
      return table.value.numeric.get('tenure')![0];
    };
    expect(read(true)).toBe(1.5);
    expect(read(false)).toBe(1500);
    expect(read()).toBe(1500);
  });

  it('gives an empty table for a header without rows', () => {
    const table = tableForSpec(['tenure', 'plan'], [], { columns });
    expect(table.ok && [table.value.rowCount, table.value.issues]).toEqual([0, []]);
  });

  it.each([
    [['tenure'], "The file lacks or repeats the model's columns: missing plan; ambiguous none."],
    [['id'], "The file lacks or repeats the model's columns: missing tenure, plan; ambiguous none."],
    [['plan', 'Months', 'months '], "The file lacks or repeats the model's columns: missing none; ambiguous tenure."],
    [
      ['Months', 'months ', 'tier', 'Tier'],
      "The file lacks or repeats the model's columns: missing none; ambiguous tenure, plan.",
    ],
  ])('refuses headers %j', (header, problem) => {
    expect(tableForSpec(header, [], { columns })).toEqual({ ok: false, problem });
  });
});
