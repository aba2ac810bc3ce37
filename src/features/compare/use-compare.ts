import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { compareFiles } from '../../core/decision/compare.ts';
import type { ModelSpec } from '../../core/spec/model-spec.ts';
import type { PageToWorker, ScoredDataset, WorkerToPage } from '../../worker/protocol.ts';

/** Starts a scoring worker of its own (the app's `startScoringWorker`), so the file on the page stays as it is. */
export type StartWorker = (
  onMessage: (message: WorkerToPage) => void,
  onCrash: (message: string) => void,
) => { send(message: PageToWorker): void; terminate(): void };

export type EarlierFile =
  | { status: 'none' }
  | { status: 'working'; fileName: string }
  | { status: 'failed'; fileName: string; message: string }
  | { status: 'scored'; fileName: string; dataset: ScoredDataset };

/**
 * Scores an earlier file with the same model in a second worker, then matches it with the
 * current file at the page's threshold. The second worker ends once the file is scored.
 */
export function useCompare(startWorker: StartWorker, dataset: ScoredDataset, spec: ModelSpec, threshold: number) {
  const [earlier, setEarlier] = useState<EarlierFile>({ status: 'none' });
  const worker = useRef<ReturnType<StartWorker> | null>(null);
  useEffect(() => () => worker.current?.terminate(), []);

  const choose = useCallback(
    (file: File) => {
      worker.current?.terminate();
      const fileName = file.name;
      setEarlier({ status: 'working', fileName });
      const finish = (next: EarlierFile) => {
        setEarlier(next);
        w.terminate();
        if (worker.current === w) worker.current = null;
      };
      const failed = (message: string) => finish({ status: 'failed', fileName, message });
      const w = startWorker((message) => {
        switch (message.type) {
          case 'models-loaded':
            return w.send({ type: 'score-file', job: 1, file, fileName, model: spec.id });
          case 'models-failed':
          case 'failed':
            return failed(message.message);
          case 'needs-mapping':
            return failed(
              `${fileName}'s columns could not be matched to the model ${spec.label} automatically: ${message.request.reason}`,
            );
          case 'scored':
            if (message.dataset.modelId !== spec.id)
              return failed(
                `${fileName} lacks columns of the model ${spec.label}, so it cannot be scored the same way.`,
              );
            return finish({ status: 'scored', fileName, dataset: message.dataset });
          default:
            return undefined;
        }
      }, failed);
      worker.current = w;
      w.send({ type: 'load-models', baseUrl: document.baseURI });
    },
    [startWorker, spec],
  );

  const before = earlier.status === 'scored' ? earlier.dataset : null;
  const comparison = useMemo(
    () => (before ? compareFiles(before, dataset, threshold, spec.risk_bands) : null),
    [before, dataset, threshold, spec],
  );
  return { earlier, choose, comparison, before };
}
