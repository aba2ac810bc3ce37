import type { TestMetrics } from '../spec/model-spec.ts';

/**
 * The model's held-out precision and recall at any threshold, read off the spec's
 * 101-point curves by linear interpolation between neighbouring points.
 */
export function heldOutRatesAt(
  metrics: Pick<TestMetrics, 'pr'>,
  threshold: number,
): { precision: number; recall: number } {
  const points = metrics.pr;
  const t = Math.min(1, Math.max(0, threshold));
  let i = 0;
  while (i < points.length - 2 && points[i + 1]!.threshold <= t) i++;
  const a = points[i]!;
  const b = points[Math.min(i + 1, points.length - 1)]!;
  const w = b.threshold > a.threshold ? (t - a.threshold) / (b.threshold - a.threshold) : 0;
  return {
    precision: a.precision + w * (b.precision - a.precision),
    recall: a.recall + w * (b.recall - a.recall),
  };
}
