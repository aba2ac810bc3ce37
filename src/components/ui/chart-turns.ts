import { useEffect, useState } from 'react';
import { turnQueue } from './turn-queue.ts';

/**
 * Charts draw new data one at a time, each in a task of its own. When the results arrived, the
 * page built all its charts in one React commit: one main-thread task of about 230 ms at
 * 1,000,000 rows (Chromium profile, load average 3, `.bench/after-ready.mts`); one at a time, each
 * is a task of 40 to 100 ms to build and 10 to 30 ms to update.
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
