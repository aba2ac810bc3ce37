import { useEffect, useReducer, useRef } from 'react';
import { formatCount, formatMegabytes } from '../components/ui/format.ts';
import { ModelCards } from '../features/models/model-cards.tsx';
import { ResultsPreview } from '../features/results/results-preview.tsx';
import { FilePicker } from '../features/upload/file-picker.tsx';
import { appReducer, initialState } from './app-state.ts';
import { startScoringWorker, type ScoringWorker } from './scoring-worker.ts';

const MODEL_IDS = ['telco-full', 'telco-core'];

export function App() {
  const [state, dispatch] = useReducer(appReducer, initialState);
  const worker = useRef<ScoringWorker | null>(null);
  const jobs = useRef(0);

  useEffect(() => {
    const w = startScoringWorker(
      (message) => dispatch({ type: 'worker', message }),
      (message) => dispatch({ type: 'crashed', message }),
    );
    w.send({ type: 'load-models', baseUrl: document.baseURI, modelIds: MODEL_IDS });
    worker.current = w;
    return () => w.terminate();
  }, []);

  const score = (file: File) => {
    const job = ++jobs.current;
    dispatch({ type: 'file-chosen', job, fileName: file.name });
    worker.current?.send({ type: 'score-file', job, file });
  };

  const usedModel = state.models.find((m) => m.id === state.result?.modelId);

  return (
    <div className="app" data-state={state.phase}>
      <header className="app-header">
        <h1>Churn Radar</h1>
        <p>Which customers are about to leave, and why. Your file is scored on this machine and never uploaded.</p>
      </header>
      <main>
        <section aria-labelledby="score-heading" className="card">
          <h2 id="score-heading">Score a customer file</h2>
          <FilePicker onFile={score} disabled={state.models.length === 0} />
          {state.phase === 'working' && (
            <p role="status">
              Working on {state.fileName}
              {state.progress && `: ${state.progress.phase} ${formatCount(state.progress.rows)} rows, ${formatMegabytes(state.progress.bytes)} of ${formatMegabytes(state.progress.totalBytes)}`}
              …
            </p>
          )}
          {state.phase === 'error' && <p role="alert" className="error" data-testid="error-message">{state.error}</p>}
        </section>
        {state.result && usedModel && <ResultsPreview result={state.result} modelLabel={usedModel.label} />}
        {state.models.length > 0 && <ModelCards specs={state.models} />}
      </main>
    </div>
  );
}
