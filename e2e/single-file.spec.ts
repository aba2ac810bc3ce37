import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import Papa from 'papaparse';
import { expect, test, type Page } from '@playwright/test';
import { customerCsvChunks } from '../scripts/gen/generate-customers.ts';
import { loadFile, numberIn, reference, spec, tempFile } from './support.ts';

// `npm run build:single` opened from disk: no server, and nothing may be fetched but the file itself.
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SINGLE_FILE = join(ROOT, 'dist-single', 'churn-radar.html');
const SOURCES = ['src', 'public', 'index.html', 'vite.single.config.ts', 'scripts/build-single', 'package-lock.json'];
const LOCAL = /^(file|blob|data):/;

const newest = (path: string): number => {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newest(join(path, name))));
};

test.beforeAll(() => {
  test.setTimeout(180_000);
  const sources = Math.max(
    ...SOURCES.map((s) => join(ROOT, s))
      .filter(existsSync)
      .map(newest),
  );
  if (existsSync(SINGLE_FILE) && statSync(SINGLE_FILE).mtimeMs > sources) return;
  const build = spawnSync('npm', ['run', 'build:single'], { cwd: ROOT, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`npm run build:single failed:\n${build.stdout}\n${build.stderr}`);
});

interface Watch {
  /** Requests for anything but the file itself, its blob: worker and data: URLs. */
  requests: string[];
  /** Page errors, console errors (a CSP refusal is one) and worker errors. */
  errors: string[];
}

async function openFromDisk(page: Page): Promise<Watch> {
  const watch: Watch = { requests: [], errors: [] };
  page.on('request', (request) => {
    if (!LOCAL.test(request.url())) watch.requests.push(request.url());
  });
  page.on('pageerror', (error) => watch.errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') watch.errors.push(message.text());
  });
  await page.goto(pathToFileURL(SINGLE_FILE).href);
  await expect(page.getByRole('button', { name: 'Try sample data' })).toBeEnabled();
  return watch;
}

const clean = (watch: Watch) => {
  expect(watch.requests).toEqual([]);
  expect(watch.errors).toEqual([]);
};

const customers = (rows: number, seed: number) => [...customerCsvChunks({ rows, labels: false, seed })].join('');

test('from disk, the single file scores the sample data', async ({ page }) => {
  const watch = await openFromDisk(page);
  expect(page.url()).toMatch(/^file:/);
  await page.getByRole('button', { name: 'Try sample data' }).click();
  await expect(page.locator('[data-state="ready"]')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('summary-total')).toHaveAttribute('data-value', '500');
  await expect(page.getByTestId('model-used')).toHaveText(spec('telco-full').label);
  expect(await numberIn(page, 'summary-at-risk')).toBeGreaterThan(0);
  clean(watch);
  // Trusted Types hold from disk too: text assigned to an HTML sink is refused.
  const refused = await page.evaluate(() => {
    try {
      document.createElement('div').innerHTML = '<b>x</b>';
      return 'allowed';
    } catch (error) {
      return (error as Error).name;
    }
  });
  expect(refused).toBe('TypeError');
});

test('from disk, a chosen file is scored as the served app scores it, and exported', async ({ page }) => {
  const rows = 37;
  const text = customers(rows, 11);
  const watch = await openFromDisk(page);
  await loadFile(page, tempFile('customers.csv', text));
  await expect(page.getByTestId('summary-total')).toHaveAttribute('data-value', String(rows));

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
  const exported = readFileSync(await download.path(), 'utf8').replace(/^\uFEFF/, '');
  const lines = Papa.parse<string[]>(exported, { header: false, skipEmptyLines: true }).data;
  expect(lines).toHaveLength(1 + rows);
  const column = lines[0]!.indexOf('churn_probability');
  expect(column).toBeGreaterThan(0);
  // The embedded model packages and .wasm give the reference scorer's probabilities.
  const expected = reference(text, spec('telco-full'));
  lines.slice(1).forEach((line, i) => expect(Math.abs(Number(line[column]) - expected[i]!)).toBeLessThan(1e-4));
  clean(watch);
});

test('from disk, a model trained on the page is used to score a file', async ({ page }) => {
  const watch = await openFromDisk(page);
  await page.getByRole('link', { name: 'Train your own model' }).click();
  const history = (n: number, withOutcome: boolean) =>
    `plan,spend${withOutcome ? ',churn' : ''}\n${Array.from({ length: n }, (_, i) => `${['a', 'b', 'c'][i % 3]},${(i * 7) % 50}${withOutcome ? `,${(i * 7) % 50 > 30 === (i % 5 !== 0) ? 'yes' : 'no'}` : ''}`).join('\n')}\n`;
  await page.getByTestId('train-file-input').setInputFiles(tempFile('history.csv', history(600, true)));
  await expect(page.getByTestId('train-target')).toHaveValue('churn');
  await page.getByTestId('train-start').click();
  const card = page.getByTestId('training-card');
  await expect(card).toBeVisible({ timeout: 120_000 });
  const id = await card.getAttribute('data-model-id');
  await page.getByTestId('train-use').click();
  await expect(page.getByTestId('package-message')).toContainText('now one of this session');
  await page.getByRole('link', { name: 'Score customers' }).click();
  await loadFile(page, tempFile('this-month.csv', history(40, false)));
  await expect(page.getByTestId('summary-total')).toHaveAttribute('data-value', '40');
  await expect(page.getByTestId('model-used')).toHaveAttribute('data-model-id', id!);
  clean(watch);
});

test('from disk, a file dropped on the page is scored', async ({ page }) => {
  const rows = 12;
  const watch = await openFromDisk(page);
  await page.evaluate(
    (text) => {
      const data = new DataTransfer();
      data.items.add(new File([text], 'dropped.csv', { type: 'text/csv' }));
      for (const type of ['dragenter', 'dragover', 'drop'])
        window.dispatchEvent(new DragEvent(type, { dataTransfer: data, bubbles: true, cancelable: true }));
    },
    customers(rows, 12),
  );
  await expect(page.locator('[data-state="ready"]')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('summary-total')).toHaveAttribute('data-value', String(rows));
  await expect(page.getByRole('heading', { name: 'Results for dropped.csv' })).toBeVisible();
  clean(watch);
});

test("the README states the single file's size", () => {
  const stated = /`dist-single\/churn-radar\.html`, about ([\d.]+) MB/.exec(
    readFileSync(join(ROOT, 'README.md'), 'utf8'),
  );
  expect(stated, 'README: "`dist-single/churn-radar.html`, about N MB"').not.toBeNull();
  const megabytes = statSync(SINGLE_FILE).size / 1e6;
  // Within 10 %: the README's figure is rounded, and small changes to the app need not touch it.
  expect(Math.abs(Number(stated![1]) - megabytes) / megabytes).toBeLessThan(0.1);
});
