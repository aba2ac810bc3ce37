import { useCallback, useEffect, useReducer, useRef } from 'react';
import type { ExplicitMapping, ExportKind } from '../worker/protocol.ts';
import { appReducer, initialState, type ExportTarget, type Sort } from './app-state.ts';
import { startScoringWorker, type ScoringWorker } from './scoring-worker.ts';

/**
 * Above this size a browser tab may run out of memory (the worker keeps the decoded
 * text for exports, about 2–3 × the file), so the person is asked before we start.
 */
export const COMFORTABLE_BYTES = 1_000_000_000;
export const SAMPLE_URL = 'samples/customers-sample.csv';

/** What a deployment may set in config.json (see use-deploy-config.ts). */
export interface ScoringSettings {
  comfortableBytes: number;
  defaultModel: string | undefined;
}

/** The app's state and the intents the UI can send; all work happens in the worker. */
export function useScoring(settings: ScoringSettings) {
  const [state, dispatch] = useReducer(appReducer, initialState);
  const latest = useRef(settings);
  useEffect(() => {
    latest.current = settings;
  });
  const worker = useRef<ScoringWorker | null>(null);
  /** Replies to 'add-model', by request; and the model added last, preferred when a file fits it. */
  const adding = useRef(new Map<number, (problem: string | undefined) => void>());
  const preferred = useRef<string | undefined>(undefined);
  const counter = useRef(0);
  const next = () => ++counter.current;

  const boot = useCallback(() => {
    worker.current?.terminate();
    const w = startScoringWorker(
      (message) => {
        if (message.type === 'scored') performance.mark('churn:scored', { detail: { job: message.dataset.job } });
        if (message.type === 'model-added' || message.type === 'model-refused') {
          adding.current.get(message.request)?.(message.type === 'model-refused' ? message.message : undefined);
          adding.current.delete(message.request);
          if (message.type === 'model-added') preferred.current = message.id;
        }
        dispatch({ type: 'worker', message });
      },
      (message) => dispatch({ type: 'crashed', message }),
    );
    w.send({ type: 'load-models', baseUrl: document.baseURI });
    worker.current = w;
  }, []);

  useEffect(() => {
    boot();
    return () => worker.current?.terminate();
  }, [boot]);

  const { job, file, fileName } = state;

  return {
    state,
    scoreFile: useCallback((blob: Blob, name: string, mapping?: ExplicitMapping, askMapping = false, confirmed = false, model?: string) => {
      if (blob.size > latest.current.comfortableBytes && !confirmed) {
        dispatch({ type: 'oversized', file: blob, fileName: name });
        return;
      }
      const id = next();
      dispatch({ type: 'file-chosen', job: id, file: blob, fileName: name });
      worker.current?.send({ type: 'score-file', job: id, file: blob, fileName: name, mapping, askMapping, model: model ?? preferred.current ?? latest.current.defaultModel });
    }, []),
    remap: useCallback((mapping: ExplicitMapping) => {
      if (file && fileName) {
        const id = next();
        dispatch({ type: 'file-chosen', job: id, file, fileName });
        worker.current?.send({ type: 'score-file', job: id, file, fileName, mapping });
      }
    }, [file, fileName]),
    /** Re-scores the current file with another model whose columns it has; the file is not chosen again. */
    switchModel: useCallback((model: string) => {
      if (file && fileName) {
        const id = next();
        dispatch({ type: 'file-chosen', job: id, file, fileName });
        worker.current?.send({ type: 'score-file', job: id, file, fileName, model });
      }
    }, [file, fileName]),
    /** Adds a package for this session; resolves to the problem when it is refused. */
    addModel: useCallback((specBytes: Uint8Array, specName: string, onnx: Uint8Array) => new Promise<string | undefined>((resolve) => {
      const request = next();
      adding.current.set(request, resolve);
      worker.current?.send({ type: 'add-model', request, specBytes, specName, onnx });
    }), []),
    cancel: useCallback(() => worker.current?.send({ type: 'cancel', job }), [job]),
    setThreshold: useCallback((value: number) => dispatch({ type: 'threshold', value }), []),
    sortBy: useCallback((sort: Sort | null) => {
      const request = next();
      dispatch({ type: 'sort', sort, request });
      if (sort) worker.current?.send({ type: 'sort', job, request, key: sort.key, descending: sort.descending });
    }, [job]),
    openRow: useCallback((row: number | null) => {
      dispatch({ type: 'open-row', row });
      if (row !== null) worker.current?.send({ type: 'row-details', job, row });
    }, [job]),
    exportAs: useCallback((kind: ExportKind, target: ExportTarget = 'download') => {
      dispatch({ type: 'export-started', kind, target });
      worker.current?.send({ type: 'export', job, kind, threshold: state.threshold });
    }, [job, state.threshold]),
    cancelExport: useCallback(() => worker.current?.send({ type: 'cancel-export', job }), [job]),
    downloaded: useCallback(() => dispatch({ type: 'downloaded' }), []),
    dismissOversized: useCallback(() => dispatch({ type: 'dismiss-oversized' }), []),
    fail: useCallback((message: string) => dispatch({ type: 'crashed', message }), []),
    startOver: useCallback(() => {
      // A crashed or stuck worker is replaced; a healthy one just forgets the file.
      if (state.phase === 'error') boot();
      else worker.current?.send({ type: 'cancel', job });
      dispatch({ type: 'start-over' });
    }, [boot, job, state.phase]),
  };
}
