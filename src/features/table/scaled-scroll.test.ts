import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  contentHeight,
  listOffset,
  maxScrollTop,
  MAX_SCROLL_HEIGHT,
  rowTop,
  scrollTopToReveal,
  visibleRange,
  type ScrollGeometry,
} from './scaled-scroll.ts';

const small: ScrollGeometry = { count: 100, rowHeight: 32, viewport: 320 };
const million: ScrollGeometry = { count: 1_000_000, rowHeight: 32, viewport: 640 };
const huge: ScrollGeometry = { count: 5_000_000, rowHeight: 32, viewport: 640 };

describe('contentHeight and maxScrollTop', () => {
  it.each([
    ['empty', { count: 0, rowHeight: 32, viewport: 320 }, 0, 0],
    ['fits in the viewport', { count: 5, rowHeight: 32, viewport: 320 }, 160, 0],
    ['small', small, 3200, 2880],
    ['a million rows is capped', million, MAX_SCROLL_HEIGHT, MAX_SCROLL_HEIGHT - 640],
    [
      'just under the cap',
      { count: 312_500, rowHeight: 32, viewport: 640 },
      MAX_SCROLL_HEIGHT,
      MAX_SCROLL_HEIGHT - 640,
    ],
    ['a custom cap', { count: 1000, rowHeight: 10, viewport: 100, maxHeight: 5000 }, 5000, 4900],
  ])('%s', (_, g, height, maxScroll) => {
    expect(contentHeight(g)).toBe(height);
    expect(maxScrollTop(g)).toBe(maxScroll);
  });
});

describe('listOffset', () => {
  it('is exactly the scrollTop while the list fits under the cap', () => {
    for (const t of [0, 1, 17.5, 1000, 2880]) expect(listOffset(small, t)).toBe(t);
  });

  it.each([
    ['small', small],
    ['a million rows', million],
    ['five million rows', huge],
  ])('puts the first row at the top and the last row at the bottom: %s', (_, g) => {
    expect(listOffset(g, 0)).toBe(0);
    expect(rowTop(g, 0, 0)).toBe(0);
    const end = maxScrollTop(g);
    expect(listOffset(g, end)).toBe(g.count * g.rowHeight - g.viewport);
    // The last row's bottom edge meets the viewport's bottom edge, inside the content.
    expect(rowTop(g, end, g.count - 1) + g.rowHeight).toBeCloseTo(end + g.viewport, 6);
    expect(rowTop(g, end, g.count - 1) + g.rowHeight).toBeLessThanOrEqual(contentHeight(g) + 1e-6);
    expect(visibleRange(g, end).end).toBe(g.count);
  });

  it('clamps positions the browser would not allow', () => {
    expect(listOffset(million, -50)).toBe(0);
    expect(listOffset(million, 1e12)).toBe(listOffset(million, maxScrollTop(million)));
  });

  it('never moves backwards as scrollTop grows', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 3_000_000 }),
        fc.double({ min: 0, max: 2e7, noNaN: true }),
        fc.double({ min: 0, max: 2e7, noNaN: true }),
        (count, a, b) => {
          const g = { count, rowHeight: 32, viewport: 600 };
          const [lo, hi] = a <= b ? [a, b] : [b, a];
          expect(listOffset(g, lo)).toBeLessThanOrEqual(listOffset(g, hi));
        },
      ),
    );
  });
});

describe('visibleRange', () => {
  it.each([
    ['top of a small list', small, 0, 0, { start: 0, end: 10 }],
    ['with overscan at the top', small, 0, 3, { start: 0, end: 13 }],
    ['part way, row boundaries', small, 64, 0, { start: 2, end: 12 }],
    ['part way, inside rows', small, 70, 2, { start: 0, end: 15 }],
    ['bottom of a small list', small, 2880, 3, { start: 87, end: 100 }],
    ['empty', { count: 0, rowHeight: 32, viewport: 320 }, 0, 3, { start: 0, end: 0 }],
    ['middle of a million', million, (MAX_SCROLL_HEIGHT - 640) / 2, 0, { start: 499_990, end: 500_010 }],
  ])('%s', (_, g, scrollTop, overscan, expected) => {
    expect(visibleRange(g, scrollTop, overscan)).toEqual(expected);
  });

  it('covers the viewport with rows placed where they are drawn', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2_000_000 }), fc.double({ min: 0, max: 1, noNaN: true }), (count, at) => {
        const g = { count, rowHeight: 32, viewport: 500 };
        const t = at * maxScrollTop(g);
        const { start, end } = visibleRange(g, t);
        expect(start).toBeLessThan(end);
        // First rendered row starts at or above the viewport top; the last ends at or below its bottom (or is the last row).
        expect(rowTop(g, t, start)).toBeLessThanOrEqual(t + 1e-6);
        if (end < count) expect(rowTop(g, t, end - 1) + g.rowHeight).toBeGreaterThanOrEqual(t + g.viewport - 1e-6);
      }),
    );
  });
});

describe('scrollTopToReveal', () => {
  it.each([
    ['already visible: unchanged', small, 0, 3, 0],
    ['below: scroll until its bottom shows', small, 0, 10, 32],
    ['above: scroll until its top shows', small, 640, 5, 160],
    ['last row', small, 0, 99, 2880],
    ['fits entirely', { count: 3, rowHeight: 32, viewport: 320 }, 0, 2, 0],
  ])('%s', (_, g, scrollTop, index, expected) => {
    expect(scrollTopToReveal(g, scrollTop, index)).toBe(expected);
  });

  it('shows the whole row afterwards, for any list size', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 3_000_000 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (count, at, pick) => {
          const g = { count, rowHeight: 32, viewport: 480 };
          const index = Math.min(count - 1, Math.floor(pick * count));
          const t = scrollTopToReveal(g, Math.round(at * maxScrollTop(g)), index);
          expect(Number.isInteger(t)).toBe(true);
          expect(t).toBeGreaterThanOrEqual(0);
          expect(t).toBeLessThanOrEqual(maxScrollTop(g));
          const top = rowTop(g, t, index);
          expect(top).toBeGreaterThanOrEqual(t - 1e-6);
          expect(top + g.rowHeight).toBeLessThanOrEqual(t + g.viewport + 1e-6);
        },
      ),
    );
  });

  it('moves one row at a time by at most a row and a bit when stepping down a million rows', () => {
    let t = 0;
    let previous = listOffset(million, t);
    for (let index = 0; index < 200; index++) {
      t = scrollTopToReveal(million, t, index);
      const offset = listOffset(million, t);
      expect(offset - previous).toBeLessThanOrEqual(32 + 32 / (maxScrollTop(million) / (32_000_000 - 640)));
      previous = offset;
    }
    expect(visibleRange(million, t).start).toBeGreaterThan(150);
  });
});
