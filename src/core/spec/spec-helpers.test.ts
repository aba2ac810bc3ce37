import { describe, expect, it } from 'vitest';
import { defaultSegments } from './default-segments.ts';
import { parseDeployConfig } from './deploy-config.ts';
import type { ModelSpec } from './model-spec.ts';
import { parseModelsIndex, withModel } from './models-index.ts';
import { NOT_AN_OUTCOME, outcomeReader } from './read-outcome.ts';
import { SPEC_FORMAT_V1, upgradeSpecV1 } from './upgrade-spec-v1.ts';

type Segmented = Pick<ModelSpec, 'columns' | 'features' | 'coefficients'>;
const categorical = (name: string) => ({
  name,
  label: name,
  type: 'categorical' as const,
  aliases: [],
  categories: ['a', 'b'],
  synonyms: {},
  sensitive: false,
});
const indicator = (column: string, category: string, std = 1) => ({
  name: `${column}=${category}`,
  column,
  category,
  mean: 0,
  std,
});

describe('defaultSegments', () => {
  const spec = (coefficients: number[], std = [1, 1, 1, 1, 1, 1]): Segmented => ({
    // Not in name order, so that ties show the order by name.
    columns: [
      categorical('C'),
      categorical('A'),
      categorical('B'),
      {
        name: 'n',
        label: 'n',
        type: 'numeric',
        aliases: [],
        impute: { constant: 0 },
        range: { min: 0, max: 1 },
        unit: 'none',
        sensitive: false,
      },
    ],
    features: [
      indicator('A', 'a', std[0]),
      indicator('A', 'b', std[1]),
      indicator('B', 'a', std[2]),
      indicator('C', 'a', std[3]),
      indicator('C', 'b', std[4]),
      { name: 'n', column: 'n', mean: 0, std: std[5]! },
    ],
    coefficients,
  });

  it('orders categorical columns by the spread of their effects, largest first', () => {
    // Spreads: A −1 to 3 = 4; B 0 to 2 = 2; C 0 to 1 = 1 (the baseline, 0, is part of every spread).
    expect(defaultSegments(spec([3, -1, 2, 0.5, 1, 100]))).toEqual(['A', 'B', 'C']);
    // A negative effect alone spreads from it to 0.
    expect(defaultSegments(spec([0.1, 0.1, -5, 1, 0.2, 100]))).toEqual(['B', 'C', 'A']);
  });

  it("divides each coefficient by its indicator's standard deviation", () => {
    expect(defaultSegments(spec([3, 0, 2, 0, 0, 0], [10, 1, 1, 1, 1, 1]))).toEqual(['B', 'A', 'C']);
  });

  it('breaks ties by name and takes as many as asked', () => {
    expect(defaultSegments(spec([1, 0, 1, 0, 1, 0]))).toEqual(['A', 'B', 'C']);
    expect(defaultSegments(spec([3, -1, 2, 0.5, 1, 100]), 2)).toEqual(['A', 'B']);
    expect(defaultSegments(spec([3, -1, 2, 0.5, 1, 100]), 0)).toEqual([]);
  });

  it('leaves out categorical columns without features', () => {
    const s = spec([1, 2, 3, 4, 5, 6]);
    expect(defaultSegments({ ...s, features: s.features.slice(0, 2), coefficients: [1, 2] })).toEqual(['A']);
  });
});

describe('outcomeReader', () => {
  const read = outcomeReader({
    column: 'Churn',
    aliases: [],
    positive: 'Yes',
    negative: 'No',
    positive_spellings: ['churned'],
    negative_spellings: ['stayed'],
  });

  it.each([
    ['Yes', 1],
    [' YES ', 1],
    ['Churned', 1],
    ['No', 0],
    ['no', 0],
    ['STAYED', 0],
    ['', NOT_AN_OUTCOME],
    ['maybe', NOT_AN_OUTCOME],
  ])('%j -> %i', (text, expected) => {
    expect(read(text)).toBe(expected);
  });

  it('marks an unreadable outcome as 255', () => {
    expect(NOT_AN_OUTCOME).toBe(255);
  });
});

describe('the models list', () => {
  it('writes one id per line, adding a new id at the end and keeping a known one in place', () => {
    expect(withModel({ models: ['a', 'b'] }, 'c')).toBe('{\n  "models": [\n    "a",\n    "b",\n    "c"\n  ]\n}\n');
    expect(withModel({ models: ['a', 'b'] }, 'a')).toBe('{\n  "models": [\n    "a",\n    "b"\n  ]\n}\n');
    expect(withModel(undefined, 'a')).toBe('{\n  "models": [\n    "a"\n  ]\n}\n');
  });

  it('takes 1 to 100 ids of up to 64 characters', () => {
    expect(parseModelsIndex({ models: Array.from({ length: 100 }, (_, i) => `m${i}`) }).ok).toBe(true);
    expect(parseModelsIndex({ models: [`a${'b'.repeat(63)}`] }).ok).toBe(true);
    expect(parseModelsIndex({ models: Array.from({ length: 101 }, (_, i) => `m${i}`) })).toEqual({
      ok: false,
      problem:
        'The models list models/index.json is not valid: models Too big: expected array to have <=100 items. It should look like {"models": ["telco-full", "my-model"]}.',
    });
    expect(parseModelsIndex({ models: [`a${'b'.repeat(64)}`, 'B', '-a', 'Y'] }, 'list.json')).toEqual({
      ok: false,
      problem:
        'The models list list.json is not valid: models.0 must be a model id: lower-case letters, digits and dashes; models.1 must be a model id: lower-case letters, digits and dashes; models.2 must be a model id: lower-case letters, digits and dashes. It should look like {"models": ["telco-full", "my-model"]}.',
    });
  });
});

