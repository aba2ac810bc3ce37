import { fail, ok, type Result } from '../result.ts';
import { sortAmountsDescending } from './amounts-descending.ts';
import { rowsHighToLow } from './score-bins.ts';

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

/**
 * The settings an export uses until someone changes them: the save rate and months, plus a
 * contact cost and a monthly value for models without a value column. The page's Campaign panel starts
 * from these, and the command line uses them, so both write the same `expected_benefit` column.
 */
export const EXPORT_CAMPAIGN = { ...DEFAULT_CAMPAIGN, cost: 10, monthlyValue: 50 } as const;

/** Settings a person typed: refused with a sentence when they cannot describe a campaign. */
export function checkCampaignSettings(s: CampaignSettings): Result<CampaignSettings> {
  if (!Number.isFinite(s.saveRate) || s.saveRate < 0 || s.saveRate > 1)
    return fail('The save rate must be between 0 % and 100 %.');
  if (!Number.isFinite(s.months) || s.months < 0) return fail('The months of value must be a number of 0 or more.');
  if (!Number.isFinite(s.cost) || s.cost < 0) return fail('The cost per contact must be an amount of 0 or more.');
  if (!Number.isFinite(s.monthlyValue) || s.monthlyValue < 0)
    return fail('The monthly value must be an amount of 0 or more.');
  return ok(s);
}

/** The formula itself, for one customer. */
export const expectedBenefit = (
  p: number,
  monthlyValue: number,
  s: Pick<CampaignSettings, 'saveRate' | 'months' | 'cost'>,
): number => p * s.saveRate * monthlyValue * s.months - s.cost;

/**
 * The scored customers sorted the two ways the curves need, computed once per file (and
 * value source). Benefit is p·v scaled by saveRate·months ≥ 0 less a constant, so ordering
 * by p·v orders by benefit for every setting: an input change re-sums, it never re-sorts.
 */
export interface CampaignOrder {
  rows: number;
  /** p·v of the scored customers, high to low (the monthly value at risk of each). */
  valueAtRiskDescending: Float64Array;
  /** p·v in probability order (high to low, ties in file order). */
  valueAtRiskByProbability: Float64Array;
  /** Per row: p·v, NaN where rejected; with the row's value and outcome, for the best N and the realised benefit. */
  valueAtRisk: Float64Array;
  values: ArrayLike<number> | null;
  labels: Uint8Array | null;
}

/** Rows by probability, high to low, ties in file order (`count` scored rows). */
function rowsByProbability(probabilities: ArrayLike<number>, count: number): Uint32Array {
  const rows = rowsHighToLow(probabilities instanceof Float32Array ? probabilities : Float32Array.from(probabilities));
  if (rows.length !== count) throw new Error(`Expected ${count} scored rows, found ${rows.length}`);
  return rows;
}

/**
 * `descending`: the scored probabilities high to low, when the caller has them already (the worker
 * sorts them once per file for the threshold goals). Without a value column p·v is p, so benefit
 * order is probability order: that one array is then both curves' order and nothing is sorted here.
 */
export function orderCampaign(
  probabilities: ArrayLike<number>,
  values: ArrayLike<number> | null,
  labels: Uint8Array | null,
  descending?: ArrayLike<number>,
): CampaignOrder {
  const n = probabilities.length;
  const valueAtRisk = new Float64Array(n);
  let count = 0;
  for (let i = 0; i < n; i++) {
    const p = probabilities[i]!;
    valueAtRisk[i] = values ? p * values[i]! : p;
    if (!Number.isNaN(p)) count++;
  }
  if (!values) {
    const sorted =
      descending && descending.length === count
        ? Float64Array.from(descending)
        : descendingOf(valueAtRisk, probabilities, count);
    return { rows: n, valueAtRiskDescending: sorted, valueAtRiskByProbability: sorted, valueAtRisk, values, labels };
  }
  const byProbability = rowsByProbability(probabilities, count);
  const valueAtRiskByProbability = new Float64Array(count);
  for (let k = 0; k < count; k++) valueAtRiskByProbability[k] = valueAtRisk[byProbability[k]!]!;
  return {
    rows: n,
    valueAtRiskDescending: descendingOf(valueAtRisk, probabilities, count),
    valueAtRiskByProbability,
    valueAtRisk,
    values,
    labels,
  };
}

/** The scored rows' amounts high to low. The curve needs only the amounts, not which row holds each. */
function descendingOf(valueAtRisk: Float64Array, probabilities: ArrayLike<number>, count: number): Float64Array {
  const amounts = new Float64Array(count);
  for (let i = 0, k = 0; i < valueAtRisk.length; i++)
    if (!Number.isNaN(probabilities[i]!)) amounts[k++] = valueAtRisk[i]!;
  return sortAmountsDescending(amounts);
}

