import { useEffect, useId, useMemo, useRef } from 'react';
import { formatPercent, formatSigned } from '../../components/ui/format.ts';
import { AtRiskLabel, RiskBandLabel } from '../../components/ui/risk-labels.tsx';
import { sentence } from '../../core/explain/reasons.ts';
import { planFeatures } from '../../core/model-input/feature-plan.ts';
import type { ModelSpec } from '../../core/spec/model-spec.ts';
import type { ScoredDataset } from '../../worker/protocol.ts';
import { ContributionChart } from './contribution-chart.tsx';
import { featureTable, NEGLIGIBLE, rowFacts, rowName } from './row-facts.ts';
import { WhatIfSection } from './what-if-section.tsx';
import './row-details.css';

interface Props {
  dataset: ScoredDataset;
  spec: ModelSpec;
  row: number;
  threshold: number;
  /** The row's original cells from the worker; undefined while they load. */
  cells: string[] | undefined;
  /** Why the cells could not be read, when they could not. */
  error: string | undefined;
  onClose(): void;
}

/** One customer: score, decision, why, and the row as the file has it. A non-modal panel beside the table. */
export function RowDetails({ dataset, spec, row, threshold, cells, error, onClose }: Props) {
  const headingId = useId();
  const closeButton = useRef<HTMLButtonElement>(null);
  const plan = useMemo(() => planFeatures(spec, featureTable(dataset)), [spec, dataset]);
  const facts = useMemo(
    () => rowFacts(spec, plan, dataset.probabilities, row, threshold),
    [spec, plan, dataset, row, threshold],
  );
  const name = rowName(dataset.ids, row);

  // Focus goes back where it was (usually the table row) when the panel closes. This
  // effect runs before the one below moves focus, so it remembers the element outside.
  useEffect(() => {
    const previous = document.activeElement;
    return () => {
      if (previous instanceof HTMLElement && previous.isConnected) previous.focus();
    };
  }, []);

  useEffect(() => {
    closeButton.current?.focus();
  }, [row]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && !e.defaultPrevented) onClose();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [onClose]);

  const notable = facts.scored ? facts.reasons.filter((r) => Math.abs(r.contribution) >= NEGLIGIBLE) : [];

  return (
    <section
      role="dialog"
      aria-modal="false"
      aria-labelledby={headingId}
      className="row-details"
      data-testid="row-details"
    >
      <header className="row-details-header">
        <h2 id={headingId}>{name}</h2>
        <button ref={closeButton} type="button" className="row-details-close" onClick={onClose}>
          Close
        </button>
      </header>

      {facts.scored ? (
        <dl className="row-details-facts">
          <div>
            <dt>Churn probability</dt>
            <dd data-testid="details-probability" data-value={facts.probability}>
              {formatPercent(facts.probability)}
            </dd>
          </div>
          <div>
            <dt>Risk band</dt>
            <dd>
              <RiskBandLabel level={facts.band} bands={spec.risk_bands} />
            </dd>
          </div>
          <div>
            <dt>At risk at threshold {formatPercent(threshold)}</dt>
            <dd data-testid="details-at-risk">
              <AtRiskLabel atRisk={facts.atRisk} />
            </dd>
          </div>
        </dl>
      ) : (
        <p>
          This row was rejected, so it has no score. The values below show what the file holds; the row issues say why.
        </p>
      )}

      {facts.scored && (
        <>
          <h3>What drives this score</h3>
          <ContributionChart reasons={facts.reasons} customer={name} />
          <ul className="row-details-reasons">
            {notable.map((r) => (
              <li key={r.column}>
                {sentence(r)} ({formatSigned(r.contribution)})
              </li>
            ))}
          </ul>
          {notable.length < facts.reasons.length && (
            <p className="muted">The other columns barely move this customer's risk.</p>
          )}
          <WhatIfSection spec={spec} plan={plan} row={row} />
        </>
      )}

      <h3>Values in the file</h3>
      {cells ? (
        <dl className="row-details-values">
          {dataset.headers.map((header, i) => (
            <div key={i}>
              <dt>{header}</dt>
              <dd>{cells[i] === undefined || cells[i] === '' ? <span className="muted">(blank)</span> : cells[i]}</dd>
            </div>
          ))}
        </dl>
      ) : error ? (
        <p role="alert" className="error">
          The row's values could not be read: {error}
        </p>
      ) : (
        <p role="status">Loading the row…</p>
      )}
    </section>
  );
}
