// Refreshes the README's screenshots from the built app: `npx tsx scripts/screenshot.ts` while `npm start` runs.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';

const args = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args });
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
await page.goto('http://localhost:4173/');
const sample = process.argv[2];
if (sample) {
  const lines = readFileSync(sample, 'utf8').split('\n').slice(0, 41).join('\n');
  const file = join(mkdtempSync(join(tmpdir(), 'shot-')), 'customers.csv');
  writeFileSync(file, `${lines}\n`);
  await page.getByTestId('file-input').setInputFiles(file);
  await page.locator('[data-state="ready"]').waitFor();
}
await page.screenshot({ path: 'docs/screenshot.png', fullPage: false });
await browser.close();
