import { describe, expect, it } from 'vitest';
import { inferRoles, looksSensitive } from './infer-roles.ts';
import type { RawTable } from './raw-table.ts';
import type { TrainingConfig } from './training-config.ts';

const n = 100;
const each = (f: (i: number) => string) => Array.from({ length: n }, (_, i) => f(i));
const table = (columns: Record<string, string[]>): RawTable => {
  const headers = Object.keys(columns);
  return { headers, columns: headers.map((h) => columns[h]!), rowCount: n, raggedRows: 0 };
};
const outcome = each((i) => String(i % 2));

/** The role and reason of one column, beside an outcome column. */
const roleOf = (name: string, cells: string[], config?: TrainingConfig) => {
  const [r] = inferRoles(table({ [name]: cells, churned: outcome }), 1, config);
  return [r!.role, r!.reason];
};
const uniqueIntegers = each((i) => String(1_000 + i));

describe('a name like an identifier makes unique whole numbers the ID', () => {
  it.each([
    ['CustomerID', true],
    ['customerid', true],
    // Punctuation at the end is dropped with the spaces around the words.
    ['CustomerID#', true],
    ['CustomerNo', true],
    ['Account No', true],
    ['No', true],
    ['Code', true],
    ['id_card', true],
    ['Key Account', true],
    // A header cut by a capital letter is still read whole.
    ['NumBer', true],
    ['Number of products', false],
    ['Paid amount', false],
    ['Kidney score', false],
    ['Idle minutes', false],
    ['Balance', false],
  ])('%s: %s', (name, id) => {
    expect(roleOf(name, uniqueIntegers)).toEqual(
      id
        ? ['id', 'a different value in every row: the customer ID']
        : ['numeric', 'numeric: 100 % of filled cells are numbers'],
    );
  });

  it('takes a column named like an ID with 95 % different values, and not one with 94 %', () => {
    const repeats = (k: number) => each((i) => String(1_000 + (i < n - k ? i : 0)));
    expect(roleOf('AccountNo', repeats(5))).toEqual([
      'id',
      'named like an identifier and nearly unique: the customer ID',
    ]);
    expect(roleOf('AccountNo', repeats(6))).toEqual(['numeric', 'numeric: 100 % of filled cells are numbers']);
  });

  it('reads a unique column with 98 % numbers as numeric, and 97 % as an identifier', () => {
    const texts = (k: number) => each((i) => (i < k ? `text ${i}` : String(i * 3.5)));
    expect(roleOf('Score', texts(2))).toEqual(['numeric', 'numeric: 98 % of filled cells are numbers']);
    expect(roleOf('Score', texts(3))).toEqual(['id', 'a different value in every row: the customer ID']);
  });

  it('does not call a column with a blank cell unique', () => {
    const cells = each((i) => (i === 0 ? '' : `note ${i}`));
    expect(roleOf('Notes', cells)).toEqual(['left-out', 'free text or codes: 99 different values']);
  });
});

describe('dates', () => {
  const days = (f: (day: number) => string) => each((i) => f((i % 9) + 1));
  it.each([
    [' 2023-01-0D ', true],
    ['2023-1-D 13:45', true],
    ['2023-01-0DT13:45:30', true],
    ['2023-01-0D 13:45:30.123', true],
    ['2023-01-0D 13:45:30.5Z', true],
    ['2023-01-0D 13:45+01:00', true],
    ['2023-01-0D 13:45:30-0500', true],
    ['D/02/23', true],
    ['0D.12.2023', true],
    ['x2023-01-0D', false],
    ['2023-01-0D x', false],
    ['2023-01-0Dx13:45', false],
    ['2023-01-0D 1:5', false],
    ['2023-01-0D 13:45:3', false],
    ['2023-01-0D 13:45:30.', false],
    ['2023-01-0D 13:45+1', false],
    ['x1/02/2023', false],
    ['D/02/20234', false],
    ['D/02/2', false],
  ])('%s: %s', (pattern, date) => {
    const [role, reason] = roleOf(
      'When',
      days((d) => pattern.replace('D', String(d))),
    );
    expect(role === 'left-out' && reason === 'dates are not used yet').toBe(date);
  });

  it('needs 98 % of filled cells to be dates', () => {
    const cells = (k: number) => each((i) => (i < k ? `unknown ${i % 2}` : `2023-01-0${(i % 9) + 1}`));
    expect(roleOf('When', cells(2))).toEqual(['left-out', 'dates are not used yet']);
    expect(roleOf('When', cells(3))).toEqual(['categorical', 'categorical: 11 different values']);
  });
});

