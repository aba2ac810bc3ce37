import { useId } from 'react';
import { formatCount, formatPercent } from '../../components/ui/format.ts';
import type { Comparison, CompareProblem } from '../../core/decision/compare.ts';
import type { Result } from '../../core/result.ts';
import type { ModelSpec } from '../../core/spec/model-spec.ts';
import type { EarlierFile } from './use-compare.ts';
import './compare.css';

interface Props {
  spec: ModelSpec;
  threshold: number;
  earlier: EarlierFile;
  comparison: Result<Comparison, CompareProblem> | null;
  onChoose: (file: File) => void;
  /** Limits the customer table to these rows of the current file. */
  onShowGroup: (label: string, rows: Uint32Array) => void;
  onExportChanges: () => void;
}

interface Group {
  key: string;
  label: string;
  rows: Uint32Array | null;
  count: number;
  testId?: string;
}

/** This month against an earlier file: who became at risk, who left, who is new, and how bands moved. */
export function ComparePanel({ spec, threshold, earlier, comparison, onChoose, onShowGroup, onExportChanges }: Props) {
  const inputId = useId();
  const result = comparison?.ok ? comparison.value : null;
  const groups: Group[] = result
    ? [
        {
          key: 'newly',
          label: 'Newly at risk (at risk now, not before)',
          rows: result.newlyAtRisk,
          count: result.newlyAtRisk.length,
          testId: 'compare-newly-at-risk',
        },
        {
          key: 'no-longer',
          label: 'No longer at risk',
          rows: result.noLongerAtRisk,
          count: result.noLongerAtRisk.length,
          testId: 'compare-no-longer-at-risk',
        },
        {
          key: 'up',
          label: 'Risk up by 10 points or more',
          rows: result.riskUp,
          count: result.riskUp.length,
          testId: 'compare-risk-up',
        },
        {
          key: 'down',
          label: 'Risk down by 10 points or more',
          rows: result.riskDown,
          count: result.riskDown.length,
          testId: 'compare-risk-down',
        },
        {
          key: 'new',
          label: 'New customers (not in the earlier file)',
          rows: result.newCustomers,
          count: result.newCustomers.length,
          testId: 'compare-new',
        },
        {
          key: 'left',
          label: 'Customers who left (in the earlier file, not in this one)',
          rows: null,
          count: result.left,
          testId: 'compare-left',
        },
      ]
    : [];

  return (
    <section className="card compare" aria-labelledby="compare-heading" data-testid="compare-panel">
      <h2 id="compare-heading">Compare with an earlier file</h2>
      <p className="muted">
        Choose last month's export (raw, or scored by this page). It is scored with the same model ({spec.label}) and
        threshold ({formatPercent(threshold)}) and matched by customer ID.
      </p>
      <label htmlFor={inputId}>Compare with an earlier file</label>{' '}
      <input
        id={inputId}
        type="file"
        accept=".csv,.tsv,.txt,text/csv"
        data-testid="compare-file-input"
        onChange={(e) => {
          const file = e.currentTarget.files?.[0];
          if (file) onChoose(file);
          e.currentTarget.value = '';
        }}
      />
      {earlier.status === 'working' && <p role="status">Scoring {earlier.fileName}…</p>}
      {earlier.status === 'failed' && (
        <p role="alert" className="error" data-testid="compare-problem">
          {earlier.message}
        </p>
      )}
      {comparison && !comparison.ok && (
        <p
          role="alert"
          className="error"
          data-testid="compare-problem"
          data-duplicates-before={comparison.problem.duplicatesBefore}
          data-duplicates-now={comparison.problem.duplicatesNow}
        >
          {comparison.problem.message}
        </p>
      )}
      {result && earlier.status === 'scored' && (
        <>
          <p data-testid="compare-totals">
            Earlier file ({earlier.fileName}): {formatCount(result.before)} customers = {formatCount(result.stayed)}{' '}
            still here + {formatCount(result.left)} who left. This file: {formatCount(result.now)} ={' '}
            {formatCount(result.stayed)} still here + {formatCount(result.added)} new.
            {result.stayedUnscored > 0 &&
              ` ${formatCount(result.stayedUnscored)} of those still here were rejected in one of the files and are in no risk group.`}
          </p>
          <table className="compare-groups">
            <caption className="visually-hidden">Changes since the earlier file</caption>
            <thead>
              <tr>
                <th scope="col">Group</th>
                <th scope="col" className="align-end">
                  Customers
                </th>
                <th scope="col">
                  <span className="visually-hidden">Show</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {groups.map((g) => (
                <tr key={g.key}>
                  <th scope="row">{g.label}</th>
                  <td className="align-end" data-testid={g.testId} data-value={g.count}>
                    {formatCount(g.count)}
                    {g.key === 'left' &&
                      result.leftChurned !== null &&
                      ` (${formatCount(result.leftChurned)} marked as churned)`}
                  </td>
                  <td>
                    {g.rows && (
                      <button
                        type="button"
                        className="link"
                        aria-label={`Show in table: ${g.label}`}
                        disabled={g.count === 0}
                        onClick={() => onShowGroup(g.label.toLowerCase(), g.rows!)}
                      >
                        Show in table
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <table className="compare-bands" data-testid="compare-band-moves">
            <caption>Moves between risk bands (customers in both files, rows: before, columns: now)</caption>
            <thead>
              <tr>
                <th scope="col">Before \ now</th>
                {spec.risk_bands.map((b) => (
                  <th key={b.name} scope="col" className="align-end">
                    {b.name}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {spec.risk_bands.map((b, i) => (
                <tr key={b.name}>
                  <th scope="row">{b.name}</th>
                  {result.bandMoves[i]!.map((n, k) => (
                    <td key={k} className="align-end">
                      {formatCount(n)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
          <button type="button" className="button secondary" data-testid="compare-export" onClick={onExportChanges}>
            Export the changes (CSV)
          </button>
        </>
      )}
    </section>
  );
}
