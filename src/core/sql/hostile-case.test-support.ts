/**
 * A small file and model made to be awkward: quotes in names and categories, a column mapped
 * from a header with a double quote, missing markers, `other`/`missing` levels, product
 * imputation, and every reason a row is rejected. Written to a temporary folder by the tests.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import type { ParityCase } from './sql-parity.test-support.ts';
import type { SqlSpec } from './sql-spec.ts';

const PLAN = `O'Brien's "plan"`;

const feature = (name: string, column: string, extra: object = {}) => ({ name, column, mean: 0.3, std: 0.9, ...extra });

export const hostileSpec: SqlSpec = {
  id: 'hostile',
  columns: [
    {
      name: 'total',
      label: 'Total',
      type: 'numeric',
      impute: { product: ['count', 'price'] },
      bounds: { min: 0, max: 1e6 },
    },
    {
      name: PLAN,
      label: `Plan "O'Brien"`,
      type: 'categorical',
      categories: ["O'Brien", 'Plain', 'Other', 'Unknown'],
      synonyms: { 'o brien': "O'Brien", ob: "O'Brien" },
      other: 'Other',
      missing: 'Unknown',
    },
    { name: 'count', label: 'Count', type: 'numeric', impute: { constant: 2 }, bounds: { min: 0, max: 100 } },
    { name: 'price', label: 'Price', type: 'numeric', impute: { constant: 10 }, bounds: { min: -5, max: 1000 } },
    { name: 'tier', label: 'Tier', type: 'categorical', categories: ['Gold', 'None'], synonyms: { '?': 'Gold' } },
  ],
  features: [
    feature('total', 'total'),
    feature('log total', 'total', { transform: 'log1p', mean: 3 }),
    feature("plan=O'Brien", PLAN, { category: "O'Brien" }),
    feature('plan=Plain', PLAN, { category: 'Plain' }),
    feature('plan=Other', PLAN, { category: 'Other' }),
    feature('plan=Unknown', PLAN, { category: 'Unknown' }),
    feature('count', 'count', { mean: 3, std: 2 }),
    feature('count missing', 'count', { indicator: 'missing', mean: 0.1, std: 0.3 }),
    feature('price', 'price', { mean: 20, std: 10 }),
    feature('log price', 'price', { transform: 'log1p', mean: 2.5, std: 0.8 }),
    feature('tier=Gold', 'tier', { category: 'Gold' }),
    feature('tier=None', 'tier', { category: 'None' }),
  ],
  coefficients: [0.001, 0.4, 0.8, -0.3, 0.2, -0.5, 0.3, 0.6, -0.02, 0.5, 0.7, -0.4],
  intercept: -0.2,
  thresholds: { recommended: 'even', points: [{ name: 'even', value: 0.5 }] },
  risk_bands: [
    { name: 'Low', from: 0 },
    { name: "Can't wait", from: 0.4 },
  ],
};

/** Header row, then: total, plan, a"b (= count), price, tier. */
const ROWS = [
  ['total', PLAN, 'a"b', 'price', 'tier'],
  ['100', "O'Brien", '3', '20', 'Gold'],
  ['', "o'brien", '4', '5', 'gold'],
  ['', '  O_BRIEN ', 'NA', '5', 'None'],
  ['', 'ob', 'abc', '5', 'Gold'],
  ['50', 'Plain', '500', '5', 'x'],
  ['50', '', '3', '7', ''],
  ['50', 'NULL', 'n/a', '7', 'NA'],
  ['50', 'zzz', '3', '-2', '?'],
  ['50', 'Plain\t', '\u00a03\u00a0', '\t7.5 ', 'GOLD'],
  ['50', 'plain - x', '3', '7', 'g old'],
  ['abc', 'Plain', '3', '7', 'Gold'],
  ['2000000', 'Plain', '3', '7', 'Gold'],
  ['50', "O'Brien", '', '', 'Gold'],
  ['.5', 'PLAIN', '+3', '7.', 'Gold'],
  ['50', 'Plain', '1.2.3', '7', 'Gold'],
  ['50', 'Plain', '#N/A', '?', '-'],
  ['', 'Plain', '3', 'none', 'Gold'],
  ['0', 'Plain', '0', '-0.5', 'None'],
];

export function writeHostileCase(dir: string): ParityCase {
  const csvPath = join(dir, 'hostile.csv');
  writeFileSync(csvPath, `${Papa.unparse(ROWS, { quotes: true, newline: '\n' })}\n`);
  return { name: 'hostile', csvPath, spec: hostileSpec, headers: { count: 'a"b' } };
}

/** Numbers the page reads and the SQL does not (see the README): every dialect refuses the first four. */
export const PAGE_ONLY_NUMBERS = ['$5', '1,000', '(0.50)', '1 000', '1e3'];

export function writePageOnlyCase(dir: string): ParityCase {
  const csvPath = join(dir, 'page-only.csv');
  const rows = [ROWS[0]!, ...PAGE_ONLY_NUMBERS.map((price) => ['50', 'Plain', '3', price, 'Gold'])];
  writeFileSync(csvPath, `${Papa.unparse(rows, { quotes: true, newline: '\n' })}\n`);
  return { name: 'page-only', csvPath, spec: hostileSpec, headers: { count: 'a"b' } };
}
