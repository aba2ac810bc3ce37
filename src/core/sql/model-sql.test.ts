import { describe, expect, it } from 'vitest';
import { hostileSpec } from './hostile-case.test-support.ts';
import { modelSql } from './model-sql.ts';
import type { SqlSpec } from './sql-spec.ts';
import { numberLiteral, plainName, quoteIdentifier, quoteLiteral } from './sql-text.ts';

describe('SQL quoting', () => {
  it.each([
    ['a"b', '"a""b"'],
    ['plain', '"plain"'],
    ['""', '""""""'],
    ['drop table x; --', '"drop table x; --"'],
  ])('identifier %j -> %s', (name, quoted) => {
    expect(quoteIdentifier(name)).toBe(quoted);
  });

  it.each([
    ["O'Brien", "'O''Brien'"],
    ["'; DROP TABLE customers; --", "'''; DROP TABLE customers; --'"],
    ['back\\slash', "'back\\slash'"],
    ['line\nbreak', "'line\nbreak'"],
  ])('literal %j -> %s', (text, quoted) => {
    expect(quoteLiteral(text)).toBe(quoted);
  });

  it.each([
    [0.25, '0.25'],
    [-1.5, '(-1.5)'],
    [1e-7, '1e-7'],
    [-2e21, '(-2e+21)'],
    [0.49148029818956335, '0.49148029818956335'],
  ])('number %d -> %s', (value, literal) => {
    expect(numberLiteral(value)).toBe(literal);
  });

  it('refuses what SQL cannot hold', () => {
    expect(() => quoteLiteral('a\u0000b')).toThrow(/NUL/);
    expect(() => numberLiteral(Number.NaN)).toThrow(/cannot be written/);
  });

  it('makes distinct plain names from any spec names', () => {
    const seen = new Set<string>();
    const names = ['Monthly Charges', 'monthly_charges', 'Ünïcode', '"; --', ''].map((n) =>
      plainName('value', n, seen),
    );
    expect(names).toEqual([
      'value_monthly_charges',
      'value_monthly_charges_2',
      'value_unicode',
      'value_x',
      'value_x_2',
    ]);
  });
});

describe('modelSql', () => {
  const options = { dialect: 'postgres', table: ['analytics', 'cust"omers'] } as const;

  it('writes one SELECT with a stage per step over the quoted table', () => {
    const sql = modelSql(hostileSpec, options);
    if (!sql.ok) throw new Error(sql.problem);
    const stages = [...sql.value.matchAll(/^(?:WITH )?(\w+) AS (?:MATERIALIZED )?\(/gm)].map((m) => m[1]);
    expect(stages).toEqual(['cells', 'readings', 'checks', 'products', 'features', 'scores', 'probabilities']);
    expect(sql.value).toContain('FROM "analytics"."cust""omers" AS raw_rows');
    expect(sql.value).toContain(`raw_rows."O'Brien's ""plan"""`);
    expect(sql.value).toContain(`THEN 'O''Brien'`);
    expect(sql.value.trimEnd().endsWith('FROM probabilities')).toBe(true);
  });

  it('reads a column from the header the mapping names', () => {
    const sql = modelSql(hostileSpec, { ...options, headers: { count: 'Anzahl' } });
    expect(sql.ok && sql.value.includes('raw_rows."Anzahl"') && !sql.value.includes('raw_rows."count"')).toBe(true);
  });

  it.each<[string, SqlSpec, RegExp]>([
    [
      'a NUL in a category',
      {
        ...hostileSpec,
        columns: hostileSpec.columns.map((c) =>
          c.type === 'categorical' ? { ...c, categories: [...c.categories, 'x\u0000'] } : c,
        ),
      },
      /NUL/,
    ],
    [
      'a coefficient missing',
      { ...hostileSpec, coefficients: hostileSpec.coefficients.slice(1) },
      /has no coefficient/,
    ],
    [
      'an infinite mean',
      { ...hostileSpec, features: hostileSpec.features.map((f, i) => (i === 0 ? { ...f, mean: Infinity } : f)) },
      /Infinity/,
    ],
    [
      'a product of an unknown column',
      {
        ...hostileSpec,
        columns: hostileSpec.columns.map((c) =>
          c.name === 'total' ? { ...c, impute: { product: ['count', 'nope'] } } : c,
        ),
      } as SqlSpec,
      /not both columns/,
    ],
  ])('explains why it cannot write %s', (_, spec, problem) => {
    const sql = modelSql(spec, options);
    expect(sql.ok).toBe(false);
    if (!sql.ok) expect(sql.problem).toMatch(problem);
  });

  it('predicts at the recommended threshold unless told otherwise', () => {
    const recommended = modelSql(hostileSpec, options);
    const chosen = modelSql(hostileSpec, { ...options, threshold: 0.125 });
    expect(recommended.ok && recommended.value.includes('churn_probability >= 0.5 AS INTEGER')).toBe(true);
    expect(chosen.ok && chosen.value.includes('churn_probability >= 0.125 AS INTEGER')).toBe(true);
  });
});
