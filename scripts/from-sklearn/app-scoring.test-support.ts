import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { headerTargetsOf, mapHeaders } from '../../src/core/columns/map-headers.ts';
import { parseCsvText, type CsvText } from '../../src/core/csv/parse-csv-text.ts';
import { planFeatures, writeStandardised } from '../../src/core/model-input/feature-plan.ts';
import { createOnnxScorer } from '../../src/core/scoring/onnx-scorer.ts';
import { referenceProbabilities } from '../../src/core/scoring/reference-scorer.ts';
import type { ModelSpec as Format1Spec, SpecColumn as Format1Column } from '../../src/core/spec/model-spec.ts';
import { TableBuilder } from '../../src/core/table/table-builder.ts';
import { normaliseCategory } from '../../src/core/values/match-category.ts';
import type { ModelSpec } from './pending-spec-v2/model-spec.ts';

// Debian's interpreter, where python3-sklearn installs (.ci/run installs it when missing).
const PYTHON = '/usr/bin/python3';
const HERE = fileURLToPath(new URL('.', import.meta.url));

export const sharedData = (file: string) => fileURLToPath(new URL(`../../../shared/data/${file}`, import.meta.url));

/** Runs one of this folder's Python scripts; returns stdout, or throws with its stderr. */
export function runPython(script: string, args: string[]): string {
  const run = spawnSync(PYTHON, [script, ...args], { cwd: HERE, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (run.status !== 0) {
    throw new Error(`${PYTHON} ${script} failed (exit ${run.status}): ${run.stderr || run.error?.message}. It needs Debian's python3-sklearn.`);
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

const MISSING_MARKERS = new Set(['', 'na', 'n/a', 'null', 'none', 'nan', '#n/a', '-', '?']);

/**
 * TEMPORARY, until issue 8's reader lands: on this branch `TableBuilder` reads only blank cells as missing and
 * knows no `missing` level, bounds are required, and `src/core/spec/` types are format 1. This rewrites each
 * cell the way format 2's reader will read it (docs: semantics-v2) into a cell the format 1 reader reads the
 * same way: a missing marker in a numeric column becomes blank (then the spec's constant is imputed), and in a
 * categorical column the column's `missing` level (blank, i.e. unknown, when it has none). Returns the rows and
 * how many cells it changed, so a test can show that a file (Telco) needed no rewriting at all.
 * With format 2's reader, delete this and `format1Columns`, and pass the file's rows and `spec.columns` as they are.
 */
export function asFormat2ReadsIt(spec: ModelSpec, csv: CsvText, cells: ReadonlyMap<string, number>): { rows: string[][]; changed: number } {
  let changed = 0;
  const rows = csv.rows.map((row) => {
    const out = row.slice();
    for (const column of spec.columns) {
      const k = cells.get(column.name)!;
      const text = out[k] ?? '';
      if (!MISSING_MARKERS.has(text.trim().toLowerCase())) continue;
      let replacement = '';
      if (column.type === 'categorical') {
        const known = new Set([...column.categories.map(normaliseCategory), ...Object.keys(column.synonyms)]);
        if (known.has(normaliseCategory(text))) continue; // a category spelled like a marker is that category
        replacement = column.missing ?? '';
      }
      // Blank already reads as missing (numeric) or unknown (categorical) in format 1.
      if (replacement.trim() === text.trim()) continue;
      out[k] = replacement;
      changed++;
    }
    return out;
  });
  return { rows, changed };
}

/** See asFormat2ReadsIt: format 1's reader requires bounds; format 2's absent bounds mean any finite number. */
function format1Columns(spec: ModelSpec): Format1Column[] {
  const unbounded = { min: -Infinity, max: Infinity };
  return spec.columns.map((c) => (c.type === 'numeric' ? { bounds: unbounded, ...c } : c)) as unknown as Format1Column[];
}

export interface AppScores {
  reference: Float64Array;
  onnx: Float32Array;
  rejected: Uint8Array;
  /** Cells asFormat2ReadsIt rewrote. */
  rewritten: number;
}

/** Scores a CSV with the app's reader, feature plan and both scorers, as the worker does. */
export async function scoreWithApp(spec: ModelSpec, onnxBytes: Uint8Array, csv: CsvText): Promise<AppScores> {
  const columns = format1Columns(spec);
  const mapping = mapHeaders(csv.header, headerTargetsOf(columns));
  if (mapping.missing.length > 0 || mapping.ambiguous.length > 0) throw new Error(`Headers not mapped: ${JSON.stringify(mapping)}`);
  const { rows, changed } = asFormat2ReadsIt(spec, csv, mapping.found);
  const builder = new TableBuilder(columns, mapping.found, { decimalComma: false });
  rows.forEach((cells, i) => builder.addRow(cells, i + 2));
  const table = builder.finish();
  const plan = planFeatures({ columns, features: spec.features } as Pick<Format1Spec, 'columns' | 'features'>, table);
  const reference = referenceProbabilities(spec, plan, table.rejected);
  const features = new Float32Array(table.rowCount * plan.length);
  writeStandardised(plan, 0, table.rowCount, features);
  const scorer = await createOnnxScorer(onnxBytes, { input: spec.input, output: spec.output, featureCount: spec.features.length });
  try {
    return { reference, onnx: await scorer.score(features, table.rowCount), rejected: table.rejected, rewritten: changed };
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
