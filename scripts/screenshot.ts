// Refreshes the README's screenshots from the running app (`npm start` in another shell): npx tsx scripts/screenshot.ts
import { readFileSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { bankCsvChunks } from './gen/generate-bank-customers.ts';

const args = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args });
const page = await browser.newPage({ viewport: { width: 1280, height: 1000 }, deviceScaleFactor: 1 });
await page.emulateMedia({ reducedMotion: 'reduce' });
await page.goto(process.env.CHURN_URL ?? 'http://localhost:4173/');
await page.getByRole('button', { name: 'Try sample data' }).click();
await page.locator('[data-state="ready"]').waitFor();
// Charts draw one at a time after the results (src/components/ui/chart-turns.ts): wait for every canvas.
await page.waitForFunction(
  `[...document.querySelectorAll('.risk-chart-canvas, .campaign-chart-canvas, .evaluation-chart-canvas')].every((box) => box.querySelector('canvas'))`,
);
await page.screenshot({ path: 'docs/screenshot.png' });
await page.screenshot({ path: 'docs/screenshot-full.png', fullPage: true });
await page.getByTestId('results-table').locator('[data-row]').first().click();
await page.getByTestId('row-details').waitFor();
await page.getByTestId('row-details').screenshot({ path: 'docs/screenshot-details.png' });
await page.getByTestId('what-if').screenshot({ path: 'docs/screenshot-what-if.png' });
await page.keyboard.press('Escape');
await page.getByTestId('campaign-best').click();
await page.getByTestId('campaign-panel').screenshot({ path: 'docs/screenshot-campaign.png' });
// The best N are now the at-risk list, and the threshold says so.
await page.getByTestId('at-risk-source').waitFor();
await page.locator('section.decision').screenshot({ path: 'docs/screenshot-at-risk-list.png' });
// Last month: the sample with 100 customers on a two-year contract then, 50 not yet there and 30 who have left since.
const lines = readFileSync('public/samples/customers-sample.csv', 'utf8').trimEnd().split('\n');
const earlier = [
  lines[0],
  ...lines.slice(1, 451).map((l, i) => (i < 100 ? l.replace(/,(Month-to-month|One year),/, ',Two year,') : l)),
  ...lines.slice(1, 31).map((l, i) => l.replace(/^[^,]*/, `LEFT-${i}`)),
];
await page
  .getByTestId('compare-file-input')
  .setInputFiles({ name: 'last-month.csv', mimeType: 'text/csv', buffer: Buffer.from(`${earlier.join('\n')}\n`) });
await page.getByTestId('compare-newly-at-risk').waitFor();
await page.getByTestId('compare-panel').screenshot({ path: 'docs/screenshot-compare.png' });
// The Train view: a bank's history (generated, 2,000 customers) trained on the page, and its model card.
await page.goto(`${process.env.CHURN_URL ?? 'http://localhost:4173/'}#/train`);
const history = [...bankCsvChunks({ rows: 2000, labels: true, seed: 8 })].join('');
await page
  .getByTestId('train-file-input')
  .setInputFiles({ name: 'bank-history.csv', mimeType: 'text/csv', buffer: Buffer.from(history) });
await page.getByTestId('train-name').fill('Bank churn');
await page.getByTestId('train-start').click();
await page.getByTestId('training-card').waitFor({ timeout: 120_000 });
await page.getByTestId('training-card').screenshot({ path: 'docs/screenshot-train.png' });
await browser.close();
