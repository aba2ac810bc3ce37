import { writeStandardised, type FeatureSource } from '../model-input/feature-plan.ts';
import type { ModelSpec } from '../spec/model-spec.ts';

export const sigmoid = (z: number): number => (z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z)));

/**
 * Scores rows in float64 straight from the spec's coefficients: the yardstick the
 * ONNX runtime is checked against, and the fallback when explaining a score.
 * Rejected rows get NaN.
 */
export function referenceProbabilities(
  spec: Pick<ModelSpec, 'coefficients' | 'intercept'>,
  plan: readonly FeatureSource[],
  rejected: Uint8Array,
): Float64Array {
  const rows = rejected.length;
  const width = plan.length;
  const out = new Float64Array(rows);
  const batch = 4096;
  const z = new Float64Array(batch * width);
  for (let start = 0; start < rows; start += batch) {
    const end = Math.min(rows, start + batch);
    writeStandardised(plan, start, end, z);
    for (let row = start; row < end; row++) {
      let logit = spec.intercept;
      const base = (row - start) * width;
      for (let j = 0; j < width; j++) logit += spec.coefficients[j]! * z[base + j]!;
      out[row] = rejected[row] ? NaN : sigmoid(logit);
    }
  }
  return out;
}
