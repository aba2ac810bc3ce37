import { parseArgs } from 'node:util';
import { modelSql } from '../core/sql/model-sql.ts';
import type { SqlDialect } from '../core/sql/sql-dialects.ts';
import type { Io } from './io.ts';
import { loadPackage } from './load-package.ts';

export const SQL_USAGE =
  'usage: churn-radar sql --model ID|PATH --dialect duckdb|postgres|ansi [--table NAME|SCHEMA.NAME] [--threshold T] [--map SPEC=SOURCE]... [--keep COL,COL]';
const DIALECTS: readonly string[] = ['duckdb', 'postgres', 'ansi'];

/** `churn-radar sql`: the model as one SELECT over the raw columns (README, "Score in your warehouse"). */
export function sqlCommand(args: string[], io: Io): number {
  const usage = (problem: string) => {
    io.error(`${problem}\n${SQL_USAGE}`);
    return 2;
  };
  let values;
  try {
    values = parseArgs({
      args,
      options: {
        model: { type: 'string' },
        models: { type: 'string' },
        dialect: { type: 'string' },
        table: { type: 'string', default: 'customers' },
        threshold: { type: 'string' },
        map: { type: 'string', multiple: true, default: [] },
        keep: { type: 'string' },
      },
    }).values;
  } catch (error) {
    return usage((error as Error).message);
  }
  if (!values.model)
    return usage('Missing --model: a model id (see "churn-radar models") or the path of a spec .json.');
  if (!values.dialect || !DIALECTS.includes(values.dialect))
    return usage(`--dialect must be one of ${DIALECTS.join(', ')}.`);
  const threshold = values.threshold === undefined ? undefined : Number(values.threshold);
  if (threshold !== undefined && !(threshold >= 0 && threshold <= 1))
    return usage(`--threshold must be a number from 0 to 1, not "${values.threshold}".`);
  const headers: Record<string, string> = {};
  for (const pair of values.map) {
    const at = pair.indexOf('=');
    if (at < 1) return usage(`--map takes SPEC_COLUMN=SOURCE_COLUMN, not "${pair}".`);
    headers[pair.slice(0, at)] = pair.slice(at + 1);
  }
  const loaded = loadPackage(values.model, values.models);
  if (!loaded.ok) return usage(loaded.problem);
  const sql = modelSql(loaded.value.spec, {
    dialect: values.dialect as SqlDialect,
    table: values.table.split('.'),
    headers,
    threshold,
    ...(values.keep === undefined ? {} : { keep: values.keep.split(',').filter((k) => k !== '') }),
  });
  if (!sql.ok) {
    io.error(sql.problem);
    return 1;
  }
  io.out(sql.value);
  return 0;
}
