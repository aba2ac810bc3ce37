import {
  FlexRender,
  useTable,
  type Header,
  type Row,
  type SortDirection,
  type SortingState,
  type Updater,
} from '@tanstack/react-table';
import { memo, useCallback, useDeferredValue, useMemo, useState, type CSSProperties, type KeyboardEvent } from 'react';
import { formatCount } from '../../components/ui/format.ts';
import type { TableSort } from '../../core/ordering/table-sort.ts';
import type { ModelSpec } from '../../core/spec/model-spec.ts';
import type { ScoredDataset } from '../../worker/protocol.ts';
import { TableFilters } from './table-filters.tsx';
import { buildColumns, columnIdForSortKey, features, type ExtraColumn } from './table-columns.tsx';
import { useScaledScroll } from './use-scaled-scroll.ts';
import { NO_FILTERS, visibleRows, type RowFilters } from './visible-rows.ts';
import { reasonPlan, windowRows, type WindowRow } from './window-rows.ts';
import './results-table.css';

interface Props {
  dataset: ScoredDataset;
  spec: ModelSpec;
  /** At risk = probability >= threshold. */
  threshold: number;
  /** Row order the worker computed for `sort`; null = file order. */
  order: Uint32Array | null;
  sort: TableSort | null;
  onSort(sort: TableSort | null): void;
  /** Opens the details of a data row (its index in the file). */
  onOpenRow(row: number): void;
  /** A list the table is limited to (1 = on it), named for the person: a campaign's contacts, a comparison group. */
  list?: { label: string; rows: Uint8Array } | null;
  onClearList?: () => void;
  /** The at-risk list when it is not the threshold's (1 = at risk): the campaign's best N. */
  atRisk?: Uint8Array | null;
  /** Figures the page computed per row, shown as columns after the probability. */
  extras?: readonly ExtraColumn[];
}

const NO_EXTRAS: readonly ExtraColumn[] = [];

type Features = typeof features;

/** Must match the CSS row height (--results-row-height). */
const ROW_HEIGHT = 32;
const OVERSCAN = 6;

const getRowId = (r: WindowRow) => String(r.row);

const ariaSort = { asc: 'ascending', desc: 'descending' } as const;

// Memoised: headers only change with sorting, not with every scroll frame. `sorted` is
// passed in so a header object the table keeps across sorts still re-renders.
interface HeaderCellProps {
  header: Header<Features, WindowRow, unknown>;
  sorted: false | SortDirection;
  /** The header's one Tab stop (a roving tabindex); arrow keys reach the others. */
  tabStop: boolean;
  onFocusHeader: (id: string) => void;
  onKey: (event: KeyboardEvent<HTMLButtonElement>) => void;
}

const HeaderCell = memo(function HeaderCell({ header, sorted, tabStop, onFocusHeader, onKey }: HeaderCellProps) {
  const { column } = header;
  const align = column.columnDef.meta?.align === 'end' ? 'align-end' : undefined;
  if (!column.getCanSort()) {
    return (
      <th scope="col" className={align}>
        <FlexRender header={header} />
      </th>
    );
  }
  return (
    <th scope="col" className={align} aria-sort={sorted ? ariaSort[sorted] : 'none'}>
      <button
        type="button"
        className="sort-button"
        tabIndex={tabStop ? 0 : -1}
        onClick={column.getToggleSortingHandler()}
        onFocus={() => onFocusHeader(column.id)}
        onKeyDown={onKey}
      >
        <FlexRender header={header} />
        <span className={sorted ? 'sort-indicator active' : 'sort-indicator'} aria-hidden="true">
          {sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : '↕'}
        </span>
      </button>
    </th>
  );
});

interface BodyRowProps {
  row: Row<Features, WindowRow>;
  top: number;
  /** The rows' one Tab stop (a roving tabindex); arrow keys reach the others. */
  tabStop: boolean;
  onFocusRow: (position: number) => void;
  onOpen: (row: number) => void;
  onKey: (event: KeyboardEvent<HTMLTableRowElement>, position: number) => void;
}

