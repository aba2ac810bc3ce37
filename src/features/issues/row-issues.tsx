import { formatCount } from '../../components/ui/format.ts';
import type { IssueKind } from '../../core/table/column-table.ts';
import type { ScoredDataset } from '../../worker/protocol.ts';

const KIND_LABELS: Record<IssueKind, string> = {
  rejected: 'Rejected (row not scored)',
  imputed: 'Blank, value filled in',
  'unknown-category': 'Unknown value, counted as unknown',
  'out-of-range': 'Outside the training range',
};

export function RowIssues({ dataset, onDownload }: { dataset: ScoredDataset; onDownload: () => void }) {
  const scored = dataset.rows - dataset.rejectedRows;
  return (
    <section className="card" aria-labelledby="issues-heading" data-testid="row-issues">
      <h2 id="issues-heading">Row issues</h2>
      <p>
        {formatCount(dataset.rows)} data rows in the file = {formatCount(scored)} scored +{' '}
        {formatCount(dataset.rejectedRows)} rejected.{' '}
        {dataset.issueCount === 0
          ? 'No values needed attention.'
          : `${formatCount(dataset.issueCount)} values needed attention.`}
      </p>
      {dataset.issueSummary.length > 0 && (
        <table>
          <caption>By column</caption>
          <thead>
            <tr>
              <th scope="col">Column</th>
              <th scope="col">What happened</th>
              <th scope="col">Cells</th>
              <th scope="col">Examples</th>
            </tr>
          </thead>
          <tbody>
            {dataset.issueSummary.map((s) => (
              <tr key={`${s.column}-${s.kind}`}>
                <td>{s.column}</td>
                <td>{KIND_LABELS[s.kind]}</td>
                <td>{formatCount(s.count)}</td>
                <td>{s.examples.map((e) => (e.trim() === '' ? '(blank)' : `"${e}"`)).join(', ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {dataset.issues.length > 0 && (
        <details>
          <summary>
            {dataset.issueCount > dataset.issues.length
              ? `First ${formatCount(dataset.issues.length)} of ${formatCount(dataset.issueCount)}`
              : `All ${formatCount(dataset.issueCount)}`}{' '}
            issues, by row
          </summary>
          <table>
            <thead>
              <tr>
                <th scope="col">Row</th>
                <th scope="col">Column</th>
                <th scope="col">Value</th>
                <th scope="col">Reason</th>
              </tr>
            </thead>
            <tbody>
              {dataset.issues.map((issue, i) => (
                <tr key={i} className={issue.kind}>
                  <td>{issue.row}</td>
                  <td>{issue.column}</td>
                  <td>{issue.value}</td>
                  <td>{issue.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      )}
      {dataset.issueCount > 0 && (
        <button type="button" className="button secondary" onClick={onDownload}>
          Download all {formatCount(dataset.issueCount)} issues (CSV)
        </button>
      )}
    </section>
  );
}
