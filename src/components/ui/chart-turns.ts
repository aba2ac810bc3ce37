import { useEffect, useState } from 'react';
import { turnQueue } from './turn-queue.ts';

/**
 * Charts draw new data one at a time, each in a task of its own. Chart.js builds or updates a
 * chart in 15 to 40 ms; the page's charts changing in one React commit (the results arriving,
 * a threshold step) made one main-thread task of 100 to 180 ms at 1,000,000 rows, over the 50 ms
 * that keeps a page responsive (Chromium profile, `.bench/after-ready.mts`).
 */
const charts = turnQueue((run) => setTimeout(run, 0));

/** `data` and `options` once it is this chart's turn to draw them; undefined before its first turn. */
export function useChartTurn<D, O>(data: D, options: O): { data: D; options: O } | undefined {
  const [drawn, setDrawn] = useState<{ data: D; options: O } | undefined>(undefined);
  useEffect(() => {
    let current = true;
    charts.enqueue(() => {
      if (!current) return false;
      setDrawn({ data, options });
      return true;
    });
    return () => {
      current = false;
    };
  }, [data, options]);
  return drawn;
}
