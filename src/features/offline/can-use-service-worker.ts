export interface PageContext {
  location: { protocol: string };
  isSecureContext: boolean;
  navigator: object;
}

/**
 * Whether this page may register its service worker. Not from file:// (the single-file build:
 * there is no origin to scope a worker to), not where the browser lacks the API or refuses it
 * (insecure origins).
 */
export function canUseServiceWorker(page: PageContext): boolean {
  return page.location.protocol !== 'file:' && page.isSecureContext && 'serviceWorker' in page.navigator;
}
