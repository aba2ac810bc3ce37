import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test, type Page } from '@playwright/test';
import Papa from 'papaparse';
import type { ModelSpec } from '../src/core/spec/model-spec.ts';
import { loadFile, reference, sampleText, shownProbabilities, tempFile } from './support.ts';

const CREDIT = fileURLToPath(new URL('../../shared/data/credit-data.csv', import.meta.url));
const MODELS = fileURLToPath(new URL('../public/models/', import.meta.url));

/** Serves a folder's model files in place of the deployed ones: a deployer copying files, with no rebuild. */
async function deployFrom(page: Page, dir: string): Promise<void> {
  await page.route(/\/models\/(index\.json|credit-applicants\.(json|onnx))$/, (route) => {
    const name = new URL(route.request().url()).pathname.split('/').pop()!;
    return route.fulfill({
      body: readFileSync(join(dir, name)),
      contentType: name.endsWith('.onnx') ? 'application/octet-stream' : 'application/json',
    });
  });
}

test.describe('a team trains its own model on the command line and deploys it by copying files', () => {
  let dir: string;
  let model: ModelSpec;
  let unlabelled: string;

  test.beforeAll(() => {
    test.setTimeout(300_000);
    dir = mkdtempSync(join(tmpdir(), 'churn-own-model-'));
    copyFileSync(join(MODELS, 'index.json'), join(dir, 'index.json'));
    for (const id of ['telco-full', 'telco-core'])
      for (const ext of ['json', 'onnx']) copyFileSync(join(MODELS, `${id}.${ext}`), join(dir, `${id}.${ext}`));
    execFileSync(
      'npx',
      [
        'tsx',
        'scripts/train/main.ts',
        '--data',
        CREDIT,
        '--target',
        'Status',
        '--positive',
        'bad',
        '--name',
        'Credit applicants',
        '--out',
        dir,
      ],
      { stdio: 'pipe' },
    );
    model = JSON.parse(readFileSync(join(dir, 'credit-applicants.json'), 'utf8')) as ModelSpec;
    // This month's applicants: the same columns without the outcome, NA cells and all.
    const rows = Papa.parse<string[]>(readFileSync(CREDIT, 'utf8'), { skipEmptyLines: true }).data.slice(0, 301);
    const status = rows[0]!.indexOf('Status');
    unlabelled = Papa.unparse(rows.map((r) => r.filter((_, i) => i !== status)));
  });

  test('the command line listed the new package beside the Telco ones', () => {
    expect(JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8'))).toEqual({
      models: ['telco-full', 'telco-core', 'credit-applicants'],
    });
    expect(model.target).toMatchObject({ column: 'Status', positive: 'bad', negative: 'good' });
  });

  test('the page offers it and scores an unlabelled file with it, as the reference scorer does', async ({ page }) => {
    await deployFrom(page, dir);
    await page.goto('./');
    await expect(page.getByTestId('model-card-credit-applicants')).toBeVisible();
    await expect(page.getByTestId('model-card-credit-applicants').getByTestId('model-sensitive')).toHaveText(
      /Age, Marital/,
    );
    await loadFile(page, tempFile('applicants.csv', unlabelled));
    await expect(page.getByTestId('model-used')).toHaveAttribute('data-model-id', 'credit-applicants');
    await expect(page.getByTestId('summary-total')).toHaveAttribute('data-value', '300');
    await expect(page.getByTestId('summary-rejected')).toHaveAttribute('data-value', '0');
    // No value column in this spec: no revenue card.
    await expect(page.getByTestId('summary-revenue')).toHaveCount(0);
    const expected = reference(unlabelled, model);
    const shown = await shownProbabilities(page);
    expect(shown.length).toBeGreaterThan(5);
    const rows = await page
      .getByTestId('results-table')
      .locator('[data-row]')
      .evaluateAll((cells) => cells.map((c) => Number(c.getAttribute('data-row'))));
    rows.forEach((row, i) => expect(Math.abs(shown[i]! - expected[row]!)).toBeLessThan(1e-5));
  });
});

test('a file that fits several models uses the best one, and the switch re-scores it with another', async ({
  page,
}) => {
  await page.goto('./');
  await loadFile(page, tempFile('telco.csv', sampleText()));
  await expect(page.getByTestId('model-used')).toHaveAttribute('data-model-id', 'telco-full');
  const total = await page.getByTestId('summary-total').getAttribute('data-value');
  await page.getByTestId('model-switch').selectOption('telco-core');
  await expect(page.getByTestId('model-used')).toHaveAttribute('data-model-id', 'telco-core');
  await expect(page.getByTestId('summary-total')).toHaveAttribute('data-value', total!);
  await expect(page.getByTestId('model-switch')).toHaveValue('telco-core');
});

test.describe('config.json beside index.html', () => {
  test("its default model is used when a file has that model's columns", async ({ page }) => {
    await page.route(/\/config\.json$/, (route) =>
      route.fulfill({
        body: '{"default_model":"telco-core","comfortable_file_mb":0.001}',
        contentType: 'application/json',
      }),
    );
    await page.goto('./');
    await expect(page.locator('[data-state="idle"]')).toBeVisible();
    // 0.001 MB is a deployment's way of saying "ask before anything over 1 kB".
    await page.getByTestId('file-input').setInputFiles(tempFile('telco.csv', sampleText()));
    await page.getByRole('button', { name: /continue|score it|read it/i }).click();
    await expect(page.locator('[data-state="ready"]')).toBeVisible();
    await expect(page.getByTestId('model-used')).toHaveAttribute('data-model-id', 'telco-core');
  });

  test('a bad one is reported on the page, which then runs with the defaults', async ({ page }) => {
    await page.route(/\/config\.json$/, (route) =>
      route.fulfill({ body: '{"default_modle":"telco-core"}', contentType: 'application/json' }),
    );
    await page.goto('./');
    await expect(page.getByTestId('config-problem')).toContainText('config.json are not valid');
    await expect(page.getByTestId('config-problem')).toContainText('the defaults are used');
    await loadFile(page, tempFile('telco.csv', sampleText()));
    await expect(page.getByTestId('model-used')).toHaveAttribute('data-model-id', 'telco-full');
  });
});
