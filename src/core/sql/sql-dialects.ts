export type SqlDialect = 'duckdb' | 'postgres' | 'ansi';

/** What differs between engines; everything else the writer emits is portable SQL. */
export interface DialectRules {
  /** The type of a double-precision float. */
  double: string;
  /** The trimmed text as a number when it is a plain number, else NULL; never an error. */
  plainNumber(text: string): string;
  /** Lower-cased text with every run of spaces, `_`, `-` and `–` made one space. */
  categoryKey(text: string): string;
  /**
   * Computes the probabilities once before the prediction and risk band read them. PostgreSQL
   * otherwise inlines the stages and works out the whole score at each of their mentions.
   */
  materializeScores: boolean;
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

// Each rule names the text once where the engine allows it (see materializeScores).
export const DIALECTS: Record<SqlDialect, DialectRules> = {
  duckdb: {
    double: 'DOUBLE',
    plainNumber: (t) => `TRY_CAST(NULLIF(regexp_extract(${short(t)}, '${PLAIN_NUMBER}', 1), '') AS DOUBLE)`,
    categoryKey: (t) => `regexp_replace(LOWER(${t}), '${SEPARATORS}', ' ', 'g')`,
    materializeScores: false,
  },
  postgres: {
    double: 'DOUBLE PRECISION',
    plainNumber: (t) => `CAST(SUBSTRING(${short(t)} FROM '${PLAIN_NUMBER}') AS DOUBLE PRECISION)`,
    categoryKey: (t) => `regexp_replace(LOWER(${t}), '${SEPARATORS}', ' ', 'g')`,
    materializeScores: true,
  },
  // No regular expressions (their syntax and flags differ between engines): the shape of the
  // text, with every digit run collapsed to one 9, must be one of the plain decimal shapes.
  ansi: {
    double: 'DOUBLE PRECISION',
    plainNumber: (t) => {
      const shape = collapseRuns(`TRANSLATE(${t}, '0123456789', '9999999999')`, '99', '9');
      const shapes = ['', '+', '-'].flatMap((sign) => ['9', '9.', '9.9', '.9'].map((m) => `'${sign}${m}'`));
      return `CAST(CASE WHEN LENGTH(${t}) <= ${MAX_NUMBER_LENGTH} AND ${shape} IN (${shapes.join(', ')}) THEN ${t} END AS DOUBLE PRECISION)`;
    },
    categoryKey: (t) => collapseRuns(`TRANSLATE(LOWER(${t}), '_-–', '   ')`, '  ', ' '),
    materializeScores: false,
  },
};
