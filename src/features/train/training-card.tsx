import { useMemo } from 'react';
import { formatPercent, formatScore } from '../../components/ui/format.ts';
import { OperatingPointsTable } from '../../components/ui/operating-points-table.tsx';
import type { ModelSpec } from '../../core/spec/model-spec.ts';
import { strongestEffects } from '../../core/train/plain-effects.ts';
import { CurveChart } from '../../components/ui/curve-chart.tsx';

interface Props {
  spec: ModelSpec;
  leftOut: { name: string; why: string }[];
}

function Calibration({ spec }: { spec: ModelSpec }) {
  const bins = spec.metrics.test.calibration.filter(
    (b) => b.count > 0 && b.mean_predicted !== null && b.observed_rate !== null,
  );
  return (
    <CurveChart
      title="Calibration on held-out customers"
      xTitle="Predicted probability"
      yTitle="Share who left"
      testId="train-calibration"
      description="Each point is a group of held-out customers: the probability the model gave them against the share of them who left. On the dashed line, the model's probabilities are honest."
      series={[
        {
          label: 'Perfect calibration',
          kind: 'reference',
          points: [
            { x: 0, y: 0 },
            { x: 1, y: 1 },
          ],
        },
        {
          label: 'This model',
          kind: 'markers',
          points: bins.map((b) => ({ x: b.mean_predicted!, y: b.observed_rate! })),
        },
      ]}
    >
      <table>
        <caption>Calibration by predicted probability</caption>
        <thead>
          <tr>
            <th scope="col">Predicted</th>
            <th scope="col">Observed</th>
            <th scope="col">Customers</th>
          </tr>
        </thead>
        <tbody>
          {bins.map((b) => (
            <tr key={b.lower}>
              <td>{formatPercent(b.mean_predicted!)}</td>
              <td>{formatPercent(b.observed_rate!)}</td>
              <td>{b.count}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </CurveChart>
  );
}

/** The trained model's honest card: held-out figures and their spread, effects, what was left out and why. */
export function TrainingCard({ spec, leftOut }: Props) {
  const m = spec.metrics.test;
  const spread = spec.metrics.repeated_splits;
  const effects = useMemo(() => strongestEffects(spec), [spec]);
  return (
    <article
      className="card model-card"
      data-testid="training-card"
      data-model-id={spec.id}
      aria-labelledby="trained-heading"
    >
      <h3 id="trained-heading">{spec.label}</h3>
      <p className="muted">{spec.description}</p>
      <dl className="figures">
        <div>
          <dt>Held-out ROC AUC</dt>
          <dd data-testid="train-auc" data-value={m.roc_auc}>
            {formatScore(m.roc_auc)}
          </dd>
        </div>
        {spread && (
          <div>
            <dt>Over {spread.splits} other splits</dt>
            <dd data-testid="train-auc-spread">
              {formatScore(spread.roc_auc.mean)} ± {formatScore(spread.roc_auc.sd)}
            </dd>
          </div>
        )}
        <div>
          <dt>PR AUC</dt>
          <dd data-testid="train-pr-auc">{formatScore(m.pr_auc)}</dd>
        </div>
        <div>
          <dt>Brier score</dt>
          <dd data-testid="train-brier">{formatScore(m.brier)}</dd>
        </div>
        <div>
          <dt>Held-out customers</dt>
          <dd>
            {m.n.toLocaleString()} ({m.positives.toLocaleString()} left)
          </dd>
        </div>
      </dl>
      <OperatingPointsTable spec={spec} caption="Operating points on the held-out customers" testId="train-points" />
      <h4>Strongest effects</h4>
      <ul data-testid="train-effects">
        {effects.map((e) => (
          <li key={e.text}>{e.text}</li>
        ))}
      </ul>
      {leftOut.length > 0 && (
        <>
          <h4>Columns left out</h4>
          <ul data-testid="train-left-out">
            {leftOut.map((l) => (
              <li key={l.name}>
                <strong>{l.name}</strong>: {l.why}
              </li>
            ))}
          </ul>
        </>
      )}
      {spec.warnings.length > 0 && (
        <>
          <h4>Cautions</h4>
          <ul className="model-warnings" data-testid="train-warnings">
            {spec.warnings.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        </>
      )}
      <Calibration spec={spec} />
    </article>
  );
}
