import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ParityCase } from './sql-parity.test-support.ts';
import { loadSpec } from './sql-reference.test-support.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const DATA = join(ROOT, '..', 'shared', 'data');

/** The real files of the issue, each with its model package. */
export function realCases(): ParityCase[] {
  const full = loadSpec(join(ROOT, 'public', 'models', 'telco-full.json'));
  const core = loadSpec(join(ROOT, 'public', 'models', 'telco-core.json'));
  const credit = loadSpec(join(ROOT, 'src', 'core', 'sql', 'fixtures', 'credit-sql-fixture.json'));
  return [
    { name: 'Telco, full model', csvPath: join(DATA, 'telco-customer-churn.csv'), spec: full },
    { name: 'Telco, core model', csvPath: join(DATA, 'telco-customer-churn.csv'), spec: core },
    { name: 'the sample', csvPath: join(ROOT, 'public', 'samples', 'customers-sample.csv'), spec: full },
    { name: 'credit-data', csvPath: join(DATA, 'credit-data.csv'), spec: credit },
  ];
}
