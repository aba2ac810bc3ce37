import { openDuckDb } from './sql-engines.test-support.ts';
import { parityChecks } from './sql-parity-checks.test-support.ts';

parityChecks('DuckDB', openDuckDb, ['duckdb', 'ansi'], [], 'small files');
