// Prints a model package as one SQL SELECT (see README, "Score in your warehouse"), until the
// command line's `churn-radar sql` takes over:
//   npx tsx scripts/sql/print-sql.ts --model public/models/telco-full.json --dialect duckdb [--table customers]
//     [--threshold 0.3] [--map "tenure=Tenure (months)" ...] [--keep customerID,region]
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { RISK_BANDS } from '../../src/core/decision/risk-band.ts';
import { parseModelSpec } from '../../src/core/spec/parse-model-spec.ts';
import { modelSql } from '../../src/core/sql/model-sql.ts';
import type { SqlDialect } from '../../src/core/sql/sql-dialects.ts';

const USAGE = 'usage: print-sql.ts --model FILE.json --dialect duckdb|postgres|ansi [--table NAME|SCHEMA.NAME] [--threshold T] [--map SPEC=SOURCE]... [--keep COL,COL]';
const DIALECTS: readonly string[] = ['duckdb', 'postgres', 'ansi'];

function usage(problem: string): never {
  process.stderr.write(`${problem}\n${USAGE}\n`);
  process.exit(2);
}

function readArgs() {
  try {
    return parseArgs({
      options: {
        model: { type: 'string' },
        dialect: { type: 'string' },
        table: { type: 'string', default: 'customers' },
        threshold: { type: 'string' },
        map: { type: 'string', multiple: true, default: [] },
        keep: { type: 'string' },
      },
      strict: true,
    }).values;
  } catch (error) {
    return usage(String((error as Error).message));
  }
}

const args = readArgs();
if (!args.model) usage('--model is required');
if (!args.dialect || !DIALECTS.includes(args.dialect)) usage(`--dialect must be one of ${DIALECTS.join(', ')}`);
const threshold = args.threshold === undefined ? undefined : Number(args.threshold);
if (threshold !== undefined && !(threshold >= 0 && threshold <= 1)) usage(`--threshold must be a probability between 0 and 1, not "${args.threshold}"`);
const headers = Object.fromEntries(args.map.map((pair) => {
  const at = pair.indexOf('=');
  if (at < 1) usage(`--map takes SPEC_COLUMN=SOURCE_COLUMN, not "${pair}"`);
  return [pair.slice(0, at), pair.slice(at + 1)];
}));

let json: unknown;
try {
  json = JSON.parse(readFileSync(args.model, 'utf8'));
} catch (error) {
  process.stderr.write(`Cannot read the model ${args.model}: ${(error as Error).message}\n`);
  process.exit(1);
}
const parsed = parseModelSpec(json, args.model);
if (!parsed.ok) {
  process.stderr.write(`${parsed.problem}\n`);
  process.exit(1);
}
// Format 1 specs leave the bands to the page; format 2 specs carry their own.
const spec = { risk_bands: RISK_BANDS, ...parsed.value };
const sql = modelSql(spec, {
  dialect: args.dialect as SqlDialect,
  table: args.table.split('.'),
  headers,
  threshold,
  ...(args.keep === undefined ? {} : { keep: args.keep.split(',').filter((k) => k !== '') }),
});
if (!sql.ok) {
  process.stderr.write(`${sql.problem}\n`);
  process.exit(1);
}
process.stdout.write(sql.value);
