import { expect, test } from '@playwright/test';
import { customerCsvChunks } from '../scripts/gen/generate-customers.ts';
import { heldPointReached, holdExportBatches, scoringWorker } from './held-work.ts';
import { loadFile, tempFile } from './support.ts';

const SMALL =
  'customerID,tenure,MonthlyCharges,TotalCharges,Contract,PaymentMethod\nF-1,4,80,320,Month-to-month,Electronic check\n';

test('a crashed worker is reported and "Start over" recovers without a reload', async ({ page }) => {
  await page.goto('./');
  await expect(page.getByRole('button', { name: 'Try sample data' })).toBeEnabled();
  const worker = page.workers().find((w) => w.url().includes('worker'))!;
  await worker.evaluate(() =>
    setTimeout(() => {
      throw new Error('simulated crash');
    }, 0),
  );
  await expect(page.locator('[data-state="error"]')).toBeVisible();
  await expect(page.getByTestId('error-message')).toContainText('scoring engine stopped unexpectedly');
  await page.getByRole('button', { name: 'Start over' }).click();
  await expect(page.locator('[data-state="idle"]')).toBeVisible();
  await loadFile(page, tempFile('after-crash.csv', SMALL));
  await expect(page.getByTestId('summary-total')).toHaveAttribute('data-value', '1');
});

test.describe('a model that fails to load is named in the message', () => {
  const cases: [string, string, (body: Buffer) => { status?: number; body: string | Buffer }, RegExp][] = [
    ['missing .onnx', '**/models/telco-core.onnx', () => ({ status: 404, body: 'not found' }), /telco-core\.onnx.*404/],
    [
      'corrupt .onnx',
      '**/models/telco-full.onnx',
      () => ({ body: Buffer.from('this is not a model') }),
      /telco-full\.onnx could not be opened/,
    ],
    [
      'invalid spec',
      '**/models/telco-core.json',
      (body) => ({ body: JSON.stringify({ ...JSON.parse(body.toString()), format: 'something-else/9' }) }),
      /telco-core\.json is not valid: format/,
    ],
  ];
  for (const [name, pattern, respond, message] of cases) {
    test(name, async ({ page }) => {
      await page.route(pattern, async (route) => {
        const real = await route.fetch();
        await route.fulfill({ ...respond(await real.body()), contentType: 'application/octet-stream' });
      });
      await page.goto('./');
      await expect(page.locator('[data-state="error"]')).toBeVisible();
      await expect(page.getByTestId('error-message')).toHaveText(message);
      // The workers that read parts of large files load the same models: their fetch may still be
      // in this handler when the test ends, which must not fail it.
      await page.unrouteAll({ behavior: 'ignoreErrors' });
    });
  }
});

test('a file over the comfortable size asks first, and cancelling keeps what was there', async ({ page }) => {
  await page.goto('./');
  await loadFile(page, tempFile('first.csv', SMALL));
  await expect(page.getByTestId('summary-total')).toHaveAttribute('data-value', '1');
  // A real multi-gigabyte file is not needed: the page only looks at the size it is told.
  const dropHuge = (name: string) =>
    page.evaluate(
      ({ text, fileName }) => {
        const file = new File([text], fileName, { type: 'text/csv' });
        Object.defineProperty(file, 'size', { value: 3_200_000_000 });
        const transfer = new DataTransfer();
        transfer.items.add(file);
        window.dispatchEvent(new DragEvent('dragover', { dataTransfer: transfer, cancelable: true }));
        window.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, cancelable: true }));
      },
      { text: SMALL.replace('F-1', 'HUGE-1'), fileName: name },
    );

  await dropHuge('huge.csv');
  const ask = page.getByTestId('oversized-confirm');
  await expect(ask).toContainText('huge.csv is 3,200');
  await ask.getByRole('button', { name: 'Cancel' }).click();
  await expect(ask).toBeHidden();
  await expect(page.getByTestId('results-table')).toContainText('F-1');

  await dropHuge('huge.csv');
  await page.getByTestId('oversized-confirm').getByRole('button', { name: 'Score it anyway' }).click();
  await expect(page.getByTestId('results-table')).toContainText('HUGE-1');
});

test('closing the details panel does not stop an export', async ({ page }) => {
  await page.goto('./');
  await page.getByRole('button', { name: 'Try sample data' }).click();
  await expect(page.locator('[data-state="ready"]')).toBeVisible();
  await page.getByTestId('results-table').locator('[data-row]').first().click();
  await expect(page.getByTestId('row-details')).toBeVisible();
  const download = page.waitForEvent('download');
  await page.getByTestId('export-csv').click();
  await page.keyboard.press('Escape');
  expect((await download).suggestedFilename()).toBe('customers-sample-scored.csv');
  await expect(page.getByTestId('summary-total')).toHaveAttribute('data-value', '500');
});

test('cancelling an export stops it and leaves the results usable', async ({ page }) => {
  // More rows than one export batch (10,000); the export waits after its first batch until the cancel is in.
  const rows = 25_000;
  await page.goto('./');
  await loadFile(page, tempFile('many.csv', [...customerCsvChunks({ rows, labels: false, seed: 3 })].join('')));
  const worker = await scoringWorker(page);
  await holdExportBatches(worker, 'cancel-export');
  let downloads = 0;
  page.on('download', () => downloads++);
  await page.getByTestId('export-csv').click();
  await heldPointReached(worker);
  // The export goes on once the worker has the cancel: a cancel that did not stop it would now finish it.
  await page.getByRole('button', { name: 'Cancel export' }).click();
  await expect(page.getByText('Export cancelled.')).toBeVisible();
  await expect(page.getByTestId('export-csv')).toBeEnabled();
  expect(downloads).toBe(0);
  await expect(page.getByTestId('summary-total')).toHaveAttribute('data-value', String(rows));
  // The next export runs to the end.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-at-risk').click()]);
  expect(download.suggestedFilename()).toBe('many-at-risk.csv');
});