function BodyRow({ row, top, tabStop, onFocusRow, onOpen, onKey }: BodyRowProps) {
  const r = row.original;
  return (
    <tr
      data-row={r.row}
      data-position={r.position}
      aria-rowindex={r.position + 2}
      tabIndex={tabStop ? 0 : -1}
      className={r.position % 2 === 1 ? 'odd' : undefined}
      style={{ transform: `translateY(${top}px)` }}
      onClick={() => onOpen(r.row)}
      onFocus={() => onFocusRow(r.position)}
      onKeyDown={(event) => onKey(event, r.position)}
    >
      {row.getAllCells().map((cell) => {
        const align = cell.column.columnDef.meta?.align === 'end' ? 'align-end' : undefined;
        const className = cell.column.id === 'customer' ? 'customer' : align;
        return (
          <td
            key={cell.id}
            className={className}
            data-probability={cell.column.id === 'probability' ? r.probability : undefined}
          >
            <FlexRender cell={cell} />
          </td>
        );
      })}
    </tr>
  );
}

/** Every scored customer, virtualised so a million rows scroll smoothly. */
export function ResultsTable({
  dataset,
  spec,
  threshold,
  order,
  sort,
  onSort,
  onOpenRow,
  list = null,
  onClearList,
  extras = NO_EXTRAS,
  atRisk = null,
}: Props) {
  // Filters belong to one file: a new dataset starts unfiltered (its columns may differ).
  const [filterState, setFilterState] = useState({ dataset, filters: NO_FILTERS });
  const filters = filterState.dataset === dataset ? filterState.filters : NO_FILTERS;
  // Typing in the search box stays responsive while a million rows are searched; the
  // other filters apply at once, so the list never lags behind a ticked box.
  const idQuery = useDeferredValue(filters.idQuery);
  const listFilters = useMemo(() => ({ ...filters, idQuery }), [filters, idQuery]);
  // The threshold only shapes the list when "at-risk only" is on; the slider moves it often.
  const listThreshold = listFilters.atRiskOnly ? threshold : 0;
  const listRows = list && list.rows.length === dataset.rows ? list.rows : null;
  const atRiskRows = atRisk && atRisk.length === dataset.rows ? atRisk : null;
  const visible = useMemo(
    () => visibleRows(dataset, order, listThreshold, listFilters, listRows, atRiskRows),
    [dataset, order, listThreshold, listFilters, listRows, atRiskRows],
  );
  const scoredCount = dataset.rows - dataset.rejectedRows;

  const { scrollRef, headRef, height, range, top, pageRows, reveal, scrollToStart } = useScaledScroll(
    visible.length,
    ROW_HEIGHT,
    OVERSCAN,
  );
  const { start, end } = range;
  // The table is two Tab stops, the header and the rows, not one per column and row: the
  // last focused of each keeps the stop, or the first on screen when it scrolled away.
  const [headerFocus, setHeaderFocus] = useState<string | null>(null);
  const [rowFocus, setRowFocus] = useState(0);
  const rowStop = rowFocus >= start && rowFocus < Math.min(end, visible.length) ? rowFocus : start;
  const plan = useMemo(() => reasonPlan(spec, dataset), [spec, dataset]);
  // Reasons are worked out here, for the few rows in the window only.
  const data = useMemo(
    () => windowRows(spec, dataset, plan, visible, { start, end }),
    [spec, dataset, plan, visible, start, end],
  );
  const columns = useMemo(() => buildColumns(spec, dataset, extras), [spec, dataset, extras]);

  const sorting = useMemo<SortingState>(() => {
    const id = sort ? columnIdForSortKey(columns, sort.key) : undefined;
    return sort && id ? [{ id, desc: sort.descending }] : [];
  }, [sort, columns]);

  const onSortingChange = (updater: Updater<SortingState>) => {
    const next = typeof updater === 'function' ? updater(sorting) : updater;
    const first = next[0];
    const key = first ? columns.find((c) => c.id === first.id)?.meta?.sortKey : undefined;
    scrollToStart();
    onSort(first && key ? { key, descending: first.desc } : null);
  };

  const table = useTable({
    features,
    columns,
    data,
    getRowId,
    state: { sorting },
    onSortingChange,
    // The worker sorts all rows; the table only keeps the sort state and header toggles.
    manualSorting: true,
    enableMultiSort: false,
    meta: { threshold, atRisk: atRiskRows },
  });

  const changeFilters = useCallback(
    (next: RowFilters) => {
      setFilterState({ dataset, filters: next });
      scrollToStart();
    },
    [dataset, scrollToStart],
  );

  const focusPosition = (position: number) => {
    if (visible.length === 0) return;
    const target = Math.min(visible.length - 1, Math.max(0, position));
    reveal(target);
    scrollRef.current?.querySelector<HTMLElement>(`tr[data-position="${target}"]`)?.focus({ preventScroll: true });
  };

  const onRowKey = (event: KeyboardEvent<HTMLTableRowElement>, position: number) => {
    const moves: Record<string, number> = {
      ArrowDown: position + 1,
      ArrowUp: position - 1,
      PageDown: position + pageRows,
      PageUp: position - pageRows,
      Home: 0,
      End: visible.length - 1,
    };
    if (event.key === 'Enter') {
      event.preventDefault();
      onOpenRow(visible[position]!);
    } else if (event.key in moves) {
      // The page must not scroll natively: rows move under a scaled scrollbar.
      event.preventDefault();
      focusPosition(moves[event.key]!);
    }
  };

  const onHeaderKey = useCallback((event: KeyboardEvent<HTMLButtonElement>) => {
    const buttons = [
      ...(event.currentTarget.closest('tr')?.querySelectorAll<HTMLButtonElement>('button.sort-button') ?? []),
    ];
    const at = buttons.indexOf(event.currentTarget);
    const moves: Record<string, number> = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: buttons.length - 1 };
    const next = moves[event.key];
    if (next === undefined) return;
    event.preventDefault();
    buttons[Math.min(buttons.length - 1, Math.max(0, next))]?.focus();
  }, []);

  const sortable = table
    .getHeaderGroups()
    .flatMap((g) => g.headers)
    .filter((h) => h.column.getCanSort())
    .map((h) => h.column.id);
  const headerStop = headerFocus !== null && sortable.includes(headerFocus) ? headerFocus : sortable[0];

  const style = useMemo(() => {
    const widths = columns.map((c) => c.meta?.width ?? 120);
    return {
      '--results-columns': widths.map((w) => `${w}px`).join(' '),
      '--results-width': `${widths.reduce((a, b) => a + b, 0)}px`,
      '--results-row-height': `${ROW_HEIGHT}px`,
    } as CSSProperties;
  }, [columns]);

  return (
    <div className="results-table">
      <TableFilters spec={spec} hasIds={dataset.ids !== null} filters={filters} onChange={changeFilters} />
      {list && listRows && (
        <p className="table-list" data-testid="table-list">
          Showing only: <strong>{list.label}</strong>{' '}
          {onClearList && (
            <button type="button" className="link" onClick={onClearList}>
              Show all customers
            </button>
          )}
        </p>
      )}
      <p className="table-count" role="status" data-testid="table-count">
        Showing {formatCount(visible.length)} of {formatCount(scoredCount)} customers
        {sort && !order && <span className="muted"> (sorting…)</span>}
      </p>
      <div
        className={visible.length === 0 ? 'results-table-scroll empty' : 'results-table-scroll'}
        ref={scrollRef}
        style={style}
      >
        <table data-testid="results-table" aria-rowcount={visible.length + 1}>
          <caption className="visually-hidden">
            Scored customers. Press Enter on a row to see its details; arrow keys move between rows, and left and right
            arrows between the sortable column headers.
          </caption>
          <thead ref={headRef}>
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id} aria-rowindex={1}>
                {group.headers.map((header) => (
                  <HeaderCell
                    key={header.id}
                    header={header}
                    sorted={header.column.getIsSorted()}
                    tabStop={header.column.id === headerStop}
                    onFocusHeader={setHeaderFocus}
                    onKey={onHeaderKey}
                  />
                ))}
              </tr>
            ))}
          </thead>
          <tbody style={{ height }}>
            {table.getRowModel().rows.map((row) => (
              <BodyRow
                key={row.id}
                row={row}
                top={top(row.original.position)}
                tabStop={row.original.position === rowStop}
                onFocusRow={setRowFocus}
                onOpen={onOpenRow}
                onKey={onRowKey}
              />
            ))}
          </tbody>
        </table>
      </div>
      {visible.length === 0 && <p className="table-empty">No customers match these filters.</p>}
    </div>
  );
}
