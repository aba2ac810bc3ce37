import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { expect, test, type Page } from '@playwright/test';
import { headerTargetsOf, mapHeaders } from '../src/core/columns/map-headers.ts';
import { parseCsvText } from '../src/core/csv/parse-csv-text.ts';
import { planWhatIf, whatIfRow } from '../src/core/decision/what-if.ts';
import { planFeatures } from '../src/core/model-input/feature-plan.ts';
import { TableBuilder } from '../src/core/table/table-builder.ts';
import { earlierMonthText, numberIn, reference, sampleText, spec } from './support.ts';

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
  const builder = new TableBuilder(model.columns, mapHeaders(header, headerTargetsOf(model.columns)).found, {
    decimalComma: false,
  });
  rows.forEach((cells, i) => builder.addRow(cells, i + 2));
  const table = builder.finish();
  return { table, probabilities: reference(text, model), values: table.numeric.get(model.value!.column)! };
}

const sampleIds = () => {
  const { header, rows } = parseCsvText(sampleText());
  return rows.map((cells) => cells[header.indexOf('customerID')]!);
};

/** The best expected net benefit the straightforward way: every positive benefit, summed. */
function bestBenefit(
  probabilities: Float64Array,
  values: Float64Array,
  s: { saveRate: number; months: number; cost: number },
) {
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

test("a campaign contacts the best N: the figure is the formula's, and the table lists exactly them", async ({
  page,
}) => {
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
  const thresholdAtRisk = await page.getByTestId('summary-at-risk').getAttribute('data-value');
  await best.click();
  await expect(page.getByTestId('table-count')).toContainText(`Showing ${expected.count} of 500 customers`);
  await expect(page.getByTestId('table-list')).toContainText(`the best ${expected.count} customers to contact`);
  await expect(page.getByTestId('campaign-realised')).toBeVisible();
  // The best N are the at-risk list itself, and the threshold says it is not in use.
  await expect(page.getByTestId('summary-at-risk')).toHaveAttribute('data-value', String(expected.count));
  await expect(page.getByTestId('at-risk-source')).toHaveAttribute('data-count', String(expected.count));
  await expect(page.getByTestId('at-risk-source')).toContainText('the threshold is not in use');
  await expect(page.getByTestId('threshold-slider')).toHaveAttribute(
    'aria-valuetext',
    new RegExp(`not in use: the at-risk list is the best ${expected.count} customers`),
  );
  await expect(page.getByTestId('export-at-risk')).toHaveText(`Export at-risk only (${expected.count})`);
  await page.getByRole('button', { name: 'Show all customers' }).click();
  await expect(page.getByTestId('table-count')).toContainText('Showing 500 of 500 customers');
  await page.getByRole('checkbox', { name: 'At-risk only' }).check();
  await expect(page.getByTestId('table-count')).toContainText(`Showing ${expected.count} of 500 customers`);
  // The at-risk export holds exactly those customers: the ones with the highest expected benefit.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-at-risk').click()]);
  const rows = Papa.parse<string[]>(
    readFileSync(await download.path())
      .toString('utf8')
      .replace(/^\uFEFF/, ''),
    { header: false, skipEmptyLines: true },
  ).data;
  expect(rows).toHaveLength(1 + expected.count);
  const benefit = (i: number) => probabilities[i]! * 0.3 * values[i]! * 12 - 25;
  const ids = sampleIds();
  expect(new Set(rows.slice(1).map((r) => r[0]))).toEqual(
    new Set([...probabilities.keys()].filter((i) => benefit(i) > 0).map((i) => ids[i])),
  );
  expect(rows.slice(1).every((r) => r[rows[0]!.indexOf('churn_prediction')] === '1')).toBe(true);
  // Back to the threshold: the list it flags, and the slider in use again.
  await page.getByRole('button', { name: /^Use the threshold .* again$/ }).click();
  await expect(page.getByTestId('at-risk-source')).toBeHidden();
  await expect(page.getByTestId('summary-at-risk')).toHaveAttribute('data-value', thresholdAtRisk!);
  await expect(page.getByTestId('threshold-slider')).toHaveAttribute('aria-valuetext', /churn probability$/);
});

test('a bad campaign setting is named, and the keyboard reaches every input and the button', async ({ page }) => {
  await trySample(page);
  await page.getByTestId('campaign-saveRate').fill('150');
  await expect(page.getByTestId('campaign-panel').getByRole('alert')).toHaveText(
    'The save rate must be between 0 % and 100 %.',
  );
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

test("a customer's details show the best single change, exactly as the model computes it", async ({ page }) => {
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
    await expect(best).toContainText(
      `Best single change: ${expected.best.label}: ${expected.best.from} → ${expected.best.to}`,
    );
    expect(Math.abs((await numberIn(page, 'what-if-best')) - expected.best.probability)).toBeLessThan(1e-9);
  } else {
    await expect(best).toContainText('Best single change: none');
  }
  expect(await whatIf.locator('tbody tr').count()).toBe(expected.columns.reduce((n, c) => n + c.options.length, 0));
});

test('the CSV and JSON exports carry the expected benefit and the best action for every scored row', async ({
  page,
}) => {
  await trySample(page);
  await page.getByTestId('campaign-cost').fill('12');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
  const rows = Papa.parse<string[]>(
    readFileSync(await download.path())
      .toString('utf8')
      .replace(/^\uFEFF/, ''),
    { header: false, skipEmptyLines: true },
  ).data;
  const head = rows[0]!;
  const at = (name: string) => head.indexOf(name);
  expect(at('expected_benefit')).toBeGreaterThan(0);
  const { table, values } = sampleFigures();
  const plan = planFeatures(model, table);
  const whatIfPlan = planWhatIf(model, plan);
  rows.slice(1).forEach((cells, i) => {
    const p = Number(cells[at('churn_probability')]);
    expect(Math.abs(Number(cells[at('expected_benefit')]) - (p * 0.2 * values[i]! * 12 - 12))).toBeLessThan(
      0.01 + 1e-4 * values[i]! * 2.4,
    );
    const best = whatIfRow(model, plan, whatIfPlan, i)!.best;
    expect(cells[at('best_action')]).toBe(best ? `${best.label}: ${best.from} → ${best.to}` : '');
    expect(cells[at('probability_after_action')]).toBe(best ? best.probability.toFixed(4) : '');
  });
  // The JSON export carries the same three figures for each customer.
  const [jsonDownload] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-json').click()]);
  const json = JSON.parse(readFileSync(await jsonDownload.path()).toString('utf8')) as {
    results: Record<string, string | number | null>[];
  };
  expect(json.results).toHaveLength(rows.length - 1);
  json.results.forEach((result, i) => {
    const cells = rows[i + 1]!;
    expect(result.expected_benefit).toBe(Number(cells[at('expected_benefit')]));
    expect(result.best_action ?? '').toBe(cells[at('best_action')]);
    const after = cells[at('probability_after_action')]!;
    expect(result.probability_after_action).toBe(after === '' ? null : Number(after));
  });
});

/** Last month's file (earlierMonthText) and what comparing it with the sample must find, by the reference scorer. */
function earlierFile(): { text: string; newlyAtRisk: number; left: number } {
  const earlier = earlierMonthText();
  const before = reference(earlier, model);
  const now = reference(sampleText(), model);
  const threshold = model.thresholds.points.find((p) => p.name === model.thresholds.recommended)!.value;
  let newlyAtRisk = 0;
  for (let i = 0; i < 450; i++) if (now[i]! >= threshold && before[i]! < threshold) newlyAtRisk++;
  return { text: earlier, newlyAtRisk, left: 30 };
}

test('comparing with an earlier file finds who became at risk, who left and who is new', async ({ page }) => {
  await trySample(page);
  const earlier = earlierFile();
  expect(earlier.newlyAtRisk).toBeGreaterThan(0);
  await page
    .getByTestId('compare-file-input')
    .setInputFiles({ name: 'last-month.csv', mimeType: 'text/csv', buffer: Buffer.from(earlier.text) });
  await expect(page.getByTestId('compare-newly-at-risk')).toHaveAttribute('data-value', String(earlier.newlyAtRisk), {
    timeout: 30_000,
  });
  await expect(page.getByTestId('compare-left')).toHaveAttribute('data-value', '30');
  await expect(page.getByTestId('compare-new')).toHaveAttribute('data-value', '50');
  await expect(page.getByTestId('compare-totals')).toContainText('480 customers = 450 still here + 30 who left');
  await page.getByRole('button', { name: 'Show in table: Newly at risk (at risk now, not before)' }).click();
  await expect(page.getByTestId('table-count')).toContainText(`Showing ${earlier.newlyAtRisk} of 500 customers`);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('compare-export').click()]);
  const rows = Papa.parse<string[]>(
    readFileSync(await download.path())
      .toString('utf8')
      .replace(/^\uFEFF/, ''),
    { header: false, skipEmptyLines: true },
  ).data;
  expect(rows[0]).toEqual([
    'customer_id',
    'status',
    'probability_before',
    'probability_now',
    'change_points',
    'risk_band_before',
    'risk_band_now',
    'newly_at_risk',
    'no_longer_at_risk',
  ]);
  expect(rows).toHaveLength(1 + 500 + 30);
  expect(rows.filter((r) => r[7] === '1')).toHaveLength(earlier.newlyAtRisk);
  expect(rows.filter((r) => r[1] === 'left')).toHaveLength(30);
});

test('an earlier file with repeated IDs gets a message with the counts', async ({ page }) => {
  await trySample(page);
  const text = sampleText();
  const lines = text.trimEnd().split('\n');
  const repeated = `${[...lines, lines[1], lines[2]].join('\n')}\n`;
  await page
    .getByTestId('compare-file-input')
    .setInputFiles({ name: 'repeated.csv', mimeType: 'text/csv', buffer: Buffer.from(repeated) });
  await expect(page.getByTestId('compare-problem')).toContainText('2 repeated IDs in the earlier file', {
    timeout: 30_000,
  });
});
