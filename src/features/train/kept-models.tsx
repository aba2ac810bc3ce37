import type { KeptModels } from './use-kept-models.ts';

const when = (iso: string | undefined) => (iso ? new Date(iso).toLocaleString() : 'unknown date');

/** The models kept on this computer between visits, each with Forget; off until the person keeps one. */
export function KeptModelsSection({ kept }: { kept: KeptModels }) {
  const { items, storageProblem } = kept;
  return (
    <section className="card" aria-labelledby="kept-heading" data-testid="kept-models">
      <h2 id="kept-heading">Models kept on this computer</h2>
      <p>
        Off unless you ask for it: <strong>Use and keep on this computer</strong> (or ticking <em>keep it</em> when you
        open a package) stores the model's package, its spec and .onnx with column names, category spellings and summary
        statistics but no customer rows, in this browser (IndexedDB). Kept models are loaded each time you open Churn
        Radar in this browser, until you forget them.
      </p>
      {storageProblem && (
        <p role="alert" className="error">
          {storageProblem}
        </p>
      )}
      {items && items.length === 0 && (
        <p className="muted" data-testid="kept-none">
          No model is kept on this computer.
        </p>
      )}
      {items && items.length > 0 && (
        <>
          <ul className="kept-list">
            {items.map((item) => (
              <li key={item.key} data-kept-id={item.key} data-status={item.status}>
                <strong>{item.label}</strong>{' '}
                <span className="muted">
                  ({item.key}, kept {when(item.keptAt)})
                </span>{' '}
                {item.status === 'loaded' && <span className="badge">loaded</span>}
                {item.status === 'loading' && <span className="muted">loading…</span>}{' '}
                <button
                  type="button"
                  className="button secondary"
                  aria-label={`Forget ${item.label}`}
                  onClick={() => void kept.forget(item.key)}
                >
                  Forget
                </button>
                {item.problem && (
                  <p role="alert" className="error" data-testid="kept-problem">
                    {item.problem}
                  </p>
                )}
              </li>
            ))}
          </ul>
          <p className="muted">
            Forgetting removes a model from this computer; it stays in this visit's models until the page is closed.
          </p>
          <button
            type="button"
            className="button secondary"
            data-testid="kept-forget-all"
            onClick={() => void kept.forgetAll()}
          >
            Forget all kept models
          </button>
        </>
      )}
    </section>
  );
}
