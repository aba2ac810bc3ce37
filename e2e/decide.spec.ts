import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { expect, test, type Page } from '@playwright/test';
import { headerTargetsOf, mapHeaders } from '../src/core/columns/map-headers.ts';
import { parseCsvText } from '../src/core/csv/parse-csv-text.ts';
import { planWhatIf, whatIfRow } from '../src/core/decision/what-if.ts';
import { planFeatures } from '../src/core/model-input/feature-plan.ts';
import { TableBuilder } from '../src/core/table/table-builder.ts';
import { numberIn, reference, sampleText, spec } from './support.ts';

const trySample = async (page: Page) => {
  await page.goto('./');
  await page.getByRole('button', { name: 'Try sample data' }).click();
  await expect(page.locator('[data-state="ready"]')).toBeVisible();
};

const model = spec('telco-full');

/** The sample's value column and probabilities, by the reference scorer. */
function sampleFigures() {
  const text = sampleText();
  const { header, rows } = parseCsvText(text);
  const builder = new TableBuilder(model.columns, mapHeaders(header, headerTargetsOf(model.columns)).found, { decimalComma: false });
  rows.forEach((cells, i) => builder.addRow(cells, i + 2));
  const table = builder.finish();
  return { table, probabilities: reference(text, model), values: table.numeric.get(model.value!.column)! };
}

/** The best expected net benefit the straightforward way: every positive benefit, summed. */
function bestBenefit(probabilities: Float64Array, values: Float64Array, s: { saveRate: number; months: number; cost: number }) {
  let value = 0;
  let count = 0;
  probabilities.forEach((p, i) => {
    const b = p * s.saveRate * values[i]! * s.months - s.cost;
    if (b > 0) {
      value += b;
      count++;
    }
  });
  return { value, count };
}

test('a campaign contacts the best N: the figure is the formula\'s, and the table lists exactly them', async ({ page }) => {
  await trySample(page);
  const panel = page.getByTestId('campaign-panel');
  await expect(panel).toContainText('churn probability × save rate');
  await expect(panel).toContainText('not a promise');
  const { probabilities, values } = sampleFigures();
  await page.getByTestId('campaign-cost').fill('25');
  await page.getByTestId('campaign-saveRate').fill('30');
  const expected = bestBenefit(probabilities, values, { saveRate: 0.3, months: 12, cost: 25 });
  const best = page.getByTestId('campaign-best');
  await expect(best).toHaveAttribute('data-count', String(expected.count));
  // The page scores in float32 (ONNX); the reference in float64.
  expect(Math.abs((await numberIn(page, 'campaign-best')) - expected.value)).toBeLessThan(0.01 * expected.count + 1e-6);
  await best.click();
  await expect(page.getByTestId('table-count')).toContainText(`Showing ${expected.count} of 500 customers`);
  await expect(page.getByTestId('table-list')).toContainText(`the best ${expected.count} customers to contact`);
  await expect(page.getByTestId('campaign-realised')).toBeVisible();
  await page.getByRole('button', { name: 'Show all customers' }).click();
  await expect(page.getByTestId('table-count')).toContainText('Showing 500 of 500 customers');
});

test('a bad campaign setting is named, and the keyboard reaches every input and the button', async ({ page }) => {
  await trySample(page);
  await page.getByTestId('campaign-saveRate').fill('150');
  await expect(page.getByTestId('campaign-panel').getByRole('alert')).toHaveText('The save rate must be between 0 % and 100 %.');
  await page.getByTestId('campaign-saveRate').fill('20');
  await page.getByTestId('campaign-months').focus();
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('campaign-cost')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('campaign-saveRate')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('campaign-best')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('table-list')).toBeVisible();
});

test('a customer\'s details show the best single change, exactly as the model computes it', async ({ page }) => {
  await trySample(page);
  const first = page.getByTestId('results-table').locator('[data-row]').first();
  const row = Number(await first.getAttribute('data-row'));
  await first.click();
  const whatIf = page.getByTestId('what-if');
  await expect(whatIf).toContainText('not a promise of what an offer will cause');
  const { table } = sampleFigures();
  const plan = planFeatures(model, table);
  const expected = whatIfRow(model, plan, planWhatIf(model, plan), row)!;
  const best = page.getByTestId('what-if-best');
  if (expected.best) {
    await expect(best).toContainText(`Best single change: ${expected.best.label}: ${expected.best.from} → ${expected.best.to}`);
    expect(Math.abs((await numberIn(page, 'what-if-best')) - expected.best.probability)).toBeLessThan(1e-9);
  } else {
    await expect(best).toContainText('Best single change: none');
  }
  expect(await whatIf.locator('tbody tr').count()).toBe(expected.columns.reduce((n, c) => n + c.options.length, 0));
});

test('the CSV export carries the expected benefit and the best action for every scored row', async ({ page }) => {
  await trySample(page);
  await page.getByTestId('campaign-cost').fill('12');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
  const rows = Papa.parse<string[]>(readFileSync(await download.path()).toString('utf8').replace(/^\uFEFF/, ''), { header: false, skipEmptyLines: true }).data;
  const head = rows[0]!;
  const at = (name: string) => head.indexOf(name);
  expect(at('expected_benefit')).toBeGreaterThan(0);
  const { table, values } = sampleFigures();
  const plan = planFeatures(model, table);
  const whatIfPlan = planWhatIf(model, plan);
  rows.slice(1).forEach((cells, i) => {
    const p = Number(cells[at('churn_probability')]);
    expect(Math.abs(Number(cells[at('expected_benefit')]) - (p * 0.2 * values[i]! * 12 - 12))).toBeLessThan(0.01 + 1e-4 * values[i]! * 2.4);
    const best = whatIfRow(model, plan, whatIfPlan, i)!.best;
    expect(cells[at('best_action')]).toBe(best ? `${best.label}: ${best.from} → ${best.to}` : '');
    expect(cells[at('probability_after_action')]).toBe(best ? best.probability.toFixed(4) : '');
  });
});
