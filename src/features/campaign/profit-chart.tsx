import type { ChartData, ChartOptions } from 'chart.js';
import { useMemo } from 'react';
import { Line } from 'react-chartjs-2';
import { axisColours, chartLayout, useChartTheme } from '../../components/ui/chart-setup.ts';
import { useChartTurn } from '../../components/ui/chart-turns.ts';
import { formatCount } from '../../components/ui/format.ts';
import type { CampaignResult } from '../../core/decision/campaign.ts';

interface Props {
  result: CampaignResult;
  money: (x: number) => string;
}

interface XY {
  x: number;
  y: number;
}

/** Cumulative expected net benefit against customers contacted: by benefit, by probability, and the maximum. */
export function ProfitChart({ result, money }: Props) {
  const theme = useChartTheme();
  const data = useMemo<ChartData<'line', XY[]>>(() => {
    const points = (curve: Float64Array) => Array.from(result.counts, (x, i) => ({ x, y: curve[i]! }));
    return {
      datasets: [
        {
          label: 'In order of expected benefit',
          data: points(result.curve),
          borderColor: theme.accent,
          backgroundColor: theme.accent,
          pointRadius: 0,
          borderWidth: 2,
        },
        {
          label: 'In order of probability',
          data: points(result.curveByProbability),
          borderColor: theme.muted,
          backgroundColor: theme.muted,
          borderDash: [6, 4],
          pointRadius: 0,
          borderWidth: 2,
        },
        // A distinct shape as well as colour, so the maximum stands out without colour vision.
        {
          label: 'Maximum',
          data: [{ x: result.best.count, y: result.best.value }],
          borderColor: theme.danger,
          backgroundColor: theme.danger,
          pointStyle: 'rectRot',
          pointRadius: 8,
          showLine: false,
        },
      ],
    };
  }, [result, theme]);
  const options = useMemo<ChartOptions<'line'>>(
    () => ({
      ...chartLayout(theme),
      // The points come sorted by x, each x once: Chart.js then skips sorting and searching them.
      normalized: true,
      scales: {
        x: {
          ...axisColours(theme),
          type: 'linear',
          min: 0,
          title: { display: true, text: 'Customers contacted', color: theme.text },
          ticks: { color: theme.text, callback: (v) => formatCount(Number(v)) },
        },
        y: {
          ...axisColours(theme),
          type: 'linear',
          title: { display: true, text: 'Expected net benefit', color: theme.text },
          ticks: { color: theme.text, callback: (v) => money(Number(v)) },
        },
      },
      plugins: {
        legend: { labels: { color: theme.text, usePointStyle: true } },
        tooltip: {
          callbacks: {
            label: (item) =>
              `${item.dataset.label ?? ''}: ${formatCount(item.parsed.x ?? 0)} contacted, ${money(item.parsed.y ?? 0)}`,
          },
        },
      },
    }),
    [theme, money],
  );
  const drawn = useChartTurn(data, options);
  const description = `Profit curve: contacting the best ${formatCount(result.best.count)} customers by expected benefit gives the most, ${money(result.best.value)}.`;
  return (
    <figure className="campaign-chart" data-testid="campaign-chart">
      <div className="campaign-chart-canvas">
        {drawn && <Line data={drawn.data} options={drawn.options} aria-label={description} />}
      </div>
    </figure>
  );
}
