import { useMemo, useState } from 'react';
import type { Result } from '../../core/result.ts';
import type { ModelSpec } from '../../core/spec/model-spec.ts';
import { ColumnsTable } from './columns-table.tsx';
import { KeptModelsSection } from './kept-models.tsx';
import { downloadFiles, readChosenPackage } from './package-files.ts';
import { TrainingCard } from './training-card.tsx';
import { TrainProgress } from './train-progress.tsx';
import { useTraining, type StartTrainingWorker } from './use-training.ts';
import type { AddModel, KeptModels } from './use-kept-models.ts';

/** The Train view (#/train): history file, outcome, columns, training, the model card, the package, and the kept models. */
export function TrainView({
  onAddModel,
  kept,
  startWorker,
}: {
  onAddModel: AddModel;
  kept: KeptModels;
  startWorker: StartTrainingWorker;
}) {
  const t = useTraining(startWorker);
  const { state } = t;
  const [message, setMessage] = useState<{ text: string; problem: boolean } | undefined>();
  const [keepOpened, setKeepOpened] = useState(false);
  const candidate = state.overview?.candidates.find((c) => c.column === state.target);
  const model = state.model;
  const leftOut = useMemo(() => (model?.report.left_out ?? []) as { name: string; why: string }[], [model]);
  const leaks = useMemo(() => {
    const roles = new Map(state.roles.map((r) => [r.name, r]));
    return new Map(
      leftOut
        .filter((l) => /^(numeric|categorical)$/.test(roles.get(l.name)?.role ?? '') && !/config/.test(l.why))
        .map((l) => [l.name, l.why]),
    );
  }, [leftOut, state.roles]);
  const busy = state.phase === 'reading' || state.phase === 'training';

  /** Adds (and, when asked, keeps) a package; the message says what happened. */
  const add = async (specBytes: Uint8Array, specName: string, onnx: Uint8Array, keep: boolean) => {
    const added: Result<ModelSpec> = keep
      ? await kept.keep(specBytes, specName, onnx)
      : await onAddModel(specBytes, specName, onnx);
    if (!added.ok) return setMessage({ text: added.problem, problem: true });
    const where = keep ? ', and it is kept on this computer for your next visits' : '';
    setMessage({
      text: `${added.value.label} is now one of this session's models${where}: score a file on the Score page and it is used when the file has its columns.`,
      problem: false,
    });
  };

  return (
    <main>
      <section className="card" aria-labelledby="train-heading">
        <h2 id="train-heading">Train a model on your own history</h2>
        <p>
          Choose last year's customer export with a column that says who left. The model is trained on this computer, in
          this page: nothing is uploaded.
        </p>
        <label className="field">
          History file (CSV){' '}
          <input
            type="file"
            accept=".csv,.txt,text/csv"
            data-testid="train-file-input"
            disabled={busy}
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (file) t.chooseFile(file);
              e.target.value = '';
            }}
          />
        </label>
        {busy && <TrainProgress progress={state.progress} onCancel={t.cancel} />}
        {state.notice && <p role="status">{state.notice}</p>}
        {state.error && (
          <p role="alert" className="error" data-testid="train-error">
            {state.error}
          </p>
        )}
      </section>

      {state.overview && (
        <section className="card" aria-labelledby="outcome-heading">
          <h2 id="outcome-heading">Outcome and columns of {state.overview.fileName}</h2>
          <p className="muted">
            {state.overview.rows.toLocaleString()} rows, {state.overview.headers.length} columns.
          </p>
          <div className="train-choices">
            <label className="field">
              Outcome column{' '}
              <select
                data-testid="train-target"
                value={state.target}
                disabled={busy}
                onChange={(e) => t.chooseTarget(e.target.value)}
              >
                {state.overview.candidates.map((c) => (
                  <option key={c.column} value={c.column}>
                    {c.column}
                  </option>
                ))}
              </select>
            </label>
            <label className="field">
              Value for customers who left{' '}
              <select
                data-testid="train-positive"
                value={state.positive}
                disabled={busy}
                onChange={(e) => t.choosePositive(e.target.value)}
              >
                {candidate?.values.map((v) => (
                  <option key={v.spelling} value={v.spelling}>
                    {v.spelling} ({v.count.toLocaleString()} rows)
                  </option>
                ))}
              </select>
            </label>
            <label className="field">
              Model name (optional){' '}
              <input
                type="text"
                data-testid="train-name"
                value={state.name}
                disabled={busy}
                onChange={(e) => t.setName(e.target.value)}
              />
            </label>
          </div>
          <ColumnsTable roles={state.roles} choices={state.choices} leaks={leaks} onChoose={t.choose} disabled={busy} />
          <button
            type="button"
            className="button"
            data-testid="train-start"
            disabled={busy || !state.target || !state.positive}
            onClick={t.start}
          >
            Train the model
          </button>
        </section>
      )}

      {model && state.phase === 'trained' && (
        <section aria-labelledby="trained-section-heading">
          <h2 id="trained-section-heading">Your model</h2>
          <TrainingCard spec={model.spec} leftOut={leftOut} />
          <div className="card package-actions">
            <button
              type="button"
              className="button"
              data-testid="train-use"
              onClick={() =>
                void add(model.files[`${model.spec.id}.json`]!, `${model.spec.id}.json`, model.onnx, false)
              }
            >
              Use this model
            </button>{' '}
            <button
              type="button"
              className="button secondary"
              data-testid="train-keep"
              onClick={() => void add(model.files[`${model.spec.id}.json`]!, `${model.spec.id}.json`, model.onnx, true)}
            >
              Use and keep on this computer
            </button>{' '}
            <button
              type="button"
              className="button secondary"
              data-testid="train-download"
              onClick={() => downloadFiles(model.files)}
            >
              Download model package
            </button>
            <p className="muted" data-testid="package-contents">
              The package is three files: {Object.keys(model.files).join(', ')}. They hold the column names, the
              category spellings and summary statistics (means, spreads, category shares, held-out figures, and each
              number column's smallest, middle and largest value), and no customer rows.
            </p>
          </div>
        </section>
      )}

      <section className="card" aria-labelledby="open-heading">
        <h2 id="open-heading">Open a saved model package</h2>
        <label className="field">
          Package files (the .json and the .onnx){' '}
          <input
            type="file"
            multiple
            accept=".json,.onnx"
            data-testid="open-package-input"
            onChange={async (e) => {
              const files = [...(e.target.files ?? [])];
              e.target.value = '';
              const chosen = await readChosenPackage(files);
              if (!chosen.ok) return setMessage({ text: chosen.problem, problem: true });
              await add(chosen.value.specBytes, chosen.value.specName, chosen.value.onnx, keepOpened);
            }}
          />
        </label>
        <label className="field">
          <input
            type="checkbox"
            data-testid="open-keep"
            checked={keepOpened}
            onChange={(e) => setKeepOpened(e.target.checked)}
          />{' '}
          Keep it on this computer for later visits
        </label>
        {message && (
          <p
            role={message.problem ? 'alert' : 'status'}
            className={message.problem ? 'error' : undefined}
            data-testid="package-message"
          >
            {message.text}
          </p>
        )}
      </section>

      <KeptModelsSection kept={kept} />
    </main>
  );
}
