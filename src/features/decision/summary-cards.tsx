import { formatCount, formatCurrency, formatPercent } from '../../components/ui/format.ts';
import type { DecisionSummary } from '../../core/decision/decision-summary.ts';

/** `value` names the spec's recurring-value column and its currency, when the model has one. */
export function SummaryCards({
  summary,
  rejected,
  rows,
  value,
}: {
  summary: DecisionSummary;
  rejected: number;
  rows: number;
  value?: { label: string; currency: string };
}) {
  const share = summary.scored ? summary.atRisk / summary.scored : 0;
  return (
    <dl className="summary" aria-label="Summary">
      <div>
        <dt>Customers scored</dt>
        <dd data-testid="summary-total" data-value={summary.scored}>
          {formatCount(summary.scored)}
        </dd>
        <dd className="summary-note">of {formatCount(rows)} rows in the file</dd>
      </div>
      <div className="summary-at-risk">
        <dt>At risk</dt>
        <dd data-testid="summary-at-risk" data-value={summary.atRisk}>
          {formatCount(summary.atRisk)}
        </dd>
        <dd className="summary-note">{formatPercent(share)} of scored customers</dd>
      </div>
      <div>
        <dt>Rows rejected</dt>
        <dd data-testid="summary-rejected" data-value={rejected}>
          {formatCount(rejected)}
        </dd>
        <dd className="summary-note">{rejected ? 'see Row issues below' : 'every row was scored'}</dd>
      </div>
      <div>
        <dt>Expected churners</dt>
        <dd data-testid="summary-expected">{formatCount(Math.round(summary.expectedChurners))}</dd>
        <dd className="summary-note">sum of all probabilities</dd>
      </div>
      {summary.revenueAtRisk !== null && value && (
        <div>
          <dt>Monthly revenue at risk</dt>
          <dd data-testid="summary-revenue" data-value={summary.revenueAtRisk}>
            {formatCurrency(summary.revenueAtRisk, value.currency, 0)}
          </dd>
          <dd className="summary-note">{value.label.toLowerCase()} of at-risk customers</dd>
        </div>
      )}
    </dl>
  );
}
