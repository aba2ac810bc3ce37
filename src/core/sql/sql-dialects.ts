export type SqlDialect = 'duckdb' | 'postgres' | 'ansi';

/** What differs between engines; everything else the writer emits is portable SQL. */
export interface DialectRules {
  /** The type of a double-precision float. */
  double: string;
  /** Every white-space character made a plain space, then leading and trailing spaces removed. */
  trim(text: string): string;
  /** The trimmed text as a number when it is a plain number, else NULL; never an error. */
  plainNumber(text: string): string;
  /** Lower-cased text with every run of spaces, `_`, `-` and `–` made one space. */
  categoryKey(text: string): string;
  /**
   * Computes the cell readings and the probabilities once, as `MATERIALIZED` stages. PostgreSQL
   * otherwise inlines the stages and works out a reading again at each of its later mentions
   * (a category once per indicator, the score once per risk band): several times slower.
   */
  materialize: boolean;
}

/**
 * Plain numbers only ("12", "-3.5", ".5", "1e3"), at most 40 characters with a two-digit exponent,
 * so that no cast can overflow or underflow: PostgreSQL raises an error on "1e999" instead of
 * answering, which would stop the whole query. (Bounded repeats such as `[0-9]{1,30}` would say
 * the same but make PostgreSQL's regular expressions 25 times slower.)
 */
const PLAIN_NUMBER = '^([+-]?([0-9]+[.]?[0-9]*|[.][0-9]+)([eE][+-]?[0-9][0-9]?)?)$';
const MAX_NUMBER_LENGTH = 40;
const short = (t: string) => `CASE WHEN LENGTH(${t}) <= ${MAX_NUMBER_LENGTH} THEN ${t} END`;

/** Nests `REPLACE(x, from, to)` six times: enough to collapse a run of up to 64 characters. */
function collapseRuns(text: string, from: string, to: string): string {
  let out = text;
  for (let i = 0; i < 6; i++) out = `REPLACE(${out}, '${from}', '${to}')`;
  return out;
}

const SEPARATORS = '[ _–-]+';

/** The characters JavaScript's `trim()` and `\s` treat as white space. */
const BLANK_CODE_POINTS = [
  9, 10, 11, 12, 13, 0xa0, 0x1680, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007, 0x2008, 0x2009,
  0x200a, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000, 0xfeff,
];
const BLANK_CLASS = `[${BLANK_CODE_POINTS.map((c) => `\\x{${c.toString(16)}}`).join('')}]`;
// A constant the engines fold once. (Kept in a one-row table and joined, DuckDB rebuilds the
// translation for every cell.)
const translateBlanks = (t: string) =>
  `TRIM(TRANSLATE(${t}, ${BLANK_CODE_POINTS.map((c) => `CHR(${c})`).join(' || ')}, '${' '.repeat(BLANK_CODE_POINTS.length)}'))`;

// Each rule names the text once where the engine allows it (see `materialize`).
export const DIALECTS: Record<SqlDialect, DialectRules> = {
  duckdb: {
    double: 'DOUBLE',
    // DuckDB's TRANSLATE builds its table for every cell: a regular expression is 10 times faster.
    trim: (t) => `TRIM(regexp_replace(${t}, '${BLANK_CLASS}', ' ', 'g'))`,
    plainNumber: (t) => `TRY_CAST(NULLIF(regexp_extract(${short(t)}, '${PLAIN_NUMBER}', 1), '') AS DOUBLE)`,
    categoryKey: (t) => `regexp_replace(LOWER(${t}), '${SEPARATORS}', ' ', 'g')`,
    materialize: false,
  },
  postgres: {
    double: 'DOUBLE PRECISION',
    trim: translateBlanks,
    plainNumber: (t) => `CAST(SUBSTRING(${short(t)} FROM '${PLAIN_NUMBER}') AS DOUBLE PRECISION)`,
    categoryKey: (t) => `regexp_replace(LOWER(${t}), '${SEPARATORS}', ' ', 'g')`,
    materialize: true,
  },
  // No regular expressions (their syntax and flags differ between engines): the shape of the
  // text, with every digit run collapsed to one 9, must be one of the plain decimal shapes.
  ansi: {
    double: 'DOUBLE PRECISION',
    trim: translateBlanks,
    plainNumber: (t) => {
      const shape = collapseRuns(`TRANSLATE(${t}, '0123456789', '9999999999')`, '99', '9');
      const shapes = ['', '+', '-'].flatMap((sign) => ['9', '9.', '9.9', '.9'].map((m) => `'${sign}${m}'`));
      return `CAST(CASE WHEN LENGTH(${t}) <= ${MAX_NUMBER_LENGTH} AND ${shape} IN (${shapes.join(', ')}) THEN ${t} END AS DOUBLE PRECISION)`;
    },
    categoryKey: (t) => collapseRuns(`TRANSLATE(LOWER(${t}), '_-–', '   ')`, '  ', ' '),
    materialize: false,
  },
};
