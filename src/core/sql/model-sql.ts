import { fail, ok, type Result } from '../result.ts';
import {
  columnNames,
  constantValue,
  levelReading,
  logFeature,
  logProblem,
  missingFlag,
  numberProblem,
  numberReading,
  productValue,
  trimmedText,
  type ColumnNames,
} from './column-sql.ts';
import { DIALECTS, type DialectRules, type SqlDialect } from './sql-dialects.ts';
import type { SqlColumn, SqlNumericColumn, SqlSpec } from './sql-spec.ts';
import { numberLiteral, plainName, quoteIdentifier, quoteLiteral, SqlSpecError } from './sql-text.ts';

export interface ModelSqlOptions {
  dialect: SqlDialect;
  /** The table (or view) of raw text columns; several parts make a qualified name (schema, table). */
  table: string | readonly string[];
  /** Spec column name -> the table's column that holds it; unnamed columns are read by their spec name. */
  headers?: Readonly<Record<string, string>>;
  /** Table columns copied to the output unchanged; default: the spec's customer id column, if any. */
  keep?: readonly string[];
  /** Probability at which a row is predicted to churn; default: the spec's recommended threshold. */
  threshold?: number;
}

const cte = (name: string, why: string, columns: readonly string[], from: string, materialized = false): string =>
  `${name} AS ${materialized ? 'MATERIALIZED ' : ''}(\n  -- ${why}\n  SELECT\n    ${columns.join(',\n    ')}\n  FROM ${from}\n)`;

interface Plan {
  columns: { column: SqlColumn; names: ColumnNames }[];
  keep: { source: string; name: string }[];
  byName: Map<string, ColumnNames>;
}

function plan(spec: SqlSpec, options: ModelSqlOptions): Plan {
  const seen = new Set(['churn_probability', 'churn_prediction', 'risk_band', 'reject_reason', 'logit']);
  const columns = spec.columns.map((column) => ({
    column,
    names: columnNames(column, options.headers?.[column.name] ?? column.name, seen),
  }));
  const idSource = spec.id_column ? (options.headers?.[spec.id_column.name] ?? spec.id_column.name) : undefined;
  const keep = (options.keep ?? (idSource === undefined ? [] : [idSource])).map((source) => ({
    source,
    name: plainName('keep', source, seen),
  }));
  return { columns, keep, byName: new Map(columns.map((c) => [c.column.name, c.names])) };
}

const numeric = (p: Plan) =>
  p.columns.filter((c): c is { column: SqlNumericColumn; names: ColumnNames } => c.column.type === 'numeric');

function readingStages(p: Plan, d: DialectRules, table: string): string[] {
  const cells = cte(
    'cells',
    'Trimmed text; an empty or NULL cell is the empty string.',
    [
      ...p.keep.map((k) => `raw_rows.${quoteIdentifier(k.source)} AS ${k.name}`),
      ...p.columns.map((c) => trimmedText(c.names, d)),
    ],
    `${table} AS raw_rows`,
  );
  const readings = cte(
    'readings',
    'Missing markers, plain numbers, and categories matched ignoring case and spacing.',
    [
      '*',
      ...p.columns.flatMap(({ column, names }) => [
        missingFlag(names),
        column.type === 'numeric' ? numberReading(names, d) : levelReading(column, names, d),
      ]),
    ],
    'cells',
    d.materialize,
  );
  const checks = cte(
    'checks',
    'Cells that reject the row, and constant imputation.',
    [
      '*',
      ...numeric(p).flatMap(({ column, names }) => [
        numberProblem(column, names),
        ...('constant' in column.impute ? [constantValue({ ...column, impute: column.impute }, names)] : []),
      ]),
    ],
    'readings',
  );
  const products = numeric(p).filter((c) => 'product' in c.column.impute);
  if (products.length === 0) return [cells, readings, checks];
  const imputed = cte(
    'products',
    'Imputation by the product of two other columns, after their own imputation.',
    [
      '*',
      ...products.flatMap(({ column, names }) => {
        const inputs = (column.impute as { product: readonly [string, string] }).product;
        const [a, b] = inputs.map((name) => p.byName.get(name));
        if (!a || !b)
          throw new SqlSpecError(
            `${column.name} is imputed from ${inputs.join(' and ')}, which are not both columns of the model`,
          );
        return productValue(column, names, a, b, inputs);
      }),
    ],
    'checks',
  );
  return [cells, readings, checks, imputed];
}

