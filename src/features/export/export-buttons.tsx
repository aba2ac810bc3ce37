import { formatCount, formatPercent } from '../../components/ui/format.ts';
import type { ExportKind } from '../../worker/protocol.ts';

interface Props {
  exporting: { kind: ExportKind; rows: number; totalRows: number } | undefined;
  atRisk: number;
  onExport: (kind: ExportKind) => void;
  onCancel: () => void;
}

const LABELS: Record<ExportKind, string> = {
  csv: 'CSV',
  'csv-at-risk': 'at-risk CSV',
  json: 'JSON',
  issues: 'row issues',
};

export function ExportButtons({ exporting, atRisk, onExport, onCancel }: Props) {
  return (
    <section className="card" aria-labelledby="export-heading">
      <h2 id="export-heading">Export</h2>
      <p className="muted">
        Every row of your file in its original order with all its columns, plus churn_probability, churn_prediction,
        risk_band, top_reasons and issue. Built on this computer.
      </p>
      <div className="actions start">
        <button
          type="button"
          className="button"
          data-testid="export-csv"
          onClick={() => onExport('csv')}
          disabled={!!exporting}
        >
          Export CSV
        </button>
        <button
          type="button"
          className="button secondary"
          data-testid="export-at-risk"
          onClick={() => onExport('csv-at-risk')}
          disabled={!!exporting}
        >
          Export at-risk only ({formatCount(atRisk)})
        </button>
        <button
          type="button"
          className="button secondary"
          data-testid="export-json"
          onClick={() => onExport('json')}
          disabled={!!exporting}
        >
          Export JSON (legacy format)
        </button>
      </div>
      {exporting && (
        <p role="status">
          Preparing the {LABELS[exporting.kind]}:{' '}
          {formatPercent(exporting.totalRows ? exporting.rows / exporting.totalRows : 0)}{' '}
          <button type="button" className="button secondary" onClick={onCancel}>
            Cancel export
          </button>
        </p>
      )}
    </section>
  );
}
