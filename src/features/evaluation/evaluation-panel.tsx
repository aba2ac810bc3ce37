import { useDeferredValue, useMemo } from 'react';
import { formatCount, formatScore } from '../../components/ui/format.ts';
import type { ScoredDataset } from '../../worker/protocol.ts';
import { ConfusionTable } from './confusion-table.tsx';
import { EvaluationCharts } from './evaluation-charts.tsx';
import { totalsOfScored, type BinTotals } from '../../core/decision/score-bins.ts';
import type { Curves } from '../../core/metrics/file-evaluation.ts';
import { thresholdPoint } from './evaluation-data.ts';
import './evaluation-panel.css';

interface Props {
  dataset: ScoredDataset;
  threshold: number;
}

/** How well the model did on this file, when the file says who actually churned. */
export function EvaluationPanel({ dataset, threshold }: Props) {
  const { labels, evaluation, tables } = dataset;
  if (!labels || !evaluation || !tables.outcomes) return null;
  return (
    <Evaluation dataset={dataset} labels={labels} totals={tables.outcomes} curves={evaluation} threshold={threshold} />
  );
}

function Evaluation({
  dataset,
  labels,
  totals,
  curves,
  threshold,
}: Props & { labels: Uint8Array; totals: BinTotals; curves: Curves }) {
  // The curves come from the worker; only the confusion counts follow the threshold here,
  // read from the worker's per-bin totals, and they may trail a dragged slider.
  const outcomes = useMemo(
    () => ({ labels, probabilities: dataset.probabilities, bins: dataset.ranked.bins, totals }),
    [labels, dataset, totals],
  );
  const known = useMemo(() => {
    const [negatives = 0, positives = 0] = totalsOfScored(totals);
    return { negatives, positives };
  }, [totals]);
  const shown = useDeferredValue(threshold);
  const point = useMemo(() => thresholdPoint(outcomes, shown), [outcomes, shown]);
  const checked = known.positives + known.negatives;
  const left = dataset.rows - checked;

  return (
    <section className="card evaluation-panel" aria-labelledby="evaluation-heading" data-testid="evaluation-panel">
      <h2 id="evaluation-heading">How the model did on this file</h2>
      <p>
        This file says which customers churned, so the scores can be checked against what happened:{' '}
        {formatCount(checked)} customers with a known outcome, {formatCount(known.positives)} of whom churned.
        {left > 0 && ` ${formatCount(left)} rows without an outcome or without a score are left out.`}
      </p>
      {curves.ok ? (
        <dl className="evaluation-figures">
          <div>
            <dt>ROC AUC on this file</dt>
            <dd data-testid="evaluation-auc" data-value={curves.auc}>
              {formatScore(curves.auc)}
            </dd>
          </div>
          <div>
            <dt>Average precision</dt>
            <dd data-testid="evaluation-ap" data-value={curves.averagePrecision}>
              {formatScore(curves.averagePrecision)}
            </dd>
          </div>
        </dl>
      ) : (
        <p className="evaluation-problem" data-testid="evaluation-problem">
          {curves.problem}
        </p>
      )}
      {checked > 0 && <ConfusionTable point={point} threshold={shown} />}
      {curves.ok && <EvaluationCharts curves={curves} outcomes={known} point={point} threshold={shown} />}
    </section>
  );
}