function featureStage(spec: SqlSpec, p: Plan, from: string): string {
  const seen = new Set<string>();
  const reasons: string[] = [];
  for (const { column, names } of numeric(p)) {
    reasons.push('product' in column.impute ? names.productProblem : names.problem);
    if (spec.features.some((f) => f.column === column.name && f.transform === 'log1p'))
      reasons.push(logProblem(column, names));
  }
  const features = spec.features.map((f) => {
    const names = p.byName.get(f.column);
    if (!names) throw new SqlSpecError(`feature ${f.name} names the unknown column ${f.column}`);
    let raw = names.value;
    if (f.category !== undefined) raw = `CASE WHEN ${names.reading} = ${quoteLiteral(f.category)} THEN 1 ELSE 0 END`;
    else if (f.indicator === 'missing') raw = names.missing;
    else if (f.transform === 'log1p') raw = logFeature(names);
    return `(${raw} - ${numberLiteral(f.mean)}) / ${numberLiteral(f.std)} AS ${plainName('f', f.name, seen)}`;
  });
  const reason = reasons.length ? `COALESCE(${reasons.join(', ')})` : 'CAST(NULL AS VARCHAR)';
  return cte(
    'features',
    'Model inputs, standardised; the first problem in column order rejects the row.',
    ['*', `${reason} AS reject_reason`, ...features],
    from,
  );
}

function scoreStages(spec: SqlSpec, p: Plan, d: DialectRules): string[] {
  const carried = [...p.keep.map((k) => k.name), 'reject_reason'];
  const seen = new Set<string>();
  const terms = spec.features.map((f, j) => {
    const coefficient = spec.coefficients[j];
    if (coefficient === undefined) throw new SqlSpecError(`feature ${f.name} has no coefficient`);
    return `${numberLiteral(coefficient)} * ${plainName('f', f.name, seen)}`;
  });
  const logit = `CAST(\n      ${[numberLiteral(spec.intercept), ...terms].join('\n      + ')}\n    AS ${d.double}) AS logit`;
  const scores = cte('scores', 'Log-odds: intercept plus coefficient times input.', [...carried, logit], 'features');
  // Clamped so that EXP never overflows or underflows (PostgreSQL raises an error on either); the
  // probability moves by less than 1e-300. Each stage names the previous one's columns once where it
  // can: PostgreSQL inlines the stages and evaluates a column's whole expression at every mention.
  const sigmoid =
    'CASE WHEN reject_reason IS NULL THEN 1 / (1 + EXP(-GREATEST(-700, LEAST(700, logit)))) END AS churn_probability';
  return [scores, cte('probabilities', 'The sigmoid.', [...carried, sigmoid], 'scores', d.materialize)];
}

function finalSelect(spec: SqlSpec, p: Plan, threshold: number): string {
  const bands = [...spec.risk_bands].sort((a, b) => b.from - a.from);
  const band = [
    'CASE WHEN churn_probability IS NULL THEN NULL',
    ...bands.map((b) => `WHEN churn_probability >= ${numberLiteral(b.from)} THEN ${quoteLiteral(b.name)}`),
    'END AS risk_band',
  ].join('\n    ');
  const columns = [
    ...p.keep.map((k) => `${k.name} AS ${quoteIdentifier(k.source)}`),
    'churn_probability',
    `CAST(churn_probability >= ${numberLiteral(threshold)} AS INTEGER) AS churn_prediction`,
    band,
    'reject_reason',
  ];
  return `SELECT\n  ${columns.join(',\n  ')}\nFROM probabilities`;
}

function writeSql(spec: SqlSpec, options: ModelSqlOptions): string {
  const d = DIALECTS[options.dialect];
  if (!d) throw new SqlSpecError(`there is no SQL dialect "${options.dialect}"`);
  const threshold =
    options.threshold ?? spec.thresholds.points.find((t) => t.name === spec.thresholds.recommended)?.value;
  if (threshold === undefined)
    throw new SqlSpecError(`the recommended threshold "${spec.thresholds.recommended}" is not an operating point`);
  const parts = typeof options.table === 'string' ? [options.table] : options.table;
  if (parts.length === 0) throw new SqlSpecError('no table was named');
  const p = plan(spec, options);
  const stages = readingStages(p, d, parts.map(quoteIdentifier).join('.'));
  const hasProducts = stages.length === 4;
  return (
    [
      `-- Churn Radar model ${spec.id.replace(/[^a-z0-9-]/gi, '?')} as one SELECT (${options.dialect} dialect), generated from its spec.`,
      `WITH ${[...stages, featureStage(spec, p, hasProducts ? 'products' : 'checks'), ...scoreStages(spec, p, d)].join(',\n')}`,
      finalSelect(spec, p, threshold),
    ].join('\n') + '\n'
  );
}

/** One SQL `SELECT` that scores a table of raw text cells the way the page does (see README, "Score in your warehouse"). */
export function modelSql(spec: SqlSpec, options: ModelSqlOptions): Result<string> {
  try {
    return ok(writeSql(spec, options));
  } catch (error) {
    if (error instanceof SqlSpecError)
      return fail(`The model "${spec.id}" cannot be written as SQL: ${error.message}.`);
    throw error;
  }
}
