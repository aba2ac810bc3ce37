import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { modelPath, readTelcoDataset } from '../../../scripts/train/telco-dataset.test-support.ts';
import { mapHeaders, headerTargetsOf } from '../columns/map-headers.ts';
import { parseCsvText } from '../csv/parse-csv-text.ts';
import { rocAuc } from '../metrics/roc-auc.ts';
import { planFeatures, writeStandardised } from '../model-input/feature-plan.ts';
import { parseModelSpec } from '../spec/parse-model-spec.ts';
import type { ModelSpec } from '../spec/model-spec.ts';
import { TableBuilder } from '../table/table-builder.ts';
import { columnContributions } from '../explain/feature-terms.ts';
import { createOnnxScorer } from './onnx-scorer.ts';
import { setUpOrtForNode } from './ort-node-setup.test-support.ts';
import { referenceProbabilities } from './reference-scorer.ts';

type Csv = ReturnType<typeof parseCsvText>;

function loadSpec(id: string): ModelSpec {
  const parsed = parseModelSpec(JSON.parse(readFileSync(modelPath(`${id}.json`), 'utf8')), `${id}.json`);
  if (!parsed.ok) throw new Error(parsed.problem);
  return parsed.value;
}

function tableFor(spec: ModelSpec, csv: Csv) {
  const mapping = mapHeaders(csv.header, headerTargetsOf(spec.columns));
  const builder = new TableBuilder(spec.columns, mapping.found, { decimalComma: false });
  csv.rows.forEach((cells, i) => builder.addRow(cells, i + 2));
  return builder.finish();
}

beforeAll(() => setUpOrtForNode());

/**
 * Read and scored inside each test, not while tests are collected: StrykerJS counts code run at
 * collection as covered by no test, and reruns every test for each of its mutants.
 */
function prepared(id: string) {
  const csv = parseCsvText(readTelcoDataset().toString('utf8'));
  const spec = loadSpec(id);
  const table = tableFor(spec, csv);
  const plan = planFeatures(spec, table);
  return { csv, spec, table, plan, reference: referenceProbabilities(spec, plan, table.rejected) };
}

describe.each(['telco-full', 'telco-core'])('%s', (id) => {
  it('onnxruntime-web and the reference scorer agree to 1e-5 on all 7,043 rows', async () => {
    const { spec, table, plan, reference } = prepared(id);
    const features = new Float32Array(table.rowCount * plan.length);
    writeStandardised(plan, 0, table.rowCount, features);
    const scorer = await createOnnxScorer(new Uint8Array(readFileSync(modelPath(spec.onnx))), {
      input: spec.input,
      output: spec.output,
      featureCount: spec.features.length,
    });
    const onnx = await scorer.score(features, table.rowCount);
    await scorer.release();
    expect(onnx).toHaveLength(7043);
    let worst = 0;
    for (let i = 0; i < onnx.length; i++) worst = Math.max(worst, Math.abs(onnx[i]! - reference[i]!));
    expect(worst).toBeLessThan(1e-5);
  });

  it("reproduces the held-out AUC the spec reports, from the report's test ids", () => {
    const { csv, spec, reference } = prepared(id);
    const report = JSON.parse(readFileSync(modelPath(`${id}.report.json`), 'utf8')) as { test_rows: string[] };
    const idCell = csv.header.indexOf('customerID');
    const churnCell = csv.header.indexOf('Churn');
    const held = new Set(report.test_rows);
    const rows = csv.rows.flatMap((cells, i) => (held.has(cells[idCell]!) ? [i] : []));
    const labels = Uint8Array.from(rows, (i) => (csv.rows[i]![churnCell] === 'Yes' ? 1 : 0));
    expect(
      rocAuc(
        labels,
        rows.map((i) => reference[i]!),
      ),
    ).toBeCloseTo(spec.metrics.test.roc_auc, 12);
  });

  it('explains each score exactly: column contributions add up to logit − intercept', () => {
    const { spec, plan, reference } = prepared(id);
    for (const row of [0, 1, 100, 4000, 7042]) {
      const contributions = columnContributions(spec, plan, row);
      const logit = Math.log(reference[row]! / (1 - reference[row]!));
      expect(contributions.reduce((a, b) => a + b, 0)).toBeCloseTo(logit - spec.intercept, 9);
    }
  });
});
