import { expect, test } from '@playwright/test';
import { readTelcoDataset } from '../scripts/train/telco-dataset.test-support.ts';
import { loadFile, reference, spec, tempFile } from './support.ts';

const ROWS = 25;

test('shows both model cards with the spec AUC', async ({ page }) => {
  await page.goto('./');
  for (const id of ['telco-full', 'telco-core']) {
    await expect(page.getByTestId(`model-card-${id}`).getByTestId('model-auc')).toHaveAttribute(
      'data-value',
      String(spec(id).metrics.test.roc_auc),
    );
  }
});

test('scores rows of the dataset in the browser exactly as the reference scorer does', async ({ page }) => {
  const lines = readTelcoDataset().toString('utf8').split('\n');
  const text = `${lines.slice(0, ROWS + 1).join('\n')}\n`;
  await page.goto('./');
  await loadFile(page, tempFile('telco-rows.csv', text));
  const full = spec('telco-full');
  await expect(page.getByTestId('model-used')).toHaveText(full.label);
  await expect(page.getByTestId('summary-total')).toHaveAttribute('data-value', String(ROWS));
  const expected = reference(text, full);
  const rows = page.getByTestId('results-table').locator('[data-row]');
  await expect(rows.first()).toBeVisible();
  const shown = await rows.evaluateAll((els) =>
    els.map((el) => ({
      row: Number(el.getAttribute('data-row')),
      p: Number(el.querySelector('[data-probability]')!.getAttribute('data-probability')),
    })),
  );
  expect(shown.length).toBeGreaterThanOrEqual(10);
  for (const { row, p } of shown) expect(Math.abs(p - expected[row]!)).toBeLessThan(1e-5);
});

test('a five-column CRM export is scored with the core model', async ({ page }) => {
  const text =
    'Customer ID,Tenure (months),Monthly Charges,Total Charges,Contract Type,Payment Method\nA-1,2,70.5,141,month to month,Electronic check\nA-2,60,25,1500,Two year,credit card\n';
  await page.goto('./');
  await loadFile(page, tempFile('crm.csv', text));
  await expect(page.getByTestId('model-used')).toHaveText(spec('telco-core').label);
  await expect(page.getByTestId('results-table')).toContainText('A-2');
});

test('a file without the needed columns gets a message naming them', async ({ page }) => {
  await page.goto('./');
  await page.getByTestId('file-input').setInputFiles(tempFile('wrong.csv', 'name,email\nAda,ada@example.com\n'));
  await expect(page.locator('[data-state="error"]')).toBeVisible();
  const message = page.getByTestId('error-message');
  await expect(message).toContainText('wrong.csv');
  await expect(message).toContainText('MonthlyCharges');
  await expect(message).toContainText('"email"');
  await page.getByRole('button', { name: 'Start over' }).click();
  await expect(page.locator('[data-state="idle"]')).toBeVisible();
});
