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
}

export interface MissingColumns {
  kind: 'missing-columns';
  message: string;
  missing: { model: string; columns: string[] }[];
  headers: string[];
}

/**
 * Picks the richest model whose columns the file has: specs are tried from most
 * to fewest columns, so a full Telco export uses the full model and a five-column
 * CRM export the core one.
 */
export function chooseModel(headers: readonly string[], specs: readonly ModelSpec[]): Result<ModelChoice, MissingColumns> {
  const ordered = specs.slice().sort((a, b) => b.columns.length - a.columns.length);
  const tried: MissingColumns['missing'] = [];
  for (const spec of ordered) {
    const mapping = mapHeaders(headers, headerTargetsOf(spec.columns));
    const unresolved = [...mapping.missing, ...mapping.ambiguous.map((a) => a.column)];
    if (mapping.missing.length === 0) {
      const extras = mapHeaders(headers, [spec.id_column, { name: spec.target.column, aliases: [] }]);
      return ok({ spec, mapping, idCell: extras.found.get(spec.id_column.name), targetCell: extras.found.get(spec.target.column) });
    }
    tried.push({ model: spec.label, columns: unresolved });
  }
  const needs = tried.map((t) => `"${t.model}" needs ${t.columns.join(', ')}`).join('; ');
  const found = headers.length ? headers.map((h) => `"${h}"`).join(', ') : 'none';
  return fail({
    kind: 'missing-columns',
    missing: tried,
    headers: [...headers],
    message: `This file does not have the columns any model needs: ${needs}. Headers found: ${found}. Rename the headers to match (e.g. "MonthlyCharges" or "Monthly Charges") and load the file again.`,
  });
}
