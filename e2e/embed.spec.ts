import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { expect, test, type Page } from '@playwright/test';
import Papa from 'papaparse';
import { ALLOWED_HOST_PORT, OTHER_HOST_PORT } from './embed-origins.ts';

const APP = 'http://localhost:4173';
const CSV =
  'customerID,tenure,MonthlyCharges,TotalCharges,Contract,PaymentMethod\nH-1,2,80,160,Month-to-month,Electronic check\nH-2,60,20,1200,Two year,Mailed check\nH-3,abc,20,,Two year,Mailed check\n';

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
const waitFor = (page: Page, type: string) =>
  expect.poll(async () => (await messages(page)).some((m) => m.type === type), { timeout: 20_000 }).toBe(true);

let servers: Server[] = [];
test.beforeAll(async () => {
  servers = await Promise.all([servePortal(ALLOWED_HOST_PORT), servePortal(OTHER_HOST_PORT)]);
});
test.afterAll(() => servers.forEach((s) => s.close()));

test('an allowed portal sends a file and gets the summary and the scored CSV back', async ({ page }) => {
  await page.goto(`http://localhost:${ALLOWED_HOST_PORT}/`);
  await waitFor(page, 'churn-radar:ready');
  await page.evaluate(
    (csv) =>
      (window as unknown as { tell: (m: unknown) => void }).tell({
        type: 'churn-radar:score',
        fileName: 'portal.csv',
        csv,
        threshold: 0.4,
      }),
    CSV,
  );
  await waitFor(page, 'churn-radar:result');
  const result = (await messages(page)).find((m) => m.type === 'churn-radar:result') as unknown as {
    summary: Record<string, unknown>;
  };
  expect(result.summary).toMatchObject({
    fileName: 'portal.csv',
    modelId: 'telco-core',
    rows: 3,
    scored: 2,
    rejected: 1,
    threshold: 0.4,
  });
  expect((await messages(page)).filter((m) => m.type === 'churn-radar:ready')).toHaveLength(1);

  // The app inside the frame is compact: no page header.
  await expect(page.frameLocator('#churn').getByRole('heading', { name: 'Churn Radar', level: 1 })).toBeHidden();

  await page.evaluate(() =>
    (window as unknown as { tell: (m: unknown) => void }).tell({ type: 'churn-radar:get-scored-csv' }),
  );
  await waitFor(page, 'churn-radar:scored-csv');
  const text = await page.evaluate(async () => {
    const m = (window as unknown as { received: { type: string; csv?: Blob }[] }).received.find(
      (x) => x.type === 'churn-radar:scored-csv',
    )!;
    return m.csv!.text();
  });
  const rows = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { header: false, skipEmptyLines: true }).data;
  expect(rows).toHaveLength(4);
  expect(rows[0]).toContain('churn_probability');
  expect(rows[0]).toContain('expected_benefit');
  expect(rows[3]![rows[0]!.indexOf('issue')]).toContain('Tenure "abc" is not a number');
  // The host gets what the person's Export CSV writes, campaign and what-if columns included.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.frameLocator('#churn').getByTestId('export-csv').click(),
  ]);
  expect(
    readFileSync(await download.path())
      .toString('utf8')
      .replace(/^\uFEFF/, ''),
  ).toBe(text.replace(/^\uFEFF/, ''));
});

const tell = (page: Page, message: unknown) =>
  page.evaluate((m) => (window as unknown as { tell: (m: unknown) => void }).tell(m), message);
const results = async (page: Page) =>
  (await messages(page)).filter((m) => m.type === 'churn-radar:result') as unknown as {
    summary: { fileName: string; threshold: number };
  }[];
const OTHER_ORIGIN = `http://localhost:${OTHER_HOST_PORT}`;

test('a message from an origin that is not allowed changes nothing and is not answered', async ({ page }) => {
  await page.goto(`http://localhost:${ALLOWED_HOST_PORT}/`);
  await waitFor(page, 'churn-radar:ready');
  // The control: from the allowed portal, the message is answered.
  await tell(page, { type: 'churn-radar:score', fileName: 'portal.csv', csv: CSV, threshold: 0.4 });
  await expect
    .poll(async () => (await results(page)).map((r) => r.summary.threshold), { timeout: 20_000 })
    .toEqual([0.4]);

  // The same kind of message, from the same parent window but stamped with another origin: a frame's
  // parent has one origin, so only a dispatched MessageEvent can bring two origins to one app.
  const app = page.frames().find((f) => f.url().startsWith(APP))!;
  await app.evaluate(
    ([origin, csv]) => {
      for (const data of [
        {
          type: 'churn-radar:score',
          fileName: 'evil.csv',
          csv: `${csv}E-1,1,99,99,Month-to-month,Electronic check\n`,
          threshold: 0.9,
        },
        { type: 'churn-radar:set-threshold', threshold: 0.9 },
      ])
        window.dispatchEvent(new MessageEvent('message', { data, origin, source: window.parent }));
    },
    [OTHER_ORIGIN, CSV] as const,
  );

  // A later message from the allowed portal is answered; by then the other two were handled, in order.
  await tell(page, { type: 'churn-radar:set-threshold', threshold: 0.3 });
  await expect
    .poll(async () => (await results(page)).map((r) => r.summary.threshold), { timeout: 20_000 })
    .toEqual([0.4, 0.3]);
  expect((await results(page)).map((r) => r.summary.fileName)).toEqual(['portal.csv', 'portal.csv']);
  // Nothing but that answer since the first result: no progress of a second file, no error.
  const types = (await messages(page)).map((m) => m.type);
  expect(types.slice(types.indexOf('churn-radar:result') + 1)).toEqual(['churn-radar:result']);
  await expect(page.frameLocator('#churn').getByTestId('summary-total')).toHaveAttribute('data-value', '2');
});

test("a portal on an origin that is not allowed gets nothing, even the answers to the app's own work", async ({
  page,
}) => {
  await page.goto(`http://localhost:${OTHER_HOST_PORT}/`);
  const frame = page.frameLocator('#churn');
  await expect(frame.getByRole('button', { name: 'Try sample data' })).toBeEnabled();
  await tell(page, { type: 'churn-radar:score', fileName: 'portal.csv', csv: CSV });
  // Had the message been taken, this portal would be the host, and the sample's result would go to it.
  await frame.getByRole('button', { name: 'Try sample data' }).click();
  await expect(frame.getByTestId('summary-total')).toHaveAttribute('data-value', '500');
  await expect(frame.locator('[data-state="ready"]')).toBeVisible();
  expect(await messages(page)).toEqual([]);
});

test('the compact layout fits a 360 px wide frame', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto('./?embed=1');
  await page.getByRole('button', { name: 'Try sample data' }).click();
  await expect(page.locator('[data-state="ready"]')).toBeVisible();
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
});
