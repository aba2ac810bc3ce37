import { fail, ok, type Result } from '../result.ts';

/**
 * Whom to contact in a retention campaign, in money. For one customer the expected net
 * benefit of a contact is  p × save rate × monthly value × months − cost : the chance
 * they leave, times the chance the offer keeps them, times what keeping them is worth,
 * less what the contact costs. An expectation from the model, never a promise.
 */
export interface CampaignSettings {
  /** Share of contacted churners the offer keeps, 0..1. */
  saveRate: number;
  /** Months of value a saved customer keeps. */
  months: number;
  /** Cost of contacting one customer. */
  cost: number;
  /** One monthly value for everyone, used when the model has no value column. */
  monthlyValue: number;
}

export const DEFAULT_CAMPAIGN = { saveRate: 0.2, months: 12 } as const;

/** Settings a person typed: refused with a sentence when they cannot describe a campaign. */
export function checkCampaignSettings(s: CampaignSettings): Result<CampaignSettings> {
  if (!Number.isFinite(s.saveRate) || s.saveRate < 0 || s.saveRate > 1) return fail('The save rate must be between 0 % and 100 %.');
  if (!Number.isFinite(s.months) || s.months < 0) return fail('The months of value must be a number of 0 or more.');
  if (!Number.isFinite(s.cost) || s.cost < 0) return fail('The cost per contact must be an amount of 0 or more.');
  if (!Number.isFinite(s.monthlyValue) || s.monthlyValue < 0) return fail('The monthly value must be an amount of 0 or more.');
  return ok(s);
}

/** The formula itself, for one customer. */
export const expectedBenefit = (p: number, monthlyValue: number, s: Pick<CampaignSettings, 'saveRate' | 'months' | 'cost'>): number =>
  p * s.saveRate * monthlyValue * s.months - s.cost;

/**
 * The customers in the two orders the curves need, computed once per file (and value
 * source). Benefit is p·v scaled by saveRate·months ≥ 0 less a constant, so ordering by
 * p·v orders by benefit for every setting: changing an input re-sums, it never re-sorts.
 * Ties keep file order, so "the best N" is the same customers every time.
 */
export interface CampaignOrder {
  /** Scored rows by p·v high to low. */
  byBenefit: Uint32Array;
  /** p·v in that order (the monthly value at risk of each customer). */
  valueAtRiskByBenefit: Float64Array;
  /** Monthly values in that order, for the realised benefit. */
  valueByBenefit: Float64Array;
  /** Outcomes in that order (1 churned, 0 stayed, 255 unknown), or null. */
  labelsByBenefit: Uint8Array | null;
  /** p·v in probability order (high to low, ties in file order). */
  valueAtRiskByProbability: Float64Array;
}

/** Row indices of the scored rows sorted by `key` high to low, ties in file order. */
function sortedRows(key: Float64Array, scored: Uint32Array): Uint32Array {
  // A comparator sort on 1M indices took ~350 ms in Node; packing (key rank, row) is not possible
  // for arbitrary doubles, and this runs once per file, not per input change (npm run bench).
  const rows = scored.slice();
  rows.sort((a, b) => key[b]! - key[a]! || a - b);
  return rows;
}

