import { useId } from 'react';

export function FilePicker({ onFile, disabled }: { onFile: (file: File) => void; disabled: boolean }) {
  const id = useId();
  return (
    <div className="file-picker">
      <label htmlFor={id} className="button">Choose a CSV file</label>
      <input
        id={id}
        className="visually-hidden"
        type="file"
        accept=".csv,.tsv,.txt,text/csv"
        data-testid="file-input"
        disabled={disabled}
        onChange={(event) => {
          const file = event.currentTarget.files?.[0];
          if (file) onFile(file);
          // Let the same file be chosen again after a change.
          event.currentTarget.value = '';
        }}
      />
    </div>
  );
}
