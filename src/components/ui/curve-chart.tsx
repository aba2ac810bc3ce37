import type { ChartData, ChartDataset, ChartOptions } from 'chart.js';
import { useMemo, type ReactNode } from 'react';
import { Line } from 'react-chartjs-2';
import { axisColours, chartLayout, type ChartTheme, useChartTheme } from './chart-setup.ts';
import { useChartTurn } from './chart-turns.ts';
import { formatScore, formatWholePercent } from './format.ts';

export interface XY {
  x: number;
  y: number;
}

export interface Series {
  label: string;
  points: XY[];
  /** curve: the measured line; markers: a line with its points shown; reference: dashed guide; current: the threshold's point. */
  kind: 'curve' | 'markers' | 'reference' | 'current';
  /** Extra words per point for the tooltip, e.g. its threshold. */
  notes?: string[];
}

interface Props {
  title: string;
  xTitle: string;
  yTitle: string;
  series: Series[];
  /** The chart in a sentence, for people who cannot see the canvas. */
  description: string;
  testId: string;
  /** The same numbers as a table. */
  children: ReactNode;
}

function style(kind: Series['kind'], theme: ChartTheme): Partial<ChartDataset<'line', XY[]>> {
  switch (kind) {
    case 'curve':
      return {
        borderColor: theme.accent,
        backgroundColor: theme.accent,
        pointRadius: 0,
        pointHitRadius: 6,
        borderWidth: 2,
      };
    case 'markers':
      return { borderColor: theme.accent, backgroundColor: theme.accent, pointRadius: 4, borderWidth: 2 };
    case 'reference':
      return {
        borderColor: theme.muted,
        backgroundColor: theme.muted,
        borderDash: [6, 4],
        pointRadius: 0,
        pointHitRadius: 0,
        borderWidth: 1,
      };
    case 'current':
      // A distinct shape as well as colour, so the point stands out without colour vision.
      return {
        borderColor: theme.danger,
        backgroundColor: theme.danger,
        pointStyle: 'rectRot',
        pointRadius: 8,
        showLine: false,
      };
  }
}

/** A line chart on [0, 1] × [0, 1], for ROC, precision–recall and calibration. */
export function CurveChart({ title, xTitle, yTitle, series, description, testId, children }: Props) {
  const theme = useChartTheme();

  const data = useMemo<ChartData<'line', XY[]>>(
    () => ({
      datasets: series.map((s) => ({ label: s.label, data: s.points, ...style(s.kind, theme) })),
    }),
    [series, theme],
  );

  const options = useMemo<ChartOptions<'line'>>(() => {
    const axis = (text: string) => ({
      ...axisColours(theme),
      type: 'linear' as const,
      min: 0,
      max: 1,
      title: { display: true, text, color: theme.text },
      ticks: { color: theme.text, callback: (v: string | number) => formatWholePercent(Number(v)) },
    });
    return {
      ...chartLayout(theme),
      scales: { x: axis(xTitle), y: axis(yTitle) },
      plugins: {
        legend: { labels: { color: theme.text, usePointStyle: true } },
        tooltip: {
          filter: (item) => series[item.datasetIndex]?.kind !== 'reference',
          callbacks: {
            label: (item) => {
              const s = series[item.datasetIndex];
              const note = s?.notes?.[item.dataIndex];
              return `${s?.label ?? ''}: ${xTitle} ${formatScore(item.parsed.x ?? 0)}, ${yTitle} ${formatScore(item.parsed.y ?? 0)}${note ? ` (${note})` : ''}`;
            },
          },
        },
      },
    };
  }, [series, theme, xTitle, yTitle]);

  const drawn = useChartTurn(data, options);
  return (
    <figure className="evaluation-chart" data-testid={testId}>
      <figcaption>
        <h3>{title}</h3>
      </figcaption>
      <div className="evaluation-chart-canvas">
        {drawn && <Line data={drawn.data} options={drawn.options} aria-label={description} />}
      </div>
      {children}
    </figure>
  );
}
