import { describe, expect, it } from 'vitest';
import { parseCsvText } from '../../src/core/csv/parse-csv-text.ts';
import { rocAuc } from '../../src/core/metrics/roc-auc.ts';
import { planFeatures } from '../../src/core/model-input/feature-plan.ts';
import { referenceProbabilities } from '../../src/core/scoring/reference-scorer.ts';
import type { ModelSpec } from '../../src/core/spec/model-spec.ts';
import { tableForSpec } from '../../src/core/table/table-for-spec.ts';
import { trainFromBytes } from '../../src/cli/train-files.ts';
import { BANK_TRUTH, bankCsvChunks, generateBankCustomers, type BankCustomer } from './generate-bank-customers.ts';

// 20,000 labelled rows: enough for tight estimates, and at the trainer's threshold for skipping the 20 repeated splits.
const ROWS = 20_000;
const SEED = 1;
const NUMERIC = [
  'CreditScore',
  'Age',
  'Tenure',
  'Balance',
  'NumOfProducts',
  'HasCrCard',
  'IsActiveMember',
  'EstimatedSalary',
] as const;
/** Level differences, which a one-hot encoding with every level identifies (the levels themselves are not). */
const CONTRASTS = [
  ['Geography', 'Germany', 'France'],
  ['Geography', 'Spain', 'France'],
  ['Gender', 'Female', 'Male'],
] as const;
/** Standard errors allowed: each check fails by chance with probability ≈ 6e-5 (two-sided normal), the 11 together ≈ 7e-4. */
const Z = 4;

const text = [...bankCsvChunks({ rows: ROWS, labels: true, seed: SEED })].join('');
const customers = [...generateBankCustomers(ROWS, SEED)];

/** The raw design row of the truth: intercept, the numeric columns, then the non-reference levels. */
const designRow = (c: BankCustomer) => [
  1,
  ...NUMERIC.map((n) => c[n]),
  c.Geography === 'Germany' ? 1 : 0,
  c.Geography === 'Spain' ? 1 : 0,
  c.Gender === 'Female' ? 1 : 0,
];

/** Inverse of a symmetric positive definite matrix by Gauss–Jordan elimination with partial pivoting. */
function inverse(a: number[][]): number[][] {
  const n = a.length;
  const m = a.map((row, i) => [...row, ...Array.from({ length: n }, (_, j) => (i === j ? 1 : 0))]);
  for (let col = 0; col < n; col++) {
    const pivot = m
      .slice(col)
      .reduce((best, row, k) => (Math.abs(row[col]!) > Math.abs(m[best]![col]!) ? col + k : best), col);
    [m[col], m[pivot]] = [m[pivot]!, m[col]!];
    const p = m[col]![col]!;
    m[col] = m[col]!.map((v) => v / p);
    for (let r = 0; r < n; r++) {
      if (r === col) continue;
      const f = m[r]![col]!;
      m[r] = m[r]!.map((v, j) => v - f * m[col]![j]!);
    }
  }
  return m.map((row) => row.slice(n));
}

/**
 * Asymptotic standard errors of the maximum-likelihood coefficients on these training rows: the square roots of the
 * diagonal of the inverse Fisher information Σ p(1 − p) x xᵀ, at the true probabilities, in raw units.
 */
function standardErrors(rows: readonly BankCustomer[]): number[] {
  const p = designRow(rows[0]!).length;
  const info = Array.from({ length: p }, () => new Array<number>(p).fill(0));
  for (const c of rows) {
    const x = designRow(c);
    const w = c.exitProbability * (1 - c.exitProbability);
    for (let i = 0; i < p; i++) for (let j = 0; j < p; j++) info[i]![j]! += w * x[i]! * x[j]!;
  }
  return inverse(info).map((row, i) => Math.sqrt(row[i]!));
}

function train() {
  const trained = trainFromBytes(new TextEncoder().encode(text), 'bank-customers.csv', { target: 'Exited' });
  if (!trained.ok) throw new Error(trained.problem);
  const [pkg] = trained.value.packages;
  return pkg!;
}

/** The trainer's coefficient per raw unit of a feature: it standardises, so divide by the feature's std. */
function perRawUnit(spec: ModelSpec, featureName: string): number {
  const j = spec.features.findIndex((f) => f.name === featureName);
  if (j < 0) throw new Error(`no feature ${featureName}; features are ${spec.features.map((f) => f.name).join(', ')}`);
  return spec.coefficients[j]! / spec.features[j]!.std;
}

