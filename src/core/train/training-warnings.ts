import type { Outcome } from './outcome.ts';

/** The card's cautions (issue 8): small samples, rare outcomes, and every column left out. */
export const WARNING_RULES = { minPositives: 50, minRows: 500, minRate: 0.02 } as const;

export function trainingWarnings(args: {
  outcome: Outcome;
  rows: number;
  leftOut: { name: string; why: string }[];
  leaks: { name: string; why: string }[];
  sensitive: string[];
}): string[] {
  const { outcome, rows, leftOut, leaks, sensitive } = args;
  const warnings: string[] = [];
  const rate = outcome.positives / Math.max(1, outcome.positives + outcome.negatives);
  if (outcome.positives < WARNING_RULES.minPositives)
    warnings.push(
      `Only ${outcome.positives} customers left (fewer than ${WARNING_RULES.minPositives}): the figures are rough and the model may not generalise.`,
    );
  if (rows < WARNING_RULES.minRows)
    warnings.push(
      `Only ${rows} labelled rows (fewer than ${WARNING_RULES.minRows}): treat the held-out figures as rough.`,
    );
  if (rate < WARNING_RULES.minRate)
    warnings.push(
      `Leaving is rare here (${(rate * 100).toFixed(1)} % of customers): precision will be low at any useful recall.`,
    );
  if (outcome.missing > 0)
    warnings.push(`${outcome.missing} rows have no outcome and were not used for training or testing.`);
  for (const leak of leaks) warnings.push(`${leak.name} was left out: ${leak.why}.`);
  const others = leftOut.filter((l) => !leaks.includes(l));
  if (others.length) warnings.push(`Columns left out: ${others.map((l) => `${l.name} (${l.why})`).join('; ')}.`);
  if (sensitive.length)
    warnings.push(
      `The model uses columns that may describe protected characteristics: ${sensitive.join(', ')}. Check that using them is lawful and fair for your purpose.`,
    );
  return warnings;
}
