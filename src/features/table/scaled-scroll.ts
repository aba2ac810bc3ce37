/**
 * Scroll geometry for lists taller than a browser will lay out.
 *
 * Browsers cap an element's height (Chromium near 33.5 million px, Firefox
 * near 17.9 million), so a million 32 px rows cannot have a real spacer. The
 * scroll content is capped at `maxHeight` instead, and the scroll position is
 * mapped proportionally onto the full list: scrollTop 0 shows the first row,
 * the largest scrollTop shows the last. While the list fits under the cap the
 * mapping is exactly 1:1, so small lists scroll like any other page.
 */
export const MAX_SCROLL_HEIGHT = 10_000_000;

export interface ScrollGeometry {
  count: number;
  rowHeight: number;
  /** Height of the area rows are visible in, px. */
  viewport: number;
  maxHeight?: number;
}

export interface RowRange {
  /** First row index to render. */
  start: number;
  /** One past the last row index to render. */
  end: number;
}

/** Height of the scroll content (the body's spacer), px. */
export function contentHeight(g: ScrollGeometry): number {
  return Math.min(g.count * g.rowHeight, g.maxHeight ?? MAX_SCROLL_HEIGHT);
}

/** Largest scrollTop the browser will allow. */
export function maxScrollTop(g: ScrollGeometry): number {
  return Math.max(0, contentHeight(g) - g.viewport);
}

/** Largest distance into the full list the viewport's top edge can be, px. */
function maxListOffset(g: ScrollGeometry): number {
  return Math.max(0, g.count * g.rowHeight - g.viewport);
}

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

/** How far into the full list the viewport's top edge is, px, for a scrollTop. */
export function listOffset(g: ScrollGeometry, scrollTop: number): number {
  const maxScroll = maxScrollTop(g);
  if (maxScroll <= 0) return 0;
  const maxOffset = maxListOffset(g);
  const t = clamp(scrollTop, 0, maxScroll);
  return maxOffset === maxScroll ? t : (t / maxScroll) * maxOffset;
}

/** Where row `index` goes inside the scroll content, px, for a scrollTop. */
export function rowTop(g: ScrollGeometry, scrollTop: number, index: number): number {
  const t = clamp(scrollTop, 0, maxScrollTop(g));
  return t + index * g.rowHeight - listOffset(g, t);
}

/** Rows that touch the viewport, plus `overscan` rows either side. */
export function visibleRange(g: ScrollGeometry, scrollTop: number, overscan = 0): RowRange {
  if (g.count <= 0 || g.rowHeight <= 0) return { start: 0, end: 0 };
  const offset = listOffset(g, scrollTop);
  const first = Math.floor(offset / g.rowHeight);
  const last = Math.ceil((offset + g.viewport) / g.rowHeight);
  return { start: clamp(first - overscan, 0, g.count), end: clamp(last + overscan, 0, g.count) };
}

/** The scrollTop closest to `scrollTop` that shows all of row `index` (whole pixels). */
export function scrollTopToReveal(g: ScrollGeometry, scrollTop: number, index: number): number {
  const maxScroll = maxScrollTop(g);
  const t = clamp(scrollTop, 0, maxScroll);
  const offset = listOffset(g, t);
  const top = index * g.rowHeight;
  const bottom = top + g.rowHeight;
  if (top >= offset && bottom <= offset + g.viewport) return t;
  const maxOffset = maxListOffset(g);
  if (maxOffset <= 0) return 0;
  const ratio = maxScroll / maxOffset;
  // Round towards the row, so a scaled position never leaves a sliver of it hidden.
  const next = top < offset ? Math.floor(top * ratio) : Math.ceil((bottom - g.viewport) * ratio);
  return clamp(next, 0, maxScroll);
}
