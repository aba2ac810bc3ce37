/**
 * Origins whose pages may drive the app from a parent frame: the list given at build
 * time in VITE_EMBED_ORIGINS (comma-separated, e.g. "https://portal.example.com"),
 * plus the app's own origin, for a portal served from the same site.
 */
export function allowedOrigins(configured: string | undefined, ownOrigin: string): Set<string> {
  const origins = new Set<string>();
  for (const entry of (configured ?? '').split(',')) {
    const trimmed = entry.trim();
    if (!trimmed) continue;
    try {
      const origin = new URL(trimmed).origin;
      if (origin !== 'null') origins.add(origin);
    } catch {
      // A malformed entry allows nothing rather than breaking the page.
    }
  }
  // A page opened from disk has the opaque origin "null", which must never be trusted.
  if (ownOrigin !== 'null') origins.add(ownOrigin);
  return origins;
}
