import { formatCount, formatMegabytes, formatPercent } from '../../components/ui/format.ts';
import type { Progress } from '../../worker/protocol.ts';

export function WorkProgress({
  fileName,
  progress,
  onCancel,
}: {
  fileName: string;
  progress: Progress | undefined;
  onCancel: () => void;
}) {
  const share = progress && progress.totalBytes > 0 ? progress.bytes / progress.totalBytes : 0;
  const phase = progress?.phase === 'scoring' ? 'Scoring' : 'Reading';
  return (
    <div className="work-progress" aria-live="polite">
      <p role="status">
        {phase} <strong>{fileName}</strong>
        {progress &&
          `: ${formatCount(progress.rows)} rows, ${formatMegabytes(progress.bytes)} of ${formatMegabytes(progress.totalBytes)} (${formatPercent(share)})`}
        …
      </p>
      <progress max={1} value={progress?.phase === 'scoring' ? 1 : share} aria-label={`${phase} progress`} />
      <button type="button" className="button secondary" onClick={onCancel}>
        Cancel
      </button>
    </div>
  );
}
