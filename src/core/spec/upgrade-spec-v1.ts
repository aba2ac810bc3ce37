import type { ModelSpec } from './model-spec.ts';
import { SPEC_FORMAT } from './model-spec.ts';
import { defaultSegments } from './default-segments.ts';

export const SPEC_FORMAT_V1 = 'churn-radar-model/1';

/** The bands that format 1 implied for every model; format 2 writes them into the spec. */
const FORMAT_1_BANDS = [
  { name: 'Low', from: 0 },
  { name: 'Medium', from: 0.15 },
  { name: 'High', from: 0.35 },
  { name: 'Very high', from: 0.6 },
];

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** v1 units were bare words; "currency" had no code, which ISO 4217 spells XXX. */
function upgradeUnit(unit: unknown): unknown {
  if (unit === undefined) return 'none';
  return unit === 'currency' ? { currency: 'XXX' } : unit;
}

/**
 * Rewrites a format 1 spec in format 2's shape, adding what format 1 left implicit
 * (risk bands, units, segments, no sensitive or actionable columns). The result is
 * validated by the format 2 schema like any other spec; anything else is returned as is.
 */
export function upgradeSpecV1(json: unknown): unknown {
  if (!isObject(json) || json.format !== SPEC_FORMAT_V1) return json;
  const columns = Array.isArray(json.columns)
    ? json.columns.map((c: unknown) => {
        if (!isObject(c)) return c;
        return c.type === 'numeric'
          ? { ...c, unit: upgradeUnit(c.unit), sensitive: false }
          : { ...c, sensitive: false };
      })
    : json.columns;
  const target = isObject(json.target)
    ? { aliases: [], positive_spellings: [], negative_spellings: [], ...json.target }
    : json.target;
  const upgraded: Json = {
    ...json,
    format: SPEC_FORMAT,
    columns,
    target,
    risk_bands: FORMAT_1_BANDS,
    warnings: [],
    segments: [],
  };
  if (Array.isArray(upgraded.features) && Array.isArray(upgraded.coefficients) && Array.isArray(columns)) {
    upgraded.segments = defaultSegments(upgraded as unknown as ModelSpec);
  }
  return upgraded;
}
