import { useId, useState } from 'react';
import type { ModelSpec } from '../../core/spec/model-spec.ts';
import type { ColumnMapping, ExplicitMapping, MappingRequest } from '../../worker/protocol.ts';
import './mapping.css';

interface Props {
  request: MappingRequest;
  models: ModelSpec[];
  onConfirm: (mapping: ExplicitMapping) => void;
  onCancel: () => void;
}

/** Lets a person say which header feeds each model column, with sample values to go by. */
export function MappingStep({ request, models, onConfirm, onCancel }: Props) {
  const usable = request.proposals.filter((p) => p.missing.length === 0);
  const [modelId, setModelId] = useState((usable[0] ?? request.proposals[0])!.modelId);
  const proposal = request.proposals.find((p) => p.modelId === modelId)!;
  const spec = models.find((m) => m.id === modelId)!;
  const [choices, setChoices] = useState<Record<string, ColumnMapping>>({});
  const columns: ColumnMapping = { ...proposal.columns, ...choices[modelId] };
  const complete = spec.columns.every((c) => columns[c.name] !== undefined);
  const modelSelect = useId();
  const preview = (index: number | undefined) =>
    index === undefined
      ? ''
      : request.preview
          .map((row) => row[index] ?? '')
          .slice(0, 3)
          .join(', ');

  return (
    <section className="card mapping" aria-labelledby="mapping-heading" data-testid="mapping-step">
      <h2 id="mapping-heading">Match the columns of {request.fileName}</h2>
      <p>{request.reason}</p>
      {request.duplicates.length > 0 && (
        <p className="warning" role="note">
          Repeated headers:{' '}
          {request.duplicates
            .map((d) => `"${d.header}" (columns ${d.indices.map((i) => i + 1).join(', ')})`)
            .join('; ')}
          . They are kept apart; pick the one to use.
        </p>
      )}
      <label htmlFor={modelSelect}>Model</label>{' '}
      <select id={modelSelect} value={modelId} onChange={(e) => setModelId(e.currentTarget.value)}>
        {request.proposals.map((p) => {
          const m = models.find((s) => s.id === p.modelId)!;
          return (
            <option key={p.modelId} value={p.modelId}>
              {m.label} ({m.columns.length} columns)
            </option>
          );
        })}
      </select>
      <table className="mapping-table">
        <thead>
          <tr>
            <th scope="col">Model column</th>
            <th scope="col">Your file's header</th>
            <th scope="col">Sample values</th>
          </tr>
        </thead>
        <tbody>
          {spec.columns.map((column) => {
            const id = `map-${modelId}-${column.name}`;
            const value = columns[column.name];
            return (
              <tr key={column.name}>
                <th scope="row">
                  <label htmlFor={id}>{column.label}</label>
                </th>
                <td>
                  <select
                    id={id}
                    value={value ?? ''}
                    onChange={(e) => {
                      const chosen = e.currentTarget.value === '' ? undefined : Number(e.currentTarget.value);
                      setChoices((all) => {
                        const next: ColumnMapping = { ...columns };
                        if (chosen === undefined) delete next[column.name];
                        else next[column.name] = chosen;
                        return { ...all, [modelId]: next };
                      });
                    }}
                  >
                    <option value="">— not in this file —</option>
                    {request.headers.map((h, i) => (
                      <option key={i} value={i}>
                        {h || `(column ${i + 1}, no header)`}
                      </option>
                    ))}
                  </select>
                </td>
                <td className="muted">{preview(value)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <div className="actions">
        <button type="button" className="button" disabled={!complete} onClick={() => onConfirm({ modelId, columns })}>
          Score with this mapping
        </button>
        <button type="button" className="button secondary" onClick={onCancel}>
          Cancel
        </button>
        {!complete && (
          <span className="muted">Choose a header for every model column, or pick a model with fewer columns.</span>
        )}
      </div>
    </section>
  );
}
