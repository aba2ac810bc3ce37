import type { ModelSpec } from '../../core/spec/model-spec.ts';
import { formatPercent, formatScore } from './format.ts';

/** A model's named thresholds with their held-out precision, recall and flag rate: one table for every model card. */
export function OperatingPointsTable({ spec, caption, testId }: { spec: ModelSpec; caption: string; testId?: string }) {
  return (
    <table className="points" data-testid={testId}>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Threshold</th>
          <th scope="col">Precision</th>
          <th scope="col">Recall</th>
          <th scope="col">Flagged</th>
        </tr>
      </thead>
      <tbody>
        {spec.thresholds.points.map((p) => (
          <tr key={p.name}>
            <th scope="row">
              {formatScore(p.value)} {p.label}
              {p.name === spec.thresholds.recommended && <span className="badge">recommended</span>}
            </th>
            <td>{formatPercent(p.test.precision)}</td>
            <td>{formatPercent(p.test.recall)}</td>
            <td>{formatPercent(p.test.flag_rate)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
