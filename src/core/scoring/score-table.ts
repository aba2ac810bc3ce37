import { planFeatures, writeStandardised } from '../model-input/feature-plan.ts';
import type { OnnxScorer } from './onnx-scorer.ts';
import type { ModelSpec } from '../spec/model-spec.ts';
import type { ColumnTable } from '../table/column-table.ts';
import { Cancelled } from '../cancelled.ts';

const BATCH_ROWS = 65_536;

export interface Scored {
  probabilities: Float32Array;
  featuresMs: number;
  inferenceMs: number;
}

/** Scores every row in batches (features built per batch, so memory stays flat); NaN for rejected rows. */
export async function scoreTable(
  spec: ModelSpec,
  table: ColumnTable,
  scorer: OnnxScorer,
  onProgress: (rows: number) => void,
  signal: AbortSignal,
): Promise<Scored> {
  let featuresMs = 0;
  let inferenceMs = 0;
  const plan = planFeatures(spec, table);
  const width = plan.length;
  const probabilities = new Float32Array(table.rowCount);
  const features = new Float32Array(Math.min(table.rowCount, BATCH_ROWS) * width);
  for (let start = 0; start < table.rowCount; start += BATCH_ROWS) {
    if (signal.aborted) throw new Cancelled();
    const end = Math.min(table.rowCount, start + BATCH_ROWS);
    const batch = features.subarray(0, (end - start) * width);
    const t0 = performance.now();
    writeStandardised(plan, start, end, batch);
    const t1 = performance.now();
    probabilities.set(await scorer.score(batch, end - start), start);
    featuresMs += t1 - t0;
    inferenceMs += performance.now() - t1;
    onProgress(end);
  }
  table.rejected.forEach((r, i) => {
    if (r) probabilities[i] = NaN;
  });
  return { probabilities, featuresMs, inferenceMs };
}
