import { expect, test, type Page } from '@playwright/test';
import { earlierMonthText, numberIn, tempFile } from './support.ts';

// The whole job with the keyboard alone: no clicks, no setInputFiles on an element; the
// file chooser opening from a key press is what proves the picker can be reached.

/** What has focus, in words a failure message can use, e.g. `button.button.secondary "Try sample data"`. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    if (!(el instanceof HTMLElement) || el === document.body) return '(nothing)';
    const classes = [...el.classList].map((c) => `.${c}`).join('');
    const attrs = ['data-testid', 'data-row']
      .filter((a) => el.hasAttribute(a))
      .map((a) => `[${a}=${el.getAttribute(a)}]`)
      .join('');
    const labels =
      'labels' in el && el.labels instanceof NodeList ? [...el.labels].map((l) => l.textContent ?? '').join(' ') : '';
    const name = (el.getAttribute('aria-label') ?? (labels || el.textContent) ?? '')
      .replace(/\s+/g, ' ')
      .trim()
      .slice(0, 60);
    return `${el.tagName.toLowerCase()}${classes}${attrs} "${name}"`;
  });

/** Presses Tab until the focused element's description matches, at most `max` times; returns the presses. */
async function tabTo(page: Page, target: RegExp, max: number): Promise<number> {
  const passed: string[] = [];
  for (let presses = 1; presses <= max; presses++) {
    await page.keyboard.press('Tab');
    const now = await focused(page);
    if (target.test(now)) {
      test.info().annotations.push({ type: 'tab path', description: `${presses} × Tab to ${now}` });
      return presses;
    }
    passed.push(now);
  }
  throw new Error(`${target} not reached in ${max} Tab presses; passed:\n  ${passed.join('\n  ')}`);
}

/**
 * Focus must be seen: an outline, a box shadow, or a focus frame drawn by ::before/::after on
 * the focused element, or on its label when the control itself is visually hidden.
 */
async function expectFocusVisible(page: Page) {
  const shown = await page.evaluate(() => {
    const el = document.activeElement;
    if (!(el instanceof HTMLElement) || el === document.body) return null;
    const labels = 'labels' in el && el.labels instanceof NodeList ? [...(el.labels as NodeListOf<HTMLElement>)] : [];
    for (const target of [el, ...labels]) {
      const box = target.getBoundingClientRect();
      if (box.width < 4 || box.height < 4) continue; // visually hidden: its focus cannot be seen there
      for (const pseudo of [null, '::before', '::after']) {
        const style = getComputedStyle(target, pseudo);
        if (pseudo !== null && style.content === 'none') continue;
        if (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0)
          return `outline on ${target.tagName}${pseudo ?? ''}`;
        if (style.boxShadow !== 'none') return `box-shadow on ${target.tagName}${pseudo ?? ''}`;
        if (pseudo !== null && style.borderTopStyle !== 'none' && parseFloat(style.borderTopWidth) > 0)
          return `frame on ${target.tagName}${pseudo}`;
      }
    }
    return null;
  });
  expect(shown, `no visible focus indicator on ${await focused(page)}`).not.toBeNull();
}

const SMALL =
  'customerID,tenure,MonthlyCharges,TotalCharges,Contract,PaymentMethod\nK-1,2,90,180,Month-to-month,Electronic check\nK-2,60,25,1500,Two year,Credit card (automatic)\n';

