import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCsvText } from '../csv/parse-csv-text.ts';
import { planFeatures } from '../model-input/feature-plan.ts';
import { referenceProbabilities } from '../scoring/reference-scorer.ts';
import { tableForSpec } from '../table/table-for-spec.ts';
import { SPEC_FORMAT } from './model-spec.ts';
import { parseModelSpec } from './parse-model-spec.ts';
import { SPEC_FORMAT_V1, upgradeSpecV1 } from './upgrade-spec-v1.ts';

const fixture = (name: string) =>
  readFileSync(new URL(`../../../test/fixtures/format-1/${name}`, import.meta.url), 'utf8');
// telco-full.json as committed at c67d4e8, and what that commit's reference scorer gave for the sample (make-expected.ts).
const v1 = JSON.parse(fixture('telco-full.json')) as {
  format: string;
  columns: unknown[];
  features: unknown[];
  coefficients: number[];
};
const before = (JSON.parse(fixture('telco-full.sample-probabilities.json')) as { probabilities: number[] })
  .probabilities;

describe('a format 1 spec (telco-full as of c67d4e8)', () => {
  it("is upgraded to format 2 with format 1's implied bands and no sensitive columns", () => {
    expect(v1.format).toBe(SPEC_FORMAT_V1);
    const upgraded = upgradeSpecV1(v1) as Record<string, unknown>;
    expect(upgraded.format).toBe(SPEC_FORMAT);
    expect(upgraded.risk_bands).toEqual([
      { name: 'Low', from: 0 },
      { name: 'Medium', from: 0.15 },
      { name: 'High', from: 0.35 },
      { name: 'Very high', from: 0.6 },
    ]);
    const parsed = parseModelSpec(v1, 'telco-full.json');
    if (!parsed.ok) throw new Error(parsed.problem);
    expect(parsed.value.columns.every((c) => !c.sensitive)).toBe(true);
    expect(parsed.value.features).toHaveLength(v1.features.length);
    expect(parsed.value.coefficients).toEqual(v1.coefficients);
    expect(parsed.value.segments.length).toBeGreaterThan(0);
  });

  it('scores the committed sample exactly as the format 1 reader did', () => {
    const parsed = parseModelSpec(v1, 'telco-full.json');
    if (!parsed.ok) throw new Error(parsed.problem);
    const csv = parseCsvText(
      readFileSync(new URL('../../../public/samples/customers-sample.csv', import.meta.url), 'utf8'),
    );
    const table = tableForSpec(csv.header, csv.rows, parsed.value);
    if (!table.ok) throw new Error(table.problem);
    const now = referenceProbabilities(parsed.value, planFeatures(parsed.value, table.value), table.value.rejected);
    expect(before).toHaveLength(500);
    expect(Array.from(now)).toEqual(before);
  });
});
