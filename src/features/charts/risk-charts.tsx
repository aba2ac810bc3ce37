import { useDeferredValue, useId, useMemo, useState } from 'react';
import { formatPercent } from '../../components/ui/format.ts';
import type { ModelSpec } from '../../core/spec/model-spec.ts';
import type { ScoredDataset } from '../../worker/protocol.ts';
import { HistogramChart } from './histogram-chart.tsx';
import { SegmentChart } from './segment-chart.tsx';
import { segmentGroups, segmentShares } from '../../core/decision/segment-shares.ts';
import './risk-charts.css';

interface Props {
  dataset: ScoredDataset;
  spec: ModelSpec;
  threshold: number;
}

/** The spread of risk over the file and where it concentrates, at the chosen threshold. */
export function RiskCharts({ dataset, spec, threshold }: Props) {
  // The histogram comes with the results (the worker counts it); segment counts follow the
  // threshold, a step behind a dragged slider (they are quick, but the charts redraw).
  const { histogram } = dataset;
  // "Break down by" adds any categorical column, or banded numeric column, to the spec's segments.
  const choices = useMemo(
    () =>
      spec.columns.filter(
        (c) => !spec.segments.includes(c.name) && (c.type === 'categorical' || c.band_ends !== undefined),
      ),
    [spec],
  );
  const [breakdown, setBreakdown] = useState('');
  const selectId = useId();
  const chosen = choices.some((c) => c.name === breakdown) ? breakdown : '';
  const groups = useMemo(
    () =>
      segmentGroups(
        spec,
        chosen ? [...spec.segments, chosen] : spec.segments,
        dataset,
        dataset.tables.segments,
        dataset.probabilities,
      ),
    [spec, dataset, chosen],
  );
  const shown = useDeferredValue(threshold);
  const summary = useMemo(
    () => segmentShares(dataset.probabilities, dataset.ranked.bins, groups, shown),
    [dataset, groups, shown],
  );
  const thresholdText = `threshold ${formatPercent(shown)}`;

  return (
    <section className="risk-charts" aria-labelledby="risk-charts-heading" data-testid="risk-charts">
      <h2 id="risk-charts-heading">Where the risk is</h2>
      {choices.length > 0 && (
        <p className="breakdown">
          <label htmlFor={selectId}>Break down by</label>{' '}
          <select
            id={selectId}
            value={chosen}
            data-testid="breakdown-select"
            onChange={(e) => setBreakdown(e.currentTarget.value)}
          >
            <option value="">(the model's usual segments only)</option>
            {choices.map((c) => (
              <option key={c.name} value={c.name}>
                {c.type === 'numeric' ? `${c.label} band` : c.label}
              </option>
            ))}
          </select>
        </p>
      )}
      <div className="risk-charts-grid">
        <HistogramChart histogram={histogram} threshold={shown} atRisk={summary.atRisk} />
        {summary.groups.map((g) => (
          <SegmentChart key={g.column} shares={g} thresholdText={thresholdText} />
        ))}
      </div>
    </section>
  );
}
