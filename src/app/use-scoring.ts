import { startTransition, useCallback, useEffect, useReducer, useRef, useState } from 'react';
import type { CampaignSettings } from '../core/decision/campaign.ts';
import type { Result } from '../core/result.ts';
import type { ModelSpec } from '../core/spec/model-spec.ts';
import type { TableSort } from '../core/ordering/table-sort.ts';
import type { ExportDecision } from '../core/export/decision-columns.ts';
import type { ExplicitMapping, ExportKind } from '../worker/protocol.ts';
import { appReducer, initialState, type AtRiskList, type ExportTarget } from './app-state.ts';
import { chooseSaveFile, STREAM_EXPORT_BYTES } from './save-file.ts';
import { startScoringWorker, type ScoringWorker } from './scoring-worker.ts';

/**
 * Above this size a browser tab may run out of memory, so the person is asked before we
 * start. The worker keeps typed columns and each row's byte offsets, not the file's text
 * (exports read rows again from the file), so memory grows with rows, well under the file size.
 */
export const COMFORTABLE_BYTES = 2_000_000_000;
export const SAMPLE_URL = 'samples/customers-sample.csv';

/** What a deployment may set in config.json (see use-deploy-config.ts). */
export interface ScoringSettings {
  comfortableBytes: number;
  defaultModel: string | undefined;
}

interface StartOptions {
  mapping?: ExplicitMapping;
  askMapping?: boolean;
  keepShown?: boolean;
  /** The model to use when the file has its columns: the person's switch, else the deployment's default. */
  model?: string;
}

