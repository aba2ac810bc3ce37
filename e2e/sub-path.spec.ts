import { expect, test } from '@playwright/test';
import { serveDist, type DistServer } from './serve-dist.ts';
import { loadFile, sampleText, tempFile } from './support.ts';

// The build must work unchanged from any folder of any static host, e.g.
// https://intranet.example/tools/churn/: every URL it uses is relative.
const PREFIX = '/tools/churn/';
let server: DistServer;

test.beforeAll(async () => {
  server = await serveDist({ prefix: PREFIX });
});
test.afterAll(async () => server.close());

test('the build runs from a sub-path and asks for nothing outside it', async ({ page, context }) => {
  const seen: string[] = [];
  context.on('request', (request) => seen.push(request.url()));

  await page.goto(server.url);
  await page.getByRole('button', { name: 'Try sample data' }).click();
  await expect(page.locator('[data-state="ready"]')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('summary-total')).toHaveAttribute('data-value', '500');

  const few = sampleText().split('\n').slice(0, 13).join('\n');
  await loadFile(page, tempFile('twelve-customers.csv', `${few}\n`));
  await expect(page.getByTestId('summary-total')).toHaveAttribute('data-value', '12');
  await expect(page.getByTestId('model-used')).toBeVisible();

  // The service worker is scoped to the app's folder, not to the host's root.
  const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
  expect(scope).toBe(server.url);
  await expect(page.getByText('Ready to work offline')).toBeVisible({ timeout: 30_000 });

  const own = seen.filter((url) => !url.startsWith('data:') && !url.startsWith('blob:'));
  expect(own.length).toBeGreaterThan(5);
  for (const url of own)
    expect(url, 'a request left the app folder').toMatch(new RegExp(`^${server.url.replaceAll('.', '\\.')}`));
  // What the server saw, including anything the browser asked for by itself (icons, manifest).
  expect(server.requested.filter((path) => !path.startsWith(PREFIX))).toEqual([]);
  for (const needed of ['manifest.webmanifest', 'sw.js', 'models/telco-full.onnx'])
    expect(server.requested).toContain(PREFIX + needed);
  expect(server.requested.some((path) => /^\/tools\/churn\/assets\/ort-wasm[^/]*\.wasm$/.test(path))).toBe(true);
});
