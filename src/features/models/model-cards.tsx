import { OperatingPointsTable } from '../../components/ui/operating-points-table.tsx';
import type { ModelSpec } from '../../core/spec/model-spec.ts';
import { formatScore } from '../../components/ui/format.ts';

/** Where the model came from, how stable its figures are, and what to be careful about. */
function ModelCaveats({ spec }: { spec: ModelSpec }) {
  const spread = spec.metrics.repeated_splits;
  const sensitive = spec.columns.filter((c) => c.sensitive).map((c) => c.label);
  return (
    <>
      {spread && (
        <p className="muted">
          Over {spread.splits} other held-out splits: ROC AUC {formatScore(spread.roc_auc.mean)} ±{' '}
          {formatScore(spread.roc_auc.sd)}.
        </p>
      )}
      {spec.provenance && (
        <p className="muted" data-testid="model-provenance">
          Trained on {spec.provenance.dataset} ({spec.provenance.rows.toLocaleString()} rows) by{' '}
          {spec.provenance.trainer}.
        </p>
      )}
      {sensitive.length > 0 && (
        <p data-testid="model-sensitive">
          Uses columns that may describe protected characteristics: {sensitive.join(', ')}.
        </p>
      )}
      {spec.warnings.length > 0 && (
        <ul className="model-warnings" aria-label={`Cautions for ${spec.label}`}>
          {spec.warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      )}
    </>
  );
}

function ModelCard({ spec }: { spec: ModelSpec }) {
  const m = spec.metrics.test;
  return (
    <article className="card model-card" data-testid={`model-card-${spec.id}`} aria-labelledby={`model-${spec.id}`}>
      <h3 id={`model-${spec.id}`}>{spec.label}</h3>
      <p className="muted">{spec.description}</p>
      <dl className="figures">
        <div>
          <dt>ROC AUC</dt>
          <dd data-testid="model-auc" data-value={m.roc_auc}>
            {formatScore(m.roc_auc)}
          </dd>
        </div>
        <div>
          <dt>PR AUC</dt>
          <dd>{formatScore(m.pr_auc)}</dd>
        </div>
        <div>
          <dt>Brier score</dt>
          <dd>{formatScore(m.brier)}</dd>
        </div>
        <div>
          <dt>Columns</dt>
          <dd>{spec.columns.length}</dd>
        </div>
      </dl>
      <OperatingPointsTable spec={spec} caption={`Operating points on ${m.n.toLocaleString()} held-out customers`} />
      <ModelCaveats spec={spec} />
    </article>
  );
}

export function ModelCards({ specs }: { specs: ModelSpec[] }) {
  return (
    <section aria-labelledby="models-heading">
      <h2 id="models-heading">Models</h2>
      <div className="cards">
        {specs.map((s) => (
          <ModelCard key={s.id} spec={s} />
        ))}
      </div>
    </section>
  );
}
