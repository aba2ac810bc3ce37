import { useEffect, useMemo, useState } from 'react';
import {
  checkCampaignSettings,
  EXPORT_CAMPAIGN,
  benefitOfRow,
  type CampaignResult,
  type CampaignSettings,
} from '../../core/decision/campaign.ts';
import type { ModelSpec } from '../../core/spec/model-spec.ts';
import type { ScoredDataset } from '../../worker/protocol.ts';

/** Points the profit chart draws; the maximum is found over every customer. */
const CHART_POINTS = 200;

/** The page's starting campaign, shown in the inputs for the team to replace with its own figures. */
export const initialCampaign: CampaignSettings = { ...EXPORT_CAMPAIGN };

/**
 * Campaign settings live in React state only, for this visit: they are not customer data,
 * but the page keeps nothing in storage at all (see the README's Privacy section).
 */
export function useCampaignSettings() {
  return useState<CampaignSettings>(initialCampaign);
}

/** The worker's answer to the latest campaign request: the curves, and which customers are the best N. */
export interface CampaignReply {
  result: CampaignResult;
  chosen: Uint8Array;
}

interface Worked {
  reply: CampaignReply | undefined;
  /** Why the worker could not work the curves out. */
  problem: string | undefined;
  /** The worker has not yet answered the latest request (or, for new results, any). */
  waiting: boolean;
  /** The settings of the latest request. */
  requested: CampaignSettings | undefined;
  /** Asks the worker for the curves at these settings; a newer request supersedes it. */
  request: (settings: CampaignSettings, samples: number) => void;
}

/**
 * The campaign for the file on the page. The sorts and the curves run in the scoring worker, which
 * holds the scores (at a million rows the sorts took 0.8–2 s on the page's thread); each valid change
 * of the settings asks it again. The expected benefit per row is one multiplication each, done here for the rows on screen.
 */
export function useCampaign(
  dataset: ScoredDataset | undefined,
  spec: ModelSpec | undefined,
  settings: CampaignSettings,
  worked: Worked,
) {
  const values = dataset && spec?.value ? (dataset.numeric[spec.value.column] ?? null) : null;
  const checked = useMemo(() => checkCampaignSettings(settings), [settings]);
  const job = dataset?.job;
  const { request } = worked;
  useEffect(() => {
    if (job !== undefined && checked.ok) request(checked.value, CHART_POINTS);
  }, [job, checked, request]);
  const benefits = useMemo(
    () => (dataset && checked.ok ? benefitOfRow(dataset.probabilities, values, checked.value) : null),
    [dataset, values, checked],
  );
  const reply = checked.ok ? worked.reply : undefined;
  return {
    result: reply?.result ?? null,
    chosen: reply?.chosen ?? null,
    benefits,
    problem: checked.ok ? worked.problem : checked.problem,
    hasValueColumn: values !== null,
    /** The figures on show are not yet those of the settings: the host is told once they are. */
    pending: checked.ok && (worked.waiting || worked.requested !== checked.value),
  };
}