describe('the trainer recovers a known logistic truth (synthetic bank customers)', () => {
  const { spec, report } = train();
  const heldOut = new Set((report.test_rows as string[]).map(Number));
  const trainRows = customers.filter((c) => !heldOut.has(c.CustomerId));
  const se = standardErrors(trainRows);

  it("reads the bank's columns as a person would", () => {
    expect(spec.id_column?.name).toBe('CustomerId');
    expect((report.roles as { column: string; role: string }[]).find((r) => r.column === 'CustomerId')?.role).toBe(
      'id',
    );
    expect(
      spec.columns
        .filter((c) => c.sensitive)
        .map((c) => c.name)
        .sort(),
    ).toEqual(['Age', 'Gender']);
    const balance = spec.columns.find((c) => c.name === 'Balance');
    expect(balance?.type === 'numeric' && balance.range.min).toBeLessThan(0);
    // The truth is linear in every raw column, so no log scale should be chosen (Balance could not take one anyway).
    expect(spec.features.filter((f) => f.transform).map((f) => f.name)).toEqual([]);
    expect(spec.features.map((f) => f.name).sort()).toEqual(
      [...NUMERIC, 'Gender=Female', 'Gender=Male', 'Geography=France', 'Geography=Germany', 'Geography=Spain'].sort(),
    );
    expect(report.split).toMatchObject({ train_rows: trainRows.length, test_rows: ROWS - trainRows.length });
  });

  it('chooses a penalty too weak to move the estimates: under 1 % shrinkage of a standardised coefficient', () => {
    // Near the optimum, L2 shrinks a standardised coefficient by about 1 / (1 + C·n·w̄), w̄ = mean p(1 − p).
    const C = (report.penalty as { chosen_C: number }).chosen_C;
    const w = trainRows.reduce((sum, c) => sum + c.exitProbability * (1 - c.exitProbability), 0) / trainRows.length;
    expect(1 / (1 + C * trainRows.length * w)).toBeLessThan(0.01);
  });

  it.each(NUMERIC.map((name, i) => [name, i + 1] as const))(
    '%s: within 4 standard errors of the truth, per raw unit',
    (name, k) => {
      const estimate = perRawUnit(spec, name);
      expect(
        Math.abs(estimate - BANK_TRUTH[name]),
        `${name}: estimate ${estimate}, truth ${BANK_TRUTH[name]}, SE ${se[k]}`,
      ).toBeLessThan(Z * se[k]!);
    },
  );

  it.each(
    CONTRASTS.map(
      ([column, level, reference], i) =>
        [`${column} ${level} − ${reference}`, column, level, reference, NUMERIC.length + 1 + i] as const,
    ),
  )('%s: within 4 standard errors of the truth', (_, column, level, reference, k) => {
    const truth =
      (BANK_TRUTH[column] as Record<string, number>)[level]! -
      (BANK_TRUTH[column] as Record<string, number>)[reference]!;
    const estimate = perRawUnit(spec, `${column}=${level}`) - perRawUnit(spec, `${column}=${reference}`);
    expect(Math.abs(estimate - truth), `estimate ${estimate}, truth ${truth}, SE ${se[k]}`).toBeLessThan(Z * se[k]!);
  });

  it('ranks held-out customers within 0.01 ROC AUC of the true model on the same rows', () => {
    const csv = parseCsvText(text);
    const table = tableForSpec(csv.header, csv.rows, spec);
    if (!table.ok) throw new Error(table.problem);
    const scored = referenceProbabilities(spec, planFeatures(spec, table.value), table.value.rejected);
    const rows = customers.flatMap((c, i) => (heldOut.has(c.CustomerId) ? [i] : []));
    expect(rows).toHaveLength(ROWS - trainRows.length);
    const labels = Uint8Array.from(rows, (i) => customers[i]!.Exited);
    const trained = rocAuc(
      labels,
      rows.map((i) => scored[i]!),
    );
    const truth = rocAuc(
      labels,
      rows.map((i) => customers[i]!.exitProbability),
    );
    expect(trained).toBeCloseTo(spec.metrics.test.roc_auc, 12);
    expect(Math.abs(trained - truth), `trained ${trained}, true model ${truth}`).toBeLessThan(0.01);
  });
});
