import { fitLogisticRegression } from './logistic-regression.ts';

/** χ²(1) at p = 0.001: the log scale must explain the outcome clearly better, not by chance. */
const LIKELIHOOD_RATIO_CUTOFF = 10.83;
/** Nearly unpenalised: this compares fits, it does not regularise them. */
const NEARLY_UNPENALISED = 1e6;

function standardisedColumns(columns: Float64Array[], rows: readonly number[]): Float64Array {
  const p = columns.length;
  const x = new Float64Array(rows.length * p);
  columns.forEach((values, j) => {
    let sum = 0;
    for (const r of rows) sum += values[r]!;
    const mean = sum / rows.length;
    let squares = 0;
    for (const r of rows) squares += (values[r]! - mean) ** 2;
    const sd = Math.sqrt(squares / rows.length) || 1;
    rows.forEach((r, i) => {
      x[i * p + j] = (values[r]! - mean) / sd;
    });
  });
  return x;
}

/** −2 log-likelihood of a nearly unpenalised fit. */
function deviance(columns: Float64Array[], rows: readonly number[], y: Uint8Array): number {
  const labels = Uint8Array.from(rows, (r) => y[r]!);
  // The deviance is needed to well under 0.01 (the cutoff is 10.83): a gradient of 1e-9·C·n leaves
  // an error of about 1e-12 in it, while a fixed 1e-6 is below rounding (≈ C·n·1e-16) from about
  // 10,000 rows on, which made the fit fail and the test silently say "no".
  const fit = fitLogisticRegression(standardisedColumns(columns, rows), labels, rows.length, columns.length, {
    C: NEARLY_UNPENALISED,
    gradientTolerance: 1e-9 * NEARLY_UNPENALISED * rows.length,
  });
  return (2 * fit.objective) / NEARLY_UNPENALISED;
}

/**
 * Whether a non-negative amount should also enter on the log scale: chosen per column from
 * the training rows by a likelihood-ratio test of [x] against [x, log(1 + x)] on their own.
 * Long tails (charges, balances) and "the first months matter most" curves pass; negative
 * values never do, so balances that go below zero keep the plain scale.
 */
export function chooseLog1p(values: Float64Array, train: readonly number[], y: Uint8Array): boolean {
  const rows = train.filter((r) => !Number.isNaN(values[r]!));
  if (rows.length < 30) return false;
  let positives = 0;
  const distinct = new Set<number>();
  for (const r of rows) {
    if (values[r]! < 0) return false;
    positives += y[r]!;
    if (distinct.size < 3) distinct.add(values[r]!);
  }
  if (distinct.size < 3 || positives === 0 || positives === rows.length) return false;
  const logs = values.map((v) => (Number.isNaN(v) ? v : Math.log1p(v)));
  try {
    return deviance([values], rows, y) - deviance([values, logs], rows, y) > LIKELIHOOD_RATIO_CUTOFF;
  } catch {
    // A column that separates the outcome on its own makes the fit diverge; the leakage check reports it.
    return false;
  }
}
