import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { mapHeaders, headerTargetsOf } from '../src/core/columns/map-headers.ts';
import { parseCsvText } from '../src/core/csv/parse-csv-text.ts';
import { planFeatures } from '../src/core/model-input/feature-plan.ts';
import { referenceProbabilities } from '../src/core/scoring/reference-scorer.ts';
import type { ModelSpec } from '../src/core/spec/model-spec.ts';
import { TableBuilder } from '../src/core/table/table-builder.ts';
import { modelPath, readTelcoDataset } from '../scripts/train/telco-dataset.test-support.ts';

const ROWS = 25;
const spec = (id: string) => JSON.parse(readFileSync(modelPath(`${id}.json`), 'utf8')) as ModelSpec;

function reference(text: string, model: ModelSpec): Float64Array {
  const { header, rows } = parseCsvText(text);
  const builder = new TableBuilder(model.columns, mapHeaders(header, headerTargetsOf(model.columns)).found, { decimalComma: false });
  rows.forEach((cells, i) => builder.addRow(cells, i + 2));
  const table = builder.finish();
  return referenceProbabilities(model, planFeatures(model, table), table.rejected);
}

test('scores a few rows of the dataset in the browser exactly as the reference scorer does', async ({ page }) => {
  const lines = readTelcoDataset().toString('utf8').split('\n');
  const text = `${lines.slice(0, ROWS + 1).join('\n')}\n`;
  const file = join(mkdtempSync(join(tmpdir(), 'churn-e2e-')), 'telco-sample.csv');
  writeFileSync(file, text);

  await page.goto('./');
  const full = spec('telco-full');
  await expect(page.getByTestId('model-card-telco-full').getByTestId('model-auc')).toHaveAttribute('data-value', String(full.metrics.test.roc_auc));
  await expect(page.getByTestId('model-card-telco-core').getByTestId('model-auc')).toHaveAttribute('data-value', String(spec('telco-core').metrics.test.roc_auc));

  await page.getByTestId('file-input').setInputFiles(file);
  await expect(page.locator('[data-state="ready"]')).toBeVisible();
  await expect(page.getByTestId('model-used')).toHaveText(full.label);
  await expect(page.getByTestId('summary-total')).toHaveText(String(ROWS));

  const shown = await page.getByTestId('results-table').locator('td[data-probability]').evaluateAll((cells) => cells.map((c) => Number(c.getAttribute('data-probability'))));
  const expected = reference(text, full);
  expect(shown).toHaveLength(ROWS);
  shown.forEach((p, i) => expect(Math.abs(p - expected[i]!)).toBeLessThan(1e-5));
});

test('a five-column CRM export is scored with the core model', async ({ page }) => {
  const text = 'Customer ID,Tenure (months),Monthly Charges,Total Charges,Contract Type,Payment Method\nA-1,2,70.5,141,month to month,Electronic check\nA-2,60,25,1500,Two year,credit card\n';
  const file = join(mkdtempSync(join(tmpdir(), 'churn-e2e-')), 'crm.csv');
  writeFileSync(file, text);
  await page.goto('./');
  await page.getByTestId('file-input').setInputFiles(file);
  await expect(page.locator('[data-state="ready"]')).toBeVisible();
  const core = spec('telco-core');
  await expect(page.getByTestId('model-used')).toHaveText(core.label);
  const shown = await page.getByTestId('results-table').locator('td[data-probability]').evaluateAll((cells) => cells.map((c) => Number(c.getAttribute('data-probability'))));
  const expected = reference(text, core);
  shown.forEach((p, i) => expect(Math.abs(p - expected[i]!)).toBeLessThan(1e-5));
  await expect(page.getByTestId('results-table')).toContainText('A-2');
});

test('a file without the needed columns gets a message naming them', async ({ page }) => {
  const file = join(mkdtempSync(join(tmpdir(), 'churn-e2e-')), 'wrong.csv');
  writeFileSync(file, 'name,email\nAda,ada@example.com\n');
  await page.goto('./');
  await page.getByTestId('file-input').setInputFiles(file);
  await expect(page.locator('[data-state="error"]')).toBeVisible();
  await expect(page.getByTestId('error-message')).toContainText('wrong.csv');
  await expect(page.getByTestId('error-message')).toContainText('MonthlyCharges');
  await expect(page.getByTestId('error-message')).toContainText('"email"');
});
