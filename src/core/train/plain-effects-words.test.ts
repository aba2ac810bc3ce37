import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ModelSpec } from '../spec/model-spec.ts';
import { parseModelSpec } from '../spec/parse-model-spec.ts';
import { strongestEffects } from './plain-effects.ts';

const telco = (): ModelSpec => {
  const parsed = parseModelSpec(
    JSON.parse(readFileSync(new URL('../../../public/models/telco-full.json', import.meta.url), 'utf8')),
    'telco-full.json',
  );
  if (!parsed.ok) throw new Error(parsed.problem);
  return parsed.value;
};

type Feature = ModelSpec['features'][number];
const numeric = (column: string, extra: Partial<Feature> = {}): Feature => ({
  name: column,
  column,
  mean: 0,
  std: 1,
  ...extra,
});

/** The telco spec's columns (for their labels) with the given features and coefficients. */
const withEffects = (entries: [Feature, number][]): ModelSpec => ({
  ...telco(),
  features: entries.map(([f]) => f),
  coefficients: entries.map(([, c]) => c),
});

describe('the words for an effect', () => {
  it.each([
    [1, 'raises the risk a lot'],
    [0.9999, 'raises the risk clearly'],
    [0.5, 'raises the risk clearly'],
    [0.4999, 'raises the risk somewhat'],
    [0.2, 'raises the risk somewhat'],
    [0.1999, 'raises the risk slightly'],
    [0.01, 'raises the risk slightly'],
    [-0.01, 'lowers the risk slightly'],
    [-0.2, 'lowers the risk somewhat'],
    [-0.5, 'lowers the risk clearly'],
    [-1, 'lowers the risk a lot'],
    [-3, 'lowers the risk a lot'],
  ])('a coefficient of %f %s', (coefficient, words) => {
    expect(strongestEffects(withEffects([[numeric('tenure'), coefficient]]))).toEqual([
      { size: coefficient, text: `Higher Tenure ${words}` },
    ]);
  });

  it("names each kind of feature with its column's label", () => {
    const effects = strongestEffects(
      withEffects([
        [numeric('MonthlyCharges'), 0.3],
        [numeric('log1p(MonthlyCharges)', { column: 'MonthlyCharges', transform: 'log1p' }), 0.4],
        [numeric('TotalCharges is missing', { column: 'TotalCharges', indicator: 'missing' }), 0.6],
        [numeric('Partner=Yes', { column: 'Partner', category: 'Yes', mean: 0.5, std: 0.5 }), -0.35],
        [numeric('Unlisted', { column: 'Unlisted' }), 0.25],
      ]),
    );
    expect(effects.map((e) => e.text)).toEqual([
      // −0.35 ÷ 0.5: being a partner is −0.7, not −0.35.
      'Has a partner = Yes lowers the risk clearly',
      'Total charges missing raises the risk clearly',
      'Higher Monthly charges (on a log scale) raises the risk somewhat',
      'Higher Monthly charges raises the risk somewhat',
      // A feature of a column the spec does not list is named by the column itself.
      'Higher Unlisted raises the risk somewhat',
    ]);
    expect(effects[0]!.size).toBeCloseTo(-0.7, 12);
  });

  it("takes a number's coefficient as it is, whatever its feature's std (the coefficient is already per std)", () => {
    expect(strongestEffects(withEffects([[numeric('tenure', { std: 4 }), 0.3]]))).toEqual([
      { size: 0.3, text: 'Higher Tenure raises the risk somewhat' },
    ]);
  });

  it('leaves out features with no effect or no finite size, and keeps the strongest six by default', () => {
    const spec = withEffects([
      [numeric('tenure'), 0],
      [numeric('Partner=No', { column: 'Partner', category: 'No', std: 0 }), 0.4],
      [numeric('MonthlyCharges'), Number.NaN],
      ...[0.11, -0.12, 0.13, -0.14, 0.15, -0.16, 0.17].map((c): [Feature, number] => [
        numeric(`f${c}`, { column: `Column ${c}` }),
        c,
      ]),
    ]);
    expect(strongestEffects(spec).map((e) => e.size)).toEqual([0.17, -0.16, 0.15, -0.14, 0.13, -0.12]);
    expect(strongestEffects(spec, 2).map((e) => e.size)).toEqual([0.17, -0.16]);
    expect(strongestEffects(spec, 40)).toHaveLength(7);
  });

  it('orders equal sizes by their words', () => {
    const spec = withEffects([
      [numeric('tenure'), 0.3],
      [numeric('MonthlyCharges'), -0.3],
      [numeric('TotalCharges'), 0.3],
    ]);
    expect(strongestEffects(spec).map((e) => e.text)).toEqual([
      'Higher Monthly charges lowers the risk somewhat',
      'Higher Tenure raises the risk somewhat',
      'Higher Total charges raises the risk somewhat',
    ]);
  });
});
