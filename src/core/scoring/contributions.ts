import { rawFeatureValue, type FeatureSource } from '../model-input/feature-plan.ts';
import type { ModelSpec } from '../spec/model-spec.ts';

/**
 * How much each input column moves one customer's log-odds away from an average
 * customer: coefficient × standardised value, summed over the column's features.
 * Because the model is linear in these terms, they add up exactly to logit − intercept.
 */
export function columnContributions(
  spec: Pick<ModelSpec, 'columns' | 'coefficients'>,
  plan: readonly FeatureSource[],
  row: number,
): Float64Array {
  const out = new Float64Array(spec.columns.length);
  plan.forEach((source, j) => {
    const z = (rawFeatureValue(source, row) - source.mean) / source.std;
    out[source.column]! += spec.coefficients[j]! * z;
  });
  return out;
}
