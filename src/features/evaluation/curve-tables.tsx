import { memo } from 'react';
import { formatCount, formatPercent, formatScore } from '../../components/ui/format.ts';
import type { CalibrationBin } from '../../core/metrics/calibration.ts';
import type { PrPoint, RocPoint } from '../../core/metrics/curves.ts';

// The charts' numbers as tables, for screen readers and for reading exact values.
// Memoised: they change once per file, while the charts around them follow the threshold.

export const binRange = (lower: number, upper: number) => `${formatPercent(lower)}–${formatPercent(upper)}`;

export const RocTable = memo(function RocTable({ roc }: { roc: RocPoint[] }) {
  return (
    <details>
      <summary>ROC curve as a table</summary>
      <table>
        <thead>
          <tr>
            <th scope="col">Threshold</th>
            <th scope="col">False positive rate</th>
            <th scope="col">True positive rate</th>
          </tr>
        </thead>
        <tbody>
          {roc.map((p) => (
            <tr key={p.threshold}>
              <th scope="row">{formatPercent(p.threshold)}</th>
              <td>{formatScore(p.fpr)}</td>
              <td>{formatScore(p.tpr)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
});

export const PrTable = memo(function PrTable({ pr }: { pr: PrPoint[] }) {
  return (
    <details>
      <summary>Precision–recall curve as a table</summary>
      <table>
        <thead>
          <tr>
            <th scope="col">Threshold</th>
            <th scope="col">Recall</th>
            <th scope="col">Precision</th>
          </tr>
        </thead>
        <tbody>
          {pr.map((p) => (
            <tr key={p.threshold}>
              <th scope="row">{formatPercent(p.threshold)}</th>
              <td>{formatScore(p.recall)}</td>
              <td>{formatScore(p.precision)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
});

export const CalibrationTable = memo(function CalibrationTable({ bins }: { bins: CalibrationBin[] }) {
  return (
    <details>
      <summary>Calibration as a table</summary>
      <table>
        <thead>
          <tr>
            <th scope="col">Probability bin</th>
            <th scope="col">Customers</th>
            <th scope="col">Mean predicted</th>
            <th scope="col">Observed churn rate</th>
          </tr>
        </thead>
        <tbody>
          {bins.map((b) => (
            <tr key={b.lower}>
              <th scope="row">{binRange(b.lower, b.upper)}</th>
              <td>{formatCount(b.count)}</td>
              <td>{b.mean_predicted === null ? '—' : formatPercent(b.mean_predicted)}</td>
              <td>{b.observed_rate === null ? '—' : formatPercent(b.observed_rate)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
});
