import { normaliseCategory } from '../values/match-category.ts';
import { MISSING_MARKERS } from '../values/missing-cell.ts';
import type { DialectRules } from './sql-dialects.ts';
import type { SqlCategoricalColumn, SqlColumn, SqlNumericColumn } from './sql-spec.ts';
import { numberLiteral, plainName, quoteIdentifier, quoteLiteral } from './sql-text.ts';

/** The internal names one spec column gets in the query's stages. */
export interface ColumnNames {
  source: string;
  text: string;
  missing: string;
  /** The parsed number (numeric) or the matched category (categorical). */
  reading: string;
  /** Numeric only: the number after imputation; NULL when the cell is unusable. */
  value: string;
  /** Numeric only: why the cell rejects the row (not a number, impossible). */
  problem: string;
  /** Product-imputed columns only: `problem`, or that the product cannot be worked out. */
  productProblem: string;
}

export function columnNames(column: SqlColumn, source: string, seen: Set<string>): ColumnNames {
  return {
    source,
    text: plainName('text', column.name, seen),
    missing: plainName('missing', column.name, seen),
    reading: plainName(column.type === 'numeric' ? 'number' : 'level', column.name, seen),
    value: plainName('value', column.name, seen),
    problem: plainName('problem', column.name, seen),
    productProblem: plainName('unimputable', column.name, seen),
  };
}

/** Trimmed the way JavaScript's `trim()` trims: every Unicode space is first made a plain space. */
export const trimmedText = (n: ColumnNames, d: DialectRules): string =>
  `${d.trim(`COALESCE(raw_rows.${quoteIdentifier(n.source)}, '')`)} AS ${n.text}`;

/** `ifMissing` for a blank cell or a missing marker, else `otherwise`; the text is named once. */
const byMissing = (text: string, ifMissing: string, otherwise: string): string =>
  `CASE WHEN LOWER(${text}) IN ('', ${MISSING_MARKERS.map((m) => quoteLiteral(m.toLowerCase())).join(', ')}) THEN ${ifMissing} ELSE ${otherwise} END`;

export const missingFlag = (n: ColumnNames): string => `${byMissing(n.text, '1', '0')} AS ${n.missing}`;

export const numberReading = (n: ColumnNames, d: DialectRules): string => `${d.plainNumber(n.text)} AS ${n.reading}`;

/**
 * Categories and synonyms are looked up first, so a column whose categories include "None"
 * reads it as that category rather than as missing; then missing, then any other value.
 */
export function levelReading(column: SqlCategoricalColumn, n: ColumnNames, d: DialectRules): string {
  const lookup = new Map<string, string>();
  column.categories.forEach((c) => lookup.set(normaliseCategory(c), c));
  for (const [spelling, category] of Object.entries(column.synonyms)) lookup.set(normaliseCategory(spelling), category);
  const literal = (level: string | undefined) => (level === undefined ? 'NULL' : quoteLiteral(level));
  const whens = [...lookup].map(([key, category]) => `      WHEN ${quoteLiteral(key)} THEN ${quoteLiteral(category)}`);
  // Not the missing flag's alias: PostgreSQL cannot read an alias of the same SELECT.
  const fallback =
    column.missing === undefined && column.other === undefined
      ? 'NULL'
      : byMissing(n.text, literal(column.missing), literal(column.other));
  return [`CASE ${d.categoryKey(n.text)}`, ...whens, `      ELSE ${fallback}`, `    END AS ${n.reading}`].join('\n');
}

const inBounds = (column: SqlNumericColumn, reading: string): string =>
  column.bounds
    ? `${reading} BETWEEN ${numberLiteral(column.bounds.min)} AND ${numberLiteral(column.bounds.max)}`
    : `${reading} IS NOT NULL`;

/** A message naming the column and quoting the cell: `'Tenure "' || text || '" is not a number.'`. */
const aboutCell = (column: SqlColumn, n: ColumnNames, tail: string): string =>
  `${quoteLiteral(`${column.label} "`)} || ${n.text} || ${quoteLiteral(`" ${tail}`)}`;

export function numberProblem(column: SqlNumericColumn, n: ColumnNames): string {
  const whens = [`WHEN ${n.missing} = 0 AND ${n.reading} IS NULL THEN ${aboutCell(column, n, 'is not a number.')}`];
  if (column.bounds) {
    const allowed = `is impossible (allowed ${column.bounds.min} to ${column.bounds.max}).`;
    whens.push(`WHEN NOT (${inBounds(column, n.reading)}) THEN ${aboutCell(column, n, allowed)}`);
  }
  return `CASE ${whens.join(' ')} END AS ${n.problem}`;
}

/** Constant imputation; a cell that is neither missing nor a usable number gives NULL. */
export const constantValue = (column: SqlNumericColumn & { impute: { constant: number } }, n: ColumnNames): string =>
  `CASE WHEN ${n.missing} = 1 THEN ${numberLiteral(column.impute.constant)} WHEN ${inBounds(column, n.reading)} THEN ${n.reading} END AS ${n.value}`;

/** Product imputation reads its two inputs after their own (constant) imputation. */
export function productValue(
  column: SqlNumericColumn,
  n: ColumnNames,
  a: ColumnNames,
  b: ColumnNames,
  inputs: readonly string[],
): string[] {
  return [
    `CASE WHEN ${n.missing} = 1 THEN ${a.value} * ${b.value} WHEN ${inBounds(column, n.reading)} THEN ${n.reading} END AS ${n.value}`,
    `COALESCE(${n.problem}, CASE WHEN ${n.missing} = 1 AND (${a.value} IS NULL OR ${b.value} IS NULL) THEN ${quoteLiteral(
      `${column.label} is missing and cannot be worked out because ${inputs.join(' or ')} is unusable.`,
    )} END) AS ${n.productProblem}`,
  ];
}

/**
 * log(1 + x) is undefined at -1 and below: such rows are rejected rather than scored at the mean.
 * (`logFeature` keeps LN's argument positive so that PostgreSQL raises no error for them.)
 */
export const logFeature = (n: ColumnNames): string => `LN(GREATEST(1 + ${n.value}, 1e-300))`;

export const logProblem = (column: SqlNumericColumn, n: ColumnNames): string =>
  `CASE WHEN ${n.value} <= -1 THEN ${aboutCell(column, n, 'is -1 or less, so its logarithm is undefined.')} END`;
