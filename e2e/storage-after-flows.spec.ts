import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { ALLOWED_HOST_PORT } from './embed-origins.ts';
import { heldPointReached, holdReading, scoringWorker } from './held-work.ts';
import { storedEverywhere } from './stored-everywhere.ts';
import { heldCsvFile, loadFile, READ_BYTES, tempFile } from './support.ts';

// Values that occur nowhere but in these files, so finding one in any storage is a leak.
const SECRETS = ['SECRET-CHARLIE-3', 'SECRET-DELTA-4', '1234.56', '98.76'];
const FILE = [
  'customerID,tenure,MonthlyCharges,TotalCharges,Contract,PaymentMethod',
  'SECRET-CHARLIE-3,12,98.76,1234.56,Month-to-month,Electronic check',
  'SECRET-DELTA-4,x-not-a-number,98.76,1234.56,Two year,Mailed check',
].join('\n');
const AMBIGUOUS = [
  // Two headers that could both be tenure, so the app asks which one.
  'customerID,Tenure (months),months_active,MonthlyCharges,TotalCharges,Contract,PaymentMethod',
  'SECRET-CHARLIE-3,12,12,98.76,1234.56,Month-to-month,Electronic check',
].join('\n');

const download = async (page: Page, click: () => Promise<void>) => {
  const [file] = await Promise.all([page.waitForEvent('download'), click()]);
  await file.path();
};

/**
 * Every flow the app offers today. A flow added later (training, comparing models) gets a row here,
 * and the check after it is the same.
 */
const FLOWS: [string, (page: Page, context: BrowserContext) => Promise<Page>][] = [
  ['score a file, open details, export every kind', async (page) => {
    await page.goto('./');
    await loadFile(page, tempFile('secret.csv', FILE));
    await page.getByTestId('threshold-slider').fill('0.2');
    await page.getByTestId('results-table').locator('[data-row]').first().click();
    await expect(page.getByTestId('row-details')).toContainText('SECRET-CHARLIE-3');
    for (const id of ['export-csv', 'export-at-risk', 'export-json']) await download(page, () => page.getByTestId(id).click());
    await download(page, () => page.getByTestId('row-issues').getByRole('button', { name: /Download all/ }).click());
    return page;
  }],
  ['map columns by hand', async (page) => {
    await page.goto('./');
    await page.getByTestId('file-input').setInputFiles(tempFile('ambiguous.csv', AMBIGUOUS));
    await expect(page.locator('[data-state="mapping"]')).toBeVisible();
    await page.getByLabel('Tenure').selectOption({ label: 'Tenure (months)' });
    await page.getByRole('button', { name: 'Score with this mapping' }).click();
    await expect(page.locator('[data-state="ready"]')).toBeVisible();
    return page;
  }],
  ['cancel a file while it is read', async (page) => {
    const held = heldCsvFile();
    await page.goto('./');
    await expect(page.getByRole('button', { name: 'Try sample data' })).toBeEnabled();
    const worker = await scoringWorker(page);
    await holdReading(worker, held.size, READ_BYTES, 'cancel');
    await page.getByTestId('file-input').setInputFiles(held.path);
    await heldPointReached(worker);
    await page.getByRole('button', { name: 'Cancel' }).click();
    await expect(page.locator('[data-state="idle"]')).toBeVisible();
    await loadFile(page, tempFile('secret.csv', FILE));
    return page;
  }],
];

for (const [name, flow] of FLOWS) {
  test(`after "${name}", no storage holds a customer value`, async ({ page, context }) => {
    const used = await flow(page, context);
    // The control: the values were on the page, so the search below looks for something real.
    expect(await used.content()).toContain('SECRET-CHARLIE-3');
    const stored = await storedEverywhere(used, context);
    for (const secret of SECRETS) expect(stored, secret).not.toContain(secret);
  });
}

test('after a portal scores a file through the embed API, the app\'s origin stores no customer value', async ({ page, context }) => {
  const { createServer } = await import('node:http');
  const app = 'http://localhost:4173';
  const portal = `<!doctype html><iframe id="churn" src="${app}/?embed=1"></iframe><script>
    window.received = [];
    addEventListener('message', (e) => { if (e.origin === '${app}') window.received.push(e.data.type); });
  </script>`;
  const server = createServer((_, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(portal));
  await new Promise<void>((resolve) => server.listen(ALLOWED_HOST_PORT, 'localhost', resolve));
  try {
    await page.goto(`http://localhost:${ALLOWED_HOST_PORT}/`);
    const received = () => page.evaluate(() => (window as unknown as { received: string[] }).received);
    await expect.poll(received, { timeout: 20_000 }).toContain('churn-radar:ready');
    await page.evaluate(([csv, origin]) => (document.getElementById('churn') as HTMLIFrameElement).contentWindow!.postMessage({ type: 'churn-radar:score', fileName: 'secret.csv', csv }, origin), [FILE, app] as const);
    await expect.poll(received, { timeout: 20_000 }).toContain('churn-radar:result');
    const frame = page.frames().find((f) => f.url().startsWith(app))!;
    expect(await frame.content()).toContain('SECRET-CHARLIE-3');
    const stored = await storedEverywhere(frame, context);
    for (const secret of SECRETS) expect(stored, secret).not.toContain(secret);
  } finally {
    server.close();
  }
});
