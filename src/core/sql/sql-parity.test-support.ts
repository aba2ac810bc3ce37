import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { modelSql, type ModelSqlOptions } from './model-sql.ts';
import { referenceScore, type ReferenceScore } from './sql-reference.test-support.ts';
import type { SqlEngine, SqlRow } from './sql-engines.test-support.ts';
import type { SqlSpec } from './sql-spec.ts';

export interface ParityCase {
  name: string;
  csvPath: string;
  spec: SqlSpec;
  headers?: Record<string, string>;
}

export interface ScoredRow extends ReferenceScore {
  prediction: number | null;
  band: string | null;
}

/** The generated SQL's answer for every row of the loaded table, in file order. */
export async function sqlScores(engine: SqlEngine, table: string, c: ParityCase, options: Pick<ModelSqlOptions, 'dialect' | 'threshold'>): Promise<ScoredRow[]> {
  const sql = modelSql(c.spec, { ...options, table, headers: c.headers, keep: ['__row'] });
  if (!sql.ok) throw new Error(sql.problem);
  const rows = await engine.query(sql.value);
  const number = (v: unknown) => (v === null || v === undefined ? null : Number(v));
  return rows
    .sort((a, b) => Number(a.__row) - Number(b.__row))
    .map((r: SqlRow) => ({
      probability: number(r.churn_probability),
      prediction: number(r.churn_prediction),
      band: r.risk_band === null ? null : String(r.risk_band),
      reason: r.reject_reason === null ? null : String(r.reject_reason),
    }));
}

/** The TypeScript reference for every data row of the CSV (PapaParse, the page's parser). */
export function referenceScores(c: ParityCase): ReferenceScore[] {
  const [header = [], ...rows] = Papa.parse<string[]>(readFileSync(c.csvPath, 'utf8'), { skipEmptyLines: true }).data;
  const cellIndex = new Map(c.spec.columns.map((col) => [col.name, header.indexOf(c.headers?.[col.name] ?? col.name)]));
  return rows.map((row) => referenceScore(c.spec, (name) => row[cellIndex.get(name)!] ?? ''));
}

const bandOf = (spec: SqlSpec, p: number) => spec.risk_bands.filter((b) => p >= b.from).at(-1)!.name;

/** Rows where SQL and TypeScript disagree (beyond 1e-6 in probability), described for the failure message. */
export function disagreements(c: ParityCase, sql: ScoredRow[], reference: ReferenceScore[], threshold: number): string[] {
  const out: string[] = [];
  if (sql.length !== reference.length) return [`SQL gave ${sql.length} rows, TypeScript ${reference.length}`];
  reference.forEach((ref, row) => {
    const got = sql[row]!;
    const say = (what: string) => out.push(`row ${row}: ${what} (SQL ${JSON.stringify(got)}, TypeScript ${JSON.stringify(ref)})`);
    if (got.reason !== ref.reason) return say('reject reasons differ');
    if (ref.probability === null) {
      if (got.probability !== null || got.prediction !== null || got.band !== null) say('a rejected row has a score');
      return;
    }
    if (got.probability === null || Math.abs(got.probability - ref.probability) > 1e-6) return say('probabilities differ');
    // At a cut-off itself, float rounding may fall either way.
    const p = ref.probability;
    if (Math.abs(p - threshold) > 1e-9 && got.prediction !== (p >= threshold ? 1 : 0)) say('predictions differ');
    if (c.spec.risk_bands.every((b) => Math.abs(p - b.from) > 1e-9) && got.band !== bandOf(c.spec, p)) say('risk bands differ');
  });
  return out.slice(0, 5);
}
