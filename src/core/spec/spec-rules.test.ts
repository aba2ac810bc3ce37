import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PACKAGE_LIMITS, checkOnnx, readSpec } from './check-package.ts';
import { parseModelSpec, recommendedThreshold } from './parse-model-spec.ts';
import type { ModelSpec } from './model-spec.ts';

// The schema rules spec-validation.test.ts does not break, each at its edge: the value just
// past it is refused with a message naming the field, the value on it is accepted.
type Json = Record<string, unknown> & { columns: Record<string, unknown>[]; features: Record<string, unknown>[] };
type Test = { calibration: unknown[]; roc: unknown[]; pr: unknown[]; n: number; positives: number };
const shipped = (): Json =>
  JSON.parse(readFileSync(new URL('../../../public/models/telco-core.json', import.meta.url), 'utf8')) as Json;
const problemOf = (change: (spec: Json) => void) => {
  const spec = shipped();
  change(spec);
  const parsed = parseModelSpec(spec, 'x.json');
  return parsed.ok
    ? 'accepted'
    : parsed.problem
        .replace('The model spec x.json is not valid: ', '')
        .replace(/\. Re-train the model or restore the file\.$/, '');
};
const at = <T>(s: Json, key: string) => s[key] as T;
const test = (s: Json) => at<{ test: Test }>(s, 'metrics').test;
const bands = (s: Json) => at<{ from: number }[]>(s, 'risk_bands');
const contract = (s: Json) => s.columns[1]!;
const tenure = (s: Json) => s.columns[0]!;

