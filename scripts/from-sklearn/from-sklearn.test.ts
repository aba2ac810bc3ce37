import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setUpOrtForNode } from '../../src/core/scoring/ort-node-setup.test-support.ts';
import { evaluate, pointMetrics } from '../../src/core/train/evaluate.ts';
import { buildLogisticOnnx } from '../../src/core/train/write-onnx.ts';
import { readCsv, runPython, scoreWithApp, sharedData, worstDifference } from './app-scoring.test-support.ts';
import { defaultSegments } from '../../src/core/spec/default-segments.ts';
import type { ModelSpec } from '../../src/core/spec/model-spec.ts';
import { parseModelSpec } from '../../src/core/spec/parse-model-spec.ts';

interface Case {
  name: string;
  file: string;
  rows: number;
  target: string;
  positive: string;
  id?: string;
  imputer: 'constant' | 'most_frequent';
  sensitive: string[];
}

const CASES: Case[] = [
  {
    name: 'Telco',
    file: 'telco-customer-churn.csv',
    rows: 7043,
    target: 'Churn',
    positive: 'Yes',
    id: 'customerID',
    imputer: 'constant',
    sensitive: ['SeniorCitizen', 'gender'],
  },
  {
    name: 'credit-data, constant fill',
    file: 'credit-data.csv',
    rows: 4454,
    target: 'Status',
    positive: 'bad',
    imputer: 'constant',
    sensitive: ['Age', 'Marital'],
  },
  {
    name: 'credit-data, most frequent',
    file: 'credit-data.csv',
    rows: 4454,
    target: 'Status',
    positive: 'bad',
    imputer: 'most_frequent',
    sensitive: ['Age', 'Marital'],
  },
];

beforeAll(() => setUpOrtForNode());

