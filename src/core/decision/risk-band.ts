import type { RiskBandSpec } from '../spec/model-spec.ts';

/**
 * Risk bands describe the probability itself, independent of the chosen threshold,
 * so a "High" customer stays "High" while the team moves its capacity slider.
 * The bands come from the model's spec, ascending; the first starts at 0.
 * Returns the index of the last band whose lower edge the probability reaches.
 */
export function riskBandIndex(probability: number, bands: readonly RiskBandSpec[]): number {
  let band = 0;
  for (let i = 1; i < bands.length; i++) if (probability >= bands[i]!.from) band = i;
  return band;
}

export const riskBandName = (probability: number, bands: readonly RiskBandSpec[]): string =>
  bands[riskBandIndex(probability, bands)]!.name;
