import { describe, expect, it } from 'vitest';
import { sentence } from '../../core/explain/reasons.ts';
import { planFeatures } from '../../core/model-input/feature-plan.ts';
import type { SpecColumn, SpecFeature } from '../../core/spec/model-spec.ts';
import { featureTable, rowFacts, rowName } from './row-facts.ts';

const columns: SpecColumn[] = [
  {
    name: 'tenure',
    label: 'Tenure',
    type: 'numeric',
    aliases: [],
    impute: { constant: 0 },
    bounds: { min: 0, max: 100 },
    range: { min: 0, max: 72 },
    unit: 'months',
    sensitive: false,
  },
  {
    name: 'Contract',
    label: 'Contract',
    type: 'categorical',
    aliases: [],
    categories: ['Month-to-month', 'One year'],
    synonyms: {},
    sensitive: false,
  },
];
const features: SpecFeature[] = [
  { name: 'tenure', column: 'tenure', mean: 30, std: 10 },
  { name: 'Contract=Month-to-month', column: 'Contract', category: 'Month-to-month', mean: 0.5, std: 0.5 },
];
const spec = {
  columns,
  features,
  coefficients: [-1, 2],
  risk_bands: [
    { name: 'Low', from: 0 },
    { name: 'Medium', from: 0.15 },
    { name: 'High', from: 0.35 },
    { name: 'Very high', from: 0.6 },
  ],
};
const data = { numeric: { tenure: Float64Array.from([2, 50, NaN]) }, codes: { Contract: Int16Array.from([0, 1, -1]) } };
const plan = planFeatures(spec, featureTable(data));
const probabilities = Float32Array.from([0.8, 0.05, NaN]);

describe('rowName', () => {
  const ids = { text: 'A-1B-22', offsets: Uint32Array.from([0, 3, 3, 7]) };
  it.each([
    { ids, row: 0, expected: 'Customer A-1' },
    { ids, row: 1, expected: 'Row 3' },
    { ids, row: 2, expected: 'Customer B-22' },
    { ids: null, row: 0, expected: 'Row 2' },
  ])('row $row -> $expected', ({ ids: packed, row, expected }) => {
    expect(rowName(packed, row)).toBe(expected);
  });
});

describe('rowFacts', () => {
  it('gives the probability, band, decision and reasons strongest first', () => {
    const facts = rowFacts(spec, plan, probabilities, 0, 0.5);
    expect(facts).toMatchObject({ scored: true, band: 3, atRisk: true });
    if (!facts.scored) throw new Error('expected a scored row');
    expect(facts.probability).toBeCloseTo(0.8);
    // tenure: -1 · (2 − 30)/10 = 2.8; Contract: 2 · (1 − 0.5)/0.5 = 2.
    expect(facts.reasons.map((r) => [r.column, r.contribution])).toEqual([
      ['tenure', 2.8],
      ['Contract', 2],
    ]);
    expect(facts.reasons.map(sentence)).toEqual([
      'Short tenure (2 months) raises the risk',
      'Contract: Month-to-month raises the risk',
    ]);
  });

  it('says a customer below the threshold is not at risk, and why the risk is low', () => {
    const facts = rowFacts(spec, plan, probabilities, 1, 0.5);
    expect(facts).toMatchObject({ scored: true, band: 0, atRisk: false });
    if (!facts.scored) throw new Error('expected a scored row');
    expect(facts.reasons.map(sentence)).toEqual([
      'Long tenure (50 months) lowers the risk',
      'Contract: One year lowers the risk',
    ]);
  });

  it('flags a probability equal to the threshold', () => {
    expect(rowFacts(spec, plan, Float64Array.from([0.3]), 0, 0.3)).toMatchObject({ atRisk: true });
  });

  it('reports a rejected row as not scored', () => {
    expect(rowFacts(spec, plan, probabilities, 2, 0.5)).toEqual({ scored: false });
  });
});