describe.each(CASES)('a pipeline fitted on $name, converted', (c) => {
  const dir = mkdtempSync(join(tmpdir(), 'churn-from-sklearn-'));
  let spec: ModelSpec;
  let onnxBytes: Uint8Array;
  let expected: number[];

  beforeAll(() => {
    const idArgs = c.id ? ['--id', c.id] : [];
    runPython('fit_example.py', [
      '--data',
      sharedData(c.file),
      '--target',
      c.target,
      '--positive',
      c.positive,
      ...idArgs,
      '--categorical-imputer',
      c.imputer,
      '--out',
      dir,
    ]);
    const columns = readFileSync(join(dir, 'columns.txt'), 'utf8').trim();
    runPython('from_sklearn.py', [
      '--pipeline',
      join(dir, 'pipeline.pkl'),
      '--train',
      join(dir, 'train.csv'),
      '--test',
      join(dir, 'test.csv'),
      '--target',
      c.target,
      '--positive',
      c.positive,
      ...idArgs,
      '--columns',
      columns,
      '--model-id',
      'from-sklearn-test',
      '--label',
      `${c.name} (scikit-learn)`,
      '--out',
      dir,
    ]);
    const parsed = parseModelSpec(
      JSON.parse(readFileSync(join(dir, 'from-sklearn-test.json'), 'utf8')),
      'from-sklearn-test.json',
    );
    if (!parsed.ok) throw new Error(parsed.problem);
    spec = parsed.value;
    onnxBytes = new Uint8Array(readFileSync(join(dir, 'from-sklearn-test.onnx')));
    expected = JSON.parse(
      runPython('predict.py', [
        '--pipeline',
        join(dir, 'pipeline.pkl'),
        '--data',
        sharedData(c.file),
        '--columns',
        columns,
      ]),
    ) as number[];
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('scores every row of the file as predict_proba[:, 1] does, to 1e-5, with the reference scorer and with onnxruntime-web', async () => {
    const scores = await scoreWithApp(spec, onnxBytes, readCsv(sharedData(c.file)));
    expect(expected).toHaveLength(c.rows);
    expect(scores.rejected.reduce((s, v) => s + v, 0)).toBe(0);
    const reference = worstDifference(scores.reference, expected);
    const onnx = worstDifference(scores.onnx, expected);
    expect(reference.difference, `reference scorer, row ${reference.row + 2}`).toBeLessThan(1e-5);
    expect(onnx.difference, `onnxruntime-web, row ${onnx.row + 2}`).toBeLessThan(1e-5);
  });

  it('writes the ONNX graph buildLogisticOnnx writes for the same coefficients, byte for byte', () => {
    const built = buildLogisticOnnx({
      coefficients: spec.coefficients,
      intercept: spec.intercept,
      input: spec.input,
      output: spec.output,
      graphName: spec.id,
    });
    expect(Buffer.from(onnxBytes).equals(Buffer.from(built))).toBe(true);
  });

  it("reports held-out figures that the app's metric code reproduces from test.csv", async () => {
    const test = readCsv(join(dir, 'test.csv'));
    const target = test.header.indexOf(c.target);
    const labels = Uint8Array.from(test.rows, (r) => (r[target] === c.positive ? 1 : 0));
    const { reference } = await scoreWithApp(spec, onnxBytes, test);
    const metrics = evaluate(labels, reference);
    const reported = spec.metrics.test;
    expect([reported.n, reported.positives]).toEqual([metrics.n, metrics.positives]);
    for (const key of ['roc_auc', 'pr_auc', 'brier', 'log_loss'] as const)
      expect(reported[key], key).toBeCloseTo(metrics[key], 9);
    expect(reported.roc).toEqual(metrics.roc);
    expect(reported.pr).toEqual(metrics.pr);
    expect(reported.calibration.map((b) => b.count)).toEqual(metrics.calibration.map((b) => b.count));
    for (const point of spec.thresholds.points) {
      const { tp, fp, fn, tn } = pointMetrics(labels, reference, point.value);
      expect({ tp: point.test.tp, fp: point.test.fp, fn: point.test.fn, tn: point.test.tn }, point.name).toEqual({
        tp,
        fp,
        fn,
        tn,
      });
    }
  });

  it('fills the spec honestly: operating points, bands, segments, sensitive columns, missing levels, provenance', () => {
    expect(spec.thresholds.points.map((p) => p.name)).toEqual(['recall-first', 'f1-optimal', 'even-odds']);
    expect(spec.thresholds.points.find((p) => p.name === 'even-odds')!.value).toBe(0.5);
    expect(spec.risk_bands).toEqual([
      { name: 'Low', from: 0 },
      { name: 'Medium', from: 0.15 },
      { name: 'High', from: 0.35 },
      { name: 'Very high', from: 0.6 },
    ]);
    expect(spec.segments).toEqual(defaultSegments(spec));
    expect(
      spec.columns
        .filter((col) => col.sensitive)
        .map((col) => col.name)
        .sort(),
    ).toEqual(c.sensitive);
    expect(spec.description).toContain('held-out rows of test.csv, which the pipeline was not fitted on');
    for (const column of spec.columns) {
      if (column.type !== 'categorical') continue;
      expect(column.other).toBeUndefined();
      if (c.imputer === 'most_frequent') {
        // Missing cells fall into the most frequent training category.
        expect(column.missing, column.name).toBe(
          column.categories[column.frequencies!.indexOf(Math.max(...column.frequencies!))],
        );
      } else if (column.missing !== undefined) {
        expect(column.missing).toBe('(missing)');
      }
    }
    const train = readFileSync(join(dir, 'train.csv'));
    expect(spec.provenance).toEqual({
      dataset: 'train.csv',
      rows: readCsv(join(dir, 'train.csv')).rows.length,
      sha256: createHash('sha256').update(train).digest('hex'),
      trainer: expect.stringMatching(/^from-sklearn \d+\.\d+\.\d+ \(scikit-learn [\d.]+\)$/) as string,
    });
  });
});
