import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { expect, test, type Page, type Worker } from '@playwright/test';
import { heldPointReached, holdReading, releaseHeld, scoringWorker } from './held-work.ts';
import { heldCsvFile, loadFile, numberIn, READ_BYTES, reference, sampleText, spec, tempFile } from './support.ts';

const trySample = async (page: Page) => {
  await page.goto('./');
  await page.getByRole('button', { name: 'Try sample data' }).click();
  await expect(page.locator('[data-state="ready"]')).toBeVisible();
};

test('the sample data is scored and shown', async ({ page }) => {
  await trySample(page);
  await expect(page.getByTestId('summary-total')).toHaveAttribute('data-value', '500');
  await expect(page.getByTestId('model-used')).toHaveText(spec('telco-full').label);
  await expect(page.getByTestId('results-table').locator('[data-row]').first()).toBeVisible();
  expect(await numberIn(page, 'summary-at-risk')).toBeGreaterThan(0);
});

test('the threshold, top-K and capture goals all move the counts', async ({ page }) => {
  await trySample(page);
  const slider = page.getByTestId('threshold-slider');
  const atRecommended = await numberIn(page, 'summary-at-risk');

  await slider.fill('0.9');
  const atHigh = await numberIn(page, 'summary-at-risk');
  expect(atHigh).toBeLessThan(atRecommended);

  await slider.focus();
  for (let i = 0; i < 100; i++) await page.keyboard.press('ArrowLeft');
  expect(await numberIn(page, 'summary-at-risk')).toBeGreaterThan(atHigh);

  await page.getByLabel('Flag the top').fill('50');
  await page.getByLabel('Flag the top').press('Enter');
  await expect(page.getByTestId('summary-at-risk')).toHaveAttribute('data-value', '50');

  await page.getByLabel('Catch').fill('50');
  await page.getByLabel('Catch').press('Enter');
  const forHalf = await numberIn(page, 'summary-at-risk');
  expect(forHalf).toBeGreaterThan(0);
  expect(forHalf).toBeLessThan(500);

  await page.getByRole('button', { name: /^Recommended/ }).click();
  await expect(page.getByTestId('summary-at-risk')).toHaveAttribute('data-value', String(atRecommended));
});

test('sorting by probability and filtering to at-risk customers', async ({ page }) => {
  await trySample(page);
  const table = page.getByTestId('results-table');
  await table.getByRole('button', { name: /Churn probability/ }).click();
  await expect(table.getByRole('columnheader', { name: /Churn probability/ })).toHaveAttribute(
    'aria-sort',
    /ascending|descending/,
  );
  const direction =
    (await table.getByRole('columnheader', { name: /Churn probability/ }).getAttribute('aria-sort')) === 'descending'
      ? -1
      : 1;
  const probabilities = () =>
    table
      .locator('[data-probability]')
      .evaluateAll((cells) => cells.map((c) => Number(c.getAttribute('data-probability'))));
  // The order arrives from the worker a moment after the header changes.
  await expect
    .poll(async () => (await probabilities()).every((p, i, all) => i === 0 || direction * (p - all[i - 1]!) >= 0))
    .toBe(true);
  const sorted = await probabilities();
  const all = await page.getByTestId('summary-total').getAttribute('data-value');
  expect(sorted.length).toBeGreaterThan(5);
  expect(Number(all)).toBe(500);

  await page.getByLabel('At-risk only').check();
  const threshold = Number(await page.getByTestId('threshold-slider').inputValue());
  const shown = await table
    .locator('[data-probability]')
    .evaluateAll((cells) => cells.map((c) => Number(c.getAttribute('data-probability'))));
  expect(shown.length).toBeGreaterThan(0);
  for (const p of shown) expect(p).toBeGreaterThanOrEqual(threshold);
});

test('a row opens its details with reasons, and closes again', async ({ page }) => {
  await trySample(page);
  const first = page.getByTestId('results-table').locator('[data-row]').first();
  const id = (await first.locator('td, [role="cell"]').first().textContent())!.trim();
  await first.click();
  const details = page.getByTestId('row-details');
  await expect(details).toBeVisible();
  await expect(details).toContainText(id);
  await expect(details).toContainText(/raises the risk|lowers the risk/);
  await page.keyboard.press('Escape');
  await expect(details).toBeHidden();
});

