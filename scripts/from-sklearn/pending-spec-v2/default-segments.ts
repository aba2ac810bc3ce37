import type { ModelSpec } from './model-spec.ts';

/**
 * The categorical columns that move the score most: for each, the spread between its
 * strongest and weakest category (in log-odds, per standardised indicator), largest first.
 */
export function defaultSegments(spec: Pick<ModelSpec, 'columns' | 'features' | 'coefficients'>, count = 3): string[] {
  const spreadOf = new Map<string, { min: number; max: number }>();
  spec.features.forEach((f, j) => {
    if (f.category === undefined) return;
    const effect = spec.coefficients[j]! / f.std;
    const s = spreadOf.get(f.column) ?? { min: 0, max: 0 };
    spreadOf.set(f.column, { min: Math.min(s.min, effect), max: Math.max(s.max, effect) });
  });
  return spec.columns
    .filter((c) => c.type === 'categorical' && spreadOf.has(c.name))
    .map((c) => ({ name: c.name, spread: spreadOf.get(c.name)!.max - spreadOf.get(c.name)!.min }))
    .sort((a, b) => b.spread - a.spread || a.name.localeCompare(b.name))
    .slice(0, count)
    .map((c) => c.name);
}
