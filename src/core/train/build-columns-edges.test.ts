import { describe, expect, it } from 'vitest';
import { buildCategorical, buildNumeric } from './build-columns.ts';
import type { ColumnRole } from './infer-roles.ts';
import type { RawTable } from './raw-table.ts';
import { seededRandom } from './seeded-random.ts';
import type { ColumnConfig } from './training-config.ts';

const role = (type: 'numeric' | 'categorical', sensitive = false): ColumnRole => ({
  name: 'plan_fee',
  index: 0,
  role: type,
  reason: '',
  sensitive,
  missingShare: 0,
  distinct: 0,
});
const one = (cells: string[]): RawTable => ({
  headers: ['plan_fee'],
  columns: [cells],
  rowCount: cells.length,
  raggedRows: 0,
});
const all = (n: number) => Array.from({ length: n }, (_, i) => i);
const numeric = (cells: string[], settings: ColumnConfig = { transform: 'none' }, train = all(cells.length)) =>
  buildNumeric(
    one(cells),
    role('numeric'),
    settings,
    train,
    Uint8Array.from(cells, (_, i) => i % 2),
  );
const texts = (values: number[]) => values.map(String);
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
const repeat = (value: number, times: number) => Array<number>(times).fill(value);

describe('buildNumeric: the column it describes', () => {
  it('takes the median, range and rounded quartile edges of the training values', () => {
    const built = numeric(texts(range(1, 40)));
    expect(built.column).toEqual({
      name: 'plan_fee',
      label: 'Plan fee',
      type: 'numeric',
      aliases: [],
      // An even count: the mean of the two middle values, 20 and 21.
      impute: { constant: 20.5 },
      range: { min: 1, max: 40 },
      unit: 'none',
      band_ends: [11, 21, 31],
      sensitive: false,
    });
    expect(built.features).toEqual([{ name: 'plan_fee', column: 'plan_fee' }]);
    expect(built.notes).toEqual([]);
    expect(numeric(texts(range(1, 41))).column).toMatchObject({ impute: { constant: 21 } });
  });

  it.each([
    ['edges rounded to two significant digits', range(1, 40).map((i) => i * 123.4), [1400, 2600, 3800]],
    ['an edge of 0 between negative and positive values', range(-20, 19), [-10, 0, 10]],
    ['one edge when the quartiles fall on the same value', [...range(1, 5), ...repeat(7, 30), ...range(8, 12)], [7]],
    ['no edge at the largest value', [...repeat(1, 10), ...repeat(2, 10), ...repeat(3, 20)], [2]],
    ['no edge at the smallest value', [...repeat(1, 20), ...repeat(2, 10), ...repeat(3, 10)], [2]],
  ])('%s', (_, values, ends) => {
    expect(numeric(texts(values)).column).toMatchObject({ band_ends: ends });
  });

  it('has no band edges, not even an empty list, when every value is the same or none was seen', () => {
    expect('band_ends' in numeric(texts(repeat(4, 20))).column).toBe(false);
    const blank = numeric(Array<string>(20).fill(''));
    expect('band_ends' in blank.column).toBe(false);
    expect(blank.column).toMatchObject({ impute: { constant: 0 }, range: { min: 0, max: 0 } });
  });

  it('learns only from the training rows', () => {
    const cells = texts([...range(1, 20), 1_000_000, -5]);
    expect(numeric(cells, { transform: 'none' }, all(20)).column).toMatchObject({
      impute: { constant: 10.5 },
      range: { min: 1, max: 20 },
    });
  });

  it("uses the config's label, aliases, unit, bounds, band edges, imputation and actionable values", () => {
    const settings: ColumnConfig = {
      transform: 'none',
      label: 'Monthly fee',
      aliases: ['fee'],
      unit: { currency: 'EUR' },
      bounds: { min: 0, max: 100 },
      band_ends: [25, 50],
      impute: { product: ['a', 'b'] },
      actionable: ['10', 20, 'abc'],
    };
    const built = buildNumeric(one(texts(range(1, 40))), role('numeric', true), settings, all(40), new Uint8Array(40));
    expect(built.column).toEqual({
      name: 'plan_fee',
      label: 'Monthly fee',
      type: 'numeric',
      aliases: ['fee'],
      impute: { product: ['a', 'b'] },
      bounds: { min: 0, max: 100 },
      range: { min: 1, max: 40 },
      unit: { currency: 'EUR' },
      band_ends: [25, 50],
      sensitive: true,
      actionable: { values: [10, 20] },
    });
  });

  it('keeps values on the bounds, blanks those outside in a copy of the cells, and says how many', () => {
    const cells = ['0', '100', '-0.5', '100.5', '50', '12,5'];
    const table = one(cells);
    const built = buildNumeric(
      table,
      role('numeric'),
      { transform: 'none', bounds: { min: 0, max: 100 } },
      all(6),
      new Uint8Array(6),
    );
    expect(built.cells).toEqual(['0', '100', '', '', '50', '']);
    expect(table.columns[0]).toEqual(['0', '100', '-0.5', '100.5', '50', '12,5']);
    expect(built.column).toMatchObject({ range: { min: 0, max: 100 }, impute: { constant: 50 } });
    expect(built.notes).toEqual([
      '1 cell(s) were not numbers: read as missing',
      '2 cell(s) were outside the bounds 0–100: read as missing',
    ]);
  });
});

