/**
 * The parts of a format-2 model spec (`src/core/spec/model-spec.ts`) that the SQL carries over.
 * Written structurally so that a parsed `ModelSpec` satisfies it as is; fields the SQL does not
 * read (labels aside) are left out on purpose.
 */
export interface SqlNumericColumn {
  name: string;
  label: string;
  type: 'numeric';
  impute: { constant: number } | { product: readonly [string, string] };
  bounds?: { min: number; max: number };
}

export interface SqlCategoricalColumn {
  name: string;
  label: string;
  type: 'categorical';
  categories: readonly string[];
  synonyms: Readonly<Record<string, string>>;
  other?: string;
  missing?: string;
}

export type SqlColumn = SqlNumericColumn | SqlCategoricalColumn;

export interface SqlFeature {
  name: string;
  column: string;
  category?: string;
  transform?: 'log1p';
  indicator?: 'missing';
  mean: number;
  std: number;
}

export interface SqlSpec {
  id: string;
  id_column?: { name: string };
  columns: readonly SqlColumn[];
  features: readonly SqlFeature[];
  coefficients: readonly number[];
  intercept: number;
  thresholds: { recommended: string; points: readonly { name: string; value: number }[] };
  risk_bands: readonly { name: string; from: number }[];
}
