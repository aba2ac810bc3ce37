import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { planFeatures } from '../../src/core/model-input/feature-plan.ts';
import { parseModelSpec } from '../../src/core/spec/parse-model-spec.ts';
import { designMatrix, labelsOf } from '../../src/core/train/design-matrix.ts';
import { logisticObjective } from '../../src/core/train/logistic-regression.ts';
import { seededRandom } from '../../src/core/train/seeded-random.ts';
import type { TrainedPackage } from '../../src/core/train/train-model.ts';
import {
  committedReport,
  datasetForSpec,
  modelPath,
  readTelcoConfig,
  readTelcoDataset,
  TELCO_PATH,
} from './telco-dataset.test-support.ts';
import { trainFromBytes } from '../../src/cli/train-files.ts';

let files: Record<string, Uint8Array>;
let packages: TrainedPackage[];
beforeAll(() => {
  const trained = trainFromBytes(readTelcoDataset(), TELCO_PATH, { config: readTelcoConfig() });
  if (!trained.ok) throw new Error(trained.problem);
  ({ files, packages } = trained.value);
});

describe('training the Telco packages with the Telco config, as "npm run train" does', () => {
  it('reproduces the committed model packages byte for byte', () => {
    for (const [name, bytes] of Object.entries(files)) {
      const committed = new Uint8Array(readFileSync(modelPath(name)));
      expect(
        Buffer.compare(Buffer.from(bytes), Buffer.from(committed)),
        `${name} differs from a fresh "npm run train"`,
      ).toBe(0);
    }
    expect(Object.keys(files).sort()).toEqual(
      ['telco-core', 'telco-full'].flatMap((id) => [`${id}.json`, `${id}.onnx`, `${id}.report.json`]).sort(),
    );
  });

  it('writes specs that pass the schema', () => {
    for (const { spec } of packages)
      expect(parseModelSpec(JSON.parse(JSON.stringify(spec)), `${spec.id}.json`).ok).toBe(true);
  });

  it('reaches the quality bar on the held-out rows', () => {
    const full = packages.find((r) => r.spec.id === 'telco-full')!.spec;
    const core = packages.find((r) => r.spec.id === 'telco-core')!.spec;
    const recommended = full.thresholds.points.find((p) => p.name === full.thresholds.recommended)!;
    expect(full.metrics.test.roc_auc).toBeGreaterThanOrEqual(0.84);
    expect(core.metrics.test.roc_auc).toBeGreaterThanOrEqual(0.83);
    expect(recommended.test.recall).toBeGreaterThanOrEqual(0.78);
  });

  it('names the sensitive columns the full model uses', () => {
    const full = packages.find((r) => r.spec.id === 'telco-full')!.spec;
    expect(full.columns.filter((c) => c.sensitive).map((c) => c.name)).toEqual(['gender', 'SeniorCitizen']);
    expect(full.warnings.join(' ')).toContain('Gender, Senior citizen');
  });

  it('keeps every row: 7,043 rows, 11 blank totals imputed, a stratified 80/20 split', () => {
    for (const { spec, report } of packages) {
      const data = datasetForSpec(TELCO_PATH, spec, report as never);
      expect(data.table.rowCount).toBe(7043);
      expect(data.table.rejected.every((r) => r === 0)).toBe(true);
      const imputed = data.table.issues.filter((i) => i.kind === 'imputed');
      expect(imputed.map((i) => i.column)).toEqual(Array(11).fill('TotalCharges'));
      expect(data.train.length + data.test.length).toBe(7043);
      expect(new Set(report.test_rows as string[]).size).toBe(data.test.length);
      expect(data.test.length).toBe(Math.round(1869 * 0.2) + Math.round(5174 * 0.2));
    }
  });

  it('solves to a gradient norm below 1e-8, and no nearby point has a lower objective', () => {
    for (const { spec } of packages) {
      const report = committedReport(spec.id);
      const data = datasetForSpec(TELCO_PATH, spec, report);
      expect(report.solver.final.gradientNorm).toBeLessThan(1e-8);
      for (const fold of report.solver.folds) expect(fold.gradientNorm).toBeLessThan(1e-8);
      const C = report.penalty.chosen_C;
      const plan = planFeatures(spec, data.table);
      const scaling = {
        mean: Float64Array.from(spec.features, (f) => f.mean),
        std: Float64Array.from(spec.features, (f) => f.std),
      };
      const x = designMatrix(plan, data.train, scaling);
      const y = labelsOf(data.y, data.train);
      const n = data.train.length;
      const p = plan.length;
      const best = logisticObjective(x, y, n, p, spec.coefficients, spec.intercept, C);
      expect(best).toBeCloseTo(report.solver.final.objective, 6);
      const random = seededRandom(7);
      for (let trial = 0; trial < 50; trial++) {
        const w = spec.coefficients.map((c) => c + (random() - 0.5) * 2e-3);
        const b = spec.intercept + (random() - 0.5) * 2e-3;
        expect(logisticObjective(x, y, n, p, w, b, C)).toBeGreaterThan(best);
      }
    }
  });
});