test('a keyboard alone does the whole job, and focus is always visible', async ({ page }) => {
  // Listening early: Playwright starts intercepting the chooser asynchronously, and a key press
  // is quick enough to open it before that is in place (the dialog is then dropped headless).
  const chooser = page.waitForEvent('filechooser');
  await page.goto('./');
  await expect(page.getByRole('button', { name: 'Try sample data' })).toBeEnabled();

  // Choose file…: the hidden <input> takes focus, its label shows it, Enter opens the chooser.
  await tabTo(page, /\[data-testid=file-input\]/, 5);
  await expectFocusVisible(page);
  await page.keyboard.press('Enter');
  await (await chooser).setFiles(tempFile('two-customers.csv', SMALL));
  await expect(page.locator('[data-state="ready"]')).toBeVisible();
  await expect(page.getByTestId('summary-total')).toHaveAttribute('data-value', '2');

  // Try sample data.
  await tabTo(page, /^button.* "Try sample data"$/, 3);
  await expectFocusVisible(page);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('summary-total')).toHaveAttribute('data-value', '500');

  // The threshold with arrow keys: lower flags more customers, higher fewer.
  await tabTo(page, /\[data-testid=threshold-slider\]/, 6);
  await expectFocusVisible(page);
  const atRecommended = await numberIn(page, 'summary-at-risk');
  for (let i = 0; i < 30; i++) await page.keyboard.press('ArrowLeft');
  await expect.poll(() => numberIn(page, 'summary-at-risk')).toBeGreaterThan(atRecommended);
  for (let i = 0; i < 60; i++) await page.keyboard.press('ArrowRight');
  await expect.poll(() => numberIn(page, 'summary-at-risk')).toBeLessThan(atRecommended);
  await expectFocusVisible(page);

  // The campaign's best N become the at-risk list.
  await tabTo(page, /\[data-testid=campaign-best\]/, 12);
  await expectFocusVisible(page);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('at-risk-source')).toBeVisible();

  // Compare with an earlier file: the chooser opens from the keyboard (listening early, as above).
  const earlierChooser = page.waitForEvent('filechooser');
  await tabTo(page, /\[data-testid=compare-file-input\]/, 4);
  await expectFocusVisible(page);
  await page.keyboard.press('Enter');
  await (await earlierChooser).setFiles(tempFile('last-month.csv', earlierMonthText()));
  await expect(page.getByTestId('compare-newly-at-risk')).toBeVisible({ timeout: 30_000 });

  // Sorting: the header is one Tab stop; arrow keys move along it.
  const table = page.getByTestId('results-table');
  const probabilityHeader = table.getByRole('columnheader', { name: /Churn probability/ });
  await expect(probabilityHeader).toHaveAttribute('aria-sort', 'none');
  // The decision, campaign and comparison controls and the table's filters come first.
  await tabTo(page, /^button\.sort-button/, 40);
  await expectFocusVisible(page);
  for (let i = 0; i < 5 && !/Churn probability/.test(await focused(page)); i++) await page.keyboard.press('ArrowRight');
  expect(await focused(page)).toMatch(/^button\.sort-button.*"Churn probability/);
  await expectFocusVisible(page);
  await page.keyboard.press('Enter');
  await expect(probabilityHeader).toHaveAttribute('aria-sort', 'descending');
  // The worker's order arrives a moment later: highest risk first.
  await expect
    .poll(async () => {
      const shown = await table
        .locator('[data-probability]')
        .evaluateAll((cells) => cells.map((c) => Number(c.getAttribute('data-probability'))));
      return shown.length > 5 && shown.every((p, i) => i === 0 || p <= shown[i - 1]!);
    })
    .toBe(true);

  // The rows are the next Tab stop; arrows move, Enter opens the details, Escape closes them.
  await tabTo(page, /^tr.*\[data-row=\d+\]/, 2);
  await expectFocusVisible(page);
  await page.keyboard.press('ArrowDown');
  const row = await page.evaluate(() => document.activeElement?.getAttribute('data-row'));
  expect(await page.evaluate(() => document.activeElement?.getAttribute('data-position'))).toBe('1');
  await expectFocusVisible(page);
  await page.keyboard.press('Enter');
  const details = page.getByTestId('row-details');
  await expect(details).toBeVisible();
  // Focus moves into the panel, onto its Close button.
  await expect.poll(() => focused(page)).toMatch(/^button.* "Close"$/);
  await expectFocusVisible(page);
  await page.keyboard.press('Escape');
  await expect(details).toBeHidden();
  // ...and comes back to the row it was opened from.
  await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-row'))).toBe(row);
  await expectFocusVisible(page);

  // Break down by another column: the select changes with the arrow keys.
  await tabTo(page, /\[data-testid=breakdown-select\]/, 10);
  await expectFocusVisible(page);
  const charts = page.getByTestId('risk-charts').locator('canvas');
  const chartCount = await charts.count();
  await page.keyboard.press('ArrowDown');
  await expect(charts).toHaveCount(chartCount + 1);

  // Export CSV.
  await tabTo(page, /\[data-testid=export-csv\]/, 30);
  await expectFocusVisible(page);
  const download = page.waitForEvent('download');
  await page.keyboard.press('Enter');
  expect((await download).suggestedFilename()).toMatch(/\.csv$/);
});
