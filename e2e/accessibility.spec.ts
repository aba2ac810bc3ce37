import { statSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { bankCsvChunks } from '../scripts/gen/generate-bank-customers.ts';
import {
  heldPointReached,
  holdReading,
  holdTraining,
  releaseHeld,
  scoringWorker,
  trainingWorker,
} from './held-work.ts';
import { earlierMonthText, heldCsvFile, numberIn, READ_BYTES, tempFile } from './support.ts';

// WCAG 2.1 A and AA, as axe-core checks them; "serious" and "critical" fail the run.
const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

async function expectNoSeriousViolations(page: Page, state: string) {
  const { violations } = await new AxeBuilder({ page }).withTags(WCAG).analyze();
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const report = serious.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help}\n${v.nodes.map((n) => `  ${n.target.join(' ')}: ${n.failureSummary ?? ''}`).join('\n')}`,
  );
  expect(report, `axe in the ${state} state`).toEqual([]);
}

const modelsReady = async (page: Page) => {
  await page.goto('./');
  // The first page of a run compiles the WebAssembly runtime: slow on a busy machine.
  await expect(page.getByRole('button', { name: 'Try sample data' })).toBeEnabled({ timeout: 30_000 });
};

const sampleScored = async (page: Page) => {
  await modelsReady(page);
  await page.getByRole('button', { name: 'Try sample data' }).click();
  await expect(page.locator('[data-state="ready"]')).toBeVisible();
  // Charts are drawn by then; let them settle so axe reads the page as a person sees it.
  await expect(page.getByTestId('risk-charts')).toBeVisible();
};

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`${colorScheme} colour scheme`, () => {
    test.use({ colorScheme });

    test('idle: models loaded, nothing chosen yet', async ({ page }) => {
      await modelsReady(page);
      await expect(page.locator('[data-state="idle"]')).toBeVisible();
      await expectNoSeriousViolations(page, 'idle');
    });

    test('results: the sample scored; then the best N contacted, another break-down, a comparison', async ({
      page,
    }) => {
      await sampleScored(page);
      await expectNoSeriousViolations(page, 'results');
      // The decision panels in their fullest state, on the same page load (a load costs seconds).
      const best = page.getByTestId('campaign-best');
      await expect(best).toBeEnabled();
      await best.click();
      await expect(page.getByTestId('at-risk-source')).toBeVisible();
      const charts = page.getByTestId('risk-charts').locator('canvas');
      const before = await charts.count();
      await page.getByTestId('breakdown-select').selectOption({ index: 1 });
      await expect(charts).toHaveCount(before + 1);
      await page.getByTestId('compare-file-input').setInputFiles(tempFile('last-month.csv', earlierMonthText()));
      await expect(page.getByTestId('compare-newly-at-risk')).toBeVisible({ timeout: 30_000 });
      await expectNoSeriousViolations(page, 'campaign, break-down and comparison');
    });

    test('details: a row opened', async ({ page }) => {
      await sampleScored(page);
      await page.getByTestId('results-table').locator('[data-row]').first().click();
      await expect(page.getByTestId('row-details')).toBeVisible();
      await expect(page.getByTestId('row-details')).toContainText('Values in the file');
      await expectNoSeriousViolations(page, 'details');
    });

    test('mapping: an ambiguous file', async ({ page }) => {
      await modelsReady(page);
      const ambiguous =
        'Tenure (months),months_active,MonthlyCharges,TotalCharges,Contract,PaymentMethod\n3,3,70,210,Month-to-month,Electronic check\n';
      await page.getByTestId('file-input').setInputFiles(tempFile('ambiguous.csv', ambiguous));
      await expect(page.locator('[data-state="mapping"]')).toBeVisible();
      await expectNoSeriousViolations(page, 'mapping');
    });

    test('error: a file without the needed columns', async ({ page }) => {
      await modelsReady(page);
      await page.getByTestId('file-input').setInputFiles(tempFile('unrelated.csv', 'name,city\nAda,London\n'));
      await expect(page.locator('[data-state="error"]')).toBeVisible();
      await expect(page.getByTestId('error-message')).toBeVisible();
      await expectNoSeriousViolations(page, 'error');
    });
  });
}

test.describe('working', () => {
  for (const colorScheme of ['light', 'dark'] as const) {
    test(`working: a file being read (${colorScheme})`, async ({ page }) => {
      await page.emulateMedia({ colorScheme });
      await modelsReady(page);
      // The reading waits after its first 2 MB until the check is done (e2e/held-work.ts).
      const held = heldCsvFile();
      const worker = await scoringWorker(page);
      await holdReading(worker, held.size, READ_BYTES, 'cancel');
      await page.getByTestId('file-input').setInputFiles(held.path);
      await heldPointReached(worker);
      await expect(page.locator('[data-state="working"]')).toBeVisible();
      await expect(page.getByRole('button', { name: 'Cancel' })).toBeVisible();
      await expectNoSeriousViolations(page, 'working');
      await page.getByRole('button', { name: 'Cancel' }).click();
      await expect(page.locator('[data-state="idle"]')).toBeVisible();
    });
  }
});

test.describe('training', () => {
  for (const colorScheme of ['light', 'dark'] as const) {
    test(`the Train view in each state: idle, reading, choosing, training, trained, kept, refused (${colorScheme})`, async ({
      page,
    }) => {
      test.setTimeout(120_000);
      await page.emulateMedia({ colorScheme });
      await page.goto('./#/train');
      await expect(page.getByTestId('kept-none')).toBeVisible();
      await expectNoSeriousViolations(page, 'train: idle');

      // About 70 kB: the reading waits after its first 32 kB, then training waits before it starts (e2e/held-work.ts).
      const history = tempFile('bank-history.csv', [...bankCsvChunks({ rows: 1000, labels: true, seed: 3 })].join(''));
      const worker = await trainingWorker(page);
      await holdReading(worker, statSync(history).size, 32 * 1024);
      await page.getByTestId('train-file-input').setInputFiles(history);
      await heldPointReached(worker);
      await expect(page.getByTestId('train-progress')).toHaveAttribute('data-stage', 'reading');
      await expectNoSeriousViolations(page, 'train: reading');
      await releaseHeld(worker);
      await expect(page.getByTestId('train-target')).toHaveValue('Exited');
      await expectNoSeriousViolations(page, 'train: choosing');

      await holdTraining(worker);
      await page.getByTestId('train-start').click();
      await heldPointReached(worker);
      await expect(page.getByTestId('train-progress')).toBeVisible();
      await expect(page.getByTestId('train-cancel')).toBeVisible();
      await expectNoSeriousViolations(page, 'train: training');
      await releaseHeld(worker);
      await expect(page.getByTestId('training-card')).toBeVisible({ timeout: 60_000 });
      await expectNoSeriousViolations(page, 'train: trained');

      await page.getByTestId('train-keep').click();
      await expect(page.getByTestId('kept-models').locator('li[data-status="loaded"]')).toHaveCount(1);
      await expectNoSeriousViolations(page, 'train: a model kept');
      await page.getByTestId('kept-forget-all').click();
      await expect(page.getByTestId('kept-none')).toBeVisible();

      await page
        .getByTestId('train-file-input')
        .setInputFiles(
          tempFile('one.csv', `plan,churn\n${Array.from({ length: 30 }, (_, i) => `p${i % 4},No`).join('\n')}\n`),
        );
      await expect(page.getByTestId('train-error')).toBeVisible();
      await expectNoSeriousViolations(page, 'train: a refused file');
    });
  }
});

// Each chart's canvas says when it moves (src/components/ui/chart-setup.ts): data-animating is
// "true" while Chart.js animates it, and data-animation-frames counts the frames it animated.
const framesOf = async (chart: Locator) => Number((await chart.getAttribute('data-animation-frames')) ?? 0);
// Chart.js animates on animation frames: two of them later, any animation started has drawn a frame.
const twoFrames = (page: Page) =>
  page.evaluate(() => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r()))));

async function moveThresholdTo(page: Page, value: string, percent: RegExp): Promise<Locator> {
  await page.getByTestId('threshold-slider').fill(value);
  const chart = page.getByTestId('segment-chart-Contract').locator('canvas');
  // The segment charts follow the threshold a render later (useDeferredValue).
  await expect(chart).toHaveAttribute('aria-label', percent);
  return chart;
}

test('charts animate only for people who have not asked for less motion', async ({ page }) => {
  await sampleScored(page);
  const chart = page.getByTestId('segment-chart-Contract').locator('canvas');
  await expect(chart).toHaveAttribute('data-animating', 'false');
  const before = await framesOf(chart);
  await moveThresholdTo(page, '0.7', /70[.,]0/);
  // The control: without a preference the bars glide, frame by frame, and then settle.
  await expect.poll(() => framesOf(chart), 'the bars glide').toBeGreaterThan(before + 1);
  await expect(chart).toHaveAttribute('data-animating', 'false');

  await page.emulateMedia({ reducedMotion: 'reduce' });
  const settled = await framesOf(chart);
  await moveThresholdTo(page, '0.3', /30[.,]0/);
  await twoFrames(page);
  expect(await framesOf(chart), 'with prefers-reduced-motion the bars jump').toBe(settled);
  await expect(chart).toHaveAttribute('data-animating', 'false');
  // No CSS animation or transition anywhere on the page either.
  const moving = await page.evaluate(
    () =>
      [...document.querySelectorAll('*')].filter((el) => {
        const style = getComputedStyle(el);
        const longest = (list: string) => Math.max(...list.split(',').map((d) => parseFloat(d) || 0));
        return (
          longest(style.transitionDuration) > 0 ||
          (style.animationName !== 'none' && longest(style.animationDuration) > 0)
        );
      }).length,
  );
  expect(moving).toBe(0);
});

test.describe("numbers in the page's locale", () => {
  test.use({ locale: 'de-DE' });

  test('counts, percentages and amounts are written the German way', async ({ page }) => {
    await sampleScored(page);
    const atRisk = page.getByTestId('summary-at-risk');
    const share = (await numberIn(page, 'summary-at-risk')) / 500;
    const german = new Intl.NumberFormat('de-DE', {
      style: 'percent',
      minimumFractionDigits: 1,
      maximumFractionDigits: 1,
    }).format(share);
    expect(german).toMatch(/^\d+,\d\s%$/);
    await expect(atRisk.locator('xpath=following-sibling::dd[1]')).toHaveText(`${german} of scored customers`);
    await expect(page.getByTestId('threshold-slider')).toHaveAttribute(
      'aria-valuetext',
      /^\d+,\d\s% churn probability$/,
    );
    // The Telco spec's value column is in US dollars: German grouping, the symbol after the number.
    await expect(page.getByTestId('summary-revenue')).toHaveText(/^\d{1,3}(\.\d{3})+\s\$$/);
  });
});
