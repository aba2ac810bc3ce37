import type { RiskBandSpec } from '../spec/model-spec.ts';

/** Three decimals: rare outcomes (0.5 %) still get distinct edges. */
const round3 = (x: number) => Math.round(x * 1000) / 1000;

/**
 * Bands for a model whose config names none, relative to how common leaving is in the
 * training rows: Low under half the base rate, Medium up to it, High up to twice it,
 * Very high beyond. A 3 % churn business and a 30 % one both get bands that separate.
 */
export function defaultRiskBands(baseRate: number): RiskBandSpec[] {
  const edges = [baseRate / 2, baseRate, baseRate * 2].map(round3).map((e) => Math.min(0.99, Math.max(0.001, e)));
  const names = ['Medium', 'High', 'Very high'];
  const bands: RiskBandSpec[] = [{ name: 'Low', from: 0 }];
  edges.forEach((from, i) => {
    if (from > bands[bands.length - 1]!.from) bands.push({ name: names[i]!, from });
  });
  return bands;
}
