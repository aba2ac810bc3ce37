import { useDeferredValue, useMemo } from 'react';
import { formatPercent } from '../../components/ui/format.ts';
import type { ModelSpec } from '../../core/spec/model-spec.ts';
import type { ScoredDataset } from '../../worker/protocol.ts';
import { HistogramChart } from './histogram-chart.tsx';
import { probabilityHistogram } from './probability-histogram.ts';
import { SegmentChart } from './segment-chart.tsx';
import { segmentGroups, segmentShares } from './segment-shares.ts';
import './risk-charts.css';

interface Props {
  dataset: ScoredDataset;
  spec: ModelSpec;
  threshold: number;
}

/** The spread of risk over the file and where it concentrates, at the chosen threshold. */
export function RiskCharts({ dataset, spec, threshold }: Props) {
  // The histogram depends only on the file; segment counts are redone per threshold, a
  // pass that takes tens of milliseconds on a million rows, so they trail a dragged slider.
  const histogram = useMemo(() => probabilityHistogram(dataset.probabilities), [dataset]);
  const groups = useMemo(() => segmentGroups(spec, dataset), [spec, dataset]);
  const shown = useDeferredValue(threshold);
  const summary = useMemo(() => segmentShares(dataset.probabilities, groups, shown), [dataset, groups, shown]);
  const thresholdText = `threshold ${formatPercent(shown)}`;

  return (
    <section className="risk-charts" aria-labelledby="risk-charts-heading" data-testid="risk-charts">
      <h2 id="risk-charts-heading">Where the risk is</h2>
      <div className="risk-charts-grid">
        <HistogramChart histogram={histogram} threshold={shown} atRisk={summary.atRisk} />
        {summary.groups.map((g) => <SegmentChart key={g.column} shares={g} thresholdText={thresholdText} />)}
      </div>
    </section>
  );
}
