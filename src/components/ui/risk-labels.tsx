import { RISK_BANDS, type RiskBand } from '../../core/decision/risk-band.ts';
import './risk-labels.css';

/** Four bars, as many filled as the band is high: the band reads without colour. */
function BandMeter({ level }: { level: number }) {
  return (
    <svg className="band-meter" viewBox="0 0 19 12" width="22" height="14" aria-hidden="true" focusable="false">
      {RISK_BANDS.map((_, i) => (
        <rect key={i} x={i * 5 + 0.5} y={8.5 - i * 2.7} width="3" height={3 + i * 2.7} className={i <= level ? 'on' : 'off'} />
      ))}
    </svg>
  );
}

/** A warning triangle for at risk, a hollow circle for not: shape and word, colour only repeats them. */
function AtRiskIcon({ atRisk }: { atRisk: boolean }) {
  return atRisk ? (
    <svg className="at-risk-icon" viewBox="0 0 12 12" width="12" height="12" aria-hidden="true" focusable="false">
      <path d="M6 0.8 11.5 11H0.5Z" />
      <path d="M6 4.2v3.4M6 8.8v1" className="mark" />
    </svg>
  ) : (
    <svg className="at-risk-icon" viewBox="0 0 12 12" width="12" height="12" aria-hidden="true" focusable="false">
      <circle cx="6" cy="6" r="4.5" className="hollow" />
    </svg>
  );
}

const bandSlug = (band: string) => band.toLowerCase().replace(/\s+/g, '-');

/** A risk band as meter and word, e.g. "▂▄▆ High". */
export function RiskBandLabel({ band }: { band: RiskBand }) {
  const level = RISK_BANDS.findIndex((b) => b.name === band);
  return (
    <span className={`band band-${bandSlug(band)}`}>
      <BandMeter level={level} /> {band}
    </span>
  );
}

/** The at-risk decision as icon and word, "Yes" or "No". */
export function AtRiskLabel({ atRisk }: { atRisk: boolean }) {
  return (
    <span className={atRisk ? 'at-risk yes' : 'at-risk no'}>
      <AtRiskIcon atRisk={atRisk} /> {atRisk ? 'Yes' : 'No'}
    </span>
  );
}
