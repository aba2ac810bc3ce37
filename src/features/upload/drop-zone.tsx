import { useId } from 'react';
import './upload.css';

interface Props {
  onFile: (file: File) => void;
  onSample: () => void;
  /** The sample needs the models; a chosen file can wait for them. */
  disabled: boolean;
  fileDisabled: boolean;
  dragging: boolean;
}

/** The visible target; the whole window also accepts a dropped file (see use-window-drop). */
export function DropZone({ onFile, onSample, disabled, fileDisabled, dragging }: Props) {
  const id = useId();
  return (
    <div className={`drop-zone${dragging ? ' dragging' : ''}`}>
      <p className="drop-title">Drop a customer CSV anywhere on this page</p>
      <p className="muted">
        CSV, TSV or TXT; comma, semicolon, tab or pipe separated. It is read on this computer and never uploaded.
      </p>
      <div className="actions">
        <label htmlFor={id} className={`button${fileDisabled ? ' disabled' : ''}`}>
          Choose file…
        </label>
        <input
          id={id}
          className="visually-hidden"
          type="file"
          accept=".csv,.tsv,.txt,text/csv,text/tab-separated-values,text/plain"
          data-testid="file-input"
          disabled={fileDisabled}
          onChange={(event) => {
            const file = event.currentTarget.files?.[0];
            if (file) onFile(file);
            // Let the same file be chosen again later.
            event.currentTarget.value = '';
          }}
        />
        <button type="button" className="button secondary" onClick={onSample} disabled={disabled}>
          Try sample data
        </button>
      </div>
    </div>
  );
}
