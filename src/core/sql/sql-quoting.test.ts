import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { normaliseCategory } from '../values/match-category.ts';
import { modelSql } from './model-sql.ts';
import { openDuckDb, type SqlEngine } from './sql-engines.test-support.ts';
import { referenceScore } from './sql-reference.test-support.ts';
import type { SqlSpec } from './sql-spec.ts';
import { quoteIdentifier, quoteLiteral } from './sql-text.ts';

/** One categorical column whose name, label and categories are whatever fast-check makes up. */
function specOf(column: string, label: string, a: string, b: string): SqlSpec {
  return {
    id: 'any-names',
    columns: [{ name: column, label, type: 'categorical', categories: [a, b], synonyms: {} }],
    features: [{ name: `${column}=${a}`, column, category: a, mean: 0, std: 1 }],
    coefficients: [1],
    intercept: 0,
    thresholds: { recommended: label, points: [{ name: label, value: 0.6 }] },
    risk_bands: [
      { name: a, from: 0 },
      { name: b, from: 0.7 },
    ],
  };
}

describe('the model as SQL with any names', () => {
  let engine: SqlEngine;
  beforeAll(async () => {
    engine = await openDuckDb();
  });
  afterAll(async () => engine?.close());

  it('never lets a name or category out of its quotes', async () => {
    let table = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.string({ minLength: 1 }),
        fc.string({ minLength: 1 }),
        fc.string({ minLength: 1 }),
        fc.string({ minLength: 1 }),
        async (column, label, a, b) => {
          fc.pre(
            normaliseCategory(a) !== '' && normaliseCategory(b) !== '' && normaliseCategory(a) !== normaliseCategory(b),
          );
          const spec = specOf(column, label, a, b);
          const name = `t${++table}`;
          await engine.query(`CREATE TABLE ${name} (__row INTEGER, ${quoteIdentifier(column)} VARCHAR)`);
          await engine.query(
            `INSERT INTO ${name} VALUES (0, ${quoteLiteral(a)}), (1, ${quoteLiteral(b)}), (2, ${quoteLiteral(` ${b.toUpperCase()} `)})`,
          );
          const sql = modelSql(spec, { dialect: 'duckdb', table: name, keep: ['__row'] });
          if (!sql.ok) throw new Error(sql.problem);
          const rows = (await engine.query(sql.value)).sort((x, y) => Number(x.__row) - Number(y.__row));
          const cells = [a, b, ` ${b.toUpperCase()} `];
          const expected = cells.map((cell) => referenceScore(spec, () => cell).probability!);
          rows.forEach((r, i) => expect(Math.abs(Number(r.churn_probability) - expected[i]!)).toBeLessThan(1e-12));
          expect(expected[0]).not.toBeCloseTo(expected[1]!, 3);
          expect(rows[0]!.risk_band).toBe(b);
          expect(rows[1]!.risk_band).toBe(a);
        },
      ),
      { numRuns: 40 },
    );
  });
});
