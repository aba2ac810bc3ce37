import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ModelSpec } from '../spec/model-spec.ts';
import { readAndScore } from './read-and-score.test-support.ts';
import { headerProblem, shapeProblem, shorten } from './row-shape.ts';

const core = JSON.parse(
  readFileSync(new URL('../../../public/models/telco-core.json', import.meta.url), 'utf8'),
) as ModelSpec;
// customerID, tenure, MonthlyCharges, TotalCharges, Contract, PaymentMethod, Note
const cellOf = new Map([
  ['tenure', 1],
  ['MonthlyCharges', 2],
  ['TotalCharges', 3],
  ['Contract', 4],
  ['PaymentMethod', 5],
]);
const HEADERS = 7;
const LAST_MODEL_CELL = 5;
const good = ['A', '1', '70', '70', 'Two year', 'Mailed check', 'note'];

describe('shapeProblem', () => {
  it.each<[string, string[], string | undefined]>([
    ['a full row', good, undefined],
    ['a row without the last, unused column', good.slice(0, 6), undefined],
    ['extra values that are all blank', [...good, '', '  '], undefined],
    [
      'an extra value',
      [...good, 'x'],
      'This row has 8 values but the header has 7, so its values may be under the wrong headers (often a value with an unquoted comma in it). Extra values: "x".',
    ],
    [
      'four extra values',
      [...good, 'a', 'b', 'c', 'd'],
      'This row has 11 values but the header has 7, so its values may be under the wrong headers (often a value with an unquoted comma in it). Extra values: "a", "b", "c", ….',
    ],
    [
      'a row cut short',
      ['A', '1', '70'],
      'This row has 3 values but the header has 7; it has no Total charges, Contract, Payment method, so it looks cut short.',
    ],
    [
      'a row cut just before the last model column',
      good.slice(0, 5),
      'This row has 5 values but the header has 7; it has no Payment method, so it looks cut short.',
    ],
  ])('%s', (_, cells, message) => {
    expect(shapeProblem(cells, HEADERS, LAST_MODEL_CELL, ',', core, cellOf)?.message).toBe(message);
  });

  it('names the delimiter the file uses and keeps the value short', () => {
    const problem = shapeProblem([...good, 'y'.repeat(300)], HEADERS, LAST_MODEL_CELL, ';', core, cellOf)!;
    expect(problem.message).toContain('unquoted semicolon');
    expect(problem.message).toContain(`"${'y'.repeat(40)}…"`);
    expect(problem.value).toBe(`${'y'.repeat(200)}…`);
  });
});

describe('headerProblem', () => {
  it.each<[string, string[], string | undefined]>([
    ['ordinary headers', ['customerID', 'tenure'], undefined],
    ['10,000 headers', Array.from({ length: 10_000 }, (_, i) => `c${i}`), undefined],
    [
      '10,001 values',
      Array.from({ length: 10_001 }, (_, i) => `c${i}`),
      'f.csv: row 2 should be the header, but it has 10,001 values, far more than any customer export has columns. Check that this is a CSV export of customers whose first row names the columns.',
    ],
    [
      'a 1,001-character value',
      ['a', 'b'.repeat(1001)],
      'f.csv: row 2 should be the header, but it holds a value 1,001 characters long, not a column name. Check that this is a CSV export of customers whose first row names the columns.',
    ],
  ])('%s', (_, cells, message) => {
    expect(headerProblem(cells, 'f.csv', 2)).toBe(message);
  });
});

describe('shorten', () => {
  it.each([
    ['abc', 3, 'abc'],
    ['abcd', 3, 'abc…'],
    ['', 3, ''],
  ])('%s to %d', (text, max, out) => {
    expect(shorten(text, max)).toBe(out);
  });
});

const advice = 'Check that this is a CSV export of customers whose first row names the columns.';

describe('headerProblem at its limits', () => {
  it.each<[string, string[], string | undefined]>([
    ['a value of exactly 1,000 characters', ['a', 'b'.repeat(1000)], undefined],
    [
      'a long value before shorter ones',
      ['b'.repeat(1001), 'a', 'c'],
      `f.csv: row 1 should be the header, but it holds a value 1,001 characters long, not a column name. ${advice}`,
    ],
    [
      'the longest of several long values',
      ['b'.repeat(1500), 'c'.repeat(2000), 'd'.repeat(1200)],
      `f.csv: row 1 should be the header, but it holds a value 2,000 characters long, not a column name. ${advice}`,
    ],
  ])('%s', (_, cells, message) => {
    expect(headerProblem(cells, 'f.csv', 1)).toBe(message);
  });
});

describe('shapeProblem at its limits', () => {
  const extra = (values: string) =>
    `This row has ${7 + values.split(', ').length} values but the header has 7, so its values may be under the wrong headers (often a value with an unquoted comma in it). Extra values: ${values}.`;

  it.each<[string, string[], string | undefined]>([
    ['exactly three extra values: all shown', [...good, 'a', 'b', 'c'], extra('"a", "b", "c"')],
    ['a blank extra value before one that is not', [...good, ' ', 'x'], extra('" ", "x"')],
    ['one value per header', good, undefined],
  ])('%s', (_, cells, message) => {
    expect(shapeProblem(cells, HEADERS, LAST_MODEL_CELL, ',', core, cellOf)?.message).toBe(message);
  });
});

describe('a row-level issue', () => {
  it('is listed under "whole row", the words the issues list and its CSV show', async () => {
    const job = await readAndScore('customerID,tenure,MonthlyCharges,TotalCharges,Contract,PaymentMethod\nA,1,70\n');
    expect(job.read.table.issues.map((i) => [i.row, i.column, i.kind])).toEqual([[2, 'whole row', 'rejected']]);
  });
});
