import Papa from 'papaparse';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { summariseThreshold } from '../src/core/decision/decision-summary.ts';
import { rankScores } from '../src/core/decision/ranked-scores.ts';
import { planFeatures } from '../src/core/model-input/feature-plan.ts';
import { referenceProbabilities } from '../src/core/scoring/reference-scorer.ts';
import type { ModelSpec } from '../src/core/spec/model-spec.ts';
import { parseModelSpec } from '../src/core/spec/parse-model-spec.ts';
import { segmentGroups, segmentShares } from '../src/core/decision/segment-shares.ts';
import { thresholdTables } from '../src/core/decision/threshold-tables.ts';
import { buildExport } from '../src/core/export/export-file.ts';
import { readCustomers } from '../src/core/read/read-customers.ts';
import { loadSpecs } from '../src/core/read/read-and-score.test-support.ts';

/**
 * "No column name, band, unit or threshold is written in src/": a spec whose every column is
 * renamed (and its labels, bands and value column with it) must drive the same pipeline to the
 * same numbers. A hard-coded "MonthlyCharges" or "tenure" anywhere would break one of these.
 */
const sample = readFileSync(fileURLToPath(new URL('../public/samples/customers-sample.csv', import.meta.url)), 'utf8');
const original = loadSpecs().find((s) => s.id === 'telco-full')!;
const rename = (name: string) => `col_${[...name].reverse().join('')}`;

function renamed(spec: ModelSpec): ModelSpec {
  const json = JSON.parse(JSON.stringify(spec)) as ModelSpec;
  const columns = json.columns.map((c) => ({
    ...c,
    name: rename(c.name),
    label: `${c.label} (renamed)`,
    aliases: [],
    ...(c.type === 'numeric' && 'product' in c.impute
      ? { impute: { product: c.impute.product.map(rename) as [string, string] } }
      : {}),
  }));
  const next = {
    ...json,
    id: 'renamed',
    columns,
    features: json.features.map((f) => ({ ...f, column: rename(f.column) })),
    value: json.value && { ...json.value, column: rename(json.value.column) },
    segments: json.segments.map(rename),
    risk_bands: [
      { name: 'Calm', from: 0 },
      { name: 'Watch', from: 0.2 },
      { name: 'Act', from: 0.5 },
    ],
    id_column: { name: 'the_customer', aliases: [] },
    target: { ...json.target, column: 'left_us', aliases: [] },
  };
  const parsed = parseModelSpec(next, 'renamed.json');
  if (!parsed.ok) throw new Error(parsed.problem);
  return parsed.value;
}

function renamedFile(): string {
  const rows = Papa.parse<string[]>(sample, { skipEmptyLines: true }).data;
  const header = rows[0]!.map((h) => (h === 'customerID' ? 'the_customer' : h === 'Churn' ? 'left_us' : rename(h)));
  return Papa.unparse([header, ...rows.slice(1)], { newline: '\n' });
}

async function pipeline(spec: ModelSpec, text: string) {
  const read = await readCustomers(
    new Blob([text]),
    'file.csv',
    [spec],
    undefined,
    false,
    () => {},
    new AbortController().signal,
  );
  const probabilities = Float32Array.from(
    referenceProbabilities(read.spec, planFeatures(read.spec, read.table), read.table.rejected),
  );
  const job = {
    job: 1,
    fileName: 'file.csv',
    read,
    probabilities,
    timings: { readMs: 0, featuresMs: 0, inferenceMs: 0 },
  };
  const exported = Papa.parse<string[]>(
    (await (await buildExport(job, 'csv', 0.3, () => {}, new AbortController().signal)).blob!.text()).replace(
      /^\uFEFF/,
      '',
    ),
    { skipEmptyLines: true },
  ).data;
  const numeric = Object.fromEntries(read.table.numeric);
  const codes = Object.fromEntries(read.table.codes);
  const charges = spec.value ? numeric[spec.value.column] : undefined;
  const ranked = rankScores(probabilities);
  const tables = thresholdTables(spec, { numeric, codes, labels: read.labels }, probabilities);
  const revenue = summariseThreshold(
    ranked,
    probabilities,
    0.3,
    charges && tables.revenue ? { charges, totals: tables.revenue } : null,
  ).revenueAtRisk;
  const groups = segmentGroups(spec, spec.segments, { numeric, codes }, tables.segments, probabilities);
  const segments = segmentShares(probabilities, ranked.bins, groups, 0.3);
  return { read, probabilities, exported, revenue, segments };
}

describe('a spec with every column renamed', () => {
  it('scores, explains, charts, counts revenue and exports exactly as the original', async () => {
    const spec = renamed(original);
    const before = await pipeline(original, sample);
    const after = await pipeline(spec, renamedFile());
    expect(after.read.spec.id).toBe('renamed');
    expect(after.read.labels).not.toBeNull();
    expect(Array.from(after.probabilities)).toEqual(Array.from(before.probabilities));
    expect(after.revenue).not.toBeNull();
    expect(after.revenue).toBe(before.revenue);
    expect(after.segments.groups.map((g) => g.buckets)).toEqual(before.segments.groups.map((g) => g.buckets));
    expect(after.segments.groups.map((g) => g.label)).toEqual(
      before.segments.groups.map(
        (g) => `${g.label.replace(/ band$/, '')} (renamed)${g.label.endsWith(' band') ? ' band' : ''}`,
      ),
    );
    // Exports: same probabilities and predictions; bands from the renamed spec; reasons in the renamed labels.
    const col = (rows: string[][], name: string) => rows.slice(1).map((r) => r[rows[0]!.indexOf(name)]!);
    expect(col(after.exported, 'churn_probability')).toEqual(col(before.exported, 'churn_probability'));
    expect(col(after.exported, 'churn_prediction')).toEqual(col(before.exported, 'churn_prediction'));
    expect(new Set(col(after.exported, 'risk_band'))).toEqual(new Set(['Calm', 'Watch', 'Act']));
    const reasons = col(after.exported, 'top_reasons').filter((r) => r !== '');
    expect(reasons.length).toBeGreaterThan(100);
    expect(reasons.every((r) => r.includes('(renamed)'))).toBe(true);
  });
});
