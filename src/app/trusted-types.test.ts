import { describe, expect, it } from 'vitest';
import { installTrustedTypesPolicy, scriptUrlAllowed } from './trusted-types.ts';

describe('scriptUrlAllowed', () => {
  it.each([
    ['./assets/churn.worker-abc.js', 'https://intranet.example/tools/churn/', true],
    ['https://intranet.example/sw.js', 'https://intranet.example/tools/churn/', true],
    ['blob:https://intranet.example/5c1d', 'https://intranet.example/', true],
    ['blob:null/5c1d', 'file:///home/a/churn-radar.html', true],
    ['https://evil.example/x.js', 'https://intranet.example/', false],
    ['http://intranet.example/x.js', 'https://intranet.example/', false],
    ['https://intranet.example:8443/x.js', 'https://intranet.example/', false],
    ['blob:https://evil.example/5c1d', 'https://intranet.example/', false],
    ['blob:null/5c1d', 'https://intranet.example/', false],
    ['data:text/javascript,alert(1)', 'https://intranet.example/', false],
    ['javascript:alert(1)', 'https://intranet.example/', false],
    ['file:///etc/x.js', 'file:///home/a/churn-radar.html', false],
    ['//evil.example/x.js', 'https://intranet.example/', false],
    ['http://[::1', 'https://intranet.example/', false],
    ['blob:', 'https://intranet.example/', false],
    ['blob:https://intranet.example.evil.example/5c1d', 'https://intranet.example/', false],
  ])('%s from %s: %s', (url, page, allowed) => {
    const origin = page.startsWith('file:') ? 'null' : new URL(page).origin;
    expect(scriptUrlAllowed(url, page, origin)).toBe(allowed);
  });
});

describe('installTrustedTypesPolicy', () => {
  it('installs one default policy that passes own URLs and throws on others', () => {
    const policies: [string, { createScriptURL(input: string): string }][] = [];
    const installed = installTrustedTypesPolicy({
      trustedTypes: { createPolicy: (name, rules) => policies.push([name, rules]) },
      location: { href: 'https://intranet.example/' },
      origin: 'https://intranet.example',
    });
    expect(installed).toBe(true);
    expect(policies.map(([name]) => name)).toEqual(['default']);
    const [, rules] = policies[0]!;
    expect(rules.createScriptURL('/sw.js')).toBe('/sw.js');
    expect(() => rules.createScriptURL('https://evil.example/x.js')).toThrow(TypeError);
    expect(Object.keys(rules)).toEqual(['createScriptURL']);
  });

  it('does nothing where the browser has no Trusted Types', () => {
    expect(
      installTrustedTypesPolicy({
        location: { href: 'https://intranet.example/' },
        origin: 'https://intranet.example',
      }),
    ).toBe(false);
  });
});
