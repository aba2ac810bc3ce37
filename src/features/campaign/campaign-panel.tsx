import { useCallback, useId, useState } from 'react';
import { formatCount, formatCurrency } from '../../components/ui/format.ts';
import type { CampaignResult, CampaignSettings } from '../../core/decision/campaign.ts';
import type { ModelSpec } from '../../core/spec/model-spec.ts';
import { ProfitChart } from './profit-chart.tsx';
import './campaign.css';

interface Props {
  spec: ModelSpec;
  settings: CampaignSettings;
  onSettings: (settings: CampaignSettings) => void;
  result: CampaignResult | null;
  problem: string | undefined;
  hasValueColumn: boolean;
  /** Sets the table's list to the best `count` customers. */
  onContactBest: (count: number) => void;
}

type Field = keyof CampaignSettings;

/** How each input reads and writes its setting: the save rate is typed as a percentage. */
const toText = (field: Field, value: number) => String(field === 'saveRate' ? Math.round(value * 1e6) / 1e4 : value);
const fromText = (field: Field, text: string) =>
  text.trim() === '' ? NaN : field === 'saveRate' ? Number(text) / 100 : Number(text);

function NumberField({
  field,
  label,
  suffix,
  settings,
  onSettings,
}: {
  field: Field;
  label: string;
  suffix?: string;
  settings: CampaignSettings;
  onSettings: Props['onSettings'];
}) {
  const id = useId();
  // The typed text is kept while it is being edited, so "1." or "" does not jump back.
  const [draft, setDraft] = useState<string | null>(null);
  return (
    <div className="campaign-field">
      <label htmlFor={id}>{label}</label>
      <span>
        <input
          id={id}
          type="number"
          inputMode="decimal"
          min={0}
          step="any"
          value={draft ?? toText(field, settings[field])}
          data-testid={`campaign-${field}`}
          onChange={(e) => {
            setDraft(e.currentTarget.value);
            onSettings({ ...settings, [field]: fromText(field, e.currentTarget.value) });
          }}
          onBlur={() => setDraft(null)}
        />
        {suffix && <span aria-hidden="true"> {suffix}</span>}
      </span>
    </div>
  );
}

/** Whom to contact, in money: inputs, the formula, the profit curves and the best N. */
export function CampaignPanel({ spec, settings, onSettings, result, problem, hasValueColumn, onContactBest }: Props) {
  const valueColumn = spec.value ? spec.columns.find((c) => c.name === spec.value!.column) : undefined;
  const currency = spec.value && typeof spec.value.unit === 'object' ? spec.value.unit.currency : 'XXX';
  const money = useCallback((x: number) => formatCurrency(x, currency, 0), [currency]);
  const moneyExact = (x: number) => formatCurrency(x, currency, 2);
  const valueWords = hasValueColumn && valueColumn ? `${valueColumn.label} (from the file)` : 'monthly value';

  return (
    <section className="card campaign" aria-labelledby="campaign-heading" data-testid="campaign-panel">
      <h2 id="campaign-heading">Campaign</h2>
      <p>
        Expected net benefit of contacting a customer ={' '}
        <strong>churn probability × save rate × {valueWords} × months − cost per contact</strong>. Every figure here is
        an expectation from the model, not a promise.
      </p>
      <form className="campaign-inputs" onSubmit={(e) => e.preventDefault()} aria-label="Campaign settings">
        {!hasValueColumn && (
          <NumberField
            field="monthlyValue"
            label="Monthly value of a customer"
            settings={settings}
            onSettings={onSettings}
          />
        )}
        <NumberField
          field="months"
          label="Months of value a saved customer keeps"
          settings={settings}
          onSettings={onSettings}
        />
        <NumberField field="cost" label="Cost of contacting one customer" settings={settings} onSettings={onSettings} />
        <NumberField
          field="saveRate"
          label="Share of contacted churners the offer saves"
          suffix="%"
          settings={settings}
          onSettings={onSettings}
        />
      </form>
      {hasValueColumn && valueColumn && (
        <p className="muted">Each customer's monthly value is their {valueColumn.label}.</p>
      )}
      {problem && (
        <p role="alert" className="error">
          {problem}
        </p>
      )}
      {result && (
        <>
          <div className="campaign-best-row">
            <p role="status">
              {result.best.count === 0 ? (
                'At these settings no contact is expected to pay for itself.'
              ) : (
                <>
                  Contacting the best <strong>{formatCount(result.best.count)}</strong> customers is expected to bring{' '}
                  <strong>{moneyExact(result.best.value)}</strong> net.
                </>
              )}
            </p>
            <button
              type="button"
              className="button"
              data-testid="campaign-best"
              data-value={result.best.value}
              data-count={result.best.count}
              disabled={result.best.count === 0}
              onClick={() => onContactBest(result.best.count)}
            >
              Contact the best {formatCount(result.best.count)}
            </button>
          </div>
          {result.realised && (
            <p data-testid="campaign-realised" data-value={result.realised.value}>
              On this file's outcomes, the same formula with the actual outcome in place of the probability gives{' '}
              <strong>{moneyExact(result.realised.value)}</strong> for those customers
              {result.realised.unknown > 0 && ` (${formatCount(result.realised.unknown)} without an outcome left out)`}.
            </p>
          )}
          <ProfitChart result={result} money={money} />
        </>
      )}
    </section>
  );
}
