import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseModelSpec } from '../../src/core/spec/parse-model-spec.ts';
import type { TrainedPackage } from '../../src/core/train/train-model.ts';
import { CREDIT_PATH, datasetForSpec, readSharedDataset } from './telco-dataset.test-support.ts';
import { trainFromBytes } from '../../src/cli/train-files.ts';

const PYTHON = '/usr/bin/python3';
const BASELINE = fileURLToPath(new URL('../verify/sklearn_baseline.py', import.meta.url));

let credit: TrainedPackage;
beforeAll(() => {
  const trained = trainFromBytes(readSharedDataset(CREDIT_PATH), CREDIT_PATH, {
    target: 'Status',
    positive: 'bad',
    name: 'Credit applicants',
  });
  if (!trained.ok) throw new Error(trained.problem);
  credit = trained.value.packages[0]!;
});

describe('the generic trainer on credit-data.csv (no Telco knowledge, R-style NA cells)', () => {
  it("infers every column's role from the data, with a reason", () => {
    const roles = credit.report.roles as { column: string; role: string; reason: string }[];
    expect(Object.fromEntries(roles.map((r) => [r.column, r.role]))).toEqual({
      Status: 'outcome',
      Seniority: 'numeric',
      Home: 'categorical',
      Time: 'numeric',
      Age: 'numeric',
      Marital: 'categorical',
      Records: 'categorical',
      Job: 'categorical',
      Expenses: 'numeric',
      Income: 'numeric',
      Assets: 'numeric',
      Debt: 'numeric',
      Amount: 'numeric',
      Price: 'numeric',
    });
    for (const r of roles) expect(r.reason.length).toBeGreaterThan(5);
  });

  it('reads NA as missing: numeric NA imputed with a missing indicator where over 1 % is missing, categorical NA as a "(missing)" level', () => {
    const spec = credit.spec;
    expect(parseModelSpec(JSON.parse(JSON.stringify(spec)), 'credit.json').ok).toBe(true);
    const income = spec.columns.find((c) => c.name === 'Income')!;
    expect(income.type).toBe('numeric');
    expect(spec.features.some((f) => f.column === 'Income' && f.indicator === 'missing')).toBe(true);
    const home = spec.columns.find((c) => c.name === 'Home')!;
    expect(home.type === 'categorical' && home.missing).toBe('(missing)');
    // Every row is scored: nothing the trainer saw is rejected by the app's reader.
    const data = datasetForSpec(CREDIT_PATH, spec, credit.report as never);
    expect(data.table.rowCount).toBe(4454);
    expect(data.table.rejected.every((r) => r === 0)).toBe(true);
  });

  it('flags Age and Marital as sensitive and says so on the card', () => {
    expect(credit.spec.columns.filter((c) => c.sensitive).map((c) => c.name)).toEqual(['Age', 'Marital']);
    expect(credit.spec.warnings.join(' ')).toContain('Age, Marital');
  });

  it('is at least as good as plain scikit-learn on the same split (no worse than 0.01 below its held-out ROC AUC)', () => {
    const data = datasetForSpec(CREDIT_PATH, credit.spec, credit.report as never);
    const roles = credit.report.roles as { column: string; role: string }[];
    const dir = mkdtempSync(join(tmpdir(), 'churn-baseline-'));
    try {
      const split = join(dir, 'split.json');
      writeFileSync(
        split,
        JSON.stringify({
          train: data.train,
          test: data.test,
          numeric: roles.filter((r) => r.role === 'numeric').map((r) => r.column),
          categorical: roles.filter((r) => r.role === 'categorical').map((r) => r.column),
        }),
      );
      const run = spawnSync(PYTHON, [BASELINE, CREDIT_PATH, 'Status', 'bad', split], { encoding: 'utf8' });
      if (run.status !== 0)
        throw new Error(
          `scikit-learn baseline failed: ${run.stderr || run.error?.message}. Install it with "apt-get install -y python3-sklearn".`,
        );
      const baseline = JSON.parse(run.stdout) as { roc_auc: number };
      // Measured: trainer 0.831, scikit-learn 0.811. The trainer's log scale for long-tailed amounts, missing
      // indicators and cross-validated C explain the gap; being better is not a parity failure, being worse is.
      expect(
        credit.spec.metrics.test.roc_auc,
        `trainer ${credit.spec.metrics.test.roc_auc}, scikit-learn ${baseline.roc_auc}`,
      ).toBeGreaterThanOrEqual(baseline.roc_auc - 0.01);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
