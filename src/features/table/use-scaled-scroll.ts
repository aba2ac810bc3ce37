import { useCallback, useEffect, useMemo, useRef, useState, type RefObject } from 'react';
import { flushSync } from 'react-dom';
import {
  contentHeight,
  rowTop,
  scrollTopToReveal,
  visibleRange,
  type RowRange,
  type ScrollGeometry,
} from './scaled-scroll.ts';

/** Until the first measurement: enough rows to fill a typical table on first paint. */
const INITIAL_VIEWPORT = 600;

export interface ScaledScroll {
  /** The scrolling element. */
  scrollRef: RefObject<HTMLDivElement | null>;
  /** The sticky header inside it, which covers the top of the scroll area. */
  headRef: RefObject<HTMLTableSectionElement | null>;
  /** Height for the body spacer, px (capped, see scaled-scroll.ts). */
  height: number;
  /** Rows to render. */
  range: RowRange;
  /** Where row `index` goes inside the body, px. */
  top: (index: number) => number;
  /** Rows that fit in the visible area. */
  pageRows: number;
  /** Scrolls just enough to show row `index` and renders it before returning. */
  reveal: (index: number) => void;
  scrollToStart: () => void;
}

/** Virtual rows over a scaled scrollbar; the maths lives in scaled-scroll.ts. */
export function useScaledScroll(count: number, rowHeight: number, overscan: number): ScaledScroll {
  const scrollRef = useRef<HTMLDivElement>(null);
  const headRef = useRef<HTMLTableSectionElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewport, setViewport] = useState(INITIAL_VIEWPORT);
  const geometry = useMemo<ScrollGeometry>(() => ({ count, rowHeight, viewport }), [count, rowHeight, viewport]);

  useEffect(() => {
    const scroller = scrollRef.current;
    if (!scroller) return;
    // Rows move by a different amount than the content when scaled, so they must be
    // placed before the frame is painted, not a task later (as TanStack Virtual does).
    const onScroll = () => flushSync(() => setScrollTop(scroller.scrollTop));
    const measure = () =>
      setViewport(Math.max(rowHeight, scroller.clientHeight - (headRef.current?.getBoundingClientRect().height ?? 0)));
    const observer = new ResizeObserver(measure);
    observer.observe(scroller);
    if (headRef.current) observer.observe(headRef.current);
    scroller.addEventListener('scroll', onScroll, { passive: true });
    return () => {
      observer.disconnect();
      scroller.removeEventListener('scroll', onScroll);
    };
  }, [rowHeight]);

  const reveal = useCallback(
    (index: number) => {
      const scroller = scrollRef.current;
      if (!scroller) return;
      scroller.scrollTop = scrollTopToReveal(geometry, scroller.scrollTop, index);
      // Read back: the browser clamps and rounds what it was given.
      flushSync(() => setScrollTop(scroller.scrollTop));
    },
    [geometry],
  );

  const scrollToStart = useCallback(() => {
    if (scrollRef.current) scrollRef.current.scrollTop = 0;
    setScrollTop(0);
  }, []);

  return {
    scrollRef,
    headRef,
    height: contentHeight(geometry),
    range: visibleRange(geometry, scrollTop, overscan),
    top: (index: number) => rowTop(geometry, scrollTop, index),
    pageRows: Math.max(1, Math.floor(viewport / rowHeight)),
    reveal,
    scrollToStart,
  };
}
