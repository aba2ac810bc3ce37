import { useMemo, useState } from 'react';
import { ColumnsTable } from './columns-table.tsx';
import { downloadFiles, readChosenPackage } from './package-files.ts';
import { TrainingCard } from './training-card.tsx';
import { TrainProgress } from './train-progress.tsx';
import { useTraining, type StartTrainingWorker } from './use-training.ts';

/** Adds a package to this session's models; resolves to the problem when it is refused. */
export type AddModel = (specBytes: Uint8Array, specName: string, onnx: Uint8Array) => Promise<string | undefined>;

/** The Train view (#/train): history file, outcome, columns, training, the model card, and the package. */
export function TrainView({ onAddModel, startWorker }: { onAddModel: AddModel; startWorker: StartTrainingWorker }) {
  const t = useTraining(startWorker);
  const { state } = t;
  const [message, setMessage] = useState<{ text: string; problem: boolean } | undefined>();
  const candidate = state.overview?.candidates.find((c) => c.column === state.target);
  const model = state.model;
  const leftOut = useMemo(() => (model?.report.left_out ?? []) as { name: string; why: string }[], [model]);
  const leaks = useMemo(() => {
    const roles = new Map(state.roles.map((r) => [r.name, r]));
    return new Map(leftOut.filter((l) => /^(numeric|categorical)$/.test(roles.get(l.name)?.role ?? '') && !/config/.test(l.why)).map((l) => [l.name, l.why]));
  }, [leftOut, state.roles]);
  const busy = state.phase === 'reading' || state.phase === 'training';

  const add = async (specBytes: Uint8Array, specName: string, onnx: Uint8Array, what: string) => {
    const problem = await onAddModel(specBytes, specName, onnx);
    setMessage(problem ? { text: problem, problem: true } : { text: `${what} is now one of this session's models: score a file on the Score page and it is used when the file has its columns.`, problem: false });
  };

  return (
    <main>
      <section className="card" aria-labelledby="train-heading">
        <h2 id="train-heading">Train a model on your own history</h2>
        <p>
          Choose last year's customer export with a column that says who left. The model is trained on this computer, in this
          page: nothing is uploaded.
        </p>
        <label className="field">
          History file (CSV){' '}
          <input type="file" accept=".csv,.txt,text/csv" data-testid="train-file-input" disabled={busy}
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (file) t.chooseFile(file);
              e.target.value = '';
            }} />
        </label>
        {busy && <TrainProgress progress={state.progress} onCancel={t.cancel} />}
        {state.notice && <p role="status">{state.notice}</p>}
        {state.error && <p role="alert" className="error" data-testid="train-error">{state.error}</p>}
      </section>

      {state.overview && (
        <section className="card" aria-labelledby="outcome-heading">
          <h2 id="outcome-heading">Outcome and columns of {state.overview.fileName}</h2>
          <p className="muted">{state.overview.rows.toLocaleString()} rows, {state.overview.headers.length} columns.</p>
          <div className="train-choices">
            <label className="field">
              Outcome column{' '}
              <select data-testid="train-target" value={state.target} disabled={busy} onChange={(e) => t.chooseTarget(e.target.value)}>
                {state.overview.candidates.map((c) => <option key={c.column} value={c.column}>{c.column}</option>)}
              </select>
            </label>
            <label className="field">
              Value for customers who left{' '}
              <select data-testid="train-positive" value={state.positive} disabled={busy} onChange={(e) => t.choosePositive(e.target.value)}>
                {candidate?.values.map((v) => <option key={v.spelling} value={v.spelling}>{v.spelling} ({v.count.toLocaleString()} rows)</option>)}
              </select>
            </label>
            <label className="field">
              Model name (optional){' '}
              <input type="text" data-testid="train-name" value={state.name} disabled={busy} onChange={(e) => t.setName(e.target.value)} />
            </label>
          </div>
          <ColumnsTable roles={state.roles} choices={state.choices} leaks={leaks} onChoose={t.choose} disabled={busy} />
          <button type="button" className="button" data-testid="train-start" disabled={busy || !state.target || !state.positive} onClick={t.start}>Train the model</button>
        </section>
      )}

      {model && state.phase === 'trained' && (
        <section aria-labelledby="trained-section-heading">
          <h2 id="trained-section-heading">Your model</h2>
          <TrainingCard spec={model.spec} leftOut={leftOut} />
          <div className="card package-actions">
            <button type="button" className="button" data-testid="train-use"
              onClick={() => void add(model.files[`${model.spec.id}.json`]!, `${model.spec.id}.json`, model.onnx, model.spec.label)}>
              Use this model
            </button>{' '}
            <button type="button" className="button secondary" data-testid="train-download" onClick={() => downloadFiles(model.files)}>Download model package</button>
            <p className="muted" data-testid="package-contents">
              The package is three files: {Object.keys(model.files).join(', ')}. They hold the column names, the category spellings
              and summary statistics (means, spreads, category shares, held-out figures), and no customer rows.
            </p>
          </div>
        </section>
      )}

      <section className="card" aria-labelledby="open-heading">
        <h2 id="open-heading">Open a saved model package</h2>
        <label className="field">
          Package files (the .json and the .onnx){' '}
          <input type="file" multiple accept=".json,.onnx" data-testid="open-package-input"
            onChange={async (e) => {
              const files = [...(e.target.files ?? [])];
              e.target.value = '';
              const chosen = await readChosenPackage(files);
              if (!chosen.ok) return setMessage({ text: chosen.problem, problem: true });
              await add(chosen.value.specBytes, chosen.value.specName, chosen.value.onnx, chosen.value.specName);
            }} />
        </label>
        {message && <p role={message.problem ? 'alert' : 'status'} className={message.problem ? 'error' : undefined} data-testid="package-message">{message.text}</p>}
      </section>
    </main>
  );
}
