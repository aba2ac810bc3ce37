import { expect, test, type Page } from '@playwright/test';
import { serveDist } from './serve-dist.ts';
import { loadFile, sampleText, tempFile } from './support.ts';

// Precaching downloads the whole app once, onnxruntime's ~14 MB .wasm included.
const INSTALL_TIMEOUT = 45_000;

const readyOffline = async (page: Page) => {
  await expect(page.getByRole('status').filter({ hasText: 'Ready to work offline' })).toBeVisible({
    timeout: INSTALL_TIMEOUT,
  });
  await page.evaluate(async () => void (await navigator.serviceWorker.ready));
};

interface CacheEntry {
  cache: string;
  url: string;
  bytes: number;
  holdsCustomerData: boolean;
}

/** Every entry of every Cache Storage cache of the page's origin, searched for `secret`. */
const cacheEntries = (page: Page, secret: string) =>
  page.evaluate(async (needle): Promise<CacheEntry[]> => {
    const entries: CacheEntry[] = [];
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      for (const request of await cache.keys()) {
        const body = new Uint8Array(await (await cache.match(request))!.arrayBuffer());
        // latin1 maps every byte to one character, so an ASCII needle is found in any body, binary or not.
        const text = new TextDecoder('latin1').decode(body);
        entries.push({
          cache: name,
          url: request.url,
          bytes: body.byteLength,
          holdsCustomerData: text.includes(needle),
        });
      }
    }
    return entries;
  }, secret);

// What the app needs offline; anything else in the cache is a mistake (a training report, a stray file).
const EXPECTED = [
  /^index\.html$/,
  /^manifest\.webmanifest$/,
  /^assets\/[\w.-]+\.(js|css)$/,
  /^assets\/ort-wasm[\w.-]*\.wasm$/,
  /^models\/telco-(full|core)\.(onnx|json)$/,
  /^models\/index\.json$/,
  /^samples\/customers-sample\.csv$/,
  /^icons\/icon[\w-]*\.(png|svg)$/,
];

test('after one visit the app scores a file offline, and caches no customer data', async ({
  page,
  context,
  baseURL,
}) => {
  await page.goto('./');
  await readyOffline(page);

  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole('button', { name: 'Try sample data' })).toBeEnabled({ timeout: 30_000 });
  await expect(page.getByText('Ready to work offline')).toBeVisible();

  // A customer the cache must never see: a made-up ID in an otherwise ordinary file.
  const secret = 'OFFLINE-7Q2X-CUSTOMER';
  const [header, first, ...rest] = sampleText().trimEnd().split('\n');
  const rows = [first!.replace(/^[^,]+/, secret), ...rest.slice(0, 29)];
  await loadFile(page, tempFile('offline-customers.csv', `${header}\n${rows.join('\n')}\n`));
  await expect(page.getByTestId('summary-total')).toHaveAttribute('data-value', '30');

  const entries = await cacheEntries(page, secret);
  const origin = new URL(baseURL!).origin;
  const paths = entries.map((e) => {
    const url = new URL(e.url);
    expect(url.origin, 'the service worker caches only its own origin').toBe(origin);
    return url.pathname.slice(new URL(baseURL!).pathname.length);
  });
  expect(new Set(entries.map((e) => e.cache)).size).toBe(1);
  expect(entries[0]!.cache).toMatch(/^workbox-precache-/);
  for (const path of paths)
    expect(
      EXPECTED.some((pattern) => pattern.test(path)),
      `unexpected cache entry ${path}`,
    ).toBe(true);
  expect(paths.filter((p) => p.endsWith('.wasm'))).toHaveLength(1);
  expect(entries.find((e) => e.url.endsWith('.wasm'))!.bytes).toBeGreaterThan(5_000_000);
  for (const model of ['telco-full.onnx', 'telco-full.json', 'telco-core.onnx', 'telco-core.json'])
    expect(paths).toContain(`models/${model}`);
  expect(paths.filter((p) => p.endsWith('.report.json'))).toEqual([]);
  expect(entries.filter((e) => e.holdsCustomerData).map((e) => e.url)).toEqual([]);
});

test('a new deployment is offered as "update available → reload"', async ({ page }) => {
  let deployment = 1;
  // Any byte change to sw.js is a new version to the browser, as after a real deployment.
  const server = await serveDist({
    rewrite: (path, body) =>
      path === 'sw.js' ? Buffer.concat([body, Buffer.from(`\n// deployment ${deployment}\n`)]) : body,
  });
  try {
    await page.goto(server.url);
    await readyOffline(page);
    await expect(page.getByText('A new version is available')).toHaveCount(0);

    deployment = 2;
    await page.reload();
    const reload = page.getByRole('button', { name: 'Reload' });
    await expect(page.getByRole('status').filter({ hasText: 'A new version is available' })).toBeVisible({
      timeout: INSTALL_TIMEOUT,
    });

    await Promise.all([page.waitForEvent('load'), reload.click()]);
    await expect(page.getByText('Ready to work offline')).toBeVisible({ timeout: INSTALL_TIMEOUT });
    await expect(page.getByText('A new version is available')).toHaveCount(0);
    const stillWaiting = await page.evaluate(async () =>
      Boolean((await navigator.serviceWorker.getRegistration())?.waiting),
    );
    expect(stillWaiting).toBe(false);
  } finally {
    await server.close();
  }
});
