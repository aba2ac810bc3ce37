import type { ChartType, Plugin } from 'chart.js';

export interface ThresholdLineOptions {
  /** The threshold, a probability in [0, 1]; the x axis holds `bins` equal-width bins over [0, 1]. */
  value: number;
  bins: number;
  color: string;
  label: string;
}

declare module 'chart.js' {
  // Declaration merging must repeat Chart.js's type parameter even though this entry ignores it.
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  interface PluginOptionsByType<TType extends ChartType> {
    thresholdLine?: ThresholdLineOptions;
  }
}

/**
 * Where a probability falls on a category axis of equal-width bins: bins sit centred on
 * their ticks, so bin 0 starts half a step before the first tick.
 */
export function thresholdPixel(firstCentre: number, step: number, bins: number, value: number): number {
  return firstCentre + (value * bins - 0.5) * step;
}

/** Draws the threshold as a dashed vertical line with its label; a few lines instead of an annotation dependency. */
export const thresholdLine: Plugin<'bar', ThresholdLineOptions> = {
  id: 'thresholdLine',
  afterDatasetsDraw(chart, _args, options) {
    const scale = chart.scales.x;
    if (!scale || !Number.isFinite(options.value)) return;
    const first = scale.getPixelForValue(0);
    const x = thresholdPixel(first, scale.getPixelForValue(1) - first, options.bins, options.value);
    const { top, bottom } = chart.chartArea;
    const ctx = chart.ctx;
    ctx.save();
    ctx.strokeStyle = options.color;
    ctx.fillStyle = options.color;
    ctx.lineWidth = 2;
    ctx.setLineDash([6, 4]);
    ctx.beginPath();
    ctx.moveTo(x, top);
    ctx.lineTo(x, bottom);
    ctx.stroke();
    // Keep the label inside the plot when the line is near the right edge.
    ctx.textAlign = x > (chart.chartArea.left + chart.chartArea.right) / 2 ? 'right' : 'left';
    ctx.textBaseline = 'top';
    ctx.fillText(options.label, x + (ctx.textAlign === 'right' ? -4 : 4), top + 2);
    ctx.restore();
  },
};
