import { createWriteStream, mkdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import { bankCsvChunks, MAX_BANK_ROWS } from './generate-bank-customers.ts';
import { customerCsvChunks, MAX_ROWS } from './generate-customers.ts';

const MAX_SEED = 2 ** 32 - 1;
/** Each schema's writer, row limit and label column. */
const SCHEMAS = {
  telco: { chunks: customerCsvChunks, maxRows: MAX_ROWS, label: 'Churn column (Yes/No)' },
  bank: {
    chunks: bankCsvChunks,
    maxRows: MAX_BANK_ROWS,
    label: 'Exited column (1/0), drawn from the known logistic truth in generate-bank-customers.ts',
  },
} as const;
type Schema = keyof typeof SCHEMAS;

const usage = `usage: npm run gen -- --rows N --out FILE [--labels] [--seed S] [--schema telco|bank]

  --rows N       customers to generate, 1 to ${MAX_ROWS.toLocaleString('en-US')} (bank: ${MAX_BANK_ROWS.toLocaleString('en-US')})
  --out FILE     CSV file to write (its folder is created if missing)
  --labels       add the outcome column: telco's ${SCHEMAS.telco.label}; bank's ${SCHEMAS.bank.label}
  --seed S       integer 0 to ${MAX_SEED} (default 1); the same arguments give a byte-identical file
  --schema NAME  telco (default): the IBM Telco export's columns; bank: a retail bank's
                 (CustomerId, CreditScore, Geography, Gender, Age, Tenure, Balance, NumOfProducts,
                 HasCrCard, IsActiveMember, EstimatedSalary)

example: npm run gen -- --rows 500 --labels --out public/samples/customers-sample.csv
         npm run gen -- --schema bank --rows 20000 --labels --out /tmp/bank.csv`;

function badArgs(message: string): never {
  console.error(`${message}\n\n${usage}`);
  process.exit(2);
}

function readArgs() {
  try {
    return parseArgs({
      options: {
        rows: { type: 'string' },
        out: { type: 'string' },
        labels: { type: 'boolean', default: false },
        seed: { type: 'string', default: '1' },
        schema: { type: 'string', default: 'telco' },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (error) {
    return badArgs((error as Error).message);
  }
}

// Digits only: Number() would also accept "1e3", "0x10" and " 5 ", which hide typos.
function integerArg(name: string, text: string | undefined, min: number, max: number): number {
  if (text === undefined) return badArgs(`--${name} is required.`);
  const value = /^\d+$/.test(text) ? Number(text) : NaN;
  if (!(value >= min && value <= max))
    return badArgs(`--${name} must be a whole number from ${min} to ${max}, not "${text}".`);
  return value;
}

const args = readArgs();
if (args.help) {
  console.log(usage);
  process.exit(0);
}
const schemaName = args.schema ?? 'telco';
if (!Object.hasOwn(SCHEMAS, schemaName)) badArgs(`--schema must be telco or bank, not "${schemaName}".`);
const schema = SCHEMAS[schemaName as Schema];
const rows = integerArg('rows', args.rows, 1, schema.maxRows);
const seed = integerArg('seed', args.seed, 0, MAX_SEED);
const out = args.out?.trim() ? args.out : badArgs('--out is required.');

const started = performance.now();
try {
  mkdirSync(dirname(out), { recursive: true });
  // pipeline waits for 'drain' whenever the file stream's buffer is full, so memory stays flat.
  await pipeline(Readable.from(schema.chunks({ rows, labels: args.labels, seed })), createWriteStream(out));
} catch (error) {
  console.error(`Cannot write ${out}: ${(error as Error).message}`);
  process.exit(1);
}
const seconds = (performance.now() - started) / 1000;
const bytes = statSync(out).size;
const size = bytes < 1e6 ? `${(bytes / 1e3).toFixed(1)} kB` : `${(bytes / 1e6).toFixed(1)} MB`;
console.log(
  `Wrote ${rows.toLocaleString('en-US')} ${schemaName} customers${args.labels ? ' with labels' : ''} (seed ${seed}) to ${out}: ${size} in ${seconds.toFixed(1)} s`,
);
