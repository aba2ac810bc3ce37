import { useId } from 'react';
import type { ModelSpec } from '../../core/spec/model-spec.ts';
import { formatScore } from '../../components/ui/format.ts';

/** Lets the person re-score the same file with another model whose columns it has. */
export function ModelSwitch({
  current,
  alternatives,
  models,
  onSwitch,
}: {
  current: ModelSpec;
  alternatives: readonly string[];
  models: readonly ModelSpec[];
  onSwitch: (modelId: string) => void;
}) {
  const id = useId();
  const options = [
    current,
    ...alternatives.map((a) => models.find((m) => m.id === a)).filter((m): m is ModelSpec => m !== undefined),
  ];
  return (
    <span className="model-switch">
      <label htmlFor={id}>Score with </label>
      <select id={id} data-testid="model-switch" value={current.id} onChange={(event) => onSwitch(event.target.value)}>
        {options.map((m) => (
          <option key={m.id} value={m.id}>
            {m.label} (AUC {formatScore(m.metrics.test.roc_auc)})
          </option>
        ))}
      </select>
    </span>
  );
}
