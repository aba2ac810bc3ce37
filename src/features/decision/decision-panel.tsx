import { useId, useState } from 'react';
import { formatCount, formatPercent } from '../../components/ui/format.ts';
import { heldOutRatesAt } from '../../core/decision/held-out-rates.ts';
import { thresholdForCapture, thresholdForTopK, type RankedScores } from '../../core/decision/ranked-scores.ts';
import type { ModelSpec } from '../../core/spec/model-spec.ts';
import './decision.css';

interface Props {
  spec: ModelSpec;
  ranked: RankedScores;
  threshold: number;
  recommended: number;
  onThreshold: (value: number) => void;
  /** The at-risk list when the campaign set it rather than the threshold; the threshold then does not apply. */
  list?: { label: string; count: number } | null;
}

const clampInt = (text: string, max: number) => Math.min(max, Math.max(0, Math.round(Number(text) || 0)));

/** Three ways to decide who is "at risk"; all of them set the one threshold. */
export function DecisionPanel({ spec, ranked, threshold, recommended, onThreshold, list = null }: Props) {
  const ids = { slider: useId(), typed: useId(), topK: useId(), capture: useId() };
  const scored = ranked.descending.length;
  const [topK, setTopK] = useState(String(Math.min(200, scored)));
  const [capture, setCapture] = useState('80');
  const [typed, setTyped] = useState<string | null>(null);
  const rates = heldOutRatesAt(spec.metrics.test, threshold);

  return (
    <section className="card decision" aria-labelledby="decision-heading">
      <h2 id="decision-heading">Who counts as at risk?</h2>
      <div className="threshold-row">
        <label htmlFor={ids.slider}>Threshold</label>
        <input
          id={ids.slider}
          type="range"
          min={0}
          max={1}
          step={0.001}
          value={threshold}
          data-testid="threshold-slider"
          aria-valuetext={
            list
              ? `${formatPercent(threshold)}, not in use: the at-risk list is ${list.label}`
              : `${formatPercent(threshold)} churn probability`
          }
          onChange={(e) => onThreshold(Number(e.currentTarget.value))}
        />
        <label htmlFor={ids.typed} className="visually-hidden">
          Threshold in percent
        </label>
        <input
          id={ids.typed}
          className="typed"
          type="number"
          min={0}
          max={100}
          step={0.1}
          value={typed ?? (threshold * 100).toFixed(1)}
          onChange={(e) => setTyped(e.currentTarget.value)}
          onBlur={() => {
            if (typed !== null && typed.trim() !== '' && Number.isFinite(Number(typed)))
              onThreshold(Number(typed) / 100);
            setTyped(null);
          }}
          onKeyDown={(e) => e.key === 'Enter' && e.currentTarget.blur()}
        />
        <span aria-hidden="true">%</span>
        <button
          type="button"
          className="button secondary"
          onClick={() => onThreshold(recommended)}
          disabled={threshold === recommended}
        >
          Recommended ({formatPercent(recommended)})
        </button>
      </div>
      {list && (
        <div className="at-risk-source" role="status" data-testid="at-risk-source" data-count={list.count}>
          <p>
            The at-risk list is <strong>{list.label}</strong> ({formatCount(list.count)}), set by the campaign: the
            threshold is not in use, as no threshold flags exactly them. Moving the threshold, or the button, goes back
            to it.
          </p>
          <button type="button" className="button secondary" onClick={() => onThreshold(threshold)}>
            Use the threshold ({formatPercent(threshold)}) again
          </button>
        </div>
      )}
      <p className="muted" data-testid="held-out-rates">
        On the model's held-out customers, this threshold had precision {formatPercent(rates.precision)} (flagged
        customers who did leave) and recall {formatPercent(rates.recall)} (leavers it flagged).
      </p>
      <div className="goal-row">
        <form
          onSubmit={(e) => {
            e.preventDefault();
            onThreshold(thresholdForTopK(ranked, clampInt(topK, scored)));
          }}
        >
          <label htmlFor={ids.topK}>Flag the top</label>
          <input
            id={ids.topK}
            type="number"
            min={1}
            max={scored}
            value={topK}
            onChange={(e) => setTopK(e.currentTarget.value)}
          />
          <span>customers</span>
          <button type="submit" className="button secondary">
            Apply
          </button>
          <small className="muted">your team's capacity, of {formatCount(scored)}</small>
        </form>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            onThreshold(thresholdForCapture(ranked, clampInt(capture, 100) / 100));
          }}
        >
          <label htmlFor={ids.capture}>Catch</label>
          <input
            id={ids.capture}
            type="number"
            min={1}
            max={100}
            value={capture}
            onChange={(e) => setCapture(e.currentTarget.value)}
          />
          <span>% of expected churners</span>
          <button type="submit" className="button secondary">
            Apply
          </button>
          <small className="muted">estimated from the probabilities, no outcomes needed</small>
        </form>
      </div>
    </section>
  );
}
