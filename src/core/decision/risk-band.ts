/**
 * Risk bands describe the probability itself, independent of the chosen threshold,
 * so a "High" customer stays "High" while the team moves its capacity slider.
 */
export const RISK_BANDS = [
  { name: 'Low', from: 0 },
  { name: 'Medium', from: 0.15 },
  { name: 'High', from: 0.35 },
  { name: 'Very high', from: 0.6 },
] as const;

export type RiskBand = (typeof RISK_BANDS)[number]['name'];

export function riskBand(probability: number): RiskBand {
  let band: RiskBand = RISK_BANDS[0].name;
  for (const b of RISK_BANDS) if (probability >= b.from) band = b.name;
  return band;
}
