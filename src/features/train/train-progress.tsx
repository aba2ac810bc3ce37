import { formatMegabytes, formatPercent } from '../../components/ui/format.ts';
import type { TrainStage } from '../../worker/train-protocol.ts';

const STAGES: Record<TrainStage, string> = {
  reading: 'Reading the file',
  'cross-validation': 'Choosing the penalty by cross-validation',
  'final fit': 'Fitting the final model',
  evaluation: 'Measuring it on held-out customers',
  'repeated splits': 'Repeating on other splits for the spread',
};

export function TrainProgress({
  progress,
  onCancel,
}: {
  progress: { stage: TrainStage; done: number; total: number } | undefined;
  onCancel: () => void;
}) {
  const share = progress && progress.total > 0 ? Math.min(1, progress.done / progress.total) : 0;
  const stage = progress ? (STAGES[progress.stage] ?? progress.stage) : 'Starting';
  const detail =
    progress?.stage === 'reading'
      ? `${formatMegabytes(progress.done)} of ${formatMegabytes(progress.total)}`
      : progress
        ? `${progress.done} of ${progress.total}`
        : '';
  return (
    <div className="work-progress" aria-live="polite" data-testid="train-progress" data-stage={progress?.stage}>
      <p role="status">
        {stage}
        {detail && ` (${detail}, ${formatPercent(share)})`}…
      </p>
      <progress max={1} value={share} aria-label={`${stage} progress`} />
      <button type="button" className="button secondary" data-testid="train-cancel" onClick={onCancel}>
        Cancel
      </button>
    </div>
  );
}
