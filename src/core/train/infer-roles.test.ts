import { describe, expect, it } from 'vitest';
import { inferRoles, looksSensitive } from './infer-roles.ts';
import type { RawTable } from './raw-table.ts';

const table = (columns: Record<string, string[]>): RawTable => {
  const headers = Object.keys(columns);
  return { headers, columns: headers.map((h) => columns[h]!), rowCount: columns[headers[0]!]!.length, raggedRows: 0 };
};
const n = 100;
const each = (f: (i: number) => string) => Array.from({ length: n }, (_, i) => f(i));

describe('inferRoles', () => {
  const t = table({
    CustomerId: each((i) => String(15_600_000 + i)),
    Surname: each((i) => `Name${i % 97}`),
    Code: each((i) => `C-${i}`),
    Score: each((i) => String(300 + ((i * 37) % 550))),
    RowNumber: each((i) => String(i + 1)),
    Category: each((i) => `K${i % 60}`),
    Balance: each((i) => (i % 5 === 0 ? '-120.5' : `${i * 10.25}`)),
    Geography: each((i) => ['France', 'Spain', 'germany', 'GERMANY '][i % 4]!),
    Joined: each((i) => `2023-0${(i % 9) + 1}-1${i % 10}`),
    Signup: each((i) => `1${i % 10}/0${(i % 9) + 1}/2023`),
    Notes: each((i) => `free text number ${i}`),
    Country: each(() => 'FR'),
    Fax: each((i) => (i < 70 ? '' : String(i))),
    Mostly: each((i) => (i < 98 ? String(i) : 'n/a')),
    Messy: each((i) => (i < 97 ? String(i) : 'twelve')),
    Exited: each((i) => String(i % 2)),
  });
  // Worked out inside each test, not while the file is collected: StrykerJS counts a mutant that
  // makes collection throw as surviving (no test failed), where a test would have failed.
  const roles = () =>
    Object.fromEntries(inferRoles(t, t.headers.indexOf('Exited')).map((r) => [r.name, [r.role, r.reason]]));

  it.each([
    ['CustomerId', 'id', 'a different value in every row: the customer ID'],
    ['Surname', 'left-out', 'free text or codes: 97 different values'],
    ['Code', 'left-out', 'a different value in every row: another identifier'],
    ['Score', 'numeric', 'numeric: 100 % of filled cells are numbers'],
    ['RowNumber', 'left-out', 'a different value in every row: another identifier'],
    ['Category', 'left-out', 'too many different values (60) for a category'],
    ['Balance', 'numeric', 'numeric: 100 % of filled cells are numbers'],
    ['Geography', 'categorical', 'categorical: 3 different values'],
    ['Joined', 'left-out', 'dates are not used yet'],
    ['Signup', 'left-out', 'dates are not used yet'],
    ['Notes', 'left-out', 'a different value in every row: another identifier'],
    ['Country', 'left-out', 'the same value in every row: it cannot tell customers apart'],
    ['Fax', 'left-out', 'mostly blank (70 % of rows)'],
    ['Mostly', 'numeric', 'numeric: 100 % of filled cells are numbers'],
    [
      'Messy',
      'left-out',
      'mixed: 97 % of filled cells are numbers, 98 % needed; fix the text cells or set the type in the config',
    ],
    ['Exited', 'outcome', 'the outcome the model learns to predict'],
  ])('%s is %s: %s', (name, role, reason) => {
    expect(roles()[name]).toEqual([role, reason]);
  });

  it("takes the ID column it is given, and the config's types and exclusions", () => {
    const r = inferRoles(
      t,
      t.headers.indexOf('Exited'),
      { columns: { Score: { type: 'categorical' }, Geography: { include: false } } },
      'Code',
    );
    const by = Object.fromEntries(r.map((x) => [x.name, x.role]));
    expect(by).toMatchObject({ Code: 'id', CustomerId: 'left-out', Score: 'categorical', Geography: 'left-out' });
  });

  it('reads 98 % numbers as numeric and 97 % as not', () => {
    const cells = (bad: number) => each((i) => (i < n - bad ? String(i % 70) : 'x'));
    const r = inferRoles(table({ a: cells(2), b: cells(3), y: each((i) => String(i % 2)) }), 2);
    expect(r.map((x) => x.role)).toEqual(['numeric', 'left-out', 'outcome']);
  });

  it('treats exactly 60 % blank as usable and more as mostly blank', () => {
    const blanks = (k: number) => each((i) => (i < k ? 'NA' : String(i % 7)));
    const r = inferRoles(table({ a: blanks(60), b: blanks(61), y: each((i) => String(i % 2)) }), 2);
    expect(r.map((x) => x.role)).toEqual(['numeric', 'left-out', 'outcome']);
  });

  it('keeps up to 50 levels as categorical, not 51', () => {
    const levels = (k: number) => each((i) => `L${i % k}`);
    const r = inferRoles(table({ a: levels(50), b: levels(51), y: each((i) => String(i % 2)) }), 2);
    expect(r.map((x) => x.role)).toEqual(['categorical', 'left-out', 'outcome']);
  });
});

describe('looksSensitive', () => {
  it.each([
    ['gender', true],
    ['Gender', true],
    ['Sex', true],
    ['Age', true],
    ['age_years', true],
    ['SeniorCitizen', true],
    ['Senior Citizen', true],
    ['Race', true],
    ['Ethnicity', true],
    ['Religion', true],
    ['MaritalStatus', true],
    ['Marital', true],
    ['Nationality', true],
    ['Disability', true],
    ['Tenure', false],
    ['Page', false],
    ['Usage', false],
    ['Message', false],
    ['Average', false],
    ['Trace', false],
    ['Essex', false],
    ['Balance', false],
  ])('%s -> %s', (name, sensitive) => {
    expect(looksSensitive(name)).toBe(sensitive);
  });
});
