import type { RiskBandSpec } from '../../core/spec/model-spec.ts';
import './risk-labels.css';

/** One bar per band, as many filled as the band is high: the band reads without colour. */
function BandMeter({ level, count }: { level: number; count: number }) {
  return (
    <svg
      className="band-meter"
      viewBox={`0 0 ${count * 5 - 1} 12`}
      width={count * 5 + 2}
      height="14"
      aria-hidden="true"
      focusable="false"
    >
      {Array.from({ length: count }, (_, i) => (
        <rect
          key={i}
          x={i * 5 + 0.5}
          y={8.5 - i * (8.1 / Math.max(1, count - 1))}
          width="3"
          height={3 + i * (8.1 / Math.max(1, count - 1))}
          className={i <= level ? 'on' : 'off'}
        />
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

/** A risk band as meter and word, e.g. "▂▄▆ High"; `level` is its index in the spec's bands. */
export function RiskBandLabel({ level, bands }: { level: number; bands: readonly RiskBandSpec[] }) {
  const name = bands[level]?.name ?? '';
  // Colours follow the band's rank (0 = lowest … 3+ = highest), so any spec's names work.
  const rank = bands.length <= 1 ? 0 : Math.round((level * 3) / (bands.length - 1));
  return (
    <span className={`band band-${rank}`} data-band={bandSlug(name)}>
      <BandMeter level={level} count={bands.length} /> {name}
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
