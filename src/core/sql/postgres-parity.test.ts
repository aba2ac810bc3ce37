import { startPostgres } from './sql-engines.test-support.ts';
import { parityChecks } from './sql-parity-checks.test-support.ts';

parityChecks('PostgreSQL', async () => startPostgres(), ['postgres', 'ansi'], ['ansi']);
