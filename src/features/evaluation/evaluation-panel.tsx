import { useDeferredValue, useMemo } from 'react';
import { formatCount, formatScore } from '../../components/ui/format.ts';
import type { ScoredDataset } from '../../worker/protocol.ts';
import { ConfusionTable } from './confusion-table.tsx';
import { EvaluationCharts } from './evaluation-charts.tsx';
import { labelledScores, type Curves } from '../../core/metrics/file-evaluation.ts';
import { labelledBins, thresholdPoint } from './evaluation-data.ts';
import './evaluation-panel.css';

interface Props {
  dataset: ScoredDataset;
  threshold: number;
}

/** How well the model did on this file, when the file says who actually churned. */
export function EvaluationPanel({ dataset, threshold }: Props) {
  if (!dataset.labels || !dataset.evaluation) return null;
  return <Evaluation dataset={dataset} labels={dataset.labels} curves={dataset.evaluation} threshold={threshold} />;
}

function Evaluation({ dataset, labels, curves, threshold }: Props & { labels: Uint8Array; curves: Curves }) {
  // The curves come from the worker; only the confusion counts follow the threshold here,
  // read from per-bin totals built once per file, and they may trail a dragged slider.
  const outcomes = useMemo(() => labelledBins(labelledScores(labels, dataset.probabilities)), [labels, dataset]);
  const { scores } = outcomes;
  const shown = useDeferredValue(threshold);
  const point = useMemo(() => thresholdPoint(outcomes, shown), [outcomes, shown]);
  const checked = scores.positives + scores.negatives;
  const left = dataset.rows - checked;

  return (
    <section className="card evaluation-panel" aria-labelledby="evaluation-heading" data-testid="evaluation-panel">
      <h2 id="evaluation-heading">How the model did on this file</h2>
      <p>
        This file says which customers churned, so the scores can be checked against what happened:{' '}
        {formatCount(checked)} customers with a known outcome, {formatCount(scores.positives)} of whom churned.
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
      {curves.ok && <EvaluationCharts curves={curves} scores={scores} point={point} threshold={shown} />}
    </section>
  );
}
