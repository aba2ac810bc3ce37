import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseCsvText, type CsvText } from '../../src/core/csv/parse-csv-text.ts';
import { planFeatures, writeStandardised } from '../../src/core/model-input/feature-plan.ts';
import { createOnnxScorer } from '../../src/core/scoring/onnx-scorer.ts';
import { referenceProbabilities } from '../../src/core/scoring/reference-scorer.ts';
import type { ModelSpec } from '../../src/core/spec/model-spec.ts';
import { tableForSpec } from '../../src/core/table/table-for-spec.ts';

// Debian's interpreter, where python3-sklearn installs (.ci/run installs it when missing).
const PYTHON = '/usr/bin/python3';
const HERE = fileURLToPath(new URL('.', import.meta.url));

export const sharedData = (file: string) => fileURLToPath(new URL(`../../../shared/data/${file}`, import.meta.url));

/** Runs one of this folder's Python scripts; returns stdout, or throws with its stderr. */
export function runPython(script: string, args: string[]): string {
  const run = spawnSync(PYTHON, [script, ...args], { cwd: HERE, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (run.status !== 0) {
    throw new Error(
      `${PYTHON} ${script} failed (exit ${run.status}): ${run.stderr || run.error?.message}. It needs Debian's python3-sklearn.`,
    );
  }
  return run.stdout;
}

/** Python's result, for asserting refusals: exit status and stderr. */
export function runPythonStatus(script: string, args: string[]): { status: number | null; stderr: string } {
  const run = spawnSync(PYTHON, [script, ...args], { cwd: HERE, encoding: 'utf8' });
  return { status: run.status, stderr: run.stderr };
}

export function readCsv(path: string): CsvText {
  return parseCsvText(readFileSync(path, 'utf8'));
}

export interface AppScores {
  reference: Float64Array;
  onnx: Float32Array;
  rejected: Uint8Array;
}

/** Scores a CSV with the app's reader, feature plan and both scorers, as the worker does. */
export async function scoreWithApp(spec: ModelSpec, onnxBytes: Uint8Array, csv: CsvText): Promise<AppScores> {
  const read = tableForSpec(csv.header, csv.rows, spec);
  if (!read.ok) throw new Error(read.problem);
  const table = read.value;
  const plan = planFeatures(spec, table);
  const reference = referenceProbabilities(spec, plan, table.rejected);
  const features = new Float32Array(table.rowCount * plan.length);
  writeStandardised(plan, 0, table.rowCount, features);
  const scorer = await createOnnxScorer(onnxBytes, {
    input: spec.input,
    output: spec.output,
    featureCount: spec.features.length,
  });
  try {
    return { reference, onnx: await scorer.score(features, table.rowCount), rejected: table.rejected };
  } finally {
    await scorer.release();
  }
}

/** Largest |a[i] − b[i]| over every row, and the row where it is. */
export function worstDifference(a: ArrayLike<number>, b: ArrayLike<number>): { difference: number; row: number } {
  if (a.length !== b.length) throw new Error(`Lengths differ: ${a.length} and ${b.length}`);
  let worst = { difference: 0, row: -1 };
  for (let i = 0; i < a.length; i++) {
    const d = Math.abs(a[i]! - b[i]!);
    if (Number.isNaN(d)) return { difference: NaN, row: i };
    if (d > worst.difference) worst = { difference: d, row: i };
  }
  return worst;
}
