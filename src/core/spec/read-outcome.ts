import { normaliseCategory } from '../values/match-category.ts';
import type { ModelSpec } from './model-spec.ts';

export const NOT_AN_OUTCOME = 255;

/** Reads an outcome cell as 1 (left), 0 (stayed) or 255 (blank or unrecognised), with the spec's spellings. */
export function outcomeReader(target: ModelSpec['target']): (text: string) => number {
  const positive = new Set([target.positive, ...target.positive_spellings].map(normaliseCategory));
  const negative = new Set([target.negative, ...target.negative_spellings].map(normaliseCategory));
  // An outcome column repeats two or three spellings: remember raw cells, as the category matcher does.
  const cache = new Map<string, number>();
  return (text) => {
    const hit = cache.get(text);
    if (hit !== undefined) return hit;
    const v = normaliseCategory(text);
    const value = positive.has(v) ? 1 : negative.has(v) ? 0 : NOT_AN_OUTCOME;
    if (cache.size < 10_000) cache.set(text, value);
    return value;
  };
}
