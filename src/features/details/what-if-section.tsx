import { useMemo } from 'react';
import { formatPercent } from '../../components/ui/format.ts';
import { hasWhatIf, planWhatIf, whatIfRow } from '../../core/decision/what-if.ts';
import type { FeatureSource } from '../../core/model-input/feature-plan.ts';
import type { ModelSpec } from '../../core/spec/model-spec.ts';

interface Props {
  spec: ModelSpec;
  plan: readonly FeatureSource[];
  row: number;
}

/** The model's probability for this customer under each allowed value of each actionable column. */
export function WhatIfSection({ spec, plan, row }: Props) {
  const whatIfPlan = useMemo(() => planWhatIf(spec, plan), [spec, plan]);
  const result = useMemo(
    () => (hasWhatIf(spec) ? whatIfRow(spec, plan, whatIfPlan, row) : null),
    [spec, plan, whatIfPlan, row],
  );
  if (!result) return null;
  return (
    <section className="what-if" data-testid="what-if" aria-labelledby="what-if-heading">
      <h3 id="what-if-heading">What if?</h3>
      <p className="muted">
        This is the model's score if that value were different: an association learned from past customers, not a
        promise of what an offer will cause.
      </p>
      <p data-testid="what-if-best" data-value={result.best?.probability ?? result.probability}>
        {result.best ? (
          <>
            Best single change:{' '}
            <strong>
              {result.best.label}: {result.best.from ?? 'unknown'} → {result.best.to}
            </strong>
            , probability {formatPercent(result.probability)} →{' '}
            <strong>{formatPercent(result.best.probability)}</strong>.
          </>
        ) : (
          <>Best single change: none. No allowed value lowers this customer's probability.</>
        )}
      </p>
      <table className="what-if-table">
        <caption className="visually-hidden">Churn probability under each allowed value</caption>
        <thead>
          <tr>
            <th scope="col">Column</th>
            <th scope="col">Value</th>
            <th scope="col" className="align-end">
              Probability
            </th>
          </tr>
        </thead>
        <tbody>
          {result.columns.flatMap((column) =>
            column.options.map((option, i) => (
              <tr key={`${column.column}:${option.value}`} className={option.current ? 'current' : undefined}>
                {i === 0 && (
                  <th scope="rowgroup" rowSpan={column.options.length}>
                    {column.label}
                  </th>
                )}
                <td>
                  {option.value}
                  {option.current && ' (now)'}
                </td>
                <td className="align-end">{formatPercent(option.probability)}</td>
              </tr>
            )),
          )}
        </tbody>
      </table>
    </section>
  );
}
