import { expectedBenefit, type CampaignSettings } from '../decision/campaign.ts';
import {
  currentValue,
  describeChange,
  hasWhatIf,
  planWhatIf,
  walkedWhatIf,
  walkWhatIf,
  type WhatIfPlan,
} from '../decision/what-if.ts';
import type { FeatureSource } from '../model-input/feature-plan.ts';
import type { ModelSpec } from '../spec/model-spec.ts';
import type { CsvCells } from './csv-cells.ts';

/** What the page decided, for the export: the campaign's settings and whether to add what-if columns. */
export interface ExportDecision {
  campaign?: CampaignSettings;
  whatIf?: boolean;
}

export interface DecisionColumns {
  names: string[];
  /** The cells for one row, in the order of `names`; empty for a rejected row. Its terms are at `terms[offset …]` (see writeTerms). */
  cells(row: number, probability: number, terms: Float64Array, offset: number): string[];
  /** The same cells as CSV fields, each after the delimiter (the CSV export's path: no array per row). */
  csv(fields: CsvCells, row: number, probability: number, terms: Float64Array, offset: number): string;
}

/**
 * "Label: from → to" for a best change, kept per column, candidate and value read: the export
 * describes the same few changes on most rows; with the text built each time, the parts that
 * wrote these cells were 0.6 s of the profile of 1,000,000 Telco rows' export (Node 20, load 4).
 */
function changeDescriber(
  spec: ModelSpec,
  whatIfPlan: WhatIfPlan,
): (column: number, candidate: number, row: number) => string {
  const caches = whatIfPlan.columns.map((planned) => planned.candidates.map(() => new Map<number, string>()));
  return (k, c, row) => {
    const planned = whatIfPlan.columns[k]!;
    const read = planned.values ? planned.values[row]! : NaN;
    const cache = caches[k]![c]!;
    let text = cache.get(read);
    if (text === undefined) {
      if (cache.size >= 65_536) cache.clear();
      const label = spec.columns[planned.index]!.label;
      text = describeChange({ label, from: currentValue(spec, planned, row), to: planned.candidates[c]!.value });
      cache.set(read, text);
    }
    return text;
  };
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
  const campaign = decision?.campaign;
  const values = campaign && spec.value ? numeric.get(spec.value.column) : undefined;
  const benefitOf = (row: number, p: number) =>
    expectedBenefit(p, values ? values[row]! : campaign!.monthlyValue, campaign!);
  if (campaign) names.push('expected_benefit');
  const whatIf = decision?.whatIf === true && hasWhatIf(spec);
  const whatIfPlan = whatIf ? planWhatIf(spec, plan) : undefined;
  const describe = whatIfPlan && changeDescriber(spec, whatIfPlan);
  const walked = walkedWhatIf();
  /** The row's best change, in `walked`; false when none lowers the probability. */
  const best = (row: number, terms: Float64Array, offset: number) =>
    walkWhatIf(spec, whatIfPlan!, terms, offset, row, walked) && walked.column >= 0;
  if (whatIf) names.push('best_action', 'probability_after_action');
  // The few best actions' texts as fields, kept per text (the describer hands back the same strings).
  let fieldsOf: CsvCells | undefined;
  const actionFields = new Map<string, string>();
  const actionField = (fields: CsvCells, text: string) => {
    if (fieldsOf !== fields || actionFields.size >= 65_536) actionFields.clear();
    fieldsOf = fields;
    let field = actionFields.get(text);
    if (field === undefined) actionFields.set(text, (field = fields.cell(text)));
    return field;
  };
  return {
    names,
    cells(row, probability, terms, offset) {
      if (Number.isNaN(probability)) return names.map(() => '');
      const out: string[] = [];
      if (campaign) out.push(benefitOf(row, probability).toFixed(2));
      if (whatIf) {
        if (best(row, terms, offset))
          out.push(describe!(walked.column, walked.candidate, row), walked.bestProbability.toFixed(4));
        else out.push('', '');
      }
      return out;
    },
    csv(fields, row, probability, terms, offset) {
      const d = fields.delimiter;
      if (Number.isNaN(probability)) return d.repeat(names.length);
      let text = '';
      if (campaign) text += d + fields.fixed(benefitOf(row, probability), 2);
      if (whatIf) {
        text += best(row, terms, offset)
          ? d +
            actionField(fields, describe!(walked.column, walked.candidate, row)) +
            d +
            fields.fixed(walked.bestProbability, 4)
          : d + d;
      }
      return text;
    },
  };
}
