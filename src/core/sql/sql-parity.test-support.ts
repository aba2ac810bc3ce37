import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { planFeatures } from '../model-input/feature-plan.ts';
import { referenceProbabilities } from '../scoring/reference-scorer.ts';
import { parseModelSpec } from '../spec/parse-model-spec.ts';
import { tableForSpec } from '../table/table-for-spec.ts';
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
export async function sqlScores(
  engine: SqlEngine,
  table: string,
  c: ParityCase,
  options: Pick<ModelSqlOptions, 'dialect' | 'threshold'>,
): Promise<ScoredRow[]> {
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

/**
 * The TypeScript reference for every data row of the CSV (PapaParse, the page's parser). Each row's
 * score comes from the row scorer above, which also words the SQL's reject reasons; it must itself
 * equal the app's own reader and reference scorer (TableBuilder + reference-scorer.ts) on every row
 * of a full spec, or this throws: the SQL is checked against what the page computes.
 */
export function referenceScores(c: ParityCase): ReferenceScore[] {
  const [header = [], ...rows] = Papa.parse<string[]>(readFileSync(c.csvPath, 'utf8'), { skipEmptyLines: true }).data;
  const cellIndex = new Map(c.spec.columns.map((col) => [col.name, header.indexOf(c.headers?.[col.name] ?? col.name)]));
  const scores = rows.map((row) => referenceScore(c.spec, (name) => row[cellIndex.get(name)!] ?? ''));
  const full = parseModelSpec(c.spec, c.name);
  if (full.ok) {
    // The page reads headers by name and aliases; give it the mapped headers under the spec's names.
    const renamed = header.map(
      (h) => c.spec.columns.find((col) => (c.headers?.[col.name] ?? col.name) === h)?.name ?? `(unused) ${h}`,
    );
    const table = tableForSpec(renamed, rows, full.value);
    if (!table.ok) throw new Error(`${c.name}: ${table.problem}`);
    const app = referenceProbabilities(full.value, planFeatures(full.value, table.value), table.value.rejected);
    scores.forEach((s, i) => {
      const page = app[i]!;
      // A log1p input of −1 or less: the SQL rejects the row, the page scores NaN-free by clamping nothing; skip that case.
      if (s.reason?.includes('logarithm is undefined')) return;
      const same = s.probability === null ? Number.isNaN(page) : Math.abs(s.probability - page) < 1e-9;
      if (!same)
        throw new Error(
          `${c.name}, data row ${i}: the row scorer says ${s.probability}, the app's reader and scorer ${page}`,
        );
    });
  }
  return scores;
}

const bandOf = (spec: SqlSpec, p: number) => spec.risk_bands.filter((b) => p >= b.from).at(-1)!.name;

/** Rows where SQL and TypeScript disagree (beyond 1e-6 in probability), described for the failure message. */
export function disagreements(
  c: ParityCase,
  sql: ScoredRow[],
  reference: ReferenceScore[],
  threshold: number,
): string[] {
  const out: string[] = [];
  if (sql.length !== reference.length) return [`SQL gave ${sql.length} rows, TypeScript ${reference.length}`];
  reference.forEach((ref, row) => {
    const got = sql[row]!;
    const say = (what: string) =>
      out.push(`row ${row}: ${what} (SQL ${JSON.stringify(got)}, TypeScript ${JSON.stringify(ref)})`);
    if (got.reason !== ref.reason) return say('reject reasons differ');
    if (ref.probability === null) {
      if (got.probability !== null || got.prediction !== null || got.band !== null) say('a rejected row has a score');
      return;
    }
    if (got.probability === null || Math.abs(got.probability - ref.probability) > 1e-6)
      return say('probabilities differ');
    // At a cut-off itself, float rounding may fall either way.
    const p = ref.probability;
    if (Math.abs(p - threshold) > 1e-9 && got.prediction !== (p >= threshold ? 1 : 0)) say('predictions differ');
    if (c.spec.risk_bands.every((b) => Math.abs(p - b.from) > 1e-9) && got.band !== bandOf(c.spec, p))
      say('risk bands differ');
  });
  return out.slice(0, 5);
}
