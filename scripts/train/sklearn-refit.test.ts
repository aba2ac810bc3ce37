import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { planFeatures } from '../../src/core/model-input/feature-plan.ts';
import { designMatrix, labelsOf } from '../../src/core/train/design-matrix.ts';
import { committedReport, committedSpec, datasetForSpec, TELCO_PATH } from './telco-dataset.test-support.ts';

// Debian's interpreter, where python3-sklearn installs (.ci/run installs it when missing).
const PYTHON = '/usr/bin/python3';
const SCRIPT = fileURLToPath(new URL('../verify/sklearn_refit.py', import.meta.url));

describe('an independent refit with scikit-learn', () => {
  it.each(['telco-full', 'telco-core'])('%s: same coefficients to 1e-3 on the same matrix', (id) => {
    const spec = committedSpec(id);
    const report = committedReport(id);
    const data = datasetForSpec(TELCO_PATH, spec, report);
    const plan = planFeatures(spec, data.table);
    const scaling = {
      mean: Float64Array.from(spec.features, (f) => f.mean),
      std: Float64Array.from(spec.features, (f) => f.std),
    };
    const x = designMatrix(plan, data.train, scaling);
    const dir = mkdtempSync(join(tmpdir(), 'churn-refit-'));
    try {
      writeFileSync(join(dir, 'x.f64'), new Uint8Array(x.buffer));
      writeFileSync(join(dir, 'y.u8'), labelsOf(data.y, data.train));
      writeFileSync(
        join(dir, 'shape.json'),
        JSON.stringify({ n: data.train.length, p: plan.length, C: report.penalty.chosen_C }),
      );
      const run = spawnSync(PYTHON, [SCRIPT, dir], { encoding: 'utf8' });
      if (run.status !== 0) {
        throw new Error(
          `scikit-learn refit failed (${PYTHON} ${SCRIPT}): ${run.stderr || run.error?.message}. Install it with "apt-get install -y python3-sklearn".`,
        );
      }
      const refit = JSON.parse(run.stdout) as { coefficients: number[]; intercept: number };
      expect(refit.coefficients).toHaveLength(spec.coefficients.length);
      refit.coefficients.forEach((c, j) =>
        expect(Math.abs(c - spec.coefficients[j]!), spec.features[j]!.name).toBeLessThan(1e-3),
      );
      expect(Math.abs(refit.intercept - spec.intercept)).toBeLessThan(1e-3);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
