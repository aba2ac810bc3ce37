import { describe, expect, it } from 'vitest';
import { parseTrainingConfig } from './training-config.ts';

describe('parseTrainingConfig', () => {
  it('accepts an empty config and a full one as they are', () => {
    expect(parseTrainingConfig({}, 'empty.json')).toEqual({ ok: true, value: {} });
    const full = {
      dataset: 'Telco',
      target: {
        column: 'Churn',
        positive: 'Yes',
        aliases: ['Exited'],
        positive_spellings: ['y'],
        negative_spellings: ['n'],
      },
      id: { column: 'customerID', aliases: ['id'] },
      value: { column: 'MonthlyCharges', unit: { currency: 'USD' } },
      segments: ['Contract'],
      risk_bands: [{ name: 'Low', from: 0 }],
      columns: {
        tenure: {
          type: 'numeric',
          unit: 'months',
          bounds: { min: 0, max: 100 },
          band_ends: [12, 24],
          transform: 'none',
        },
        TotalCharges: { impute: { product: ['tenure', 'MonthlyCharges'] } },
        Contract: { categories: ['Month-to-month'], synonyms: { monthly: 'Month-to-month' }, actionable: true },
        gender: { include: false, sensitive: true },
        PaymentMethod: { actionable: ['Credit card', 2] },
      },
      models: [{ id: 'telco-core-2', label: 'Core', description: 'x', columns: ['tenure'] }],
    };
    expect(parseTrainingConfig(full, 'telco.json')).toEqual({ ok: true, value: full });
  });

  it.each<[string, unknown, string]>([
    ['a key it does not know', { colums: {} }, '(root): Unrecognized key: "colums"'],
    ['an empty column name', { segments: [''] }, 'segments.0: Too small: expected string to have >=1 characters'],
    ['an infinite bound', { columns: { a: { bounds: { min: 0, max: Infinity } } } }, 'columns.a.bounds.max:'],
    [
      'an upper-case model id',
      { models: [{ id: 'Core', label: 'x' }] },
      'models.0.id: must be lower-case letters, digits and dashes',
    ],
    [
      'a model id longer than 64 characters',
      { models: [{ id: `a${'b'.repeat(64)}`, label: 'x' }] },
      'models.0.id: must be lower-case letters, digits and dashes',
    ],
    ['no models in the list', { models: [] }, 'models: Too small'],
    ['a product of one column', { columns: { t: { impute: { product: ['a'] } } } }, 'columns.t.impute.product'],
  ])('refuses %s, naming the file and the key', (_, json, detail) => {
    const parsed = parseTrainingConfig(json, 'my.json');
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.problem.startsWith('The training config my.json is not valid: ')).toBe(true);
    expect(parsed.problem).toContain(detail);
    expect(parsed.problem.endsWith('.')).toBe(true);
  });

  it('names at most three wrong keys, separated by semicolons', () => {
    const parsed = parseTrainingConfig({ a: 1, dataset: 5, segments: 6, risk_bands: 7, models: 8 }, 'my.json');
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problem.split('; ')).toHaveLength(3);
  });

  it('takes a model id of exactly 64 characters, starting with a digit', () => {
    expect(parseTrainingConfig({ models: [{ id: `9${'b'.repeat(63)}`, label: 'x' }] }, 'my.json').ok).toBe(true);
    expect(parseTrainingConfig({ models: [{ id: '-core', label: 'x' }] }, 'my.json').ok).toBe(false);
  });
});
