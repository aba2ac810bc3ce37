import { expect, test, type Page } from '@playwright/test';
import { loadFile, tempFile } from './support.ts';

const SMALL =
  'customerID,tenure,MonthlyCharges,TotalCharges,Contract,PaymentMethod\nL-1,4,80,320,Month-to-month,Electronic check\n';

// The service worker would answer from its cache and hide what the page itself keeps in memory.
test.use({ serviceWorkers: 'block' });

const drop = (page: Page, text: string, fileName: string) =>
  page.evaluate(
    ({ text, fileName }) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([text], fileName, { type: 'text/csv' }));
      window.dispatchEvent(new DragEvent('dragover', { dataTransfer: transfer, cancelable: true }));
      window.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, cancelable: true }));
    },
    { text, fileName },
  );

test('the page says "loading" until the models are in memory, and a file chosen meanwhile waits for them', async ({
  page,
}) => {
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/models/telco-core.onnx', async (route) => {
    await held;
    await route.continue();
  });
  await page.goto('./');
  await expect(page.locator('[data-state="loading"]')).toBeVisible();
  await page.getByTestId('file-input').setInputFiles(tempFile('early.csv', SMALL));
  await expect(
    page.getByRole('status').filter({ hasText: 'early.csv will be read as soon as they are ready' }),
  ).toBeVisible();
  await expect(page.locator('[data-state="loading"]')).toBeVisible();
  release();
  await expect(page.locator('[data-state="ready"]')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('results-table')).toContainText('L-1');
});

test('once the page is idle it needs no network: cut it, then drop a file', async ({ page, context }) => {
  await page.goto('./');
  await expect(page.locator('[data-state="idle"]')).toBeVisible({ timeout: 30_000 });
  const requests: string[] = [];
  context.on('request', (request) => requests.push(request.url()));
  await context.setOffline(true);
  await drop(page, SMALL, 'offline.csv');
  await expect(page.locator('[data-state="ready"]')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('summary-total')).toHaveAttribute('data-value', '1');
  expect(requests.filter((url) => url.startsWith('http'))).toEqual([]);
});

test('"Change column mapping" keeps the results until the new mapping is scored, and cancelling keeps them', async ({
  page,
}) => {
  await page.goto('./');
  await loadFile(page, tempFile('remap.csv', SMALL));
  const change = page.getByRole('button', { name: 'Change column mapping' });

  await change.click();
  await expect(page.getByTestId('mapping-step')).toBeVisible();
  await expect(page.getByTestId('results-table')).toContainText('L-1');
  await page.getByTestId('mapping-step').getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByTestId('mapping-step')).toBeHidden();
  await expect(page.locator('[data-state="ready"]')).toBeVisible();
  await expect(page.getByTestId('summary-total')).toHaveAttribute('data-value', '1');

  // The results on screen still answer: their details come from the worker.
  await page.getByTestId('results-table').locator('[data-row]').first().click();
  await expect(page.getByTestId('row-details')).toContainText('Electronic check');
  await page.keyboard.press('Escape');

  await change.click();
  await page.getByRole('button', { name: 'Score with this mapping' }).click();
  await expect(page.locator('[data-state="ready"]')).toBeVisible();
  await expect(page.getByTestId('mapping-step')).toBeHidden();
  await expect(page.getByTestId('results-table')).toContainText('L-1');
});
