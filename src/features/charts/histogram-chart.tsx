import type { ChartData, ChartOptions } from 'chart.js';
import { useMemo } from 'react';
import { Bar } from 'react-chartjs-2';
import { axisColours, chartLayout, useChartTheme } from '../../components/ui/chart-setup.ts';
import { useChartTurn } from '../../components/ui/chart-turns.ts';
import { formatCount, formatPercent, formatWholePercent } from '../../components/ui/format.ts';
import { binSide, type Histogram } from '../../core/decision/probability-histogram.ts';
import { thresholdLine } from './threshold-line.ts';

interface Props {
  histogram: Histogram;
  threshold: number;
  atRisk: number;
}

const binRange = (bin: number, bins: number) =>
  `${formatWholePercent(bin / bins)}–${formatWholePercent((bin + 1) / bins)}`;

/** How churn probabilities spread over the scored customers, with the threshold drawn across. */
export function HistogramChart({ histogram, threshold, atRisk }: Props) {
  const theme = useChartTheme();
  const bins = histogram.counts.length;
  const labels = useMemo(() => Array.from({ length: bins }, (_, b) => binRange(b, bins)), [bins]);
  const sides = useMemo(() => labels.map((_, b) => binSide(b, bins, threshold)), [labels, bins, threshold]);

  const data = useMemo<ChartData<'bar'>>(
    () => ({
      labels,
      datasets: [
        {
          label: 'Customers',
          data: Array.from(histogram.counts),
          // Red against blue, as in the details chart: a pair that stays apart in every common colour-vision
          // deficiency, where red against grey does not. A split bin is outlined in the at-risk colour; the
          // dashed line and the table carry the same fact without colour.
          backgroundColor: sides.map((s) => (s === 'at risk' ? theme.danger : theme.accent)),
          borderColor: sides.map((s) => (s === 'not at risk' ? theme.accent : theme.danger)),
          borderWidth: sides.map((s) => (s === 'split' ? 2 : 0)),
          categoryPercentage: 1,
          barPercentage: 0.9,
        },
      ],
    }),
    [labels, histogram, sides, theme],
  );

  const thresholdText = `threshold ${formatPercent(threshold)}`;
  const options = useMemo<ChartOptions<'bar'>>(
    () => ({
      ...chartLayout(theme),
      scales: {
        x: {
          ...axisColours(theme),
          title: { display: true, text: 'Churn probability', color: theme.text },
          ticks: { color: theme.text, maxRotation: 0, autoSkipPadding: 12 },
        },
        y: { ...axisColours(theme), beginAtZero: true, title: { display: true, text: 'Customers', color: theme.text } },
      },
      plugins: {
        legend: { display: false },
        tooltip: { callbacks: { label: (item) => `${formatCount(item.parsed.y ?? 0)} customers` } },
        thresholdLine: { value: threshold, bins, color: theme.text, label: thresholdText },
      },
    }),
    [theme, threshold, bins, thresholdText],
  );

  const drawn = useChartTurn(data, options);
  const share = histogram.scored === 0 ? 0 : atRisk / histogram.scored;
  const summary = `${formatCount(atRisk)} of ${formatCount(histogram.scored)} scored customers (${formatPercent(share)}) are at or above it`;

  return (
    <figure className="risk-chart risk-chart-wide">
      <figcaption>
        <h3>Churn probability of every scored customer</h3>
      </figcaption>
      <div className="risk-chart-canvas risk-chart-histogram">
        {drawn && (
          <Bar
            data={drawn.data}
            options={drawn.options}
            plugins={[thresholdLine]}
            aria-label={`Histogram of churn probabilities in ${bins} bins, with a dashed line at the ${thresholdText}; ${summary}.`}
          />
        )}
      </div>
      <p className="risk-chart-legend" data-testid="histogram-threshold">
        <span className="risk-chart-key-line" aria-hidden="true" /> {thresholdText}: {summary} (the bars right of the
        line).
      </p>
      <details>
        <summary>Histogram as a table</summary>
        <table>
          <thead>
            <tr>
              <th scope="col">Probability</th>
              <th scope="col">Customers</th>
              <th scope="col">At {thresholdText}</th>
            </tr>
          </thead>
          <tbody>
            {labels.map((label, b) => (
              <tr key={label}>
                <th scope="row">{label}</th>
                <td>{formatCount(histogram.counts[b]!)}</td>
                <td>{sides[b]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
