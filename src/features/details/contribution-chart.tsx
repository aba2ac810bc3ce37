import type { ChartData, ChartOptions } from 'chart.js';
import { useMemo } from 'react';
import { Bar } from 'react-chartjs-2';
import { axisColours, chartLayout, useChartTheme } from '../../components/ui/chart-setup.ts';
import { formatSigned } from '../../components/ui/format.ts';
import type { Reason } from '../../core/explain/reasons.ts';

const BAR_HEIGHT = 24;
const AXIS_HEIGHT = 60;

/** Each input column's push on one customer's risk, highest first; the labels carry value and sign, not just the colour. */
export function ContributionChart({ reasons, customer }: { reasons: readonly Reason[]; customer: string }) {
  const theme = useChartTheme();

  const data = useMemo<ChartData<'bar'>>(
    () => ({
      labels: reasons.map((r) => `${r.text} (${formatSigned(r.contribution)})`),
      datasets: [
        {
          label: 'Push on risk',
          data: reasons.map((r) => r.contribution),
          backgroundColor: reasons.map((r) => (r.contribution > 0 ? theme.danger : theme.accent)),
          maxBarThickness: 18,
        },
      ],
    }),
    [reasons, theme],
  );

  const options = useMemo<ChartOptions<'bar'>>(
    () => ({
      indexAxis: 'y',
      ...chartLayout(theme),
      scales: {
        x: {
          ...axisColours(theme),
          title: { display: true, text: 'Log-odds against an average customer (right raises risk)', color: theme.text },
        },
        y: { ...axisColours(theme), ticks: { color: theme.text, autoSkip: false } },
      },
      plugins: {
        legend: { display: false },
        tooltip: { callbacks: { label: (item) => `${formatSigned(item.parsed.x ?? 0)} log-odds` } },
      },
    }),
    [theme],
  );

  const strongest = reasons
    .slice(0, 3)
    .map((r) => `${r.text} ${formatSigned(r.contribution)}`)
    .join('; ');

  return (
    <div className="row-details-chart" style={{ height: reasons.length * BAR_HEIGHT + AXIS_HEIGHT }}>
      <Bar
        data={data}
        options={options}
        aria-label={`How each of ${reasons.length} columns moves ${customer}'s churn risk, in log-odds, largest push up first: ${strongest}.`}
      />
    </div>
  );
}