describe('parseDeployConfig at its edges', () => {
  it('takes up to 100 origins and sizes above 0 up to 100,000 MB', () => {
    const origins = Array.from({ length: 100 }, (_, i) => `https://p${i}.example.com`);
    expect(parseDeployConfig(JSON.stringify({ embed_origins: origins, comfortable_file_mb: 100_000 })).ok).toBe(true);
    expect(parseDeployConfig('{"comfortable_file_mb":0.001,"default_model":"7"}').ok).toBe(true);
  });

  it.each([
    [
      { embed_origins: Array.from({ length: 101 }, (_, i) => `https://p${i}.example.com`) },
      'embed_origins: Too big: expected array to have <=100 items',
    ],
    [{ comfortable_file_mb: 0 }, 'comfortable_file_mb: Too small: expected number to be >0'],
    [{ comfortable_file_mb: 100_001 }, 'comfortable_file_mb: Too big: expected number to be <=100000'],
    [
      { default_model: `a${'b'.repeat(64)}` },
      'default_model: must be a model id: lower-case letters, digits and dashes',
    ],
  ])('refuses %j', (config, details) => {
    expect(parseDeployConfig(JSON.stringify(config), 'site.json')).toEqual({
      ok: false,
      problem: `The deployment settings site.json are not valid (${details}); the defaults are used. Known keys: embed_origins, default_model, comfortable_file_mb.`,
    });
  });

  it('names the first three problems', () => {
    const parsed = parseDeployConfig('{"a":1,"default_model":"X","comfortable_file_mb":0,"embed_origins":["x"]}');
    // The fourth, the unknown key "a", is left out.
    expect(parsed.ok ? '' : parsed.problem).toBe(
      'The deployment settings config.json are not valid (embed_origins.0: must be an origin such as "https://portal.example.com"; default_model: must be a model id: lower-case letters, digits and dashes; comfortable_file_mb: Too small: expected number to be >0); the defaults are used. Known keys: embed_origins, default_model, comfortable_file_mb.',
    );
  });

  it('quotes the JSON error', () => {
    const parsed = parseDeployConfig('{', 'site.json');
    expect(parsed.ok ? '' : parsed.problem).toMatch(
      /^The deployment settings site\.json are not valid JSON \(.+\); the defaults are used\. Fix the file or remove it\.$/,
    );
  });
});

describe('upgradeSpecV1', () => {
  const v1 = () => ({
    format: SPEC_FORMAT_V1,
    columns: [
      { name: 'n', type: 'numeric', unit: 'currency' },
      { name: 'm', type: 'numeric' },
      { name: 'k', type: 'numeric', unit: 'months' },
      categorical('A'),
      'not a column',
    ],
    target: { column: 'Churn', positive: 'Yes', aliases: ['Churned'] },
    features: [indicator('A', 'a')],
    coefficients: [1],
  });

  it('adds what format 1 left implicit', () => {
    const up = upgradeSpecV1(v1()) as Record<string, unknown>;
    expect(up.format).toBe('churn-radar-model/2');
    expect(up.columns).toEqual([
      { name: 'n', type: 'numeric', unit: { currency: 'XXX' }, sensitive: false },
      { name: 'm', type: 'numeric', unit: 'none', sensitive: false },
      { name: 'k', type: 'numeric', unit: 'months', sensitive: false },
      { ...categorical('A'), sensitive: false },
      'not a column',
    ]);
    expect(up.target).toEqual({
      column: 'Churn',
      positive: 'Yes',
      aliases: ['Churned'],
      positive_spellings: [],
      negative_spellings: [],
    });
    expect(up.risk_bands).toEqual([
      { name: 'Low', from: 0 },
      { name: 'Medium', from: 0.15 },
      { name: 'High', from: 0.35 },
      { name: 'Very high', from: 0.6 },
    ]);
    expect(up.warnings).toEqual([]);
    expect(up.segments).toEqual(['A']);
  });

  it('gives a target without aliases or spellings empty lists of them', () => {
    const up = upgradeSpecV1({ ...v1(), target: { column: 'Churn', positive: 'Yes', negative: 'No' } }) as Record<
      string,
      unknown
    >;
    expect(up.target).toEqual({
      column: 'Churn',
      positive: 'Yes',
      negative: 'No',
      aliases: [],
      positive_spellings: [],
      negative_spellings: [],
    });
  });

  it('leaves segments empty when features, coefficients or columns are not lists', () => {
    for (const key of ['features', 'coefficients', 'columns'] as const) {
      const up = upgradeSpecV1({ ...v1(), [key]: 'x' }) as Record<string, unknown>;
      expect(up.segments).toEqual([]);
      expect(up[key]).toBe('x');
    }
    expect((upgradeSpecV1({ ...v1(), target: 'x' }) as Record<string, unknown>).target).toBe('x');
  });

  it.each([null, [], 'x', { format: 'churn-radar-model/2', columns: [] }, [{ format: SPEC_FORMAT_V1 }]])(
    'returns %j as it is',
    (json) => {
      expect(upgradeSpecV1(json)).toBe(json);
    },
  );
});