export interface CampaignResult {
  /** curve[k] = expected net benefit of contacting the first k customers by expected benefit; curve[0] = 0. */
  curve: Float64Array;
  /** The same, contacting customers in order of probability. */
  curveByProbability: Float64Array;
  /** The contact counts the curves hold: every count, or `samples` + 1 evenly spread for a chart. */
  counts: Uint32Array;
  /** The smallest N reaching the curve's maximum, and that maximum. */
  best: { count: number; value: number };
  /** Benefit realised on this file's outcomes (the outcome in place of p) for the best N; unknown outcomes are left out. Null without outcomes. */
  realised: { value: number; counted: number; unknown: number } | null;
}

const scaleOf = (settings: CampaignSettings, hasValueColumn: boolean) =>
  // Without a value column p·v was computed with v = 1; the one amount scales it here.
  settings.saveRate * settings.months * (hasValueColumn ? 1 : settings.monthlyValue);

/**
 * One pass over the precomputed order: what an input change costs (npm run bench). With
 * `samples`, the curves keep that many points for a chart, and the maximum is still exact.
 */
export function campaignCurves(
  order: CampaignOrder,
  settings: CampaignSettings,
  hasValueColumn: boolean,
  samples?: number,
): CampaignResult {
  return campaignWithRows(order, settings, hasValueColumn, samples).result;
}

/** The curves and the best N's rows (`bestRows`), which the realised benefit needs as well: found once. */
export function campaignWithRows(
  order: CampaignOrder,
  settings: CampaignSettings,
  hasValueColumn: boolean,
  samples?: number,
): { result: CampaignResult; chosen: Uint8Array } {
  const n = order.valueAtRiskDescending.length;
  const scale = scaleOf(settings, hasValueColumn);
  const cost = settings.cost;
  const points = samples === undefined || samples >= n ? n : samples;
  const counts = new Uint32Array(points + 1);
  for (let i = 1; i <= points; i++) counts[i] = points === n ? i : Math.round((i * n) / points);
  const curve = new Float64Array(points + 1);
  const curveByProbability = new Float64Array(points + 1);
  let sum = 0;
  let sumP = 0;
  let bestCount = 0;
  let bestValue = 0;
  let next = 1;
  for (let k = 0; k < n; k++) {
    sum += order.valueAtRiskDescending[k]! * scale - cost;
    sumP += order.valueAtRiskByProbability[k]! * scale - cost;
    if (sum > bestValue) {
      bestValue = sum;
      bestCount = k + 1;
    }
    if (counts[next] === k + 1) {
      curve[next] = sum;
      curveByProbability[next] = sumP;
      next++;
    }
  }
  const best = { count: bestCount, value: bestValue };
  const chosen = bestRows(order, bestCount);
  const realised = order.labels ? realisedBenefit(order, settings, hasValueColumn, chosen) : null;
  return { result: { curve, curveByProbability, counts, best, realised }, chosen };
}

function realisedBenefit(
  order: CampaignOrder,
  settings: CampaignSettings,
  hasValueColumn: boolean,
  chosen: Uint8Array,
) {
  const scale = scaleOf(settings, hasValueColumn);
  let value = 0;
  let counted = 0;
  let unknown = 0;
  for (let i = 0; i < order.rows; i++) {
    if (!chosen[i]) continue;
    const y = order.labels![i]!;
    if (y === 255) {
      unknown++;
      continue;
    }
    counted++;
    value += y * (order.values ? order.values[i]! : 1) * scale - settings.cost;
  }
  return { value, counted, unknown };
}

/**
 * 1 for the best `count` customers by expected benefit: the at-risk list "contact the best N"
 * sets. Everyone above the N-th amount, then those equal to it in file order, so exactly N.
 */
export function bestRows(order: CampaignOrder, count: number): Uint8Array {
  const out = new Uint8Array(order.rows);
  const n = Math.min(count, order.valueAtRiskDescending.length);
  if (n <= 0) return out;
  const cut = order.valueAtRiskDescending[n - 1]!;
  let chosen = 0;
  for (let i = 0; i < order.rows; i++) {
    if (order.valueAtRisk[i]! > cut) {
      out[i] = 1;
      chosen++;
    }
  }
  for (let i = 0; i < order.rows && chosen < n; i++) {
    if (order.valueAtRisk[i] === cut) {
      out[i] = 1;
      chosen++;
    }
  }
  return out;
}

/**
 * A row's expected net benefit (NaN where rejected), for the table's column: worked out for the
 * rows on screen only. Filling an array for every row on each settings change took 150 ms of the
 * page's thread at 10,000,000 rows (Chromium profile), and 80 MB.
 */
export function benefitOfRow(
  probabilities: ArrayLike<number>,
  values: ArrayLike<number> | null,
  settings: CampaignSettings,
): (row: number) => number {
  return (row) => expectedBenefit(probabilities[row]!, values ? values[row]! : settings.monthlyValue, settings);
}
