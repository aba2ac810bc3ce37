import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import type { Io } from '../src/cli/io.ts';
import { run } from '../src/cli/main.ts';
import { customerCsvChunks } from '../scripts/gen/generate-customers.ts';
import { SAMPLE_PATH, tempFile } from './support.ts';

const CORPUS = fileURLToPath(new URL('../test/fixtures/bad-input/', import.meta.url));
const TELCO = fileURLToPath(new URL('../../shared/data/telco-customer-churn.csv', import.meta.url));
const files = [
  fileURLToPath(SAMPLE_PATH),
  TELCO,
  ...readdirSync(CORPUS)
    .filter((f) => /\.(csv|tsv)$/.test(f))
    .sort()
    .map((f) => join(CORPUS, f)),
];

const quiet: Io = { out: () => {}, error: () => {}, interactive: false, progress: () => {} };

/** The command line's CSV for a file, model and threshold, as bytes (null when it exits non-zero). */
async function cliCsv(path: string, model: string): Promise<{ code: number; bytes: Buffer | null }> {
  const out = join(mkdtempSync(join(tmpdir(), 'churn-cli-')), 'scored.csv');
  const code = await run(['score', path, '--model', model, '--out', out], quiet);
  return { code, bytes: code === 0 ? readFileSync(out) : null };
}

test('"churn-radar score" writes the page\'s "Export CSV" byte for byte: the sample, the Telco file and the bad-input corpus', async ({
  page,
}) => {
  test.setTimeout(600_000);
  let compared = 0;
  for (const path of files) {
    const name = path.split('/').pop()!;
    // A fresh page per file: each file is scored as a person would first see it.
    await page.goto('./');
    await page.getByTestId('file-input').setInputFiles(path);
    const state = page.locator('[data-state="ready"], [data-state="error"], [data-state="mapping"]');
    await expect(state).toBeVisible({ timeout: 60_000 });
    const phase = await state.getAttribute('data-state');
    if (phase === 'ready') {
      const model = (await page.getByTestId('model-used').getAttribute('data-model-id'))!;
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
      const fromPage = readFileSync(await download.path());
      const fromCli = await cliCsv(path, model);
      expect(fromCli.code, `${name}: the command line exits 0 where the page scores`).toBe(0);
      expect(Buffer.compare(fromPage, fromCli.bytes!), `${name}: the command line's CSV differs from the page's`).toBe(
        0,
      );
      compared++;
    } else {
      // What the page cannot score (or must ask about), the command line refuses too.
      expect((await cliCsv(path, 'telco-core')).code, `${name}: the page says ${phase}`).toBe(1);
    }
  }
  expect(compared).toBeGreaterThan(25);
});

test('a large file read by one worker per core gives the CSV the command line writes with one reader', async ({
  page,
}) => {
  test.setTimeout(300_000);
  // About 41 MB: over the 32 MiB from which parts of a file are read side by side.
  const path = tempFile('large.csv', [...customerCsvChunks({ rows: 300_000, labels: true, seed: 11 })].join(''));
  await page.goto('./');
  await page.getByTestId('file-input').setInputFiles(path);
  await expect(page.locator('[data-state="ready"]')).toBeVisible({ timeout: 120_000 });
  const readers = await page.evaluate(() => {
    const mark = performance.getEntriesByName('churn:rendered').at(-1) as PerformanceMark | undefined;
    return { used: (mark?.detail as { readers?: number } | undefined)?.readers, cores: navigator.hardwareConcurrency };
  });
  expect(readers.used).toBe(Math.min(8, readers.cores));
  const model = (await page.getByTestId('model-used').getAttribute('data-model-id'))!;
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
  const fromCli = await cliCsv(path, model);
  expect(fromCli.code).toBe(0);
  expect(Buffer.compare(readFileSync(await download.path()), fromCli.bytes!)).toBe(0);
});
