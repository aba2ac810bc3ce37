import { memo, useId } from 'react';
import { formatCount } from '../../components/ui/format.ts';
import type { CategoricalColumn, ModelSpec } from '../../core/spec/model-spec.ts';
import { activeFilterCount, NO_FILTERS, type RowFilters } from './visible-rows.ts';

interface Props {
  spec: Pick<ModelSpec, 'columns'>;
  hasIds: boolean;
  filters: RowFilters;
  onChange: (filters: RowFilters) => void;
}

const ALL = '';

function CategoryFilter({
  column,
  value,
  onChange,
}: {
  column: CategoricalColumn;
  value: number | undefined;
  onChange: (code: number | undefined) => void;
}) {
  const id = useId();
  return (
    <div className="category-filter">
      <label htmlFor={id}>{column.label}</label>
      <select
        id={id}
        value={value === undefined ? ALL : String(value)}
        onChange={(e) => onChange(e.currentTarget.value === ALL ? undefined : Number(e.currentTarget.value))}
      >
        <option value={ALL}>All</option>
        {column.categories.map((category, code) => (
          <option key={category} value={code}>
            {category}
          </option>
        ))}
        <option value={-1}>unknown</option>
      </select>
    </div>
  );
}

/**
 * Filter controls; the filtering itself is `visibleRows`. Memoised: the table re-renders
 * on every scroll frame, and React re-selects every controlled <select> when it does.
 */
export const TableFilters = memo(function TableFilters({ spec, hasIds, filters, onChange }: Props) {
  const searchId = useId();
  const categorical = spec.columns.filter((c): c is CategoricalColumn => c.type === 'categorical');
  const active = activeFilterCount(filters);
  const categoryCount = Object.keys(filters.categories).length;

  const setCategory = (column: string, code: number | undefined) => {
    const categories = { ...filters.categories };
    if (code === undefined) delete categories[column];
    else categories[column] = code;
    onChange({ ...filters, categories });
  };

  return (
    <div className="table-filters" role="group" aria-label="Filter customers">
      <div className="table-filters-main">
        <label className="at-risk-only">
          <input
            type="checkbox"
            checked={filters.atRiskOnly}
            onChange={(e) => onChange({ ...filters, atRiskOnly: e.currentTarget.checked })}
          />
          At-risk only
        </label>
        {hasIds && (
          <div className="id-search">
            <label htmlFor={searchId}>Search customer ID</label>
            <input
              id={searchId}
              type="search"
              autoComplete="off"
              spellCheck={false}
              value={filters.idQuery}
              onChange={(e) => onChange({ ...filters, idQuery: e.currentTarget.value })}
            />
          </div>
        )}
        <button type="button" className="clear-filters" onClick={() => onChange(NO_FILTERS)} disabled={active === 0}>
          Clear filters{active > 0 && ` (${active})`}
        </button>
      </div>
      {categorical.length > 0 && (
        // Folded away: up to 19 selects would otherwise stand between the threshold and the table for keyboard users.
        <details className="category-filters-toggle">
          <summary>Filter by category{categoryCount > 0 && ` (${formatCount(categoryCount)} set)`}</summary>
          <div className="category-filters">
            {categorical.map((column) => (
              <CategoryFilter
                key={column.name}
                column={column}
                value={filters.categories[column.name]}
                onChange={(code) => setCategory(column.name, code)}
              />
            ))}
          </div>
        </details>
      )}
    </div>
  );
});
