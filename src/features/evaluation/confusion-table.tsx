import { formatCount, formatPercent, formatScore } from '../../components/ui/format.ts';
import type { ThresholdPoint } from './evaluation-data.ts';

/** Outcomes at the chosen threshold as a 2 × 2 table, with the rates a retention team reads off it. */
export function ConfusionTable({ point, threshold }: { point: ThresholdPoint; threshold: number }) {
  const { confusion: c, rates: r } = point;
  const total = c.tp + c.fp + c.fn + c.tn;
  return (
    <div className="evaluation-confusion">
      <table data-testid="confusion-matrix">
        <caption>
          Outcomes at threshold {formatPercent(threshold)}, on {formatCount(total)} customers with a known outcome
        </caption>
        <thead>
          <tr>
            <td />
            <th scope="col">Churned</th>
            <th scope="col">Stayed</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">Flagged at risk</th>
            <td data-testid="confusion-tp" data-value={c.tp}>
              {formatCount(c.tp)} true positives
            </td>
            <td data-testid="confusion-fp" data-value={c.fp}>
              {formatCount(c.fp)} false positives
            </td>
          </tr>
          <tr>
            <th scope="row">Not flagged</th>
            <td data-testid="confusion-fn" data-value={c.fn}>
              {formatCount(c.fn)} false negatives
            </td>
            <td data-testid="confusion-tn" data-value={c.tn}>
              {formatCount(c.tn)} true negatives
            </td>
          </tr>
        </tbody>
      </table>
      <dl className="evaluation-figures">
        <div>
          <dt>Precision</dt>
          <dd data-testid="evaluation-precision" data-value={r.precision}>
            {formatPercent(r.precision)}
          </dd>
        </div>
        <div>
          <dt>Recall</dt>
          <dd data-testid="evaluation-recall" data-value={r.recall}>
            {formatPercent(r.recall)}
          </dd>
        </div>
        <div>
          <dt>F1</dt>
          <dd data-testid="evaluation-f1" data-value={r.f1}>
            {formatScore(r.f1)}
          </dd>
        </div>
        <div>
          <dt>Flag rate</dt>
          <dd data-testid="evaluation-flag-rate" data-value={r.flag_rate}>
            {formatPercent(r.flag_rate)}
          </dd>
        </div>
      </dl>
    </div>
  );
}
