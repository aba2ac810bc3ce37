import type { FeatureSource } from '../model-input/feature-plan.ts';
import { sigmoid } from '../scoring/reference-scorer.ts';
import type { ModelSpec } from '../spec/model-spec.ts';

/**
 * What the model would say if one of a customer's actionable values were different.
 * A logistic model's log-odds are a sum of per-feature terms, so changing one column
 * swaps that column's terms and keeps every other term as it is: exact, not a sensitivity
 * estimate. It is the model's association learned from history, not what an offer causes.
 * (A numeric column another column's imputation multiplies, e.g. a product rule, would also
 * move that imputed value; the other column is kept as read.)
 */
export interface WhatIfOption {
  /** The category, or the number as text. */
  value: string;
  probability: number;
  current: boolean;
}

export interface WhatIfColumn {
  column: string;
  label: string;
  /** The customer's value as read; null when unknown. */
  current: string | null;
  options: WhatIfOption[];
}

export interface BestChange {
  column: string;
  label: string;
  from: string | null;
  to: string;
  probability: number;
}

export interface WhatIf {
  /** The row's probability from the spec's coefficients in float64 (the ONNX score agrees to ~1e-7). */
  probability: number;
  columns: WhatIfColumn[];
  /** The one change that lowers the probability most; null when none lowers it. */
  best: BestChange | null;
}

type Spec = Pick<ModelSpec, 'columns' | 'features' | 'coefficients' | 'intercept'>;

/** The actionable columns' indices in the spec, with the features each one feeds. */
export interface WhatIfPlan {
  columns: { index: number; features: number[] }[];
}

export function planWhatIf(spec: Spec, plan: readonly FeatureSource[]): WhatIfPlan {
  const columns: WhatIfPlan['columns'] = [];
  spec.columns.forEach((c, index) => {
    if (!c.actionable) return;
    columns.push({ index, features: plan.flatMap((s, j) => (s.column === index ? [j] : [])) });
  });
  return { columns };
}

export const hasWhatIf = (spec: Pick<ModelSpec, 'columns'>): boolean =>
  spec.columns.some((c) => c.actionable !== undefined);

/** coefficient × standardised value of feature j when its raw feature is `raw`. */
const term = (spec: Spec, source: FeatureSource, j: number, raw: number) =>
  spec.coefficients[j]! * ((raw - source.mean) / source.std);

function rawFor(source: FeatureSource, value: number): number {
  if (source.category >= 0) return value === source.category ? 1 : 0;
  // Setting a value means the cell is no longer missing.
  if (source.missingIndicator) return 0;
  return source.log1p ? Math.log1p(value) : value;
}

function rawAsRead(source: FeatureSource, row: number): number {
  const v = source.values[row]!;
  if (source.category >= 0) return v === source.category ? 1 : 0;
  if (source.missingIndicator) return v;
  return source.log1p ? Math.log1p(v) : v;
}

/** Every actionable column's alternatives for one row, and the best single change; null for a rejected row. */
export function whatIfRow(
  spec: Spec,
  plan: readonly FeatureSource[],
  whatIfPlan: WhatIfPlan,
  row: number,
): WhatIf | null {
  let logit = spec.intercept;
  for (let j = 0; j < plan.length; j++) logit += term(spec, plan[j]!, j, rawAsRead(plan[j]!, row));
  if (Number.isNaN(logit)) return null;
  const probability = sigmoid(logit);
  let best: BestChange | null = null;
  const columns = whatIfPlan.columns.map(({ index, features }): WhatIfColumn => {
    const column = spec.columns[index]!;
    const own = features.reduce((sum, j) => sum + term(spec, plan[j]!, j, rawAsRead(plan[j]!, row)), 0);
    const base = logit - own;
    const valueSource = features.map((j) => plan[j]!).find((s) => !s.missingIndicator);
    const read = valueSource ? valueSource.values[row]! : NaN;
    const current =
      column.type === 'categorical'
        ? read >= 0
          ? column.categories[read]!
          : null
        : Number.isNaN(read)
          ? null
          : String(read);
    const candidates: { value: string; code: number }[] =
      column.type === 'categorical'
        ? column.actionable!.values.map((v) => ({ value: v, code: column.categories.indexOf(v) }))
        : column.actionable!.values.map((v) => ({ value: String(v), code: v }));
    const options = candidates.map(({ value, code }): WhatIfOption => {
      const changed = features.reduce((sum, j) => sum + term(spec, plan[j]!, j, rawFor(plan[j]!, code)), base);
      const p = sigmoid(changed);
      const isCurrent = value === current;
      if (!isCurrent && p < probability && (!best || p < best.probability))
        best = { column: column.name, label: column.label, from: current, to: value, probability: p };
      return { value, probability: p, current: isCurrent };
    });
    return { column: column.name, label: column.label, current, options };
  });
  return { probability, columns, best };
}

/** "Contract: Month-to-month → Two year", the export's `best_action` cell. */
export const describeChange = (change: BestChange): string =>
  `${change.label}: ${change.from ?? 'unknown'} → ${change.to}`;
