import { describe, expect, it } from 'vitest';
import type { CategoricalColumn, NumericColumn, SpecColumn } from '../spec/model-spec.ts';
import { binScores } from './score-bins.ts';
import { segmentColumn, segmentGroups, segmentShares } from './segment-shares.ts';
import { thresholdTables } from './threshold-tables.ts';

const categorical = (name: string, categories: string[]): CategoricalColumn => ({
  name,
  label: name,
  type: 'categorical',
  aliases: [],
  categories,
  synonyms: {},
  sensitive: false,
});
const numeric = (name: string, label: string): NumericColumn => ({
  name,
  label,
  type: 'numeric',
  aliases: [],
  impute: { constant: 0 },
  bounds: { min: 0, max: 1000 },
  range: { min: 0, max: 100 },
  unit: 'months',
  band_ends: [12, 24, 48],
  sensitive: false,
});

const contract = categorical('Contract', ['Month-to-month', 'One year', 'Two year']);
const gender = categorical('gender', ['Female', 'Male']);
const tenure = numeric('tenure', 'Tenure');

function summary(
  columns: SpecColumn[],
  data: { numeric?: Record<string, number[]>; codes?: Record<string, number[]> },
  probs: number[],
  threshold: number,
  totalledIn: 'worker' | 'page' = 'worker',
) {
  const probabilities = Float32Array.from(probs);
  const names = columns.map((c) => c.name);
  const spec = { columns, value: undefined, segments: totalledIn === 'worker' ? names : [] };
  const tableData = {
    numeric: Object.fromEntries(Object.entries(data.numeric ?? {}).map(([k, v]) => [k, Float64Array.from(v)])),
    codes: Object.fromEntries(Object.entries(data.codes ?? {}).map(([k, v]) => [k, Int16Array.from(v)])),
  };
  // As the page gets them: totals from the worker (or made on the page for a chosen breakdown),
  // rows read one by one for the threshold's own bin.
  const tables = thresholdTables(spec, { ...tableData, labels: null }, probabilities);
  const groups = segmentGroups(spec, names, tableData, tables.segments, probabilities);
  return segmentShares(probabilities, binScores(probabilities), groups, threshold);
}

describe('segmentGroups', () => {
  const data = {
    numeric: { tenure: new Float64Array(1) },
    codes: { gender: new Int16Array(1), Contract: new Int16Array(1) },
  };
  const probabilities = new Float32Array(1);
  const spec = { columns: [gender, contract, tenure], value: undefined, segments: ['Contract'] };
  const totals = thresholdTables(spec, { ...data, labels: null }, probabilities).segments;

  it("charts the columns asked for, in order: the worker's totals for the spec's segments, the page's for another", () => {
    expect(Object.keys(totals)).toEqual(['Contract']);
    const groups = segmentGroups(spec, ['Contract', 'tenure'], data, totals, probabilities);
    expect(groups.map((g) => [g.segment.column, g.segment.label, g.segment.buckets])).toEqual([
      ['Contract', 'Contract', ['Month-to-month', 'One year', 'Two year', 'Unknown']],
      ['tenure', 'Tenure band', ['0–12 months', '13–24 months', '25–48 months', '49+ months', 'Unknown']],
    ]);
    expect(groups[0]!.totals).toBe(totals.Contract);
    expect(groups[1]!.totals).toEqual(segmentColumn(spec, 'tenure', data)!.totals(probabilities));
  });

  it('skips a column the spec has but the file data lacks', () => {
    expect(segmentGroups(spec, ['Contract', 'tenure'], { numeric: {}, codes: {} }, totals, probabilities)).toEqual([]);
    expect(segmentColumn(spec, 'tenure', { numeric: {}, codes: {} })).toBeNull();
  });
});

describe('segmentShares', () => {
  it('counts customers and at-risk customers per category, leaving empty buckets out', () => {
    const s = summary([contract], { codes: { Contract: [0, 0, 0, 1, 1, -1] } }, [0.9, 0.5, 0.1, 0.6, 0.2, 0.7], 0.5);
    expect(s.scored).toBe(6);
    expect(s.atRisk).toBe(4);
    expect(s.groups).toEqual([
      {
        column: 'Contract',
        label: 'Contract',
        buckets: [
          { label: 'Month-to-month', customers: 3, atRisk: 2, share: 2 / 3 },
          { label: 'One year', customers: 2, atRisk: 1, share: 0.5 },
          { label: 'Unknown', customers: 1, atRisk: 1, share: 1 },
        ],
      },
    ]);
  });

  it.each([
    { tenure: 0, band: '0–12 months' },
    { tenure: 12, band: '0–12 months' },
    { tenure: 13, band: '13–24 months' },
    { tenure: 24, band: '13–24 months' },
    { tenure: 48, band: '25–48 months' },
    { tenure: 49, band: '49+ months' },
    { tenure: 72, band: '49+ months' },
  ])('tenure $tenure falls in $band', ({ tenure: months, band }) => {
    const s = summary([tenure], { numeric: { tenure: [months] } }, [0.8], 0.5);
    expect(s.groups[0]!.buckets).toEqual([{ label: band, customers: 1, atRisk: 1, share: 1 }]);
  });

  it('leaves rejected rows (NaN) out of every count', () => {
    const s = summary(
      [contract, tenure],
      { codes: { Contract: [0, 2] }, numeric: { tenure: [NaN, 30] } },
      [NaN, 0.4],
      0.5,
    );
    expect(s.scored).toBe(1);
    expect(s.atRisk).toBe(0);
    expect(s.groups.map((g) => g.buckets)).toEqual([
      [{ label: 'Two year', customers: 1, atRisk: 0, share: 0 }],
      [{ label: '25–48 months', customers: 1, atRisk: 0, share: 0 }],
    ]);
  });

  it('flags a probability equal to the threshold', () => {
    expect(summary([], {}, [0.25, 0.2], 0.25).atRisk).toBe(1);
  });

  it('agrees with a direct count for every segment on random data', () => {
    const n = 5000;
    let seed = 7;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const codes = Array.from({ length: n }, () => Math.floor(random() * 4) - 1);
    const probs = Array.from({ length: n }, () => (random() < 0.05 ? NaN : random()));
    const s = summary([contract], { codes: { Contract: codes } }, probs, 0.3);
    const p32 = Float32Array.from(probs);
    for (const bucket of s.groups[0]!.buckets) {
      const code = bucket.label === 'Unknown' ? -1 : contract.categories.indexOf(bucket.label);
      const rows = [...codes.keys()].filter((i) => codes[i] === code && !Number.isNaN(p32[i]!));
      expect(bucket.customers).toBe(rows.length);
      expect(bucket.atRisk).toBe(rows.filter((i) => p32[i]! >= 0.3).length);
    }
    const tenures = Array.from({ length: n }, () => (random() < 0.05 ? NaN : Math.floor(random() * 80)));
    const data = { codes: { Contract: codes }, numeric: { tenure: tenures } };
    expect(summary([contract, tenure], data, probs, 0.3, 'page')).toEqual(
      summary([contract, tenure], data, probs, 0.3),
    );
  });
});
