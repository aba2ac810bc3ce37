import type { ModelSpec } from '../../core/spec/model-spec.ts';
import { formatPercent, formatScore } from '../../components/ui/format.ts';

function ModelCard({ spec }: { spec: ModelSpec }) {
  const m = spec.metrics.test;
  return (
    <article className="card model-card" data-testid={`model-card-${spec.id}`} aria-labelledby={`model-${spec.id}`}>
      <h3 id={`model-${spec.id}`}>{spec.label}</h3>
      <p className="muted">{spec.description}</p>
      <dl className="figures">
        <div><dt>ROC AUC</dt><dd data-testid="model-auc" data-value={m.roc_auc}>{formatScore(m.roc_auc)}</dd></div>
        <div><dt>PR AUC</dt><dd>{formatScore(m.pr_auc)}</dd></div>
        <div><dt>Brier score</dt><dd>{formatScore(m.brier)}</dd></div>
        <div><dt>Columns</dt><dd>{spec.columns.length}</dd></div>
      </dl>
      <table className="points">
        <caption>Operating points on {m.n.toLocaleString()} held-out customers</caption>
        <thead>
          <tr><th scope="col">Threshold</th><th scope="col">Precision</th><th scope="col">Recall</th><th scope="col">Flagged</th></tr>
        </thead>
        <tbody>
          {spec.thresholds.points.map((p) => (
            <tr key={p.name}>
              <th scope="row">
                {formatScore(p.value)} {p.label}
                {p.name === spec.thresholds.recommended && <span className="badge">recommended</span>}
              </th>
              <td>{formatPercent(p.test.precision)}</td>
              <td>{formatPercent(p.test.recall)}</td>
              <td>{formatPercent(p.test.flag_rate)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </article>
  );
}

export function ModelCards({ specs }: { specs: ModelSpec[] }) {
  return (
    <section aria-labelledby="models-heading">
      <h2 id="models-heading">Models</h2>
      <div className="cards">
        {specs.map((s) => <ModelCard key={s.id} spec={s} />)}
      </div>
    </section>
  );
}
