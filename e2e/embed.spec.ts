import { createServer, type Server } from 'node:http';
import { expect, test, type Page } from '@playwright/test';
import Papa from 'papaparse';
import { ALLOWED_HOST_PORT, OTHER_HOST_PORT } from './embed-origins.ts';

const APP = 'http://localhost:4173';
const CSV = 'customerID,tenure,MonthlyCharges,TotalCharges,Contract,PaymentMethod\nH-1,2,80,160,Month-to-month,Electronic check\nH-2,60,20,1200,Two year,Mailed check\nH-3,abc,20,,Two year,Mailed check\n';

// A stand-in intranet portal: it frames the app and records every message it gets.
const HOST_PAGE = `<!doctype html><title>Portal</title>
<iframe id="churn" src="${APP}/?embed=1" style="width:360px;height:640px;border:0"></iframe>
<script>
  window.received = [];
  window.addEventListener('message', (e) => { if (e.origin === '${APP}') window.received.push(e.data); });
  window.tell = (message) => document.getElementById('churn').contentWindow.postMessage(message, '${APP}');
</script>`;

function servePortal(port: number): Promise<Server> {
  const server = createServer((_, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(HOST_PAGE));
  return new Promise((resolve) => server.listen(port, 'localhost', () => resolve(server)));
}

const messages = (page: Page) => page.evaluate(() => (window as unknown as { received: { type: string }[] }).received);
const waitFor = (page: Page, type: string) => expect.poll(async () => (await messages(page)).some((m) => m.type === type), { timeout: 20_000 }).toBe(true);

let servers: Server[] = [];
test.beforeAll(async () => {
  servers = await Promise.all([servePortal(ALLOWED_HOST_PORT), servePortal(OTHER_HOST_PORT)]);
});
test.afterAll(() => servers.forEach((s) => s.close()));

test('an allowed portal sends a file and gets the summary and the scored CSV back', async ({ page }) => {
  await page.goto(`http://localhost:${ALLOWED_HOST_PORT}/`);
  await waitFor(page, 'churn-radar:ready');
  await page.evaluate((csv) => (window as unknown as { tell: (m: unknown) => void }).tell({ type: 'churn-radar:score', fileName: 'portal.csv', csv, threshold: 0.4 }), CSV);
  await waitFor(page, 'churn-radar:result');
  const result = (await messages(page)).find((m) => m.type === 'churn-radar:result') as unknown as { summary: Record<string, unknown> };
  expect(result.summary).toMatchObject({ fileName: 'portal.csv', modelId: 'telco-core', rows: 3, scored: 2, rejected: 1, threshold: 0.4 });
  expect((await messages(page)).filter((m) => m.type === 'churn-radar:ready')).toHaveLength(1);

  // The app inside the frame is compact: no page header.
  await expect(page.frameLocator('#churn').getByRole('heading', { name: 'Churn Radar', level: 1 })).toBeHidden();

  await page.evaluate(() => (window as unknown as { tell: (m: unknown) => void }).tell({ type: 'churn-radar:get-scored-csv' }));
  await waitFor(page, 'churn-radar:scored-csv');
  const text = await page.evaluate(async () => {
    const m = (window as unknown as { received: { type: string; csv?: Blob }[] }).received.find((x) => x.type === 'churn-radar:scored-csv')!;
    return m.csv!.text();
  });
  const rows = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { header: false, skipEmptyLines: true }).data;
  expect(rows).toHaveLength(4);
  expect(rows[0]).toContain('churn_probability');
  expect(rows[3]!.at(-1)).toContain('Tenure "abc" is not a number');
});

test('a portal on an origin that is not allowed is ignored', async ({ page }) => {
  await page.goto(`http://localhost:${OTHER_HOST_PORT}/`);
  const frame = page.frameLocator('#churn');
  await expect(frame.getByRole('button', { name: 'Try sample data' })).toBeEnabled();
  await page.evaluate((csv) => (window as unknown as { tell: (m: unknown) => void }).tell({ type: 'churn-radar:score', fileName: 'portal.csv', csv }), CSV);
  await page.waitForTimeout(1500);
  expect(await messages(page)).toEqual([]);
  await expect(frame.locator('[data-state="idle"]')).toBeVisible();
});

test('the compact layout fits a 360 px wide frame', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto('./?embed=1');
  await page.getByRole('button', { name: 'Try sample data' }).click();
  await expect(page.locator('[data-state="ready"]')).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});
