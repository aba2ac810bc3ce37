import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, type Page } from '@playwright/test';
import { headerTargetsOf, mapHeaders } from '../src/core/columns/map-headers.ts';
import { parseCsvText } from '../src/core/csv/parse-csv-text.ts';
import { planFeatures } from '../src/core/model-input/feature-plan.ts';
import { referenceProbabilities } from '../src/core/scoring/reference-scorer.ts';
import type { ModelSpec } from '../src/core/spec/model-spec.ts';
import { TableBuilder } from '../src/core/table/table-builder.ts';
import { customerCsvChunks } from '../scripts/gen/generate-customers.ts';
import { modelPath } from '../scripts/train/telco-dataset.test-support.ts';

export const spec = (id: string) => JSON.parse(readFileSync(modelPath(`${id}.json`), 'utf8')) as ModelSpec;

export const SAMPLE_PATH = new URL('../public/samples/customers-sample.csv', import.meta.url);
export const sampleText = () => readFileSync(SAMPLE_PATH, 'utf8');

/**
 * Last month's file, generated from the sample with known moves: its first 450 customers (the first 100
 * on a two-year contract then), 30 who have left since, and none of the sample's last 50, who are new.
 */
export function earlierMonthText(): string {
  const { header, rows } = parseCsvText(sampleText());
  const contract = header.indexOf('Contract');
  const id = header.indexOf('customerID');
  const kept = rows
    .slice(0, 450)
    .map((cells, i) => (i < 100 ? cells.map((c, k) => (k === contract ? 'Two year' : c)) : cells));
  const gone = rows.slice(0, 30).map((cells, i) => cells.map((c, k) => (k === id ? `LEFT-${i}` : c)));
  const lines = [header, ...kept, ...gone].map((cells) =>
    cells.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(','),
  );
  return `${lines.join('\n')}\n`;
}

/** Writes `content` to a fresh temporary file and returns its path. */
export function tempFile(name: string, content: string | Uint8Array): string {
  const path = join(mkdtempSync(join(tmpdir(), 'churn-e2e-')), name);
  writeFileSync(path, content);
  return path;
}

/** What the pure-TypeScript reference scorer says for a CSV text, row by row (NaN = rejected). */
export function reference(text: string, model: ModelSpec): Float64Array {
  const { header, rows } = parseCsvText(text);
  const builder = new TableBuilder(model.columns, mapHeaders(header, headerTargetsOf(model.columns)).found, {
    decimalComma: false,
  });
  rows.forEach((cells, i) => builder.addRow(cells, i + 2));
  const table = builder.finish();
  return referenceProbabilities(model, planFeatures(model, table), table.rejected);
}

export async function loadFile(page: Page, path: string): Promise<void> {
  await page.getByTestId('file-input').setInputFiles(path);
  await expect(page.locator('[data-state="ready"]')).toBeVisible({ timeout: 30_000 });
}

export const numberIn = async (page: Page, testId: string) =>
  Number(await page.getByTestId(testId).getAttribute('data-value'));

export const shownProbabilities = (page: Page) =>
  page
    .getByTestId('results-table')
    .locator('[data-probability]')
    .evaluateAll((cells) => cells.map((c) => Number(c.getAttribute('data-probability'))));

/** The worker reads a file 2 MB at a time (src/core/read/stream-rows.ts). */
export const READ_BYTES = 2 * 1024 * 1024;

/**
 * A file of about 6.8 MB (50,000 generated customers): several reads, so a test can hold
 * the reading after the first (e2e/held-work.ts) and act while the app is working.
 */
export function heldCsvFile(): { path: string; size: number } {
  const path = tempFile('held.csv', [...customerCsvChunks({ rows: 50_000, labels: false, seed: 5 })].join(''));
  return { path, size: statSync(path).size };
}
