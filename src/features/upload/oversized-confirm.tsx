import { useEffect, useRef } from 'react';
import { formatMegabytes } from '../../components/ui/format.ts';

interface Props {
  fileName: string;
  bytes: number;
  comfortableBytes: number;
  onProceed: () => void;
  onCancel: () => void;
}

/** Asks before reading a file big enough to exhaust the tab's memory. */
export function OversizedConfirm({ fileName, bytes, comfortableBytes, onProceed, onCancel }: Props) {
  const cancel = useRef<HTMLButtonElement>(null);
  useEffect(() => cancel.current?.focus(), []);
  return (
    <div
      role="alertdialog"
      aria-labelledby="oversized-title"
      aria-describedby="oversized-text"
      className="oversized"
      data-testid="oversized-confirm"
    >
      <p id="oversized-title">
        <strong>
          {fileName} is {formatMegabytes(bytes)}.
        </strong>
      </p>
      <p id="oversized-text">
        Files above {formatMegabytes(comfortableBytes)} can take several minutes and need two to three times their size
        in memory; if the computer runs short, the browser may stop this tab. Nothing is lost either way: your file is
        only read.
      </p>
      <div className="actions start">
        <button type="button" className="button" onClick={onProceed}>
          Score it anyway
        </button>
        <button type="button" className="button secondary" onClick={onCancel} ref={cancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}