/** The app's state and the intents the UI can send; all work happens in the worker. */
export function useScoring(settings: ScoringSettings) {
  const [state, dispatch] = useReducer(appReducer, initialState);
  const latest = useRef(settings);
  useEffect(() => {
    latest.current = settings;
  });
  const worker = useRef<ScoringWorker | null>(null);
  /** Replies to 'add-model', by request; and the model the person added last, preferred when a file fits it. */
  const adding = useRef(new Map<number, { prefer: boolean; resolve: (added: Result<ModelSpec>) => void }>());
  const preferred = useRef<string | undefined>(undefined);
  const counter = useRef(0);
  const next = () => ++counter.current;
  /** Counts worker starts: models added on the page live in the worker, so a new one needs them again. */
  const [workerStarts, setWorkerStarts] = useState(0);

  const boot = useCallback(() => {
    worker.current?.terminate();
    const w = startScoringWorker(
      (message) => {
        if (message.type === 'scored') performance.mark('churn:scored', { detail: { job: message.dataset.job } });
        if (message.type === 'model-added' || message.type === 'model-refused') {
          const asked = adding.current.get(message.request);
          adding.current.delete(message.request);
          if (message.type === 'model-refused') asked?.resolve({ ok: false, problem: message.message });
          else {
            if (asked?.prefer) preferred.current = message.id;
            asked?.resolve({ ok: true, value: message.specs.find((m) => m.id === message.id)! });
          }
        }
        // New results and a new row order re-render the whole results page (about 100 ms at 1,000,000
        // rows): as a transition, React renders it in slices and the page stays responsive meanwhile.
        if (message.type === 'scored' || message.type === 'sorted')
          startTransition(() => dispatch({ type: 'worker', message }));
        else dispatch({ type: 'worker', message });
      },
      (message) => dispatch({ type: 'crashed', message }),
    );
    w.send({ type: 'load-models', baseUrl: document.baseURI });
    worker.current = w;
    setWorkerStarts((n) => n + 1);
  }, []);

  useEffect(() => {
    boot();
    return () => worker.current?.terminate();
  }, [boot]);

  const { job, file, fileName } = state;
  // Requests about sorting, details and exports name the results on screen.
  const shownJob = state.dataset?.job ?? 0;
  const modelsReady = state.models.length > 0;

  const start = useCallback((blob: Blob, name: string, options: StartOptions) => {
    const id = next();
    const keepShown = options.keepShown ?? false;
    const model = options.model ?? preferred.current ?? latest.current.defaultModel;
    dispatch({ type: 'file-chosen', job: id, file: blob, fileName: name, keepShown });
    worker.current?.send({
      type: 'score-file',
      job: id,
      file: blob,
      fileName: name,
      mapping: options.mapping,
      askMapping: options.askMapping,
      keepShown,
      model,
    });
  }, []);

  // A file chosen while the models were loading is read as soon as they are in memory.
  const { queued } = state;
  useEffect(() => {
    if (queued && modelsReady) start(queued.file, queued.fileName, {});
  }, [queued, modelsReady, start]);

  return {
    state,
    workerStarts,
    scoreFile: useCallback(
      (blob: Blob, name: string, confirmed = false) => {
        if (blob.size > latest.current.comfortableBytes && !confirmed)
          dispatch({ type: 'oversized', file: blob, fileName: name });
        else if (!modelsReady) dispatch({ type: 'queue-file', file: blob, fileName: name });
        else start(blob, name, {});
      },
      [modelsReady, start],
    ),
    /** "Change column mapping": the results on screen stay until the new mapping is scored, or for good if it is cancelled. */
    changeMapping: useCallback(() => {
      if (file && fileName) start(file, fileName, { askMapping: true, keepShown: true });
    }, [file, fileName, start]),
    remap: useCallback(
      (mapping: ExplicitMapping) => {
        if (file && fileName) start(file, fileName, { mapping, keepShown: true });
      },
      [file, fileName, start],
    ),
    /** Re-scores the file on screen with another model whose columns it has; its results stay until the new ones arrive. */
    switchModel: useCallback(
      (model: string) => {
        if (file && fileName) start(file, fileName, { model, keepShown: true });
      },
      [file, fileName, start],
    ),
    cancelMapping: useCallback(() => dispatch({ type: 'cancel-mapping' }), []),
    /**
     * Adds a package for this session; resolves to its spec, or the problem when it is refused. A model
     * the person adds (`prefer`) is then chosen for files that fit it; one loaded from storage is not.
     */
    addModel: useCallback(
      (specBytes: Uint8Array, specName: string, onnx: Uint8Array, prefer = true) =>
        new Promise<Result<ModelSpec>>((resolve) => {
          const request = next();
          adding.current.set(request, { prefer, resolve });
          worker.current?.send({ type: 'add-model', request, specBytes, specName, onnx });
        }),
      [],
    ),
    cancel: useCallback(() => worker.current?.send({ type: 'cancel', job }), [job]),
    setThreshold: useCallback((value: number) => dispatch({ type: 'threshold', value }), []),
    sortBy: useCallback(
      (sort: TableSort | null) => {
        const request = next();
        dispatch({ type: 'sort', sort, request });
        if (sort)
          worker.current?.send({ type: 'sort', job: shownJob, request, key: sort.key, descending: sort.descending });
      },
      [shownJob],
    ),
    openRow: useCallback(
      (row: number | null) => {
        dispatch({ type: 'open-row', row });
        if (row !== null) worker.current?.send({ type: 'row-details', job: shownJob, row });
      },
      [shownJob],
    ),
    /** The campaign's curves for these settings, worked out in the worker; a later request supersedes this one. */
    requestCampaign: useCallback(
      (settings: CampaignSettings, samples: number) => {
        const request = next();
        dispatch({ type: 'campaign-request', request, settings });
        worker.current?.send({ type: 'campaign', job: shownJob, request, settings, samples });
      },
      [shownJob],
    ),
    setAtRiskList: useCallback((list: AtRiskList | null) => dispatch({ type: 'at-risk-list', list }), []),
    exportAs: useCallback(
      (kind: ExportKind, target: ExportTarget = 'download', decision?: ExportDecision) => {
        const { threshold, dataset, atRiskList } = state;
        const atRisk = atRiskList?.rows;
        const send = (sink?: WritableStream<Blob>) => {
          dispatch({ type: 'export-started', kind, target });
          // The at-risk list is copied, not transferred: the page keeps showing it.
          worker.current?.send(
            { type: 'export', job: shownJob, kind, threshold, sink, decision, atRisk },
            sink ? [sink] : [],
          );
        };
        const big =
          target === 'download' &&
          kind !== 'issues' &&
          dataset !== undefined &&
          dataset.fileBytes >= STREAM_EXPORT_BYTES;
        const choosing = big ? chooseSaveFile(dataset.fileName, kind) : undefined;
        if (!choosing) return send();
        choosing.then(
          (sink) => {
            if (sink) send(sink);
            else
              dispatch({ type: 'worker', message: { type: 'export-ended', job: shownJob, kind, message: undefined } });
          },
          (error: unknown) =>
            dispatch({
              type: 'worker',
              message: { type: 'export-ended', job: shownJob, kind, message: (error as Error).message },
            }),
        );
      },
      [shownJob, state],
    ),
    cancelExport: useCallback(() => worker.current?.send({ type: 'cancel-export', job: shownJob }), [shownJob]),
    downloaded: useCallback(() => dispatch({ type: 'downloaded' }), []),
    dismissOversized: useCallback(() => dispatch({ type: 'dismiss-oversized' }), []),
    fail: useCallback((message: string) => dispatch({ type: 'crashed', message }), []),
    startOver: useCallback(() => {
      // A crashed or stuck worker is replaced; a healthy one just forgets the file.
      const restart = state.phase === 'error';
      if (restart) boot();
      else worker.current?.send({ type: 'cancel', job });
      dispatch({ type: 'start-over', restarted: restart });
    }, [boot, job, state.phase]),
  };
}
