import { fail, ok, type Result } from '../result.ts';
import type { ModelSpec } from '../spec/model-spec.ts';
import { headerTargetsOf, mapHeaders, type HeaderMapping } from './map-headers.ts';

export interface ModelChoice {
  spec: ModelSpec;
  mapping: HeaderMapping;
  /** Index of the customer ID header, when the file has one. */
  idCell: number | undefined;
  /** Index of the outcome header (e.g. Churn), when the file carries outcomes. */
  targetCell: number | undefined;
  /** The other models whose columns the file has, best first: the page offers them as a switch. */
  alternatives: string[];
}

export interface MissingColumns {
  kind: 'missing-columns';
  message: string;
  missing: { model: string; columns: string[] }[];
  headers: string[];
}

/** Where the ID and outcome columns are in the file, when it has them. */
export function extraCells(
  headers: readonly string[],
  spec: ModelSpec,
): { idCell: number | undefined; targetCell: number | undefined } {
  const target = { name: spec.target.column, aliases: spec.target.aliases };
  const found = mapHeaders(headers, spec.id_column ? [spec.id_column, target] : [target]).found;
  return {
    idCell: spec.id_column ? found.get(spec.id_column.name) : undefined,
    targetCell: found.get(spec.target.column),
  };
}

/**
 * Picks, among the models whose columns the file has, the one with the best held-out
 * ROC AUC (ties: more columns, then id), unless `preferred` fits, so a team's own model beats a demo model that
 * happens to fit and a full Telco export uses the full model rather than the core one.
 */
export function chooseModel(
  headers: readonly string[],
  specs: readonly ModelSpec[],
  preferred?: string,
): Result<ModelChoice, MissingColumns> {
  const ordered = specs
    .slice()
    .sort(
      (a, b) =>
        b.metrics.test.roc_auc - a.metrics.test.roc_auc ||
        b.columns.length - a.columns.length ||
        a.id.localeCompare(b.id),
    );
  const tried: MissingColumns['missing'] = [];
  const fitting: { spec: ModelSpec; mapping: HeaderMapping }[] = [];
  for (const spec of ordered) {
    const mapping = mapHeaders(headers, headerTargetsOf(spec.columns));
    if (mapping.missing.length === 0) fitting.push({ spec, mapping });
    else tried.push({ model: spec.label, columns: [...mapping.missing, ...mapping.ambiguous.map((a) => a.column)] });
  }
  // A model the person (or the deployment's default) asked for wins when the file has its columns.
  const best = fitting.find((f) => f.spec.id === preferred) ?? fitting[0];
  if (best) {
    return ok({
      ...best,
      ...extraCells(headers, best.spec),
      alternatives: fitting.filter((f) => f !== best).map((f) => f.spec.id),
    });
  }
  const needs = tried.map((t) => `"${t.model}" needs ${t.columns.join(', ')}`).join('; ');
  const found = headers.length ? headers.map((h) => `"${h}"`).join(', ') : 'none';
  return fail({
    kind: 'missing-columns',
    missing: tried,
    headers: [...headers],
    message: `This file does not have the columns any model needs: ${needs}. Headers found: ${found}. Rename the headers to match (letter case, spaces and underscores do not matter) and load the file again, or train a model on your own history.`,
  });
}
