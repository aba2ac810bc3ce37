import { useCallback, useEffect, useRef, useState } from 'react';
import type { ColumnRole } from '../../core/train/infer-roles.ts';
import type {
  ColumnChoice,
  HistoryOverview,
  PageToTrainer,
  TrainedModel,
  TrainerToPage,
  TrainStage,
} from '../../worker/train-protocol.ts';

export type TrainPhase = 'idle' | 'reading' | 'choosing' | 'training' | 'trained';

export interface TrainState {
  phase: TrainPhase;
  file?: Blob;
  fileName?: string;
  overview?: HistoryOverview;
  target?: string;
  positive?: string;
  roles: ColumnRole[];
  choices: Record<string, ColumnChoice>;
  name: string;
  progress?: { stage: TrainStage; done: number; total: number };
  model?: TrainedModel;
  error?: string;
  notice?: string;
}

const initial: TrainState = { phase: 'idle', roles: [], choices: {}, name: '' };

export interface TrainingWorker {
  send(message: PageToTrainer): void;
  terminate(): void;
}

/** How the app starts the training worker (a module worker when served, a classic one in the single file). */
export type StartTrainingWorker = (
  onMessage: (message: TrainerToPage) => void,
  onCrash: (message: string) => void,
) => TrainingWorker;

/**
 * The Train view's state and intents. Training is one long computation in its own worker, so
 * Cancel ends that worker and starts a fresh one; the page's thread only draws progress.
 */
export function useTraining(startWorker: StartTrainingWorker) {
  const [state, setState] = useState<TrainState>(initial);
  const worker = useRef<TrainingWorker | null>(null);
  const job = useRef(0);
  const latest = useRef(state);
  useEffect(() => {
    latest.current = state;
  });

  const onMessage = useCallback((m: TrainerToPage) => {
    if (m.job !== job.current) return;
    setState((s) => {
      switch (m.type) {
        case 'train-progress':
          return { ...s, progress: { stage: m.stage, done: m.done, total: m.total } };
        case 'history-read': {
          // Read again after a cancelled training: the person's choices stay.
          if (s.overview && s.fileName === m.overview.fileName) return { ...s, phase: 'choosing', progress: undefined };
          const candidate = m.overview.candidates[0]!;
          return {
            ...s,
            phase: 'choosing',
            overview: m.overview,
            target: candidate.column,
            positive: candidate.positive,
            roles: m.overview.roles,
            choices: {},
            progress: undefined,
            error: undefined,
          };
        }
        case 'roles':
          return { ...s, roles: m.roles, choices: {} };
        case 'trained':
          return { ...s, phase: 'trained', model: m.model, progress: undefined, notice: undefined };
        case 'train-failed':
          return { ...s, phase: s.overview ? 'choosing' : 'idle', error: m.message, progress: undefined };
      }
    });
  }, []);

  const boot = useCallback(() => {
    worker.current?.terminate();
    worker.current = startWorker(onMessage, (message) =>
      setState((s) => ({ ...initial, name: s.name, error: message })),
    );
  }, [onMessage, startWorker]);

  useEffect(() => {
    boot();
    return () => worker.current?.terminate();
  }, [boot]);

  const send = (message: PageToTrainer) => worker.current?.send(message);

  return {
    state,
    chooseFile: useCallback((file: File) => {
      const id = ++job.current;
      setState({
        ...initial,
        phase: 'reading',
        file,
        fileName: file.name,
        progress: { stage: 'reading', done: 0, total: file.size },
      });
      worker.current?.send({ type: 'read-history', job: id, file, fileName: file.name } satisfies PageToTrainer);
    }, []),
    chooseTarget: useCallback((target: string) => {
      setState((s) => ({
        ...s,
        target,
        positive: s.overview?.candidates.find((c) => c.column === target)?.positive,
        model: undefined,
        phase: 'choosing',
        error: undefined,
      }));
      worker.current?.send({ type: 'choose-outcome', job: job.current, target } satisfies PageToTrainer);
    }, []),
    choosePositive: useCallback((positive: string) => setState((s) => ({ ...s, positive })), []),
    choose: useCallback(
      (column: string, choice: ColumnChoice) =>
        setState((s) => ({ ...s, choices: { ...s.choices, [column]: choice } })),
      [],
    ),
    setName: useCallback((name: string) => setState((s) => ({ ...s, name })), []),
    start: () => {
      const { target, positive, choices, name } = state;
      if (!target || !positive) return;
      const id = ++job.current;
      setState((s) => ({
        ...s,
        phase: 'training',
        model: undefined,
        error: undefined,
        notice: undefined,
        progress: { stage: 'cross-validation', done: 0, total: 1 },
      }));
      send({ type: 'train', job: id, request: { target, positive, choices, name } });
    },
    cancel: useCallback(() => {
      boot();
      const s = latest.current;
      if (s.phase !== 'training' || !s.file || !s.fileName) {
        setState({ ...initial, notice: 'Reading cancelled. Nothing was kept.' });
        return;
      }
      // The fresh worker needs the file again; the choices on the page stay.
      const id = ++job.current;
      worker.current?.send({
        type: 'read-history',
        job: id,
        file: s.file,
        fileName: s.fileName,
      } satisfies PageToTrainer);
      setState({
        ...s,
        phase: 'reading',
        notice: 'Training cancelled. Your choices are kept.',
        progress: { stage: 'reading', done: 0, total: s.file.size },
      });
    }, [boot]),
  };
}
