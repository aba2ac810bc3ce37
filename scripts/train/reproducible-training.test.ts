import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { planFeatures } from '../../src/core/model-input/feature-plan.ts';
import { parseModelSpec } from '../../src/core/spec/parse-model-spec.ts';
import { designMatrix, labelsOf } from './design-matrix.ts';
import { loadTrainingData } from './load-training-data.ts';
import { logisticObjective } from './logistic-regression.ts';
import { seededRandom } from './seeded-random.ts';
import { MODELS } from './telco-catalog.ts';
import { trainAll } from './train-all.ts';
import { modelPath, readTelcoDataset } from './telco-dataset.test-support.ts';

let trained: ReturnType<typeof trainAll>;
beforeAll(() => {
  trained = trainAll(readTelcoDataset());
});

describe('training from the shared Telco dataset', () => {
  it('reproduces the committed model packages byte for byte', () => {
    for (const [name, bytes] of Object.entries(trained.files)) {
      const committed = new Uint8Array(readFileSync(modelPath(name)));
      expect(Buffer.compare(Buffer.from(bytes), Buffer.from(committed)), `${name} differs from a fresh "npm run train"`).toBe(0);
    }
    expect(Object.keys(trained.files).sort()).toEqual(MODELS.flatMap((m) => [`${m.id}.json`, `${m.id}.onnx`, `${m.id}.report.json`]).sort());
  });

  it('writes specs that pass the schema', () => {
    for (const { spec } of trained.results) expect(parseModelSpec(JSON.parse(JSON.stringify(spec)), `${spec.id}.json`).ok).toBe(true);
  });

  it('reaches the quality bar on the held-out rows', () => {
    const full = trained.results.find((r) => r.spec.id === 'telco-full')!.spec;
    const recommended = full.thresholds.points.find((p) => p.name === full.thresholds.recommended)!;
    expect(full.metrics.test.roc_auc).toBeGreaterThanOrEqual(0.84);
    expect(recommended.test.recall).toBeGreaterThanOrEqual(0.78);
  });

  it('keeps every row: 7,043 rows, 11 blank totals imputed, a stratified 80/20 split', () => {
    for (const { report } of trained.results) {
      expect(report.dataset.rows).toBe(7043);
      expect(report.dataset.imputed).toEqual({ TotalCharges: 11 });
      expect(report.split.train_rows + report.split.test_rows).toBe(7043);
      expect(report.test_ids).toHaveLength(report.split.test_rows);
      expect(new Set(report.test_ids).size).toBe(report.split.test_rows);
    }
    const { metrics } = trained.results[0]!.spec;
    expect(metrics.test.positives / metrics.test.n).toBeCloseTo(1869 / 7043, 2);
  });

  it('solves to a gradient norm below 1e-8, and no nearby point has a lower objective', () => {
    const data = loadTrainingData(readTelcoDataset());
    for (const { spec, report } of trained.results) {
      expect(report.solver.final.gradientNorm).toBeLessThan(1e-8);
      for (const fold of report.solver.folds) expect(fold.gradientNorm).toBeLessThan(1e-8);

      const plan = planFeatures(spec, data.table);
      const scaling = { mean: Float64Array.from(spec.features, (f) => f.mean), std: Float64Array.from(spec.features, (f) => f.std) };
      const x = designMatrix(plan, data.train, scaling);
      const y = labelsOf(data.y, data.train);
      const n = data.train.length;
      const p = plan.length;
      const best = logisticObjective(x, y, n, p, spec.coefficients, spec.intercept);
      expect(best).toBeCloseTo(report.solver.final.objective, 6);
      const random = seededRandom(7);
      for (let trial = 0; trial < 50; trial++) {
        const w = spec.coefficients.map((c) => c + (random() - 0.5) * 2e-3);
        const b = spec.intercept + (random() - 0.5) * 2e-3;
        expect(logisticObjective(x, y, n, p, w, b)).toBeGreaterThan(best);
      }
    }
  });
});
