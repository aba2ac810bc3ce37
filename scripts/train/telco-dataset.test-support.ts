import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseCsvText } from '../../src/core/csv/parse-csv-text.ts';
import type { ModelSpec } from '../../src/core/spec/model-spec.ts';
import { parseModelSpec } from '../../src/core/spec/parse-model-spec.ts';
import { tableForSpec } from '../../src/core/table/table-for-spec.ts';
import { parseTrainingConfig, type TrainingConfig } from '../../src/core/train/training-config.ts';
import { normaliseCategory } from '../../src/core/values/match-category.ts';

/** The shared datasets sit beside the project, never inside it. */
export const TELCO_PATH = fileURLToPath(new URL('../../../shared/data/telco-customer-churn.csv', import.meta.url));
export const CREDIT_PATH = fileURLToPath(new URL('../../../shared/data/credit-data.csv', import.meta.url));
export const TELCO_CONFIG_PATH = fileURLToPath(new URL('../../train-configs/telco.json', import.meta.url));

export function readSharedDataset(path: string): Buffer {
  if (!existsSync(path)) {
    throw new Error(
      `The dataset is missing at ${path}. Tests that retrain or check parity need it: put the shared folder beside this project (CI always has it).`,
    );
  }
  return readFileSync(path);
}

export const readTelcoDataset = () => readSharedDataset(TELCO_PATH);

export function readTelcoConfig(): TrainingConfig {
  const parsed = parseTrainingConfig(JSON.parse(readFileSync(TELCO_CONFIG_PATH, 'utf8')), TELCO_CONFIG_PATH);
  if (!parsed.ok) throw new Error(parsed.problem);
  return parsed.value;
}

export const modelPath = (file: string) => fileURLToPath(new URL(`../../public/models/${file}`, import.meta.url));

export function committedSpec(id: string): ModelSpec {
  const parsed = parseModelSpec(JSON.parse(readFileSync(modelPath(`${id}.json`), 'utf8')), `${id}.json`);
  if (!parsed.ok) throw new Error(parsed.problem);
  return parsed.value;
}

export const committedReport = (id: string) =>
  JSON.parse(readFileSync(modelPath(`${id}.report.json`), 'utf8')) as {
    test_rows: (string | number)[];
    penalty: { chosen_C: number };
    solver: { final: { gradientNorm: number; objective: number }; folds: { gradientNorm: number }[] };
    split: { train_rows: number; test_rows: number };
    dataset: { rows: number };
  };

/** A dataset read for a committed spec, with outcomes and the trainer's split (from the report's held-out rows). */
export function datasetForSpec(path: string, spec: ModelSpec, report: ReturnType<typeof committedReport>) {
  const { header, rows } = parseCsvText(readSharedDataset(path).toString('utf8'));
  const table = tableForSpec(header, rows, spec);
  if (!table.ok) throw new Error(table.problem);
  const targetCell = header.findIndex((h) => h === spec.target.column);
  const y = Uint8Array.from(rows, (cells) =>
    normaliseCategory(cells[targetCell] ?? '') === normaliseCategory(spec.target.positive) ? 1 : 0,
  );
  const idCell = spec.id_column ? header.findIndex((h) => h === spec.id_column!.name) : -1;
  const keyOf = (cells: readonly string[], r: number) => (idCell >= 0 ? cells[idCell]! : r + 2);
  const held = new Set(report.test_rows);
  const test: number[] = [];
  const train: number[] = [];
  rows.forEach((cells, r) => (held.has(keyOf(cells, r)) ? test : train).push(r));
  return { header, rows, table: table.value, y, train, test };
}
