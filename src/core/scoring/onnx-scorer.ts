import * as ort from 'onnxruntime-web/wasm';

/**
 * Rows per `session.run`. Bounds the tensor copied into the wasm heap (65,536 × F float32s),
 * so a million-row file never needs one giant allocation in wasm's memory.
 */
export const SCORE_BATCH_ROWS = 65_536;

export interface OnnxScorer {
  /** Probabilities for `rows` row-major rows of `featureCount` float32 features. */
  score(features: Float32Array, rows: number): Promise<Float32Array>;
  release(): Promise<void>;
}

export interface OnnxScorerNames {
  input: string;
  output: string;
  featureCount: number;
}

/**
 * Opens a session on a model shaped [N, featureCount] -> [N, 1]. The ort environment (threads,
 * where the .wasm comes from) belongs to the caller, which knows whether it is a worker or Node.
 */
export async function createOnnxScorer(modelBytes: Uint8Array, names: OnnxScorerNames): Promise<OnnxScorer> {
  const { input, output, featureCount } = names;
  if (!Number.isInteger(featureCount) || featureCount <= 0) {
    throw new Error(`createOnnxScorer: featureCount must be a positive integer, got ${featureCount}`);
  }
  const session = await ort.InferenceSession.create(modelBytes, { executionProviders: ['wasm'] });
  if (!session.inputNames.includes(input) || !session.outputNames.includes(output)) {
    await session.release();
    throw new Error(
      `createOnnxScorer: model has inputs [${session.inputNames.join(', ')}] and outputs ` +
        `[${session.outputNames.join(', ')}], expected input "${input}" and output "${output}"`,
    );
  }

  async function scoreAll(features: Float32Array, rows: number): Promise<Float32Array> {
    const probabilities = new Float32Array(rows);
    for (let start = 0; start < rows; start += SCORE_BATCH_ROWS) {
      const end = Math.min(rows, start + SCORE_BATCH_ROWS);
      // subarray shares memory: ort copies the view into the wasm heap during run().
      const batch = features.subarray(start * featureCount, end * featureCount);
      await runBatch(batch, end - start, probabilities, start);
    }
    return probabilities;
  }

  async function runBatch(batch: Float32Array, batchRows: number, into: Float32Array, at: number): Promise<void> {
    const tensor = new ort.Tensor('float32', batch, [batchRows, featureCount]);
    const results = await session.run({ [input]: tensor });
    try {
      const out = results[output];
      if (out === undefined || out.type !== 'float32' || out.size !== batchRows) {
        throw new Error(`createOnnxScorer: output "${output}" is not float32 with ${batchRows} values`);
      }
      // Copy before dispose: the output's data must not be read once the tensor is released.
      into.set(out.data as Float32Array, at);
    } finally {
      tensor.dispose();
      for (const t of Object.values(results)) t.dispose();
    }
  }

  // One run at a time: onnxruntime-web's wasm backend keeps a run's arguments on the WebAssembly
  // stack across its awaits, so two overlapping runs of one session can trample each other. Calls
  // overlap when other workers or threads score their rows with this model (serveParts, piecePool);
  // once, a 10,000,000-row file never finished in the page.
  let previous: Promise<unknown> = Promise.resolve();
  return {
    score(features, rows) {
      if (!Number.isInteger(rows) || rows < 0 || features.length !== rows * featureCount) {
        return Promise.reject(
          new Error(`score: ${features.length} features do not make ${rows} rows of ${featureCount}`),
        );
      }
      const scored = previous.then(() => scoreAll(features, rows));
      previous = scored.catch(() => {});
      return scored;
    },
    // After the runs already asked for, so none meets a released session.
    release: () => previous.then(() => session.release()),
  };
}