describe('spec rules at their edges', () => {
  it.each<[string, (s: Json) => void, string]>([
    ['bounds with min above max', (s) => (tenure(s).bounds = { min: 5, max: 4 }), 'columns.0.bounds min is above max'],
    [
      'band ends that repeat',
      (s) => (tenure(s).band_ends = [12, 12, 48]),
      'columns.0.band_ends.1 band ends must be ascending',
    ],
    [
      'band ends that fall',
      (s) => (tenure(s).band_ends = [12, 48, 24]),
      'columns.0.band_ends.2 band ends must be ascending',
    ],
    [
      'no band ends',
      (s) => (tenure(s).band_ends = []),
      'columns.0.band_ends Too small: expected array to have >=1 items',
    ],
    [
      'frequencies for too few categories',
      (s) => (contract(s).frequencies = [0.5, 0.5]),
      'columns.1.frequencies has 2 entries for 3 categories',
    ],
    [
      'a frequency above 1',
      (s) => (contract(s).frequencies = [0.5, 0.5, 1.01]),
      'columns.1.frequencies.2 must be between 0 and 1',
    ],
    [
      'an "Other" level that is not a category',
      (s) => (contract(s).other = 'Nope'),
      'columns.1.other "Nope" is not a category',
    ],
    [
      'a "(missing)" level that is not a category',
      (s) => (contract(s).missing = 'Nope'),
      'columns.1.missing "Nope" is not a category',
    ],
    [
      'an actionable value that is not a category',
      (s) => (contract(s).actionable = { values: ['One year', 'Nope'] }),
      'columns.1.actionable.values.1 "Nope" is not a category',
    ],
    [
      'no actionable categories',
      (s) => (contract(s).actionable = { values: [] }),
      'columns.1.actionable.values Too small: expected array to have >=1 items',
    ],
    [
      'no actionable numbers',
      (s) => (tenure(s).actionable = { values: [] }),
      'columns.0.actionable.values Too small: expected array to have >=1 items',
    ],
    [
      'no categories',
      (s) => (
        (contract(s).categories = []),
        (contract(s).synonyms = {}),
        delete contract(s).frequencies,
        (s.features = s.features.filter((f) => f.column !== 'Contract')),
        (s.coefficients = (s.coefficients as number[]).slice(0, s.features.length)),
        delete contract(s).actionable
      ),
      'columns.1.categories Too small: expected array to have >=1 items',
    ],
    [
      'an empty alias',
      (s) => (tenure(s).aliases = ['']),
      'columns.0.aliases.0 Too small: expected string to have >=1 characters',
    ],
    [
      'a value column that is categorical',
      (s) => (at<{ column: string }>(s, 'value').column = 'Contract'),
      'value.column "Contract" is not a numeric column of the model',
    ],
    [
      'a value column that does not exist',
      (s) => (at<{ column: string }>(s, 'value').column = 'Nope'),
      'value.column "Nope" is not a numeric column of the model',
    ],
    [
      'a segment that is not a column',
      (s) => at<string[]>(s, 'segments').push('Nope'),
      'segments.3 "Nope" is not a column of the model',
    ],
    [
      'a first risk band above 0',
      (s) => (bands(s)[0]!.from = 0.01),
      'risk_bands.0.from the first band must start at 0',
    ],
    ['risk bands that repeat', (s) => (bands(s)[2]!.from = 0.15), 'risk_bands.2.from bands must be in ascending order'],
    ['risk bands that fall', (s) => (bands(s)[3]!.from = 0.3), 'risk_bands.3.from bands must be in ascending order'],
    ['no risk bands', (s) => (s.risk_bands = []), 'risk_bands Too small: expected array to have >=1 items'],
    [
      'a product of a column imputed by a product',
      (s) => (s.columns[4]!.impute = { product: ['tenure', 'TotalCharges'] }),
      'columns.4.impute product names "TotalCharges", which is not a numeric column imputed by a constant',
    ],
    [
      'a product of an unknown column',
      (s) => (s.columns[4]!.impute = { product: ['Nope', 'tenure'] }),
      'columns.4.impute product names "Nope", which is not a numeric column imputed by a constant',
    ],
    [
      'a missing indicator with a transform',
      (s) => (s.features[1]!.indicator = 'missing'),
      'features.1 a missing indicator takes no transform',
    ],
    [
      'a category indicator with a missing indicator',
      (s) => (s.features[2]!.indicator = 'missing'),
      'features.2 category indicators take no transform or missing indicator',
    ],
    ['a negative standard deviation', (s) => (s.features[0]!.std = -1), 'features.0.std must be positive'],
    [
      'a currency in lower case',
      (s) => (s.columns[3]!.unit = { currency: 'usd' }),
      'columns.3.unit.currency must be a three-letter ISO 4217 code',
    ],
    [
      'a currency of four letters',
      (s) => (s.columns[3]!.unit = { currency: 'USDX' }),
      'columns.3.unit.currency must be a three-letter ISO 4217 code',
    ],
    ['an id of 65 characters', (s) => (s.id = 'a'.repeat(65)), 'id must be lower-case letters, digits and dashes'],
    ['an id starting with a dash', (s) => (s.id = '-core'), 'id must be lower-case letters, digits and dashes'],
    [
      'an onnx name with more after .onnx',
      (s) => (s.onnx = 'model.onnx.bak'),
      'onnx must be a file name ending in .onnx',
    ],
    [
      'an onnx name with a space before it',
      (s) => (s.onnx = ' model.onnx'),
      'onnx must be a file name ending in .onnx',
    ],
    [
      'a hash in capitals',
      (s) => (at<{ sha256: string }>(s, 'provenance').sha256 = 'A'.repeat(64)),
      'provenance.sha256 must be a hex SHA-256',
    ],
    [
      'a hash one digit short',
      (s) => (at<{ sha256: string }>(s, 'provenance').sha256 = 'a'.repeat(63)),
      'provenance.sha256 must be a hex SHA-256',
    ],
    [
      'a hash one digit long',
      (s) => (at<{ sha256: string }>(s, 'provenance').sha256 = 'a'.repeat(65)),
      'provenance.sha256 must be a hex SHA-256',
    ],
    [
      'nine calibration bins',
      (s) => test(s).calibration.pop(),
      'metrics.test.calibration Too small: expected array to have exactly 10 items',
    ],
    [
      '102 ROC points',
      (s) => test(s).roc.push(test(s).roc[0]),
      'metrics.test.roc Too big: expected array to have <=101 items',
    ],
    [
      '102 precision-recall points',
      (s) => test(s).pr.push(test(s).pr[0]),
      'metrics.test.pr Too big: expected array to have <=101 items',
    ],
    ['a test set of no rows', (s) => (test(s).n = 0), 'metrics.test.n Too small: expected number to be >0'],
    [
      'a negative count of positives',
      (s) => (test(s).positives = -1),
      'metrics.test.positives Too small: expected number to be >=0',
    ],
  ])('refuses %s', (_, change, message) => {
    expect(problemOf(change)).toBe(message);
  });

  it.each<[string, (s: Json) => void]>([
    ['bounds with min equal to max', (s) => (tenure(s).bounds = { min: 4, max: 4 })],
    ['one band end', (s) => (tenure(s).band_ends = [12])],
    ['frequencies of exactly 0 and 1', (s) => (contract(s).frequencies = [0, 1, 0])],
    [
      '"Other" and "(missing)" levels that are categories',
      (s) => Object.assign(contract(s), { other: 'Two year', missing: 'One year' }),
    ],
    [
      'actionable categories and numbers',
      (s) => ((contract(s).actionable = { values: ['One year'] }), (tenure(s).actionable = { values: [12] })),
    ],
    ['a missing indicator without a transform', (s) => (s.features[0]!.indicator = 'missing')],
    ['an id of 64 characters', (s) => (s.id = `a${'-'.repeat(62)}9`)],
    ['an id of one digit', (s) => (s.id = '7')],
    ['a test set without positives', (s) => (test(s).positives = 0)],
    ...['days', 'count', 'percent', 'none', 'months'].map((unit): [string, (s: Json) => void] => [
      `the unit ${unit}`,
      (s) => (tenure(s).unit = unit),
    ]),
  ])('accepts %s', (_, change) => {
    expect(problemOf(change)).toBe('accepted');
  });
});

