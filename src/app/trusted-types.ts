/**
 * Trusted Types (the CSP's `require-trusted-types-for 'script'`, see docs/threat-model.md): every
 * string that reaches an injection sink passes this page's one policy. It makes no HTML and no
 * script from text, so `element.innerHTML = text` and the like throw a TypeError. It lets a
 * script URL through only from the page's own origin, or a blob: URL of that origin (the
 * single-file build's worker): what the scoring worker, Vite's worker URL and workbox-window's
 * service-worker registration need. It is the 'default' policy, because those libraries hand
 * the browser plain strings and URL objects, not Trusted Types.
 */
interface TrustedTypesFactory {
  createPolicy(name: string, rules: { createScriptURL(input: string): string }): unknown;
}

/**
 * Whether a script (a worker, the service worker) may be loaded from `url` by the page at
 * `pageUrl` whose origin is `pageOrigin` (self.origin: "null" for a page opened from disk).
 */
export function scriptUrlAllowed(url: string, pageUrl: string, pageOrigin: string): boolean {
  // A blob: URL names the origin of the page that made it: "blob:https://host/<id>", or "blob:null/<id>" from disk.
  if (url.startsWith('blob:')) return url.slice('blob:'.length, url.lastIndexOf('/')) === pageOrigin;
  if (pageOrigin === 'null') return false;
  try {
    return new URL(url, pageUrl).origin === pageOrigin;
  } catch {
    return false;
  }
}

export function installTrustedTypesPolicy(scope: {
  trustedTypes?: TrustedTypesFactory;
  location: { href: string };
  origin: string;
}): boolean {
  // Browsers without Trusted Types ignore the CSP directive; there is nothing to install.
  if (!scope.trustedTypes) return false;
  scope.trustedTypes.createPolicy('default', {
    createScriptURL(input) {
      if (!scriptUrlAllowed(input, scope.location.href, scope.origin))
        throw new TypeError(`Churn Radar loads scripts only from its own origin, not from ${input}.`);
      return input;
    },
  });
  return true;
}

// In the page (not in Node, where the unit tests import this file), install it as soon as it is imported.
if ('document' in globalThis)
  installTrustedTypesPolicy(globalThis as unknown as Parameters<typeof installTrustedTypesPolicy>[0]);