describe('buildNumeric: its features', () => {
  const missingFeature = { name: 'plan_fee is missing', column: 'plan_fee', indicator: 'missing' };
  const logFeature = { name: 'log1p(plan_fee)', column: 'plan_fee', transform: 'log1p' };

  it('adds the log scale when the config asks and no training value is negative', () => {
    expect(numeric(texts(range(0, 39)), { transform: 'log1p' }).features).toEqual([
      { name: 'plan_fee', column: 'plan_fee' },
      logFeature,
    ]);
    expect(numeric(texts(range(-1, 38)), { transform: 'log1p' }).features).toHaveLength(1);
  });

  it('lets the data decide without a config, and never with transform "none"', () => {
    // The outcome follows log(1 + x) (as in choose-transform.test.ts): the likelihood-ratio test takes the log scale.
    const random = seededRandom(3);
    const values = Array.from({ length: 2_000 }, () => Math.floor(-Math.log(1 - random()) * 500));
    const y = Uint8Array.from(values, (v) => (random() < 1 / (1 + Math.exp(3 - 0.6 * Math.log1p(v))) ? 1 : 0));
    const build = (settings: ColumnConfig) =>
      buildNumeric(one(texts(values)), role('numeric'), settings, all(2_000), y);
    expect(build({}).features).toEqual([{ name: 'plan_fee', column: 'plan_fee' }, logFeature]);
    expect(build({ transform: 'none' }).features).toEqual([{ name: 'plan_fee', column: 'plan_fee' }]);
  });

  it('adds a missing indicator above 1 % missing training rows', () => {
    const cells = (blanks: number) => texts(range(1, 200)).map((c, i) => (i < blanks ? '' : c));
    expect(numeric(cells(3)).features).toEqual([{ name: 'plan_fee', column: 'plan_fee' }, missingFeature]);
    expect(numeric(cells(2)).features).toEqual([{ name: 'plan_fee', column: 'plan_fee' }]);
  });
});

describe('buildCategorical', () => {
  const categorical = (cells: string[], settings: ColumnConfig = {}, train = all(cells.length)) =>
    buildCategorical(one(cells), role('categorical'), settings, train);
  const fill = (value: string, times: number) => Array<string>(times).fill(value);

  it('describes the column with the commonest spelling of each level and the shares of training rows', () => {
    const cells = [
      ...fill(' Fiber optic', 30),
      ...fill('FIBER OPTIC', 40),
      ...fill('Fiber  optic', 20),
      ...fill('fiber   optic', 20),
      ...fill('DSL', 10),
    ];
    const built = categorical(cells);
    expect(built.column).toEqual({
      name: 'plan_fee',
      label: 'Plan fee',
      type: 'categorical',
      aliases: [],
      categories: ['FIBER OPTIC', 'DSL'],
      synonyms: {},
      frequencies: [110 / 120, 10 / 120],
      sensitive: false,
    });
    expect(built.notes).toEqual([]);
    // Equally common spellings: the first in order.
    expect(categorical([...fill('Fiber  optic', 10), ...fill('Fiber optic', 10)]).column).toMatchObject({
      categories: ['Fiber  optic'],
    });
  });

  it('keeps a level of exactly 10 rows out of Other, and counts only the rarer ones there', () => {
    const built = categorical([...fill('A', 300), ...fill('B', 10), ...fill('C', 9), ...fill('D', 1)]);
    expect(built.column).toMatchObject({
      categories: ['A', 'B', 'Other'],
      frequencies: [300 / 320, 10 / 320, 10 / 320],
    });
    expect(built.notes).toEqual(['10 training row(s) with rare values pooled into "Other"']);
  });

  it('numbers the pooled level when "Other" and "Other (rare values)" are real values, and avoids a real "(missing)"', () => {
    const c = categorical([
      ...fill('Other', 20),
      ...fill('other (rare values)', 20),
      ...fill('(missing)', 20),
      'z',
      '',
    ]).column;
    expect(c).toMatchObject({
      categories: ['(missing)', 'Other', 'other (rare values)', 'Other (rare values) 2', '(no value)'],
      other: 'Other (rare values) 2',
      missing: '(no value)',
    });
  });

  it('counts on past every numbered name a real value already uses', () => {
    const c = categorical([
      ...fill('Other', 20),
      ...fill('Other (rare values)', 20),
      ...fill('Other (rare values) 2', 20),
      'z',
    ]).column;
    expect(c).toMatchObject({ other: 'Other (rare values) 3' });
  });

  it("counts a config category even when it is spelled like a missing marker, and pools values outside the config's", () => {
    const cells = ['None', 'none', 'Basic', 'basic ', 'Gold', '', 'NA', 'Basic'];
    const built = categorical(cells, { categories: ['None', 'Basic'] });
    expect(built.column).toMatchObject({
      categories: ['None', 'Basic', 'Other', '(missing)'],
      frequencies: [2 / 8, 3 / 8, 1 / 8, 2 / 8],
      other: 'Other',
      missing: '(missing)',
    });
    expect(built.notes).toEqual(['1 training row(s) with rare values pooled into "Other"']);
  });

  it("uses the config's label, aliases and actionable levels (every real level when true)", () => {
    const cells = [...fill('A', 20), ...fill('B', 20), 'rare', ''];
    const settings: ColumnConfig = { label: 'Plan', aliases: ['tier'] };
    expect(categorical(cells, { ...settings, actionable: true }).column).toMatchObject({
      label: 'Plan',
      aliases: ['tier'],
      categories: ['A', 'B', 'Other', '(missing)'],
      actionable: { values: ['A', 'B'] },
    });
    expect(categorical(cells, { actionable: ['B'] }).column).toMatchObject({ actionable: { values: ['B'] } });
    expect('actionable' in categorical(cells).column).toBe(false);
  });
});
