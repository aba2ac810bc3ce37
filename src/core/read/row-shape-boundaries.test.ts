import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ModelSpec } from '../spec/model-spec.ts';
import { readAndScore } from './read-and-score.test-support.ts';
import { headerProblem, shapeProblem } from './row-shape.ts';

const core = JSON.parse(
  readFileSync(new URL('../../../public/models/telco-core.json', import.meta.url), 'utf8'),
) as ModelSpec;
const cellOf = new Map([
  ['tenure', 1],
  ['MonthlyCharges', 2],
  ['TotalCharges', 3],
  ['Contract', 4],
  ['PaymentMethod', 5],
]);
const good = ['A', '1', '70', '70', 'Two year', 'Mailed check', 'note'];
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
    expect(shapeProblem(cells, 7, 5, ',', core, cellOf)?.message).toBe(message);
  });
});

describe('a row-level issue', () => {
  it('is listed under "whole row", the words the issues list and its CSV show', async () => {
    const job = await readAndScore('customerID,tenure,MonthlyCharges,TotalCharges,Contract,PaymentMethod\nA,1,70\n');
    expect(job.read.table.issues.map((i) => [i.row, i.column, i.kind])).toEqual([[2, 'whole row', 'rejected']]);
  });
});