describe('columns that cannot be used', () => {
  it('says when every cell is blank', () => {
    expect(
      roleOf(
        'Fax',
        each(() => 'NA'),
      ),
    ).toEqual(['left-out', 'every cell is blank']);
  });

  it('reads decimal commas as text, not numbers', () => {
    expect(
      roleOf(
        'Rate',
        each((i) => `${i % 5},5`),
      ),
    ).toEqual(['categorical', 'categorical: 5 different values']);
  });

  it('calls a column mixed from half of its cells being numbers, and free text above 80 % different values', () => {
    // 25 different numbers and 30 different texts: 55 values, too many for a category.
    const mixed = (numbers: number) => each((i) => (i < numbers ? String(i % 25) : `t${i % 30}`));
    expect(roleOf('Value', mixed(50))).toEqual([
      'left-out',
      'mixed: 50 % of filled cells are numbers, 98 % needed; fix the text cells or set the type in the config',
    ]);
    expect(roleOf('Value', mixed(49))).toEqual(['left-out', 'too many different values (55) for a category']);
    const text = (distinct: number) => each((i) => `t${i % distinct}`);
    expect(roleOf('Value', text(80))).toEqual(['left-out', 'too many different values (80) for a category']);
    expect(roleOf('Value', text(81))).toEqual(['left-out', 'free text or codes: 81 different values']);
  });

  it('writes large counts with thousands separators', () => {
    const rows = 2_400;
    const cells = Array.from({ length: rows }, (_, i) => `t${i % 1_200}`);
    const y = Array.from({ length: rows }, (_, i) => String(i % 2));
    const [r] = inferRoles({ headers: ['Note', 'y'], columns: [cells, y], rowCount: rows, raggedRows: 0 }, 1);
    expect(r!.reason).toBe('too many different values (1,200) for a category');
  });
});

describe('the config and the ID column', () => {
  it('takes the ID by its configured name or alias, once, and marks sensitive columns', () => {
    const t = table({
      Ref: each((i) => `r${i}`),
      Reference: each((i) => `R${i}`),
      ref: each((i) => `x${i}`),
      Gender: each((i) => (i % 2 ? 'F' : 'M')),
      Region: each((i) => `z${i % 3}`),
      churned: outcome,
    });
    const config: TrainingConfig = {
      id: { column: 'Reference', aliases: ['ref'] },
      columns: { Region: { sensitive: true }, Gender: { sensitive: false } },
    };
    const roles = inferRoles(t, 5, config);
    expect(roles.map((r) => [r.name, r.role, r.reason, r.sensitive])).toEqual([
      ['Ref', 'id', 'named as the customer ID', false],
      ['Reference', 'left-out', 'a different value in every row: another identifier', false],
      ['ref', 'left-out', 'a different value in every row: another identifier', false],
      ['Gender', 'categorical', 'categorical: 2 different values', false],
      ['Region', 'categorical', 'categorical: 3 different values', true],
      ['churned', 'outcome', 'the outcome the model learns to predict', false],
    ]);
    expect(inferRoles(t, 5)[3]!.sensitive).toBe(true);
  });

  it('follows the configured type and exclusion, and says so', () => {
    expect(roleOf('CustomerId', uniqueIntegers, { columns: { CustomerId: { type: 'numeric' } } })).toEqual([
      'numeric',
      'numeric, as the config says',
    ]);
    expect(
      roleOf(
        'Plan',
        each((i) => `p${i}`),
        { columns: { Plan: { type: 'categorical' } } },
      ),
    ).toEqual(['categorical', 'categorical, as the config says']);
    expect(
      roleOf(
        'Plan',
        each((i) => `p${i % 3}`),
        { columns: { Plan: { include: false } } },
      ),
    ).toEqual(['left-out', 'left out by the config']);
    expect(
      roleOf(
        'Fax',
        each(() => ''),
        { columns: { Fax: { type: 'numeric' } } },
      ),
    ).toEqual(['numeric', 'numeric, as the config says']);
  });
});

describe('looksSensitive, more spellings', () => {
  it.each([
    ['ReligiousBelief', true],
    ['Gender code', true],
    ['DisAbled', true],
    ['ethnic_group', true],
    ['Citizenship', true],
    ['Married', true],
    ['Agency', false],
  ])('%s -> %s', (name, sensitive) => {
    expect(looksSensitive(name)).toBe(sensitive);
  });
});
