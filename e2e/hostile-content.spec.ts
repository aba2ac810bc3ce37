import { expect, test } from '@playwright/test';
import { loadFile, tempFile } from './support.ts';

const PAYLOADS = [
  '<img src=x onerror="window.__pwned=1">',
  '"><script>window.__pwned=2</script>',
  'javascript:window.__pwned=3',
  '\u202Eevil\u202C-id',
  'L'.repeat(5000),
];

const csvCell = (v: string) => `"${v.replaceAll('"', '""')}"`;

test('cell values from the file render as inert text everywhere', async ({ page }) => {
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  const header = 'customerID,tenure,MonthlyCharges,TotalCharges,Contract,PaymentMethod,Note';
  const rows = PAYLOADS.map((p, i) =>
    [csvCell(p), String(i + 1), '70', '', csvCell(i === 0 ? p : 'Month-to-month'), 'Electronic check', csvCell(p)].join(
      ',',
    ),
  );
  // One row with a bad tenure so the payload also reaches the row issues panel.
  rows.push(
    [
      csvCell('<b>bad</b>'),
      csvCell('<script>window.__pwned=4</script>'),
      '70',
      '',
      'One year',
      'Mailed check',
      'x',
    ].join(','),
  );
  await page.goto('./');
  await loadFile(page, tempFile('hostile.csv', `${header}\n${rows.join('\n')}\n`));

  const table = page.getByTestId('results-table');
  await expect(table).toContainText(PAYLOADS[0]!);
  await expect(table).toContainText(PAYLOADS[1]!);
  await table.locator('[data-row]').first().click();
  await expect(page.getByTestId('row-details')).toContainText(PAYLOADS[0]!);
  await page.keyboard.press('Escape');
  const issues = page.getByTestId('row-issues');
  await issues.getByText(/issues, by row/).click();
  await expect(issues).toContainText('<script>window.__pwned=4</script>');

  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  expect(await page.locator('img[src="x"], script:not([src])').count()).toBe(0);
  expect(dialogs).toEqual([]);
  // A long value must not stretch the page.
  expect(
    await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth),
  ).toBeLessThanOrEqual(0);
});
