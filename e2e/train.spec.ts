import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Download, type Page } from '@playwright/test';
import Papa from 'papaparse';
import { bankCsvChunks } from '../scripts/gen/generate-bank-customers.ts';
import { trainFromBytes } from '../src/cli/train-files.ts';
import { loadFile, tempFile } from './support.ts';

const CREDIT = fileURLToPath(new URL('../../shared/data/credit-data.csv', import.meta.url));
const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

async function seriousViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).withTags(WCAG).analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** Paths where two JSON values differ, numbers compared to 1e-12. */
function withinTolerance(a: unknown, b: unknown, path = '$'): string[] {
  if (typeof a === 'number' && typeof b === 'number') return Math.abs(a - b) <= 1e-12 ? [] : [`${path}: ${a} vs ${b}`];
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object')
    return a === b ? [] : [`${path}: ${String(a)} vs ${String(b)}`];
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  if (keysA.join() !== keysB.join()) return [`${path}: keys ${keysA.join()} vs ${keysB.join()}`];
  return keysA.flatMap((k) =>
    withinTolerance((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${path}.${k}`),
  );
}

/** Every request the page makes to an origin other than its own. */
function foreignRequests(page: Page): string[] {
  const foreign: string[] = [];
  const own = new URL(test.info().project.use.baseURL!).origin;
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (!['http:', 'https:'].includes(url.protocol)) return;
    if (url.origin !== own) foreign.push(request.url());
  });
  return foreign;
}

async function chooseHistory(page: Page, path: string): Promise<void> {
  await page.getByTestId('train-file-input').setInputFiles(path);
}

const databaseNames = (page: Page) => page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name));

/** ROC AUC as the Mann–Whitney statistic: positives' average ranks among all scores, ties sharing their rank. */
function rankAuc(scores: number[], positive: boolean[]): number {
  const order = scores.map((_, i) => i).sort((a, b) => scores[a]! - scores[b]!);
  const ranks = new Array<number>(scores.length);
  for (let start = 0; start < order.length;) {
    let end = start;
    while (end + 1 < order.length && scores[order[end + 1]!] === scores[order[start]!]) end++;
    for (let k = start; k <= end; k++) ranks[order[k]!] = (start + end) / 2 + 1;
    start = end + 1;
  }
  const positives = positive.filter(Boolean).length;
  const negatives = positive.length - positives;
  const rankSum = ranks.reduce((sum, r, i) => sum + (positive[i] ? r : 0), 0);
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}

/** Pairs of one positive and one negative whose scores are equal: each moves a rank AUC by 1/2 of a pair. */
function tiedPairs(scores: number[], positive: boolean[]): number {
  const counts = new Map<number, [number, number]>();
  scores.forEach((s, i) => {
    const c = counts.get(s) ?? [0, 0];
    c[positive[i] ? 0 : 1]++;
    counts.set(s, c);
  });
  return [...counts.values()].reduce((sum, [p, n]) => sum + p * n, 0);
}

test.describe('training a model on your own history, in the browser', () => {
  test.setTimeout(240_000);

  test("credit-data.csv: the card shows the command line's AUC, the package matches it (ONNX byte for byte), and the page scores with it", async ({
    page,
  }) => {
    const foreign = foreignRequests(page);
    await page.goto('./#/train');
    expect(await seriousViolations(page)).toEqual([]);
    await chooseHistory(page, CREDIT);
    await expect(page.getByTestId('train-target')).toHaveValue('Status');
    await expect(page.getByTestId('train-positive')).toHaveValue('bad');
    // Sensitive columns are left out by default, with the reason shown.
    const age = page.getByTestId('train-columns').locator('tr[data-column="Age"]');
    await expect(age.getByRole('checkbox')).not.toBeChecked();
    await expect(age).toContainText('protected characteristic');
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByTestId('train-name').fill('Credit applicants');
    await page.getByTestId('train-start').click();
    const card = page.getByTestId('training-card');
    await expect(card).toBeVisible({ timeout: 180_000 });

    const cli = trainFromBytes(new Uint8Array(readFileSync(CREDIT)), CREDIT, {
      target: 'Status',
      positive: 'bad',
      name: 'Credit applicants',
      config: { columns: { Age: { include: false }, Marital: { include: false } } },
    });
    if (!cli.ok) throw new Error(cli.problem);
    const spec = cli.value.packages[0]!.spec;
    await expect(card).toHaveAttribute('data-model-id', spec.id);
    expect(Number(await page.getByTestId('train-auc').getAttribute('data-value'))).toBe(spec.metrics.test.roc_auc);
    await expect(page.getByTestId('train-effects').locator('li').first()).toHaveText(/(raises|lowers) the risk/);
    await expect(page.getByTestId('train-left-out')).toContainText('Age');
    expect(await seriousViolations(page)).toEqual([]);

    // The downloaded package is the command line's, byte for byte.
    const downloads: Download[] = [];
    page.on('download', (d) => downloads.push(d));
    await page.getByTestId('train-download').click();
    await expect.poll(() => downloads.length).toBe(3);
    const saved = await Promise.all(
      downloads.map(async (d) => [d.suggestedFilename(), readFileSync((await d.path())!)] as const),
    );
    expect(saved.map(([name]) => name).sort()).toEqual(Object.keys(cli.value.files).sort());
    for (const [name, bytes] of saved) {
      const expected = Buffer.from(cli.value.files[name]!);
      if (name.endsWith('.onnx')) expect(Buffer.compare(bytes, expected), name).toBe(0);
      // Chromium's Math.exp/log differ from Node's in the last bit, so the float64 figures of the
      // JSON files may differ there: every string and structure the same, every number within 1e-12.
      else
        expect(
          withinTolerance(JSON.parse(bytes.toString('utf8')), JSON.parse(expected.toString('utf8'))),
          name,
        ).toEqual([]);
    }
    await expect(page.getByTestId('package-contents')).toContainText('no customer rows');

    // Use it, and score this month's applicants (no outcome) at #/.
    await page.getByTestId('train-use').click();
    await expect(page.getByTestId('package-message')).toContainText('now one of this session');
    const rows = Papa.parse<string[]>(readFileSync(CREDIT, 'utf8'), { skipEmptyLines: true }).data.slice(0, 201);
    const status = rows[0]!.indexOf('Status');
    await page.goto('./#/');
    await page
      .getByTestId('file-input')
      .setInputFiles(tempFile('applicants.csv', Papa.unparse(rows.map((r) => r.filter((_, i) => i !== status)))));
    await expect(page.locator('[data-state="ready"]')).toBeVisible({ timeout: 60_000 });
    await expect(page.getByTestId('model-used')).toHaveAttribute('data-model-id', spec.id);
    expect(foreign).toEqual([]);
    // Nothing of the training file is stored.
    const stored = await page.evaluate(async () => ({
      local: JSON.stringify({ ...localStorage }),
      session: JSON.stringify({ ...sessionStorage }),
      databases: (await indexedDB.databases()).map((d) => d.name),
    }));
    expect(stored.local + stored.session).not.toMatch(/freelance|owner|Seniority/);
    expect(stored.databases).toEqual([]);
  });

  test("worked case: train on 70 % of a bank export, keep the model, score the other 30 %: the evaluation's AUC is the export's; the kept model outlives a reload until forgotten", async ({
    page,
  }) => {
    const [header, ...customers] = [...bankCsvChunks({ rows: 600, labels: true, seed: 11 })]
      .join('')
      .trimEnd()
      .split('\n');
    const cut = Math.round(customers.length * 0.7);
    const history = tempFile('bank-history.csv', `${[header, ...customers.slice(0, cut)].join('\n')}\n`);
    const heldOut = tempFile('bank-held-out.csv', `${[header, ...customers.slice(cut)].join('\n')}\n`);
    await page.goto('./#/train');
    // Keeping is opt-in: before it, the browser holds no database of the app's.
    await expect(page.getByTestId('kept-none')).toBeVisible();
    expect(await databaseNames(page)).toEqual([]);
    await chooseHistory(page, history);
    await expect(page.getByTestId('train-target')).toHaveValue('Exited');
    await expect(page.getByTestId('train-positive')).toHaveValue('1');
    await page.getByTestId('train-name').fill('Bank churn');
    await page.getByTestId('train-start').click();
    const card = page.getByTestId('training-card');
    await expect(card).toBeVisible({ timeout: 120_000 });
    const id = (await card.getAttribute('data-model-id'))!;
    await page.getByTestId('train-keep').click();
    await expect(page.getByTestId('package-message')).toContainText('kept on this computer');
    await expect(page.getByTestId('kept-models').locator(`li[data-kept-id="${id}"]`)).toHaveAttribute(
      'data-status',
      'loaded',
    );

    // The held-out customers carry their outcome, so the Score page evaluates the model on them.
    await page.getByRole('link', { name: 'Score customers' }).click();
    await loadFile(page, heldOut);
    await expect(page.getByTestId('model-used')).toHaveAttribute('data-model-id', id);
    const shownAuc = Number(await page.getByTestId('evaluation-auc').getAttribute('data-value'));
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
    const exported = Papa.parse<Record<string, string>>(
      readFileSync((await download.path())!, 'utf8').replace(/^\uFEFF/, ''),
      { header: true, skipEmptyLines: true },
    ).data;
    expect(exported).toHaveLength(customers.length - cut);
    const scores = exported.map((r) => Number(r.churn_probability));
    const left = exported.map((r) => r.Exited === '1');
    expect(scores.every((p) => p >= 0 && p <= 1)).toBe(true);
    // The export rounds to 4 decimals: that can only turn an ordered pair into a tie, worth half a pair.
    const slack = tiedPairs(scores, left) / (2 * left.filter(Boolean).length * left.filter((l) => !l).length);
    expect(shownAuc).toBeGreaterThan(0.55);
    expect(Math.abs(shownAuc - rankAuc(scores, left))).toBeLessThanOrEqual(slack + 1e-12);

    // A later visit: the kept model is loaded at start and scores the same file the same way.
    await page.reload();
    await expect(page.getByTestId(`model-card-${id}`)).toBeVisible({ timeout: 30_000 });
    await loadFile(page, heldOut);
    await expect(page.getByTestId('model-used')).toHaveAttribute('data-model-id', id);
    await expect(page.getByTestId('evaluation-auc')).toHaveAttribute('data-value', String(shownAuc));

    await page.getByRole('link', { name: 'Train your own model' }).click();
    await page.getByRole('button', { name: 'Forget Bank churn' }).click();
    await expect(page.getByTestId('kept-none')).toBeVisible();
    expect(await databaseNames(page)).toEqual([]);
    await page.reload();
    await expect(page.getByTestId('kept-none')).toBeVisible();
    await expect(page.locator('[data-testid^="model-card-"]').first()).toBeAttached({ timeout: 30_000 });
    await expect(page.getByTestId(`model-card-${id}`)).toHaveCount(0);
    expect(await databaseNames(page)).toEqual([]);
  });

  test('a file with no possible outcome says what one looks like, and the page stays usable', async ({ page }) => {
    await page.goto('./#/train');
    await chooseHistory(
      page,
      tempFile(
        'three.csv',
        `plan,Status\n${Array.from({ length: 30 }, (_, i) => `p${i % 4},${['open', 'closed', 'paused'][i % 3]}`).join('\n')}\n`,
      ),
    );
    await expect(page.getByTestId('train-error')).toContainText('"Status" has 3 different values');
    await expect(page.getByTestId('train-error')).toContainText('exactly two values');
    await chooseHistory(
      page,
      tempFile('one.csv', `plan,churn\n${Array.from({ length: 30 }, (_, i) => `p${i % 4},No`).join('\n')}\n`),
    );
    await expect(page.getByTestId('train-error')).toContainText('"churn" has only one value');
    expect(await seriousViolations(page)).toEqual([]);
    await chooseHistory(
      page,
      tempFile(
        'all-out.csv',
        `Gender,churn\n${Array.from({ length: 60 }, (_, i) => `${i % 2 ? 'f' : 'm'},${i % 3 ? 'no' : 'yes'}`).join('\n')}\n`,
      ),
    );
    await expect(page.getByTestId('train-target')).toHaveValue('churn');
    await page.getByTestId('train-start').click();
    await expect(page.getByTestId('train-error')).toContainText('Every column was left out');
    await expect(page.getByTestId('train-start')).toBeEnabled();
  });

  test('a package that is not one is refused with a message naming the problem', async ({ page }) => {
    await page.goto('./#/train');
    await page
      .getByTestId('open-package-input')
      .setInputFiles([tempFile('broken.json', '{"format": "nope"}'), tempFile('broken.onnx', 'not onnx')]);
    await expect(page.getByTestId('package-message')).toContainText('broken.json');
    await page.getByTestId('open-package-input').setInputFiles([tempFile('only.json', '{}')]);
    await expect(page.getByTestId('package-message')).toContainText('Choose the two files of one package together');
  });

  test('hostile files each get a specific message: two positives, 200 columns, a column of 10 MB values', async ({
    page,
  }) => {
    await page.goto('./#/train');
    const lines = (n: number, row: (i: number) => string) => Array.from({ length: n }, (_, i) => row(i)).join('\n');
    await chooseHistory(
      page,
      tempFile(
        'rare.csv',
        `spend,churn\n${lines(5000, (i) => `${i % 97},${i === 10 || i === 4000 ? 'yes' : 'no'}`)}\n`,
      ),
    );
    await page.getByTestId('train-start').click();
    await expect(page.getByTestId('train-error')).toContainText('Too few customers of one kind');

    const header = Array.from({ length: 199 }, (_, c) => `f${c}`).join(',');
    await chooseHistory(
      page,
      tempFile(
        'wide.csv',
        `${header},churn\n${lines(400, (i) => `${Array.from({ length: 199 }, (_, c) => (i * (c + 3)) % 11).join(',')},${i % 4 ? 'no' : 'yes'}`)}\n`,
      ),
    );
    await expect(page.getByTestId('train-columns').locator('tbody tr')).toHaveCount(200);
    await page.getByTestId('train-start').click();
    await expect(page.getByTestId('training-card')).toBeVisible({ timeout: 180_000 });

    const blob = 'x'.repeat(500_000);
    await chooseHistory(
      page,
      tempFile(
        'notes.csv',
        `note,spend,churn\n${lines(20, (i) => `${blob}${i % 2},${i % 5},${i % 3 ? 'no' : 'yes'}`)}\n`,
      ),
    );
    await expect(page.getByTestId('train-columns').locator('tr[data-column="note"]')).toContainText(
      'longer than 500 characters',
    );
    await expect(
      page.getByTestId('train-columns').locator('tr[data-column="note"]').getByRole('checkbox'),
    ).not.toBeChecked();
  });

  test('a keyboard alone runs the flow, with the network cut after the page loaded', async ({ page, context }) => {
    await page.goto('./#/train');
    await expect(page.getByTestId('train-file-input')).toBeEnabled();
    // The deployed models are loaded (their cards exist on the hidden Score view) before the network goes.
    await expect(page.locator('[data-testid^="model-card-"]').first()).toBeAttached({ timeout: 30_000 });
    await context.setOffline(true);
    const text = `plan,spend,churn\n${Array.from({ length: 600 }, (_, i) => `${['a', 'b', 'c'][i % 3]},${(i * 7) % 50},${(i * 7) % 50 > 30 === (i % 5 !== 0) ? 'yes' : 'no'}`).join('\n')}\n`;
    const chooser = page.waitForEvent('filechooser');
    await page.getByTestId('train-file-input').focus();
    await page.keyboard.press('Space');
    await (await chooser).setFiles(tempFile('history.csv', text));
    await expect(page.getByTestId('train-target')).toHaveValue('churn');
    await page.getByTestId('train-start').focus();
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('training-card')).toBeVisible({ timeout: 120_000 });
    await page.getByTestId('train-use').focus();
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('package-message')).toContainText('now one of this session');
    await context.setOffline(false);
  });
});