test('CSV export keeps every row and column and carries the reference probabilities', async ({ page }) => {
  await trySample(page);
  const text = sampleText();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
  const exported = readFileSync(await download.path())
    .toString('utf8')
    .replace(/^\uFEFF/, '');
  const original = Papa.parse<string[]>(text, { header: false, skipEmptyLines: true }).data;
  const rows = Papa.parse<string[]>(exported, { header: false, skipEmptyLines: true }).data;
  expect(rows).toHaveLength(original.length);
  expect(rows[0]).toEqual([
    ...original[0]!,
    'churn_probability',
    'churn_prediction',
    'risk_band',
    'top_reasons',
    'issue',
    'expected_benefit',
    'best_action',
    'probability_after_action',
  ]);
  const expected = reference(text, spec('telco-full'));
  rows.slice(1).forEach((row, i) => {
    expect(row.slice(0, original[0]!.length)).toEqual(original[i + 1]);
    expect(Math.abs(Number(row[original[0]!.length]) - expected[i]!)).toBeLessThan(1e-4);
  });
});

test('JSON export has the legacy service shape', async ({ page }) => {
  await trySample(page);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-json').click()]);
  const json = JSON.parse(readFileSync(await download.path(), 'utf8'));
  expect(json.total_customers).toBe(500);
  expect(json.results).toHaveLength(500);
  expect(json.churn_risk_count).toBe(await numberIn(page, 'summary-at-risk'));
  expect(json.results[0]).toEqual(
    expect.objectContaining({
      customerID: expect.any(String),
      churn_probability: expect.any(Number),
      churn_prediction: expect.any(Number),
    }),
  );
});

test('a labelled file shows the evaluation panel with its AUC', async ({ page }) => {
  await trySample(page);
  const panel = page.getByTestId('evaluation-panel');
  await expect(panel).toBeVisible();
  const auc = Number(await panel.getByTestId('evaluation-auc').getAttribute('data-value'));
  expect(auc).toBeGreaterThan(0.6);
  expect(auc).toBeLessThanOrEqual(1);
});

test('an ambiguous file asks for the mapping and then scores', async ({ page }) => {
  const text = 'tenure,Tenure (months),MonthlyCharges,TotalCharges,Contract,PaymentMethod\n';
  // Two headers that both mean tenure: the exact name wins, so make them both aliases instead.
  const ambiguous =
    text.replace('tenure,Tenure (months)', 'Tenure (months),months_active') +
    '3,3,70,210,Month-to-month,Electronic check\n';
  await page.goto('./');
  await page.getByTestId('file-input').setInputFiles(tempFile('ambiguous.csv', ambiguous));
  await expect(page.locator('[data-state="mapping"]')).toBeVisible();
  await page.getByLabel('Tenure').selectOption({ label: 'Tenure (months)' });
  await page.getByRole('button', { name: 'Score with this mapping' }).click();
  await expect(page.locator('[data-state="ready"]')).toBeVisible();
  await expect(page.getByTestId('summary-total')).toHaveAttribute('data-value', '1');
});

test.describe('long work', () => {
  // The reading stops after the first 2 MB until the test lets it go on, however fast the machine.
  async function holdingAFile(page: Page, openOn?: 'cancel'): Promise<Worker> {
    const held = heldCsvFile();
    await page.goto('./');
    await expect(page.getByRole('button', { name: 'Try sample data' })).toBeEnabled();
    const worker = await scoringWorker(page);
    await holdReading(worker, held.size, READ_BYTES, openOn);
    await page.getByTestId('file-input').setInputFiles(held.path);
    await heldPointReached(worker);
    await expect(page.locator('[data-state="working"]')).toBeVisible();
    return worker;
  }

  test('cancel stops reading and leaves the app usable', async ({ page }) => {
    // The reading goes on once the worker has the cancel: a cancel that did not stop it would now score the whole file.
    await holdingAFile(page, 'cancel');
    await page.getByRole('button', { name: 'Cancel' }).click();
    await expect(page.locator('[data-state="idle"]')).toBeVisible();
    await page.getByRole('button', { name: 'Try sample data' }).click();
    await expect(page.getByTestId('summary-total')).toHaveAttribute('data-value', '500');
  });

  test('the control: a held file that is let go is scored whole', async ({ page }) => {
    const worker = await holdingAFile(page);
    await releaseHeld(worker);
    await expect(page.getByTestId('summary-total')).toHaveAttribute('data-value', '50000', { timeout: 30_000 });
  });

  test('a second file replaces the first', async ({ page }) => {
    await holdingAFile(page);
    await loadFile(
      page,
      tempFile(
        'second.csv',
        'customerID,tenure,MonthlyCharges,TotalCharges,Contract,PaymentMethod\nZ-1,4,80,320,Month-to-month,Electronic check\n',
      ),
    );
    await expect(page.getByTestId('summary-total')).toHaveAttribute('data-value', '1');
    await expect(page.getByTestId('results-table')).toContainText('Z-1');
  });
});
