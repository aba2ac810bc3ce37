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

function describe(column: SpecColumn, plan: readonly FeatureSource[], spec: Pick<ModelSpec, 'features'>, row: number): string {
  const sources = plan.filter((_, j) => spec.features[j]!.column === column.name);
  const source = sources[0]!;
  const value = source.values[row]!;
  if (column.type === 'categorical') {
    return value < 0 ? `${column.label}: unknown` : `${column.label}: ${column.categories[value]}`;
  }
  // Compare with the training average (the plain, untransformed feature's mean).
  const plain = spec.features.findIndex((f) => f.column === column.name && f.transform === undefined);
  const mean = plain >= 0 ? spec.features[plain]!.mean : value;
  const below = value < mean;
  const word = column.unit === 'months' ? (below ? 'Short' : 'Long') : below ? 'Low' : 'High';
  const unit = column.unit === 'months' ? ` ${value === 1 ? 'month' : 'months'}` : '';
  return `${word} ${column.label.toLowerCase()} (${number(value)}${unit})`;
}

/** Every input column's push on one customer's risk, strongest first. */
export function explainRow(spec: Pick<ModelSpec, 'columns' | 'features' | 'coefficients'>, plan: readonly FeatureSource[], row: number): Reason[] {
  const contributions = columnContributions(spec, plan, row);
  return spec.columns
    .map((column, c) => ({ column: column.name, label: column.label, contribution: contributions[c]!, text: describe(column, plan, spec, row) }))
    .sort((a, b) => b.contribution - a.contribution);
}

/** Up to `n` columns that raise this customer's risk the most. */
export function topReasons(reasons: readonly Reason[], n = 3): Reason[] {
  return reasons.filter((r) => r.contribution > 0).slice(0, n);
}

export const sentence = (r: Reason) => `${r.text} ${r.contribution > 0 ? 'raises' : 'lowers'} the risk`;