describe('reading a spec', () => {
  it('finds the recommended point wherever it is listed', () => {
    const spec = shipped();
    const thresholds = spec.thresholds as { recommended: string; points: { name: string; value: number }[] };
    thresholds.recommended = thresholds.points[2]!.name;
    const parsed = parseModelSpec(spec, 'x.json');
    expect(parsed.ok && recommendedThreshold(parsed.value)).toBe(thresholds.points[2]!.value);
  });

  it.each([undefined, null, 'text', 7])('says the format is missing for %j', (json) => {
    expect(parseModelSpec(json, 'x.json')).toEqual({
      ok: false,
      problem:
        'The model spec x.json is not valid: format is missing, expected "churn-radar-model/2" (or "churn-radar-model/1"). Re-train the model or restore the file.',
    });
  });

  it('refuses files over the size limits before reading them', () => {
    // (Files of exactly the limits' sizes are left out: 150 MB of buffers make a slow unit test.)
    const spec = readSpec(new TextEncoder().encode(JSON.stringify(shipped())), 'x.json');
    if (!spec.ok) throw new Error(spec.problem);
    expect(readSpec(new Uint8Array(PACKAGE_LIMITS.specBytes + 1), 'x.json')).toEqual({
      ok: false,
      problem:
        'The model spec x.json is 50,000,001 bytes, over the 50 MB no spec needs, so it was not opened. Check that it is the right file, or re-train the model.',
    });
    const model: ModelSpec = spec.value;
    expect(checkOnnx(new Uint8Array(PACKAGE_LIMITS.onnxBytes + 1), model)).toEqual({
      ok: false,
      problem: `The model file ${model.onnx} is 100,000,001 bytes, over the 100 MB no logistic-regression model needs, so it was not opened. Check that it is the right file, or re-train the model.`,
    });
  });
});
