import { useCallback, useEffect } from 'react';
import { comparisonSummary, type ComparisonSummary } from '../../core/decision/compare.ts';
import type { ModelSpec } from '../../core/spec/model-spec.ts';
import type { ScoredDataset } from '../../worker/protocol.ts';
import { changesCsv } from './changes-csv.ts';
import { ComparePanel } from './compare-panel.tsx';
import { useCompare, type StartWorker } from './use-compare.ts';

interface Props {
  startWorker: StartWorker;
  dataset: ScoredDataset;
  spec: ModelSpec;
  threshold: number;
  /** Limits the customer table to these rows of the current file (1 = shown). */
  onShowList: (label: string, rows: Uint8Array) => void;
  /** The counts, for the embedding host; null until a comparison exists. */
  onSummary?: (summary: ComparisonSummary | null) => void;
}

function download(blob: Blob, fileName: string) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  // The browser has taken the blob by the next task.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

export function CompareSection({ startWorker, dataset, spec, threshold, onShowList, onSummary }: Props) {
  const { earlier, choose, comparison, before } = useCompare(startWorker, dataset, spec, threshold);
  const showGroup = useCallback(
    (label: string, rows: Uint32Array) => {
      const mask = new Uint8Array(dataset.rows);
      for (const row of rows) mask[row] = 1;
      onShowList(label, mask);
    },
    [dataset, onShowList],
  );
  const exportChanges = useCallback(() => {
    if (!before || !comparison?.ok) return;
    download(
      changesCsv(before, dataset, comparison.value, spec.risk_bands, threshold),
      `${dataset.fileName.replace(/\.(csv|tsv|txt)$/i, '')}-changes.csv`,
    );
  }, [before, comparison, dataset, spec, threshold]);
  const summary = comparison?.ok ? comparison.value : null;
  useEffect(() => {
    onSummary?.(summary ? comparisonSummary(summary) : null);
  }, [summary, onSummary]);
  return (
    <ComparePanel
      spec={spec}
      threshold={threshold}
      earlier={earlier}
      comparison={comparison}
      onChoose={choose}
      onShowGroup={showGroup}
      onExportChanges={exportChanges}
    />
  );
}
