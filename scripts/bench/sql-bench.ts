// `npm run bench:sql`: how long DuckDB takes to score a generated file with the model as SQL
// (read_csv with every column as text + the generated SELECT), on all of this machine's cores.
// Prints one JSON object on stdout; progress on stderr. No pass/fail: a figure for the README.
//   npm run -s bench:sql -- [--rows 10000000] [--model public/models/telco-full.json] [--dialect duckdb|ansi]
import { loadavg, availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { readFileSync } from 'node:fs';
import { DuckDBInstance } from '@duckdb/node-api';
import { parseModelSpec } from '../../src/core/spec/parse-model-spec.ts';
import { modelSql } from '../../src/core/sql/model-sql.ts';
import { quoteLiteral } from '../../src/core/sql/sql-text.ts';
import { benchFile } from './generate-bench-files.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const log = (line: string) => process.stderr.write(`${line}\n`);

const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '10000000' },
    model: { type: 'string', default: join(ROOT, 'public', 'models', 'telco-full.json') },
    dialect: { type: 'string', default: 'duckdb' },
  },
  strict: true,
});
const rows = Number(values.rows);
if (!Number.isInteger(rows) || rows < 1) throw new Error(`--rows must be a whole number, not "${values.rows}"`);
if (values.dialect !== 'duckdb' && values.dialect !== 'ansi')
  throw new Error('--dialect must be duckdb or ansi (this bench runs DuckDB)');

const parsed = parseModelSpec(JSON.parse(readFileSync(values.model, 'utf8')), values.model);
if (!parsed.ok) throw new Error(parsed.problem);
const sql = modelSql(parsed.value, { dialect: values.dialect, table: 'customers' });
if (!sql.ok) throw new Error(sql.problem);

const loadAtStart = loadavg().map((l) => Math.round(l * 100) / 100);
const file = await benchFile(join(ROOT, '.bench'), { rows, seed: 1, labels: false }, log);
const instance = await DuckDBInstance.create(':memory:');
const connection = await instance.connect();
await connection.run(
  `CREATE VIEW customers AS SELECT * FROM read_csv(${quoteLiteral(file.path)}, all_varchar = true, header = true)`,
);
log(`Scoring ${file.path} in DuckDB (${values.dialect} dialect)…`);
// The aggregate makes DuckDB compute every probability, prediction and band without sending
// 10 million rows to Node, which would measure the client instead of the engine.
const started = performance.now();
const reader = await connection.runAndReadAll(
  `SELECT count(*) AS rows, count(churn_probability) AS scored, sum(churn_prediction) AS at_risk, count(DISTINCT risk_band) AS bands FROM (\n${sql.value}) AS scored`,
);
const seconds = (performance.now() - started) / 1000;
const [result] = reader.getRowObjectsJS();
connection.closeSync();
instance.closeSync();

process.stdout.write(
  `${JSON.stringify(
    {
      machine: { cores: availableParallelism(), loadAverageAtStart: loadAtStart },
      duckdb: { version: '1.5.6', dialect: values.dialect, model: parsed.value.id, threads: availableParallelism() },
      file: { rows: file.rows, MB: Math.round(file.bytes / 1e5) / 10 },
      result: Object.fromEntries(Object.entries(result ?? {}).map(([k, v]) => [k, Number(v)])),
      seconds: Math.round(seconds * 10) / 10,
      rowsPerSecond: Math.round(file.rows / seconds),
      peakResidentMB: Math.round(process.resourceUsage().maxRSS / 1e3),
      notes: [
        'Wall time of read_csv (all VARCHAR) + the generated SELECT, aggregated in DuckDB; file generation not included.',
        'peakResidentMB is this Node process, DuckDB included (maxRSS).',
      ],
    },
    null,
    2,
  )}\n`,
);
