// Refreshes the README's screenshots from the running app (`npm start` in another shell): npx tsx scripts/screenshot.ts
import { chromium } from '@playwright/test';

const args = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args });
const page = await browser.newPage({ viewport: { width: 1280, height: 1000 }, deviceScaleFactor: 1 });
await page.emulateMedia({ reducedMotion: 'reduce' });
await page.goto('http://localhost:4173/');
await page.getByRole('button', { name: 'Try sample data' }).click();
await page.locator('[data-state="ready"]').waitFor();
await page.screenshot({ path: 'docs/screenshot.png' });
await page.screenshot({ path: 'docs/screenshot-full.png', fullPage: true });
await page.getByTestId('results-table').locator('[data-row]').first().click();
await page.getByTestId('row-details').waitFor();
await page.getByTestId('row-details').screenshot({ path: 'docs/screenshot-details.png' });
await browser.close();
