import type { ChartData, ChartOptions } from 'chart.js';
import { useMemo } from 'react';
import { Bar } from 'react-chartjs-2';
import { axisColours, chartLayout, useChartTheme } from '../../components/ui/chart-setup.ts';
import { useChartTurn } from '../../components/ui/chart-turns.ts';
import { formatCount, formatPercent, formatWholePercent } from '../../components/ui/format.ts';
import type { SegmentShares } from '../../core/decision/segment-shares.ts';

interface Props {
  shares: SegmentShares;
  thresholdText: string;
}

const BAR_HEIGHT = 44;
const LINE_HEIGHT = 14;
const AXIS_HEIGHT = 70;

// Chart.js gives the category axis at most half a narrow card and clips what does not fit
// ("Bank transfer (automatic)"), so a long name breaks before its bracket.
const nameLines = (label: string) =>
  label.length > 14 && label.includes(' (') ? label.replace(' (', '\n(').split('\n') : [label];

/** Share of one segment's customers at risk; every bar's label carries its numbers, so colour is not needed to read it. */
export function SegmentChart({ shares, thresholdText }: Props) {
  const theme = useChartTheme();
  const { buckets } = shares;

  const data = useMemo<ChartData<'bar'>>(
    () => ({
      // Two-line labels keep long category names readable in a narrow card.
      labels: buckets.map((b) => [...nameLines(b.label), `${formatPercent(b.share)} of ${formatCount(b.customers)}`]),
      datasets: [
        {
          label: 'Share at risk',
          data: buckets.map((b) => b.share),
          backgroundColor: theme.danger,
          maxBarThickness: 24,
        },
      ],
    }),
    [buckets, theme],
  );

  const options = useMemo<ChartOptions<'bar'>>(
    () => ({
      indexAxis: 'y',
      ...chartLayout(theme),
      scales: {
        x: {
          ...axisColours(theme),
          min: 0,
          max: 1,
          ticks: { color: theme.text, callback: (v) => formatWholePercent(Number(v)) },
          // Two lines: on one, Chart.js squeezes the title into the axis width.
          title: { display: true, text: ['Share at risk', `(${thresholdText})`], color: theme.text },
        },
        y: { ...axisColours(theme), ticks: { color: theme.text, autoSkip: false } },
      },
      plugins: {
        legend: { display: false },
        tooltip: {
          callbacks: {
            label: (item) => {
              const b = buckets[item.dataIndex];
              return b
                ? `${formatPercent(b.share)} at risk: ${formatCount(b.atRisk)} of ${formatCount(b.customers)} customers`
                : '';
            },
          },
        },
      },
    }),
    [buckets, theme, thresholdText],
  );

  const drawn = useChartTurn(data, options);
  const barHeight = BAR_HEIGHT + LINE_HEIGHT * (Math.max(1, ...buckets.map((b) => nameLines(b.label).length)) - 1);
  const description = buckets
    .map((b) => `${b.label} ${formatPercent(b.share)} of ${formatCount(b.customers)}`)
    .join('; ');

  return (
    <figure className="risk-chart" data-testid={`segment-chart-${shares.column}`}>
      <figcaption>
        <h3>At risk by {shares.label}</h3>
      </figcaption>
      <div className="risk-chart-canvas" style={{ height: buckets.length * barHeight + AXIS_HEIGHT }}>
        {drawn && (
          <Bar
            data={drawn.data}
            options={drawn.options}
            aria-label={`Share of customers at risk by ${shares.label} at ${thresholdText}: ${description}.`}
          />
        )}
      </div>
      <details>
        <summary>{shares.label} as a table</summary>
        <table>
          <thead>
            <tr>
              <th scope="col">{shares.label}</th>
              <th scope="col">Customers</th>
              <th scope="col">At risk</th>
              <th scope="col">Share at risk</th>
            </tr>
          </thead>
          <tbody>
            {buckets.map((b) => (
              <tr key={b.label}>
                <th scope="row">{b.label}</th>
                <td>{formatCount(b.customers)}</td>
                <td>{formatCount(b.atRisk)}</td>
                <td>{formatPercent(b.share)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
