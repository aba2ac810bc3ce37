import { formatCount, formatMoney, formatPercent } from '../../components/ui/format.ts';
import type { DecisionSummary } from '../../core/decision/decision-summary.ts';

export function SummaryCards({ summary, rejected, rows }: { summary: DecisionSummary; rejected: number; rows: number }) {
  const share = summary.scored ? summary.atRisk / summary.scored : 0;
  return (
    <dl className="summary" aria-label="Summary">
      <div>
        <dt>Customers scored</dt>
        <dd data-testid="summary-total" data-value={summary.scored}>{formatCount(summary.scored)}</dd>
        <dd className="summary-note">of {formatCount(rows)} rows in the file</dd>
      </div>
      <div className="summary-at-risk">
        <dt>At risk</dt>
        <dd data-testid="summary-at-risk" data-value={summary.atRisk}>{formatCount(summary.atRisk)}</dd>
        <dd className="summary-note">{formatPercent(share)} of scored customers</dd>
      </div>
      <div>
        <dt>Rows rejected</dt>
        <dd data-testid="summary-rejected" data-value={rejected}>{formatCount(rejected)}</dd>
        <dd className="summary-note">{rejected ? 'see Row issues below' : 'every row was scored'}</dd>
      </div>
      <div>
        <dt>Expected churners</dt>
        <dd data-testid="summary-expected">{formatCount(Math.round(summary.expectedChurners))}</dd>
        <dd className="summary-note">sum of all probabilities</dd>
      </div>
      {summary.revenueAtRisk !== null && (
        <div>
          <dt>Monthly revenue at risk</dt>
          <dd data-testid="summary-revenue">{formatMoney(summary.revenueAtRisk)}</dd>
          <dd className="summary-note">monthly charges of at-risk customers</dd>
        </div>
      )}
    </dl>
  );
}