export function orderCampaign(probabilities: ArrayLike<number>, values: ArrayLike<number> | null, labels: Uint8Array | null): CampaignOrder {
  const n = probabilities.length;
  let count = 0;
  for (let i = 0; i < n; i++) if (!Number.isNaN(probabilities[i]!)) count++;
  const scored = new Uint32Array(count);
  const atRisk = new Float64Array(n);
  const prob = new Float64Array(n);
  for (let i = 0, k = 0; i < n; i++) {
    const p = probabilities[i]!;
    if (Number.isNaN(p)) continue;
    scored[k++] = i;
    prob[i] = p;
    atRisk[i] = values ? p * values[i]! : p;
  }
  const byBenefit = sortedRows(atRisk, scored);
  const byProbability = sortedRows(prob, scored);
  const valueAtRiskByBenefit = new Float64Array(count);
  const valueByBenefit = new Float64Array(count);
  const labelsByBenefit = labels ? new Uint8Array(count) : null;
  const valueAtRiskByProbability = new Float64Array(count);
  for (let k = 0; k < count; k++) {
    const row = byBenefit[k]!;
    valueAtRiskByBenefit[k] = atRisk[row]!;
    valueByBenefit[k] = values ? values[row]! : 1;
    if (labelsByBenefit) labelsByBenefit[k] = labels![row]!;
    valueAtRiskByProbability[k] = atRisk[byProbability[k]!]!;
  }
  return { byBenefit, valueAtRiskByBenefit, valueByBenefit, labelsByBenefit, valueAtRiskByProbability };
}

export interface CampaignResult {
  /** curve[k] = expected net benefit of contacting the first k customers by expected benefit; curve[0] = 0. */
  curve: Float64Array;
  /** The same, contacting customers in order of probability. */
  curveByProbability: Float64Array;
  /** The smallest N reaching the curve's maximum, and that maximum. */
  best: { count: number; value: number };
  /** Benefit realised on this file's outcomes (the outcome in place of p) for the best N; null without outcomes. */
  realised: { value: number; counted: number; unknown: number } | null;
}

/** One pass over the precomputed order: what an input change costs (measured in npm run bench). */
export function campaignCurves(order: CampaignOrder, settings: CampaignSettings, hasValueColumn: boolean): CampaignResult {
  const n = order.byBenefit.length;
  // Without a value column p·v was computed with v = 1; the one amount scales it here.
  const scale = settings.saveRate * settings.months * (hasValueColumn ? 1 : settings.monthlyValue);
  const cost = settings.cost;
  const curve = new Float64Array(n + 1);
  const curveByProbability = new Float64Array(n + 1);
  let sum = 0;
  let sumP = 0;
  let bestCount = 0;
  let bestValue = 0;
  for (let k = 0; k < n; k++) {
    sum += order.valueAtRiskByBenefit[k]! * scale - cost;
    sumP += order.valueAtRiskByProbability[k]! * scale - cost;
    curve[k + 1] = sum;
    curveByProbability[k + 1] = sumP;
    if (sum > bestValue) {
      bestValue = sum;
      bestCount = k + 1;
    }
  }
  let realised: CampaignResult['realised'] = null;
  if (order.labelsByBenefit) {
    const perValue = settings.saveRate * settings.months * (hasValueColumn ? 1 : settings.monthlyValue);
    let value = 0;
    let counted = 0;
    let unknown = 0;
    for (let k = 0; k < bestCount; k++) {
      const y = order.labelsByBenefit[k]!;
      if (y === 255) {
        unknown++;
        continue;
      }
      counted++;
      value += y * order.valueByBenefit[k]! * perValue - cost;
    }
    realised = { value, counted, unknown };
  }
  return { curve, curveByProbability, best: { count: bestCount, value: bestValue }, realised };
}

/** 1 for the first `count` customers by expected benefit: the at-risk list "contact the best N" sets. */
export function bestRows(order: CampaignOrder, rows: number, count: number): Uint8Array {
  const out = new Uint8Array(rows);
  for (let k = 0; k < Math.min(count, order.byBenefit.length); k++) out[order.byBenefit[k]!] = 1;
  return out;
}

/** Each row's expected net benefit (NaN where rejected), for the table and the export. */
export function expectedBenefits(probabilities: ArrayLike<number>, values: ArrayLike<number> | null, settings: CampaignSettings): Float64Array {
  const out = new Float64Array(probabilities.length);
  for (let i = 0; i < out.length; i++) out[i] = expectedBenefit(probabilities[i]!, values ? values[i]! : settings.monthlyValue, settings);
  return out;
}
