import type { FeatureSource } from '../model-input/feature-plan.ts';
import { columnContributions } from '../scoring/contributions.ts';
import type { ModelSpec, SpecColumn } from '../spec/model-spec.ts';

export interface Reason {
  column: string;
  label: string;
  /** Change in log-odds against an average customer; positive raises the risk. */
  contribution: number;
  /** What the customer has, in words: "Contract: Month-to-month", "Short tenure (2 months)". */
  text: string;
}

// One formatter for every row: toLocaleString builds a new one per call, which dominates large exports.
const numberFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });
const number = (x: number) => numberFormat.format(x);

function describe(
  column: SpecColumn,
  columnIndex: number,
  plan: readonly FeatureSource[],
  spec: Pick<ModelSpec, 'features'>,
  row: number,
): string {
  const sources = plan.filter((s) => s.column === columnIndex && !s.missingIndicator);
  const source = sources[0]!;
  const value = source.values[row]!;
  if (column.type === 'categorical') {
    return value < 0 ? `${column.label}: unknown` : `${column.label}: ${column.categories[value]}`;
  }
  const missing = plan.find((s) => s.column === columnIndex && s.missingIndicator);
  if (missing && missing.values[row] === 1) return `${column.label}: missing (read as ${number(value)})`;
  // Compare with the training average (the plain, untransformed feature's mean).
  const plain = plan.findIndex(
    (s, j) => s.column === columnIndex && !s.missingIndicator && spec.features[j]!.transform === undefined,
  );
  const mean = plain >= 0 ? spec.features[plain]!.mean : value;
  const below = value < mean;
  const duration = column.unit === 'months' || column.unit === 'days';
  const word = duration ? (below ? 'Short' : 'Long') : below ? 'Low' : 'High';
  const singular = column.unit === 'months' ? 'month' : 'day';
  const unit = duration ? ` ${value === 1 ? singular : column.unit}` : column.unit === 'percent' ? ' %' : '';
  return `${word} ${column.label.toLowerCase()} (${number(value)}${unit})`;
}

/** Every input column's push on one customer's risk, strongest first. */
export function explainRow(
  spec: Pick<ModelSpec, 'columns' | 'features' | 'coefficients'>,
  plan: readonly FeatureSource[],
  row: number,
): Reason[] {
  const contributions = columnContributions(spec, plan, row);
  return spec.columns
    .map((column, c) => ({
      column: column.name,
      label: column.label,
      contribution: contributions[c]!,
      text: describe(column, c, plan, spec, row),
    }))
    .sort((a, b) => b.contribution - a.contribution);
}

/** Up to `n` columns that raise this customer's risk the most. */
export function topReasons(reasons: readonly Reason[], n = 3): Reason[] {
  return reasons.filter((r) => r.contribution > 0).slice(0, n);
}

export const sentence = (r: Reason) => `${r.text} ${r.contribution > 0 ? 'raises' : 'lowers'} the risk`;
