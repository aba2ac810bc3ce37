import { expect, test, type Page } from '@playwright/test';

// The page's policy requires Trusted Types for script sinks (docs/threat-model.md): text never
// becomes HTML or script, and scripts load only from the page's own origin.
async function sinkResults(page: Page) {
  return page.evaluate(() => {
    const attempt = (name: string, act: () => void) => {
      try {
        act();
        return [name, 'allowed'];
      } catch (error) {
        return [name, (error as Error).name];
      }
    };
    const div = document.createElement('div');
    return Object.fromEntries([
      attempt('innerHTML', () => (div.innerHTML = '<img src=x onerror="window.hit=1">')),
      attempt('outerHTML', () => document.createElement('p').appendChild(div) && (div.outerHTML = '<b>x</b>')),
      attempt('insertAdjacentHTML', () => div.insertAdjacentHTML('beforeend', '<b>x</b>')),
      attempt('document.write', () => document.write('<b>x</b>')),
      attempt('script text', () => (document.createElement('script').text = 'window.hit = 1')),
      attempt('foreign script src', () => (document.createElement('script').src = 'https://evil.example/x.js')),
      attempt('foreign worker', () => new Worker('https://evil.example/w.js')),
      attempt('setTimeout with text', () => setTimeout('window.hit = 1' as unknown as () => void)),
      // The control: a script URL of the page's own origin passes the app's policy.
      attempt('own script src', () => (document.createElement('script').src = `${location.origin}/x.js`)),
    ]);
  });
}

test('a string assigned to a DOM sink is refused, and the app still scores', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('./');
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(csp).toContain("require-trusted-types-for 'script'");
  expect(csp).toContain('trusted-types default');
  expect(await sinkResults(page)).toEqual({
    innerHTML: 'TypeError',
    outerHTML: 'TypeError',
    insertAdjacentHTML: 'TypeError',
    'document.write': 'TypeError',
    'script text': 'TypeError',
    'foreign script src': 'TypeError',
    'foreign worker': 'TypeError',
    'setTimeout with text': 'TypeError',
    'own script src': 'allowed',
  });
  expect(await page.evaluate(() => (window as unknown as { hit?: number }).hit)).toBeUndefined();

  // Under the policy the worker, onnxruntime-web and the service worker still start.
  await page.getByRole('button', { name: 'Try sample data' }).click();
  await expect(page.getByTestId('summary-total')).toHaveAttribute('data-value', '500');
  expect(errors).toEqual([]);
});
