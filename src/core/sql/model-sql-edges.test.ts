import { describe, expect, it } from 'vitest';
import { hostileSpec } from './hostile-case.test-support.ts';
import { modelSql, type ModelSqlOptions } from './model-sql.ts';
import type { SqlSpec } from './sql-spec.ts';
import { numberLiteral, plainName, quoteIdentifier, quoteLiteral } from './sql-text.ts';

const options: ModelSqlOptions = { dialect: 'duckdb', table: 'customers' };

function sqlOf(spec: SqlSpec, more: Partial<ModelSqlOptions> = {}): string {
  const sql = modelSql(spec, { ...options, ...more });
  if (!sql.ok) throw new Error(sql.problem);
  return sql.value;
}

const problemOf = (spec: SqlSpec, more: Partial<ModelSqlOptions> = {}) => {
  const sql = modelSql(spec, { ...options, ...more });
  return sql.ok ? undefined : sql.problem;
};

const stages = (sql: string) => [...sql.matchAll(/^(?:WITH )?(\w+) AS (MATERIALIZED )?\(/gm)];

/** The hostile model without product imputation: total is read as a plain number. */
const noProducts: SqlSpec = {
  ...hostileSpec,
  columns: hostileSpec.columns.map((c) => (c.name === 'total' ? { ...c, impute: { constant: 0 } } : c)),
};

describe('the SQL text', () => {
  it('materialises the readings and the probabilities in PostgreSQL only', () => {
    const materialised = (dialect: ModelSqlOptions['dialect']) =>
      stages(sqlOf(hostileSpec, { dialect }))
        .filter((m) => m[2])
        .map((m) => m[1]);
    expect(materialised('postgres')).toEqual(['readings', 'probabilities']);
    expect(materialised('duckdb')).toEqual([]);
    expect(materialised('ansi')).toEqual([]);
  });

  it('writes no products stage when no column is imputed by a product', () => {
    expect(stages(sqlOf(noProducts)).map((m) => m[1])).toEqual([
      'cells',
      'readings',
      'checks',
      'features',
      'scores',
      'probabilities',
    ]);
    expect(sqlOf(noProducts)).toContain('FROM checks');
  });

  it('opens with a line naming the model and the dialect, says why each stage exists, and ends with a line break', () => {
    const sql = sqlOf({ ...hostileSpec, id: 'a b/c*d' }, { dialect: 'ansi' });
    expect(sql.split('\n')[0]).toBe(
      '-- Churn Radar model a?b?c?d as one SELECT (ansi dialect), generated from its spec.',
    );
    const why = [...sql.matchAll(/ AS (?:MATERIALIZED )?\(\n {2}-- (.*)\n/g)].map((m) => m[1]!);
    expect(why).toHaveLength(7);
    for (const line of why) expect(line).toMatch(/^[A-Z].{9,}\.$/);
    expect(sql.endsWith('FROM probabilities\n')).toBe(true);
  });

  it('names the stages’ columns by what they hold', () => {
    const sql = sqlOf(hostileSpec);
    for (const name of [
      'text_total',
      'missing_total',
      'number_total',
      'value_total',
      'problem_total',
      'unimputable_total',
      'level_tier',
      'text_tier',
    ])
      expect(sql).toContain(` AS ${name}`);
    expect(sql).not.toContain('number_tier');
  });

  it('keeps the customer id, read from the header the mapping names', () => {
    const withId = { ...hostileSpec, id_column: { name: 'customerID' } };
    expect(sqlOf(withId)).toContain('raw_rows."customerID" AS keep_customerid');
    expect(sqlOf(withId)).toContain('keep_customerid AS "customerID"');
    const mapped = sqlOf(withId, { headers: { customerID: 'Kundennummer' } });
    expect(mapped).toContain('raw_rows."Kundennummer" AS keep_kundennummer');
    expect(mapped).not.toContain('"customerID"');
    // Without an id column and without `keep`, the output holds the model's columns only.
    expect(sqlOf(hostileSpec)).not.toContain('keep_');
    expect(sqlOf(withId, { keep: [] })).not.toContain('keep_');
  });

  it('predicts at the recommended operating point, not the first one', () => {
    const spec = {
      ...hostileSpec,
      thresholds: {
        recommended: 'balanced',
        points: [
          { name: 'careful', value: 0.75 },
          { name: 'balanced', value: 0.25 },
        ],
      },
    };
    expect(sqlOf(spec)).toContain('churn_probability >= 0.25 AS INTEGER');
  });

  it('checks each numeric column against its bounds, and a column without them only for a number', () => {
    const sql = sqlOf(noProducts);
    expect(sql).toContain(`WHEN NOT (number_count BETWEEN 0 AND 100) THEN 'Count "' || text_count`);
    const unbounded = sqlOf({
      ...noProducts,
      columns: noProducts.columns.map((c) => (c.name === 'count' ? { ...c, bounds: undefined } : c)),
    });
    expect(unbounded).not.toContain('NOT (number_count');
    expect(unbounded).toContain('WHEN number_count IS NOT NULL THEN number_count END AS value_count');
  });

  it('rejects a row for a logarithm only in the columns taken on a log scale', () => {
    const sql = sqlOf(hostileSpec);
    expect(sql).toContain('CASE WHEN value_price <= -1');
    expect(sql).not.toContain('CASE WHEN value_count <= -1');
  });
});

describe('what the SQL writer refuses, and why', () => {
  it.each<[string, SqlSpec, Partial<ModelSqlOptions>, string]>([
    [
      'a dialect it does not know',
      hostileSpec,
      { dialect: 'oracle' as ModelSqlOptions['dialect'] },
      'The model "hostile" cannot be written as SQL: there is no SQL dialect "oracle".',
    ],
    [
      'a recommended threshold that is not an operating point',
      { ...hostileSpec, thresholds: { recommended: 'best', points: [{ name: 'even', value: 0.5 }] } },
      {},
      'The model "hostile" cannot be written as SQL: the recommended threshold "best" is not an operating point.',
    ],
    ['no table', hostileSpec, { table: [] }, 'The model "hostile" cannot be written as SQL: no table was named.'],
    [
      'a feature of an unknown column',
      { ...hostileSpec, features: [...hostileSpec.features.slice(1), { ...hostileSpec.features[0]!, column: 'nope' }] },
      {},
      'The model "hostile" cannot be written as SQL: feature total names the unknown column nope.',
    ],
    [
      'a product of an unknown column',
      {
        ...hostileSpec,
        columns: hostileSpec.columns.map((c) =>
          c.name === 'total' ? { ...c, impute: { product: ['count', 'nope'] as const } } : c,
        ),
      },
      {},
      'The model "hostile" cannot be written as SQL: total is imputed from count and nope, which are not both columns of the model.',
    ],
    [
      'a NUL in a header name',
      hostileSpec,
      { headers: { count: 'a\u0000' } },
      'The model "hostile" cannot be written as SQL: The column name "a\\u0000" contains a NUL character.',
    ],
    [
      'a NUL in a category',
      {
        ...hostileSpec,
        columns: hostileSpec.columns.map((c) => (c.name === 'tier' ? { ...c, categories: ['Gold', 'x\u0000'] } : c)),
      },
      {},
      'The model "hostile" cannot be written as SQL: The text "x\\u0000" contains a NUL character.',
    ],
  ])('%s', (_, spec, more, problem) => {
    expect(problemOf(spec, more)).toBe(problem);
  });

  it('throws what is a bug rather than a problem of the spec', () => {
    expect(() => modelSql({ ...hostileSpec, columns: undefined as never }, options)).toThrow(TypeError);
  });
});

describe('the SQL text helpers at their edges', () => {
  it.each([
    [0, '0'],
    [-0, '(0)'],
    [5e-324, '5e-324'],
    [-5e-324, '(-5e-324)'],
  ])('number %d -> %s', (value, literal) => {
    expect(numberLiteral(value)).toBe(literal);
  });

  it('strips accents from composed and decomposed letters, and makes runs of other characters one underscore', () => {
    const seen = new Set<string>();
    expect(plainName('value', '\u00dcn\u00efcode', seen)).toBe('value_unicode');
    expect(plainName('value', 'U\u0308n\u0131code', seen)).toBe('value_un_code');
    expect(plainName('value', ' Monthly  --  Charges ', seen)).toBe('value_monthly_charges');
  });

  it('keeps the first 40 characters of a long name', () => {
    expect(plainName('f', `${'x'.repeat(39)}yz`, new Set())).toBe(`f_${'x'.repeat(39)}y`);
  });

  it('numbers the third and later uses of a name upwards', () => {
    const seen = new Set<string>();
    expect(['a', 'A', 'a!', 'a?'].map((n) => plainName('f', n, seen))).toEqual(['f_a', 'f_a_2', 'f_a_3', 'f_a_4']);
  });

  it('quotes what it is given, whole', () => {
    expect(quoteIdentifier('')).toBe('""');
    expect(quoteLiteral('')).toBe("''");
  });
});
