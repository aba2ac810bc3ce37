import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseModelSpec, recommendedThreshold } from './parse-model-spec.ts';

// Each rule of the spec schema, broken one at a time on the shipped core model, with the message it gives.
type Json = Record<string, unknown> & { columns: Record<string, unknown>[]; features: Record<string, unknown>[] };
const shipped = (): Json =>
  JSON.parse(readFileSync(new URL('../../../public/models/telco-core.json', import.meta.url), 'utf8')) as Json;
const problemOf = (change: (spec: Json) => void) => {
  const spec = shipped();
  change(spec);
  const parsed = parseModelSpec(spec, 'x.json');
  return parsed.ok ? 'accepted' : parsed.problem;
};

describe('parseModelSpec', () => {
  it('accepts the shipped spec and finds its recommended threshold', () => {
    const parsed = parseModelSpec(shipped(), 'telco-core.json');
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const point = parsed.value.thresholds.points.find((p) => p.name === parsed.value.thresholds.recommended)!;
    expect(recommendedThreshold(parsed.value)).toBe(point.value);
  });

  it.each<[string, (s: Json) => void, string]>([
    ['a foreign format', (s) => (s.format = 'other/1'), 'format'],
    ['an id with capitals', (s) => (s.id = 'Core'), 'id must be lower-case letters, digits and dashes'],
    ['an onnx name that is a path', (s) => (s.onnx = '../x.onnx'), 'onnx must be a file name ending in .onnx'],
    ['an unknown key', (s) => (s.extra = 1), '(root)'],
    ['an empty label', (s) => (s.label = ''), 'label'],
    [
      'one coefficient too many',
      (s) => (s.coefficients as number[]).push(1),
      'coefficients has 14 entries but there are 13 features',
    ],
    ['a repeated column', (s) => s.columns.push(s.columns[0]!), 'columns column names must be unique'],
    [
      'a feature of an unknown column',
      (s) => (s.features[0]!.column = 'nope'),
      'features.0.column names unknown column "nope"',
    ],
    [
      'an indicator of an unknown category',
      (s) => (s.features[2]!.category = 'Nope'),
      'features.2.category must be one of the categories of "Contract"',
    ],
    [
      'an indicator without a category',
      (s) => delete s.features[2]!.category,
      'features.2.category must be one of the categories of "Contract"',
    ],
    [
      'a numeric feature with a category',
      (s) => (s.features[0]!.category = 'x'),
      'features.0.category numeric features have no category',
    ],
    [
      'an indicator with a transform',
      (s) => (s.features[2]!.transform = 'log1p'),
      'features.2 category indicators take no transform or missing indicator',
    ],
    ['a standard deviation of 0', (s) => (s.features[0]!.std = 0), 'features.0.std must be positive'],
    // zod 4's number() refuses infinities itself, before the schema's own finite check.
    ['a mean that is not finite', (s) => (s.features[0]!.mean = Number.POSITIVE_INFINITY), 'features.0.mean '],
    [
      'a product of a categorical column',
      (s) => ((s.columns[4]!.impute as { product: string[] }).product = ['tenure', 'Contract']),
      'columns.4.impute product names "Contract", which is not a numeric column',
    ],
    [
      'a synonym for no category',
      (s) => ((s.columns[1]!.synonyms as Record<string, string>).monthly = 'Weekly'),
      'columns.1.synonyms.monthly maps to "Weekly", which is not a category',
    ],
    [
      'a recommended point that does not exist',
      (s) => ((s.thresholds as { recommended: string }).recommended = 'best'),
      'thresholds.recommended names "best", which is not an operating point',
    ],
    [
      'a threshold above 1',
      (s) => ((s.thresholds as { points: { value: number }[] }).points[0]!.value = 1.01),
      'thresholds.points.0.value must be between 0 and 1',
    ],
    [
      'a threshold below 0',
      (s) => ((s.thresholds as { points: { value: number }[] }).points[0]!.value = -0.01),
      'thresholds.points.0.value must be between 0 and 1',
    ],
  ])('refuses %s', (_, change, message) => {
    const problem = problemOf(change);
    expect(problem).toContain('The model spec x.json is not valid: ');
    expect(problem).toContain(message);
    expect(problem).toMatch(/Re-train the model or restore the file\.$/);
  });

  it('accepts thresholds of exactly 0 and 1', () => {
    expect(problemOf((s) => ((s.thresholds as { points: { value: number }[] }).points[0]!.value = 0))).toBe('accepted');
    expect(problemOf((s) => ((s.thresholds as { points: { value: number }[] }).points[0]!.value = 1))).toBe('accepted');
  });

  it('names at most three problems and counts the rest', () => {
    const problem = problemOf((s) => s.features.forEach((f) => (f.std = 0)));
    expect(problem.match(/must be positive/g)).toHaveLength(3);
    expect(problem).toContain('(and 10 more)');
    expect(problemOf((s) => s.features.slice(0, 3).forEach((f) => (f.std = 0)))).not.toContain('more)');
  });

  it('says the format is missing for something that is not a spec object', () => {
    expect(parseModelSpec(null, 'x.json')).toEqual({
      ok: false,
      problem: expect.stringContaining('x.json is not valid: format is missing'),
    });
  });
});
