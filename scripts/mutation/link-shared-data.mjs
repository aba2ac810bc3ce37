// StrykerJS runs the tests in a copy of the project at .stryker-tmp/sandbox-<id>/. Tests find the
// shared Telco dataset beside the project (../shared/data/, scripts/train/telco-dataset.test-support.ts),
// which from a sandbox is .stryker-tmp/shared: link it there to the real one before a run.
import { existsSync, mkdirSync, symlinkSync } from 'node:fs';

const TEMP_DIR = '.stryker-tmp';
mkdirSync(TEMP_DIR, { recursive: true });
if (!existsSync(`${TEMP_DIR}/shared`)) symlinkSync('../../shared', `${TEMP_DIR}/shared`, 'dir');
if (!existsSync(`${TEMP_DIR}/shared/data/telco-customer-churn.csv`)) {
  console.error(
    'The shared Telco dataset is missing at ../shared/data/; the mutation run needs it as the unit tests do.',
  );
  process.exit(1);
}
