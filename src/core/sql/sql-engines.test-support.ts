/**
 * Real SQL engines for the parity tests: DuckDB in process (`@duckdb/node-api`), and a throwaway
 * PostgreSQL cluster (Debian's `postgresql` package) on a private unix socket, no TCP port.
 */
import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import Papa from 'papaparse';
import { quoteIdentifier, quoteLiteral } from './sql-text.ts';

export type SqlRow = Record<string, unknown>;

export interface SqlEngine {
  /** Loads a CSV into `table` with every column as text, plus `__row`: the data row's number from 0. */
  load(csvPath: string, table: string): Promise<void>;
  query(sql: string): Promise<SqlRow[]>;
  close(): Promise<void>;
}

export async function openDuckDb(): Promise<SqlEngine> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  let loaded = 0;
  return {
    async load(csvPath, table) {
      const raw = `raw_${++loaded}`;
      await connection.run(
        `CREATE TABLE ${raw} AS SELECT * FROM read_csv(${quoteLiteral(csvPath)}, all_varchar = true, header = true, delim = ',', quote = '"', escape = '"')`,
      );
      // A table's rowid is its insertion order, which follows the file (preserve_insertion_order).
      await connection.run(`CREATE VIEW ${quoteIdentifier(table)} AS SELECT rowid AS __row, * FROM ${raw}`);
    },
    async query(sql) {
      return (await connection.runAndReadAll(sql)).getRowObjectsJS() as SqlRow[];
    },
    async close() {
      connection.closeSync();
      instance.closeSync();
    },
  };
}

function postgresBin(): string {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).filter((v) => existsSync(join(root, v, 'bin', 'initdb'))) : [];
  const newest = versions.sort((a, b) => Number(b) - Number(a))[0];
  if (!newest) throw new Error('PostgreSQL is not installed: apt-get install postgresql (.ci/run does this)');
  return join(root, newest, 'bin');
}

/**
 * Starts a cluster in a new temporary directory. PostgreSQL refuses to run as root, so under
 * root (CI, this machine) every command runs as `nobody`, which owns the directory.
 */
export function startPostgres(): SqlEngine {
  const bin = postgresBin();
  const dir = mkdtempSync(join(tmpdir(), 'churn-pg-'));
  const asRoot = process.getuid?.() === 0;
  if (asRoot) chownSync(dir, 65534, 65534);
  const env = { ...process.env, PGCLIENTENCODING: 'UTF8', LC_ALL: 'C.UTF-8' };
  const run = (program: string, args: string[], input?: string) => {
    try {
      return execFileSync(
        asRoot ? 'runuser' : join(bin, program),
        asRoot ? ['-u', 'nobody', '--', join(bin, program), ...args] : args,
        {
          input,
          env,
          cwd: dir,
          encoding: 'utf8',
          maxBuffer: 1 << 30,
          stdio: ['pipe', 'pipe', 'pipe'],
        },
      );
    } catch (error) {
      throw new Error(`${program} failed: ${(error as { stderr?: string }).stderr ?? String(error)}`, { cause: error });
    }
  };
  const data = join(dir, 'data');
  const stop = () => {
    try {
      if (existsSync(join(data, 'postmaster.pid'))) run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
  // A run cut short (Ctrl-C, a timeout) skips afterAll; the cluster must not outlive it.
  process.once('exit', stop);
  try {
    run('initdb', [
      '-D',
      data,
      '-U',
      'postgres',
      '-A',
      'trust',
      '-E',
      'UTF8',
      '--locale=C.UTF-8',
      '--no-sync',
      '--no-instructions',
    ]);
    run('pg_ctl', [
      '-D',
      data,
      '-l',
      join(dir, 'server.log'),
      '-w',
      '-o',
      `-k ${dir} -c listen_addresses= -c fsync=off -c statement_timeout=120s`,
      'start',
    ]);
  } catch (error) {
    const log = existsSync(join(dir, 'server.log')) ? readFileSync(join(dir, 'server.log'), 'utf8') : '';
    stop();
    throw new Error(`PostgreSQL did not start: ${String(error)}\n${log}`, { cause: error });
  }
  const psql = (args: string[], input: string) =>
    run('psql', ['-X', '-q', '-h', dir, '-U', 'postgres', '-d', 'postgres', '-v', 'ON_ERROR_STOP=1', ...args], input);
  return {
    async load(csvPath, table) {
      const text = readFileSync(csvPath, 'utf8');
      const headers = Papa.parse<string[]>(text, { preview: 1 }).data[0] ?? [];
      const columns = headers.map(quoteIdentifier);
      psql(
        [
          '-c',
          `CREATE TABLE ${quoteIdentifier(table)} (__row bigserial, ${columns.map((c) => `${c} text`).join(', ')})`,
        ],
        '',
      );
      psql(
        ['-c', `COPY ${quoteIdentifier(table)} (${columns.join(', ')}) FROM STDIN WITH (FORMAT csv, HEADER true)`],
        text,
      );
      psql(['-c', `UPDATE ${quoteIdentifier(table)} SET __row = __row - 1`], '');
    },
    async query(sql) {
      const out = psql(['--csv', '-f', '-'], sql);
      const parsed = Papa.parse<SqlRow>(out, { header: true, skipEmptyLines: true });
      // psql prints NULL as an empty field; no column the tests read is ever the empty string.
      return parsed.data.map((row) =>
        Object.fromEntries(Object.entries(row).map(([k, v]) => [k, v === '' ? null : v])),
      );
    },
    async close() {
      process.off('exit', stop);
      stop();
    },
  };
}
