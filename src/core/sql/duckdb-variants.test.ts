/**
 * The awkward model in shapes the parity files do not take: a level for only one of `other` and
 * `missing`, no product imputation, a column without bounds, a column that may be −1 or less
 * without a log scale, and white space inside a category. Each is scored in DuckDB in both
 * dialects it runs and held to the TypeScript reference row by row.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hostileSpec } from './hostile-case.test-support.ts';
import { openDuckDb, type SqlEngine } from './sql-engines.test-support.ts';
import { disagreements, referenceScores, sqlScores, type ParityCase } from './sql-parity.test-support.ts';
import type { SqlColumn, SqlSpec } from './sql-spec.ts';

const PLAN = hostileSpec.columns[1]!.name;

/** total, plan, count, price, tier: blanks, markers, unknown levels, inner white space, −3, runs of separators. */
const ROWS = [
  ['total', PLAN, 'count', 'price', 'tier'],
  ['100', "O'Brien", '3', '20', 'Gold'],
  ['', 'NULL', '4', '5', 'gold'],
  ['', 'zzz', 'NA', '5', 'None'],
  ['2000000', '', '3', '5', 'Gold'],
  ['50', 'o\u00a0brien', '-3', '7', 'x'],
  ['50', 'Plain', '-10', '7', 'None'],
  ['abc', 'Plain', '3', '7', 'Gold'],
  ['50', 'plain', '3', 'n/a', '?'],
  ['50', 'O_ Brien', '3', '7', 'Gold'],
  ['50', 'o - brien', '3', '7', 'Gold'],
];

const withColumn = (spec: SqlSpec, name: string, change: (c: SqlColumn) => SqlColumn): SqlSpec => ({
  ...spec,
  columns: spec.columns.map((c) => (c.name === name ? change(c) : c)),
});

const VARIANTS: [string, SqlSpec][] = [
  [
    'a plan with an `other` level and no `missing` one',
    withColumn(hostileSpec, PLAN, (c) => ({ ...c, missing: undefined })),
  ],
  [
    'a plan with a `missing` level and no `other` one',
    withColumn(hostileSpec, PLAN, (c) => ({ ...c, other: undefined })),
  ],
  [
    'a total imputed by a constant, without bounds',
    withColumn(hostileSpec, 'total', (c) => ({ ...c, impute: { constant: 0 }, bounds: undefined })),
  ],
  [
    'a count that may be negative, on a plain scale',
    withColumn(hostileSpec, 'count', (c) => ({ ...c, bounds: { min: -10, max: 100 } })),
  ],
];

describe('the model as SQL in DuckDB, in other shapes', () => {
  let engine: SqlEngine;
  let dir: string;
  let csvPath: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'churn-sql-variants-'));
    csvPath = join(dir, 'variants.csv');
    writeFileSync(csvPath, `${Papa.unparse(ROWS, { quotes: true, newline: '\n' })}\n`);
    engine = await openDuckDb();
    await engine.load(csvPath, 'variants');
  });
  afterAll(async () => {
    await engine?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  describe.each(['duckdb', 'ansi'] as const)('%s dialect', (dialect) => {
    it.each(VARIANTS)('scores %s as the TypeScript reference does', async (_, spec) => {
      const c: ParityCase = { name: 'variants', csvPath, spec };
      const sql = await sqlScores(engine, 'variants', c, { dialect });
      const reference = referenceScores(c);
      expect(disagreements(c, sql, reference, 0.5)).toEqual([]);
      // The rows still differ in how they end: some scored, some rejected.
      expect(sql.some((r) => r.probability !== null) && sql.some((r) => r.reason !== null)).toBe(true);
    });
  });

  it('reads the shapes differently where they differ', async () => {
    const read = async (spec: SqlSpec) =>
      (await sqlScores(engine, 'variants', { name: 'variants', csvPath, spec }, { dialect: 'duckdb' })).map(
        (r) => r.reason,
      );
    const [onlyOther, , constantTotal, negativeCount] = await Promise.all(VARIANTS.map(([, spec]) => read(spec)));
    const hostile = await read(hostileSpec);
    // Without bounds, 2,000,000 is a total like any other; with them it is impossible.
    expect(hostile[3]).toMatch(/Total "2000000" is impossible/);
    expect(constantTotal![3]).toBeNull();
    // −3 is a count within the wider bounds, and no logarithm is taken of it.
    expect(hostile[4]).toMatch(/Count "-3" is impossible/);
    expect(negativeCount![4]).toBeNull();
    expect(negativeCount![5]).toBeNull();
    expect(onlyOther![1]).toBeNull();
  });
});
