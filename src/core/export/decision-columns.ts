import { expectedBenefit, type CampaignSettings } from '../decision/campaign.ts';
import { bestChange, describeChange, hasWhatIf, planWhatIf } from '../decision/what-if.ts';
import type { FeatureSource } from '../model-input/feature-plan.ts';
import type { ModelSpec } from '../spec/model-spec.ts';

/** What the page decided, for the export: the campaign's settings and whether to add what-if columns. */
export interface ExportDecision {
  campaign?: CampaignSettings;
  whatIf?: boolean;
}

export interface DecisionColumns {
  names: string[];
  /** The cells for one row, in the order of `names`; empty for a rejected row. Its terms are at `terms[offset …]` (see writeTerms). */
  cells(row: number, probability: number, terms: Float64Array, offset: number): string[];
}

/**
 * Columns the export adds after the scored ones: `expected_benefit` (the campaign formula
 * with this row's value), `best_action` and `probability_after_action` (the best single
 * change of an actionable value; blank when none lowers the probability).
 */
export function decisionColumns(
  spec: ModelSpec,
  plan: readonly FeatureSource[],
  numeric: ReadonlyMap<string, Float64Array>,
  decision: ExportDecision | undefined,
): DecisionColumns {
  const names: string[] = [];
  const parts: ((out: string[], row: number, p: number, terms: Float64Array, offset: number) => void)[] = [];
  const campaign = decision?.campaign;
  if (campaign) {
    const values = spec.value ? numeric.get(spec.value.column) : undefined;
    names.push('expected_benefit');
    parts.push((out, row, p) =>
      out.push(expectedBenefit(p, values ? values[row]! : campaign.monthlyValue, campaign).toFixed(2)),
    );
  }
  if (decision?.whatIf && hasWhatIf(spec)) {
    const whatIfPlan = planWhatIf(spec, plan);
    names.push('best_action', 'probability_after_action');
    parts.push((out, row, _p, terms, offset) => {
      const best = bestChange(spec, whatIfPlan, terms, offset, row);
      if (best) out.push(describeChange(best), best.probability.toFixed(4));
      else out.push('', '');
    });
  }
  return {
    names,
    cells(row, probability, terms, offset) {
      if (Number.isNaN(probability)) return names.map(() => '');
      const out: string[] = [];
      for (const part of parts) part(out, row, probability, terms, offset);
      return out;
    },
  };
}
