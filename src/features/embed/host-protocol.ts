/**
 * The postMessage API between Churn Radar in an iframe and the portal page that hosts it.
 * One union per direction; every message's `type` starts with "churn-radar:". The app
 * accepts messages only from allowed origins and always replies to an explicit origin.
 */
import type { ComparisonSummary } from '../../core/decision/compare.ts';

/** Campaign settings a host may set; keys left out keep their current value. saveRate is 0–1. */
export interface HostCampaign {
  saveRate?: number;
  months?: number;
  cost?: number;
  monthlyValue?: number;
}

export type HostToApp =
  /** Score a CSV given as text or bytes; optionally decide with this threshold (0–1). */
  | { type: 'churn-radar:score'; fileName: string; csv: string | ArrayBuffer; threshold?: number }
  /** Re-decide the current file at a new threshold; answered with a fresh result. */
  | { type: 'churn-radar:set-threshold'; threshold: number }
  /** Ask for the scored CSV of the current file (the same bytes as "Export CSV"). */
  | { type: 'churn-radar:get-scored-csv' }
  /** Change the campaign's settings; answered with a fresh result. */
  | { type: 'churn-radar:set-campaign'; campaign: HostCampaign };

export interface ResultSummary {
  fileName: string;
  modelId: string;
  rows: number;
  scored: number;
  rejected: number;
  atRisk: number;
  threshold: number;
  expectedChurners: number;
  /** The campaign's settings and its best N with their expected net benefit; null while a setting is invalid. */
  campaign: { saveRate: number; months: number; cost: number; monthlyValue: number; bestCount: number; bestValue: number } | null;
  /** Counts of the comparison with an earlier file; null until one is compared. */
  comparison: ComparisonSummary | null;
}

export type AppToHost =
  | { type: 'churn-radar:ready'; version: 1 }
  | { type: 'churn-radar:progress'; phase: 'reading' | 'scoring'; rows: number; bytes: number; totalBytes: number }
  | { type: 'churn-radar:result'; summary: ResultSummary }
  | { type: 'churn-radar:scored-csv'; fileName: string; csv: Blob }
  | { type: 'churn-radar:error'; message: string };

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
const isThreshold = (v: unknown) => typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= 1;

/** Checks a message's shape; anything else is ignored, never trusted. */
export function parseHostMessage(data: unknown): HostToApp | undefined {
  if (!isRecord(data)) return undefined;
  switch (data.type) {
    case 'churn-radar:score':
      if (typeof data.fileName !== 'string' || !(typeof data.csv === 'string' || data.csv instanceof ArrayBuffer)) return undefined;
      if (data.threshold !== undefined && !isThreshold(data.threshold)) return undefined;
      return { type: data.type, fileName: data.fileName || 'host-file.csv', csv: data.csv, threshold: data.threshold as number | undefined };
    case 'churn-radar:set-threshold':
      return isThreshold(data.threshold) ? { type: data.type, threshold: data.threshold as number } : undefined;
    case 'churn-radar:get-scored-csv':
      return { type: data.type };
    case 'churn-radar:set-campaign':
      return parseCampaign(data.campaign);
    default:
      return undefined;
  }
}

function parseCampaign(value: unknown): HostToApp | undefined {
  if (!isRecord(value)) return undefined;
  const campaign: HostCampaign = {};
  for (const key of ['saveRate', 'months', 'cost', 'monthlyValue'] as const) {
    const v = value[key];
    if (v === undefined) continue;
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || (key === 'saveRate' && v > 1)) return undefined;
    campaign[key] = v;
  }
  return { type: 'churn-radar:set-campaign', campaign };
}
