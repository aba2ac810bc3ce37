/**
 * Cell texts that mean "no value" once trimmed, compared case-insensitively (the semantics of
 * spec format 2). When the lead's reader lands this list moves to `src/core/values/` and the
 * SQL writer imports it from there: one list for the page, the command line and the SQL.
 */
export const MISSING_MARKERS: readonly string[] = ['NA', 'N/A', 'NULL', 'None', 'NaN', '#N/A', '-', '?'];
