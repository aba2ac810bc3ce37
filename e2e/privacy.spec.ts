import { readFileSync } from 'node:fs';
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { storedEverywhere } from './stored-everywhere.ts';
import { loadFile, sampleText, tempFile } from './support.ts';

const OWN_ORIGIN = 'http://localhost:4173';
const LOCAL_SCHEMES = new Set(['blob:', 'data:']);

/** Records every request the context makes that is neither the app's own origin nor a local blob/data URL. */
function recordForeignRequests(context: BrowserContext): string[] {
  const foreign: string[] = [];
  context.on('request', (request) => {
    const url = new URL(request.url());
    if (!LOCAL_SCHEMES.has(url.protocol) && url.origin !== OWN_ORIGIN) foreign.push(request.url());
  });
  return foreign;
}

const CUSTOMERS = [
  'customerID,gender,SeniorCitizen,Partner,Dependents,tenure,PhoneService,MultipleLines,InternetService,OnlineSecurity,OnlineBackup,DeviceProtection,TechSupport,StreamingTV,StreamingMovies,Contract,PaperlessBilling,PaymentMethod,MonthlyCharges,TotalCharges',
  'SECRET-ALPHA-1,Female,0,Yes,No,3,Yes,No,Fiber optic,No,No,No,No,Yes,Yes,Month-to-month,Yes,Electronic check,95.15,285.45',
  'SECRET-BRAVO-2,Male,1,No,No,41,Yes,Yes,DSL,Yes,Yes,No,Yes,No,No,One year,No,Mailed check,67.35,2761.35',
].join('\n');

async function fullSession(page: Page): Promise<void> {
  await loadFile(page, tempFile('private.csv', `${CUSTOMERS}\n`));
  await page.getByTestId('threshold-slider').fill('0.3');
  await page.getByTestId('results-table').locator('[data-row]').first().click();
  await expect(page.getByTestId('row-details')).toContainText('SECRET-');
  for (const id of ['export-csv', 'export-json']) {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(id).click()]);
    expect(readFileSync(await download.path(), 'utf8')).toContain('SECRET-ALPHA-1');
  }
}

test('a whole session makes no request to any other origin', async ({ page, context }) => {
  const foreign = recordForeignRequests(context);
  await page.goto('./');
  await page.getByRole('button', { name: 'Try sample data' }).click();
  await expect(page.locator('[data-state="ready"]')).toBeVisible();
  await fullSession(page);
  expect(foreign).toEqual([]);
});

test('with the network cut after loading, a full scoring session still works and nothing is stored', async ({
  page,
  context,
}) => {
  const attempts: string[] = [];
  await page.goto('./');
  await expect(page.getByRole('button', { name: 'Try sample data' })).toBeEnabled();
  // Loading is over when the page and its service worker have fetched everything they fetch on their own.
  await page.waitForLoadState('networkidle');
  // The service worker precaches the assets while it installs, which can outlast networkidle on a busy machine.
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  // From here on every request fails, even to the app's own server.
  await context.route('**/*', (route) => {
    attempts.push(route.request().url());
    return route.abort('internetdisconnected');
  });
  await context.setOffline(true);
  await fullSession(page);
  await context.setOffline(false);
  await context.unroute('**/*');
  expect(attempts.filter((u) => !LOCAL_SCHEMES.has(new URL(u).protocol))).toEqual([]);

  const stored = await storedEverywhere(page, context);
  for (const secret of ['SECRET-ALPHA-1', 'SECRET-BRAVO-2', '2761.35', '95.15']) expect(stored).not.toContain(secret);
  expect(await page.evaluate(() => localStorage.length + sessionStorage.length)).toBe(0);
});

test('the sample and the page itself leave nothing in storage either', async ({ page, context }) => {
  await page.goto('./');
  await page.getByRole('button', { name: 'Try sample data' }).click();
  await expect(page.locator('[data-state="ready"]')).toBeVisible();
  const firstCustomer = sampleText().split('\n')[1]!.split(',')[0]!;
  const stored = await storedEverywhere(page, context);
  // The sample file itself may be precached for offline use, but nothing derived from scoring it.
  expect(stored.split(firstCustomer).length - 1).toBeLessThanOrEqual(1);
  expect(await context.cookies()).toEqual([]);
});

test('the page declares a Content-Security-Policy that keeps connections to its own origin', async ({ page }) => {
  await page.goto('./');
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(csp).toContain("default-src 'none'");
  expect(csp).toContain("connect-src 'self'");
  expect(csp).not.toMatch(/https?:/);
  // A request to another origin is refused by the browser itself.
  const blocked = await page.evaluate(() =>
    fetch('https://example.com/').then(
      () => 'sent',
      () => 'refused',
    ),
  );
  expect(blocked).toBe('refused');
});
