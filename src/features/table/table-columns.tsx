import { createColumnHelper, rowSortingFeature, tableFeatures, type ColumnDef } from '@tanstack/react-table';
import { formatPercent, formatWithUnit, unitSuffix } from '../../components/ui/format.ts';
import { AtRiskLabel, RiskBandLabel } from '../../components/ui/risk-labels.tsx';
import { riskBandIndex } from '../../core/decision/risk-band.ts';
import type { SortKey } from '../../core/ordering/table-sort.ts';
import type { ModelSpec, SpecColumn } from '../../core/spec/model-spec.ts';
import type { ScoredDataset } from '../../worker/protocol.ts';
import type { WindowRow } from './window-rows.ts';

export interface ColumnMeta {
  /** Fixed width, px: rows are laid out one at a time, so widths cannot depend on content. */
  width: number;
  /** What the worker sorts by when this header is pressed. */
  sortKey?: SortKey;
  align?: 'end';
}

// Sorting state and header toggles come from the table; the rows are sorted by the worker.
export const features = tableFeatures({
  rowSortingFeature,
  tableMeta: {} as { threshold: number; atRisk: Uint8Array | null },
  columnMeta: {} as ColumnMeta,
});

type Features = typeof features;
export type TableColumn = ColumnDef<Features, WindowRow, unknown>;

const helper = createColumnHelper<Features, WindowRow>();

function inputColumn(column: SpecColumn, dataset: Pick<ScoredDataset, 'numeric' | 'codes'>): TableColumn {
  if (column.type === 'categorical') {
    const codes = dataset.codes[column.name];
    return helper.accessor((r) => (codes ? codes[r.row]! : -1), {
      id: `input:${column.name}`,
      header: column.label,
      cell: (ctx) => {
        const code = ctx.getValue();
        return code < 0 ? <span className="muted">unknown</span> : column.categories[code];
      },
      sortDescFirst: false,
      meta: { width: 150, sortKey: column.name },
    }) as TableColumn;
  }
  const values = dataset.numeric[column.name];
  return helper.accessor((r) => (values ? values[r.row]! : Number.NaN), {
    id: `input:${column.name}`,
    header: `${column.label}${unitSuffix(column.unit)}`,
    cell: (ctx) => {
      const value = ctx.getValue();
      return Number.isNaN(value) ? '—' : formatWithUnit(value, column.unit);
    },
    sortDescFirst: false,
    meta: { width: 120, sortKey: column.name, align: 'end' },
  }) as TableColumn;
}

/** A figure the page computed per row (e.g. a campaign's expected benefit), shown after the probability. */
export interface ExtraColumn {
  id: string;
  header: string;
  /** The row's value, worked out when the row is on screen. */
  valueOf: (row: number) => number;
  format: (x: number) => string;
}

function extraColumn(extra: ExtraColumn): TableColumn {
  return helper.accessor((r) => extra.valueOf(r.row), {
    id: `extra:${extra.id}`,
    header: extra.header,
    cell: (ctx) => (Number.isNaN(ctx.getValue()) ? '—' : extra.format(ctx.getValue())),
    enableSorting: false,
    meta: { width: 140, align: 'end' },
  }) as TableColumn;
}

/** The table's columns for one dataset: fixed ones first, then one per model input. */
export function buildColumns(
  spec: Pick<ModelSpec, 'columns' | 'risk_bands'>,
  dataset: Pick<ScoredDataset, 'numeric' | 'codes' | 'ids'>,
  extras: readonly ExtraColumn[] = [],
): TableColumn[] {
  const hasIds = dataset.ids !== null;
  return [
    helper.accessor('id', {
      id: 'customer',
      header: hasIds ? 'Customer' : 'Row',
      // Without IDs the worker has nothing to sort by, and file order is already row order.
      enableSorting: hasIds,
      sortDescFirst: false,
      meta: { width: 150, sortKey: 'id' },
    }) as TableColumn,
    helper.accessor('probability', {
      id: 'probability',
      header: 'Churn probability',
      cell: (ctx) => formatPercent(ctx.getValue()),
      // Highest risk first: the question is usually "who is most likely to leave?"
      sortDescFirst: true,
      meta: { width: 120, sortKey: 'probability', align: 'end' },
    }) as TableColumn,
    ...extras.map(extraColumn),
    helper.display({
      id: 'band',
      header: 'Risk band',
      cell: (ctx) => {
        return (
          <RiskBandLabel level={riskBandIndex(ctx.row.original.probability, spec.risk_bands)} bands={spec.risk_bands} />
        );
      },
      meta: { width: 130 },
    }) as TableColumn,
    helper.display({
      id: 'at-risk',
      header: 'At risk',
      cell: (ctx) => {
        const meta = ctx.table.options.meta;
        const { row, probability } = ctx.row.original;
        return <AtRiskLabel atRisk={meta?.atRisk ? meta.atRisk[row] === 1 : probability >= (meta?.threshold ?? 1)} />;
      },
      meta: { width: 90 },
    }) as TableColumn,
    helper.display({
      id: 'reasons',
      header: 'Top reasons',
      cell: (ctx) => {
        const reasons = ctx.row.original.reasons;
        if (reasons.length === 0) return <span className="muted">—</span>;
        const text = reasons.map((r) => r.text).join('; ');
        return <span title={text}>{text}</span>;
      },
      meta: { width: 340 },
    }) as TableColumn,
    ...spec.columns.map((column) => inputColumn(column, dataset)),
  ];
}

/** The column whose header shows a worker sort key. */
export function columnIdForSortKey(columns: readonly TableColumn[], key: SortKey): string | undefined {
  return columns.find((c) => c.meta?.sortKey === key)?.id;
}
