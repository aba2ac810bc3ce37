import { formatCount, formatPercent } from '../../components/ui/format.ts';
import type { ScoredFile } from '../../worker/protocol.ts';

const PREVIEW_ROWS = 100;

export function ResultsPreview({ result, modelLabel }: { result: ScoredFile; modelLabel: string }) {
  const shown = Math.min(result.rows, PREVIEW_ROWS);
  return (
    <section aria-labelledby="results-heading">
      <h2 id="results-heading">Scores for {result.fileName}</h2>
      <p>
        Model: <strong data-testid="model-used">{modelLabel}</strong>.{' '}
        <span data-testid="summary-total">{formatCount(result.rows - result.rejectedRows)}</span> customers scored,{' '}
        <span data-testid="summary-rejected">{formatCount(result.rejectedRows)}</span> rows rejected.
        {shown < result.rows && ` Showing the first ${formatCount(shown)}.`}
      </p>
      <table data-testid="results-table" className="results">
        <thead>
          <tr>
            <th scope="col">{result.hasIds ? 'Customer' : 'Row'}</th>
            <th scope="col">Churn probability</th>
          </tr>
        </thead>
        <tbody>
          {Array.from({ length: shown }, (_, i) => {
            const p = result.probabilities[i]!;
            return (
              <tr key={i}>
                <td>{result.ids[i]}</td>
                <td data-probability={Number.isNaN(p) ? '' : p}>{Number.isNaN(p) ? 'rejected' : formatPercent(p)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {result.issueCount > 0 && (
        <details data-testid="row-issues">
          <summary>{formatCount(result.issueCount)} row issues</summary>
          <ul>
            {result.issues.map((issue, i) => (
              <li key={i}>Row {issue.row}, {issue.column}: {issue.message}</li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
