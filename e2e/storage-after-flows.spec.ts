import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import Papa from 'papaparse';
import { bankCsvChunks } from '../scripts/gen/generate-bank-customers.ts';
import type { ModelSpec } from '../src/core/spec/model-spec.ts';
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
  [
    'score a file, open details, export every kind',
    async (page) => {
      await page.goto('./');
      await loadFile(page, tempFile('secret.csv', FILE));
      await page.getByTestId('threshold-slider').fill('0.2');
      await page.getByTestId('results-table').locator('[data-row]').first().click();
      await expect(page.getByTestId('row-details')).toContainText('SECRET-CHARLIE-3');
      for (const id of ['export-csv', 'export-at-risk', 'export-json'])
        await download(page, () => page.getByTestId(id).click());
      await download(page, () =>
        page
          .getByTestId('row-issues')
          .getByRole('button', { name: /Download all/ })
          .click(),
      );
      return page;
    },
  ],
  [
    'map columns by hand',
    async (page) => {
      await page.goto('./');
      await page.getByTestId('file-input').setInputFiles(tempFile('ambiguous.csv', AMBIGUOUS));
      await expect(page.locator('[data-state="mapping"]')).toBeVisible();
      await page.getByLabel('Tenure').selectOption({ label: 'Tenure (months)' });
      await page.getByRole('button', { name: 'Score with this mapping' }).click();
      await expect(page.locator('[data-state="ready"]')).toBeVisible();
      return page;
    },
  ],
  [
    'cancel a file while it is read',
    async (page) => {
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
    },
  ],
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

test("after a portal scores a file through the embed API, the app's origin stores no customer value", async ({
  page,
  context,
}) => {
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
    await page.evaluate(
      ([csv, origin]) =>
        (document.getElementById('churn') as HTMLIFrameElement).contentWindow!.postMessage(
          { type: 'churn-radar:score', fileName: 'secret.csv', csv },
          origin,
        ),
      [FILE, app] as const,
    );
    await expect.poll(received, { timeout: 20_000 }).toContain('churn-radar:result');
    const frame = page.frames().find((f) => f.url().startsWith(app))!;
    expect(await frame.content()).toContain('SECRET-CHARLIE-3');
    const stored = await storedEverywhere(frame, context);
    for (const secret of SECRETS) expect(stored, secret).not.toContain(secret);
  } finally {
    server.close();
  }
});

/** The spec of every package kept in IndexedDB, as the page stored it. */
const keptSpecs = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<string[]>((resolve, reject) => {
        const open = indexedDB.open('churn-radar-kept-models');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const all = open.result.transaction('packages').objectStore('packages').getAll();
          all.onsuccess = () => {
            open.result.close();
            resolve((all.result as { spec: Uint8Array }[]).map((r) => new TextDecoder().decode(r.spec)));
          };
        };
      }),
  );

test('after training a model and keeping it, no storage holds a customer value; a damaged kept entry is named and forgotten', async ({
  page,
  context,
}) => {
  test.setTimeout(120_000);
  const text = [...bankCsvChunks({ rows: 300, labels: true, seed: 23 })].join('');
  await page.goto('./#/train');
  await page.getByTestId('train-file-input').setInputFiles(tempFile('bank-history.csv', text));
  await page.getByTestId('train-name').fill('Bank churn');
  await page.getByTestId('train-start').click();
  const card = page.getByTestId('training-card');
  await expect(card).toBeVisible({ timeout: 90_000 });
  const id = (await card.getAttribute('data-model-id'))!;
  await page.getByTestId('train-keep').click();
  await expect(page.getByTestId('kept-models').locator(`li[data-kept-id="${id}"]`)).toHaveAttribute(
    'data-status',
    'loaded',
  );

  const stored = await storedEverywhere(page, context);
  const [specText] = await keptSpecs(page);
  const spec = JSON.parse(specText!) as ModelSpec;
  // The control: the kept package is part of what was searched, category spellings and all.
  expect(stored).toContain('indexedDB:churn-radar-kept-models');
  expect(stored).toContain(spec.provenance!.sha256);
  expect(stored).toContain('Germany');
  // As the page says, a package holds summary figures: per numeric column its smallest, middle
  // (the value missing cells get) and largest value, which may each be one customer's. Every other
  // value of the file that could identify a row (the IDs, the balances and salaries to the cent)
  // must be absent from every storage: none followed or preceded by more digits.
  const { data, meta } = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });
  const summary = new Map(
    spec.columns.map((c) => [
      c.name,
      c.type === 'numeric'
        ? [c.range?.min, c.range?.max, c.impute && 'constant' in c.impute ? c.impute.constant : undefined]
        : [],
    ]),
  );
  const identifying = (column: string, value: string) =>
    column === 'CustomerId' || (/^-?\d+\.\d\d$/.test(value) && !/^-?0\.00$/.test(value));
  let searched = 0;
  for (const row of data) {
    for (const column of meta.fields!) {
      const value = row[column]!;
      if (
        !identifying(column, value) ||
        summary.get(column)?.some((x) => x !== undefined && Math.abs(x - Number(value)) < 1e-9)
      )
        continue;
      searched++;
      const written = String(Number(value));
      expect(stored, `${column} = ${value}`).not.toMatch(
        new RegExp(`(?<![\\d.])${written.replace(/[.-]/g, '\\$&')}(?!\\d)`),
      );
    }
  }
  expect(searched).toBeGreaterThan(800);

  // Entries another page version (or a person with devtools) wrote: each is named at the next visit.
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('churn-radar-kept-models');
        open.onsuccess = () => {
          const transaction = open.result.transaction('packages', 'readwrite');
          const store = transaction.objectStore('packages');
          const bytes = (t: string) => new TextEncoder().encode(t);
          store.put({
            id: 'not-a-spec',
            label: 'Not a spec',
            specName: 'not-a-spec.json',
            spec: bytes('{"format": 2}'),
            onnx: bytes('nope'),
            keptAt: new Date().toISOString(),
          });
          store.put({ id: 'damaged', spec: 'half a record' });
          transaction.oncomplete = () => {
            open.result.close();
            resolve();
          };
          transaction.onerror = () => reject(transaction.error);
        };
      }),
  );
  await page.goto('./#/');
  await page.reload();
  await expect(page.getByTestId('kept-refused')).toContainText('2 models kept on this computer could not be loaded');
  await expect(page.getByTestId(`model-card-${id}`)).toBeVisible();
  await page.getByTestId('kept-refused').getByRole('link', { name: 'Train your own model' }).click();
  const kept = page.getByTestId('kept-models');
  await expect(kept.locator('li[data-kept-id="not-a-spec"] [data-testid="kept-problem"]')).toContainText(
    'not-a-spec.json',
  );
  await expect(kept.locator('li[data-kept-id="damaged"] [data-testid="kept-problem"]')).toContainText('damaged');
  await expect(kept.locator(`li[data-kept-id="${id}"]`)).toHaveAttribute('data-status', 'loaded');
  await page.getByTestId('kept-forget-all').click();
  await expect(page.getByTestId('kept-none')).toBeVisible();
  expect(await page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name))).toEqual([]);
});
