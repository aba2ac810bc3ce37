import { writeFeatureTerms, type FeatureSource } from '../model-input/feature-plan.ts';
import type { ModelSpec } from '../spec/model-spec.ts';

/**
 * Each feature's term of the log-odds, coefficient × standardised value, for rows [start, end),
 * row-major: row r's terms are `terms[(r − start) × plan.length …]`. Explanations, the what-if
 * and the export all start here, so one customer's reasons, best action and details agree to
 * the bit. Computed feature by feature over a block of rows, as the model input is (writeFeatureTerms).
 */
export function writeTerms(
  spec: Pick<ModelSpec, 'coefficients'>,
  plan: readonly FeatureSource[],
  start: number,
  end: number,
  terms: Float64Array,
): void {
  writeFeatureTerms(spec.coefficients, plan, start, end, terms);
}

/** One row's terms (for the details panel and the table's visible rows). */
export function rowTerms(spec: Pick<ModelSpec, 'coefficients'>, plan: readonly FeatureSource[], row: number) {
  const terms = new Float64Array(plan.length);
  writeTerms(spec, plan, row, row + 1, terms);
  return terms;
}

/** The row's log-odds: the intercept plus its terms, added in feature order. */
export function logitOf(intercept: number, terms: Float64Array, offset: number, width: number): number {
  let logit = intercept;
  for (let j = 0; j < width; j++) logit += terms[offset + j]!;
  return logit;
}

/** Each input column's push on the row's log-odds: its features' terms, added in feature order. */
export function addColumnTerms(
  plan: readonly FeatureSource[],
  terms: Float64Array,
  offset: number,
  out: Float64Array,
): Float64Array {
  out.fill(0);
  for (let j = 0; j < plan.length; j++) out[plan[j]!.column]! += terms[offset + j]!;
  return out;
}

/**
 * How much each input column moves one customer's log-odds away from an average customer.
 * Because the model is linear in these terms, they add up exactly to logit − intercept.
 */
export const columnContributions = (
  spec: Pick<ModelSpec, 'columns' | 'coefficients'>,
  plan: readonly FeatureSource[],
  row: number,
): Float64Array => addColumnTerms(plan, rowTerms(spec, plan, row), 0, new Float64Array(spec.columns.length));
