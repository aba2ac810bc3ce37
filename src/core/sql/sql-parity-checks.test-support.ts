/** The parity checks every engine runs, so DuckDB and PostgreSQL are held to the same list. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PAGE_ONLY_NUMBERS, writeHostileCase, writePageOnlyCase } from './hostile-case.test-support.ts';
import { realCases } from './parity-cases.test-support.ts';
import type { SqlEngine } from './sql-engines.test-support.ts';
import type { SqlDialect } from './sql-dialects.ts';
import { disagreements, referenceScores, sqlScores, type ParityCase } from './sql-parity.test-support.ts';

const recommended = (c: ParityCase) =>
  c.spec.thresholds.points.find((p) => p.name === c.spec.thresholds.recommended)!.value;

/**
 * Which checks: the real files (Telco, credit, the sample), the small made-up ones (awkward
 * names and cells, page-only numbers, a chosen threshold), or both. The small ones take well under
 * a second, so the mutation run (vitest.mutation.config.ts) can afford them for every mutant.
 */
export type ParityScope = 'real files' | 'small files' | 'all';

/**
 * `slowDialects` run on the sample and the awkward files only: the portable dialect is correct
 * on PostgreSQL but several times slower there than the PostgreSQL dialect (see sql-dialects.ts).
 */
export function parityChecks(
  engineName: string,
  open: () => Promise<SqlEngine>,
  dialects: readonly SqlDialect[],
  slowDialects: readonly SqlDialect[] = [],
  scope: ParityScope = 'all',
): void {
  const real = scope !== 'small files';
  const small = scope !== 'real files';
  describe(`the model as SQL in ${engineName}, ${scope}`, () => {
    let engine: SqlEngine;
    let dir: string;
    const tables = new Map<string, string>();
    const cases = realCases();
    const load = async (c: ParityCase) => {
      if (!tables.has(c.csvPath)) {
        const table = `customers ${tables.size}`;
        await engine.load(c.csvPath, table);
        tables.set(c.csvPath, table);
      }
      return tables.get(c.csvPath)!;
    };

    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'churn-sql-'));
      engine = await open();
    });
    afterAll(async () => {
      await engine?.close();
      rmSync(dir, { recursive: true, force: true });
    });

    describe.each(dialects)('%s dialect', (dialect) => {
      const files = slowDialects.includes(dialect) ? cases.filter((c) => c.name === 'the sample') : cases;
      if (real)
        it.each(files.map((c) => [c.name, c] as const))(
          'scores every row of %s as the TypeScript reference does',
          async (_, c) => {
            const sql = await sqlScores(engine, await load(c), c, { dialect });
            const reference = referenceScores(c);
            expect(disagreements(c, sql, reference, recommended(c))).toEqual([]);
            expect(sql.filter((r) => r.probability !== null).length).toBeGreaterThan(400);
          },
        );

      if (!small) return;

      it('reads awkward names, markers, levels and bad cells as the TypeScript reference does', async () => {
        const c = writeHostileCase(dir);
        const sql = await sqlScores(engine, await load(c), c, { dialect });
        const reference = referenceScores(c);
        expect(disagreements(c, sql, reference, recommended(c))).toEqual([]);
        const reasons = reference.map((r) => r.reason).filter((r) => r !== null);
        expect(reasons).toHaveLength(6);
        expect(new Set(sql.map((r) => r.band))).toEqual(new Set(['Low', "Can't wait", null]));
      });

      it('predicts at a threshold given instead of the recommended one', async () => {
        const c = cases.find((k) => k.name === 'the sample')!;
        const sql = await sqlScores(engine, await load(c), c, { dialect, threshold: 0.7 });
        const scored = sql.filter((r) => r.probability !== null);
        expect(scored.every((r) => r.prediction === (r.probability! >= 0.7 ? 1 : 0))).toBe(true);
        expect(
          scored.some((r) => r.prediction === 1) &&
            scored.some((r) => r.probability! >= recommended(c) && r.prediction === 0),
        ).toBe(true);
      });

      it('rejects the numbers only the page reads: currency, thousands separators, accounting negatives', async () => {
        const c = writePageOnlyCase(dir);
        const sql = await sqlScores(engine, await load(c), c, { dialect });
        const reference = referenceScores(c);
        expect(reference.every((r) => r.probability !== null)).toBe(true);
        const refused = PAGE_ONLY_NUMBERS.filter(
          (_, i) => sql[i]!.reason === `Price "${PAGE_ONLY_NUMBERS[i]}" is not a number.`,
        );
        // Exponents are plain numbers to the regular-expression dialects, not to the portable one.
        expect(refused).toEqual(dialect === 'ansi' ? PAGE_ONLY_NUMBERS : PAGE_ONLY_NUMBERS.filter((n) => n !== '1e3'));
      });
    });
  });
}
