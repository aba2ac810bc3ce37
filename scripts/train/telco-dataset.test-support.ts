import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The shared Telco dataset sits beside the project, never inside it. */
export const TELCO_PATH = fileURLToPath(new URL('../../../shared/data/telco-customer-churn.csv', import.meta.url));

export function readTelcoDataset(): Buffer {
  if (!existsSync(TELCO_PATH)) {
    throw new Error(`The Telco dataset is missing at ${TELCO_PATH}. Tests that retrain or check parity need it: put the shared folder beside this project (CI always has it).`);
  }
  return readFileSync(TELCO_PATH);
}

export const modelPath = (file: string) => fileURLToPath(new URL(`../../public/models/${file}`, import.meta.url));
