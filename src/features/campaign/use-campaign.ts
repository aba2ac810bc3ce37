import { useMemo, useState } from 'react';
import { campaignCurves, checkCampaignSettings, EXPORT_CAMPAIGN, expectedBenefits, orderCampaign, type CampaignSettings } from '../../core/decision/campaign.ts';
import type { ModelSpec } from '../../core/spec/model-spec.ts';
import type { ScoredDataset } from '../../worker/protocol.ts';

/** Points the profit chart draws; the maximum is found over every customer. */
const CHART_POINTS = 400;

/** The page's starting campaign, shown in the inputs for the team to replace with its own figures. */
export const initialCampaign: CampaignSettings = { ...EXPORT_CAMPAIGN };

/**
 * Campaign settings live in React state only, for this visit: they are not customer data,
 * but the page keeps nothing in storage at all (see the README's Privacy section).
 */
export function useCampaignSettings() {
  return useState<CampaignSettings>(initialCampaign);
}

/** The campaign for the file on the page; everything null until a file is scored. */
export function useCampaign(dataset: ScoredDataset | undefined, spec: ModelSpec | undefined, settings: CampaignSettings) {
  const values = dataset && spec?.value ? (dataset.numeric[spec.value.column] ?? null) : null;
  const hasValueColumn = values !== null;
  // The sorts depend only on the file; an input change re-sums the curves in one pass.
  const order = useMemo(() => (dataset ? orderCampaign(dataset.probabilities, values, dataset.labels) : null), [dataset, values]);
  const checked = useMemo(() => checkCampaignSettings(settings), [settings]);
  const result = useMemo(() => (order && checked.ok ? campaignCurves(order, checked.value, hasValueColumn, CHART_POINTS) : null), [order, checked, hasValueColumn]);
  const benefits = useMemo(() => (dataset && checked.ok ? expectedBenefits(dataset.probabilities, values, checked.value) : null), [dataset, values, checked]);
  return { order, result, benefits, problem: checked.ok ? undefined : checked.problem, hasValueColumn };
}
