import { describe, expect, it } from 'vitest';
import { canUseServiceWorker } from './can-use-service-worker.ts';

describe('canUseServiceWorker', () => {
  it.each([
    ['https://intranet.example/tools/churn/', true, true, true],
    ['http://localhost:4173/', true, true, true],
    ['file:///home/me/churn-radar.html', true, true, false],
    ['file:///home/me/churn-radar.html', false, false, false],
    ['http://intranet.example/tools/churn/', false, false, false],
    ['https://intranet.example/', true, false, false],
  ])('%s (secure %s, API %s) → %s', (href, secure, api, expected) => {
    const page = { location: new URL(href), isSecureContext: secure, navigator: api ? { serviceWorker: {} } : {} };
    expect(canUseServiceWorker(page)).toBe(expected);
  });
});
