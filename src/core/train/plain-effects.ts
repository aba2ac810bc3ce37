import type { ModelSpec } from '../spec/model-spec.ts';

export interface PlainEffect {
  /** Log-odds change: for a category, being in it rather than the average; for a number, one standard deviation more. */
  size: number;
  text: string;
}

/** Words for a change in log-odds: e^1 ≈ 2.7 × the odds is "a lot", e^0.2 ≈ 1.2 × is "slightly". */
function howMuch(size: number): string {
  const s = Math.abs(size);
  if (s >= 1) return 'a lot';
  if (s >= 0.5) return 'clearly';
  if (s >= 0.2) return 'somewhat';
  return 'slightly';
}

/**
 * The model's strongest effects in plain language, strongest first. Coefficients apply to
 * standardised features, so a number's coefficient is the effect of one standard deviation,
 * and a category's coefficient ÷ its indicator's std is the effect of being in that category.
 */
export function strongestEffects(spec: ModelSpec, count = 6): PlainEffect[] {
  const labels = new Map(spec.columns.map((c) => [c.name, c.label]));
  return spec.features
    .map((f, j) => {
      const label = labels.get(f.column) ?? f.column;
      const coefficient = spec.coefficients[j]!;
      const size = f.category !== undefined ? coefficient / f.std : coefficient;
      const direction = size >= 0 ? 'raises' : 'lowers';
      const subject =
        f.category !== undefined
          ? `${label} = ${f.category}`
          : f.indicator === 'missing'
            ? `${label} missing`
            : `Higher ${label}${f.transform === 'log1p' ? ' (on a log scale)' : ''}`;
      return { size, text: `${subject} ${direction} the risk ${howMuch(size)}` };
    })
    .filter((e) => Number.isFinite(e.size) && e.size !== 0)
    .sort((a, b) => Math.abs(b.size) - Math.abs(a.size) || a.text.localeCompare(b.text))
    .slice(0, count);
}
