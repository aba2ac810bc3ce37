// zod/mini: the same zod, with functional checks that keep the page's bundle small (its budget: scripts/bundle-budget.test.ts).
import { z } from 'zod/mini';

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
  campaign: {
    saveRate: number;
    months: number;
    cost: number;
    monthlyValue: number;
    bestCount: number;
    bestValue: number;
  } | null;
  /** Counts of the comparison with an earlier file; null until one is compared. */
  comparison: ComparisonSummary | null;
}

export type AppToHost =
  | { type: 'churn-radar:ready'; version: 1 }
  | { type: 'churn-radar:progress'; phase: 'reading' | 'scoring'; rows: number; bytes: number; totalBytes: number }
  | { type: 'churn-radar:result'; summary: ResultSummary }
  | { type: 'churn-radar:scored-csv'; fileName: string; csv: Blob }
  | { type: 'churn-radar:error'; message: string };

// The page's CSP forbids eval, which zod's compiled parsers would try first (and log a violation).
z.config({ jitless: true });

const threshold = z.number().check(z.gte(0), z.lte(1));

// Only the listed fields are read; whatever else a message carries (__proto__, constructor,
// extra keys) is dropped by zod, which builds a fresh object from the schema's own keys.
const hostMessage = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('churn-radar:score'),
    fileName: z.pipe(
      z.string(),
      z.transform((name: string) => name || 'host-file.csv'),
    ),
    csv: z.union([z.string(), z.instanceof(ArrayBuffer)]),
    threshold: z.optional(threshold),
  }),
  z.object({ type: z.literal('churn-radar:set-threshold'), threshold }),
  z.object({ type: z.literal('churn-radar:get-scored-csv') }),
  z.object({
    type: z.literal('churn-radar:set-campaign'),
    campaign: z.object({
      saveRate: z.optional(z.number().check(z.gte(0), z.lte(1))),
      months: z.optional(z.number().check(z.gte(0), z.lte(1_200))),
      cost: z.optional(z.number().check(z.gte(0), z.lte(1e12))),
      monthlyValue: z.optional(z.number().check(z.gte(0), z.lte(1e12))),
    }),
  }),
]);

/** Checks a message's shape; anything else is ignored, never trusted. */
export function parseHostMessage(data: unknown): HostToApp | undefined {
  const parsed = hostMessage.safeParse(data);
  return parsed.success ? parsed.data : undefined;
}
