/**
 * Quoting for the SQL writer. A model spec is input data, so every name and category that
 * reaches the SQL goes through these functions; nothing from the spec is pasted in raw.
 */
export class SqlSpecError extends Error {}

function checked(text: string, what: string): string {
  // PostgreSQL cannot hold U+0000 in text, and no engine accepts it in a literal.
  if (text.includes('\u0000')) throw new SqlSpecError(`${what} ${JSON.stringify(text)} contains a NUL character`);
  return text;
}

/** A delimited identifier: `a"b` becomes `"a""b"` (SQL-92, PostgreSQL, DuckDB, Trino, Snowflake). */
export const quoteIdentifier = (name: string): string => `"${checked(name, 'The column name').replace(/"/g, '""')}"`;

/** A string literal: `O'Brien` becomes `'O''Brien'`; backslashes are plain characters in standard SQL. */
export const quoteLiteral = (text: string): string => `'${checked(text, 'The text').replace(/'/g, "''")}'`;

/**
 * A float literal with the shortest digits that read back as the same double. Negative
 * numbers are parenthesised so that `x - -1` can never become the comment `x --1`.
 */
export function numberLiteral(value: number): string {
  if (!Number.isFinite(value)) throw new SqlSpecError(`The number ${value} cannot be written in SQL`);
  const text = String(value);
  return value < 0 || Object.is(value, -0) ? `(${text})` : text;
}

/**
 * Internal column names made from spec names: lower-case letters, digits and underscores only,
 * so they need no quoting, read well, and cannot collide with each other (`seen` dedupes).
 */
export function plainName(prefix: string, name: string, seen: Set<string>): string {
  const stem =
    name
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '_')
      .replace(/^_+|_+$/g, '')
      .slice(0, 40) || 'x';
  let candidate = `${prefix}_${stem}`;
  for (let n = 2; seen.has(candidate); n++) candidate = `${prefix}_${stem}_${n}`;
  seen.add(candidate);
  return candidate;
}
