// The decision core at a million rows, in Node: the campaign curve after an input change
// (target ≤ 100 ms), its once-per-file ordering, and matching two files by ID.
import { performance } from 'node:perf_hooks';
import {
  campaignWithRows,
  orderCampaign,
  type CampaignOrder,
  type CampaignSettings,
} from '../../src/core/decision/campaign.ts';
import { rankScores } from '../../src/core/decision/ranked-scores.ts';
import { compareFiles } from '../../src/core/decision/compare.ts';

const BANDS = [
  { name: 'Low', from: 0 },
  { name: 'Medium', from: 0.15 },
  { name: 'High', from: 0.35 },
  { name: 'Very high', from: 0.6 },
];

function seeded(seed: number) {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

function packIds(ids: string[]) {
  const offsets = new Uint32Array(ids.length + 1);
  ids.forEach((id, i) => {
    offsets[i + 1] = offsets[i]! + id.length;
  });
  return { text: ids.join(''), offsets };
}

const time = (run: () => unknown) => {
  const start = performance.now();
  run();
  return Math.round((performance.now() - start) * 10) / 10;
};

export function benchDecisionCore(rows: number) {
  const random = seeded(7);
  const probabilities = Float32Array.from({ length: rows }, () => random());
  const values = Float64Array.from({ length: rows }, () => 18 + random() * 100);
  const labels = Uint8Array.from({ length: rows }, () => (random() < 0.26 ? 1 : 0));
  let order = orderCampaign(probabilities, values, labels);
  const orderMs = time(() => {
    order = orderCampaign(probabilities, values, labels);
  });
  // What the worker does per input change (answer-requests.ts): the curves, then the best N's rows.
  const change = (o: CampaignOrder, s: CampaignSettings, hasValues: boolean) => campaignWithRows(o, s, hasValues, 400);
  const recompute = [5, 10, 15, 20, 25].map((cost) =>
    time(() => change(order, { saveRate: 0.2, months: 12, cost, monthlyValue: 0 }, true)),
  );
  // One value for everyone: benefit order is probability order, so the worker reuses the scores it sorted for the page.
  const descending = rankScores(probabilities).descending;
  let oneValue = orderCampaign(probabilities, null, labels, descending);
  const oneValueOrderMs = time(() => {
    oneValue = orderCampaign(probabilities, null, labels, descending);
  });
  const oneValueRecompute = [5, 10, 15, 20, 25].map((cost) =>
    time(() => change(oneValue, { saveRate: 0.2, months: 12, cost, monthlyValue: 60 }, false)),
  );
  // Floor: one pass that reads each of the sorted amounts once, the least any recomputation can do.
  let floorSum = 0;
  const floorMs = Math.min(
    ...[0, 1, 2].map(() =>
      time(() => {
        for (let k = 0; k < order.valueAtRiskDescending.length; k++) floorSum += order.valueAtRiskDescending[k]!;
      }),
    ),
  );

  const ids = Array.from({ length: rows }, (_, i) => `C${i.toString(36).padStart(6, '0')}`);
  const before = { ids: packIds(ids), probabilities, labels: null };
  const nowIds = ids.slice(rows / 20).concat(Array.from({ length: rows / 20 }, (_, i) => `N${i}`));
  const now = {
    ids: packIds(nowIds),
    probabilities: Float32Array.from({ length: rows }, () => random()),
    labels: null,
  };
  const compareMs = time(() => compareFiles(before, now, 0.3, BANDS));
  return {
    rows,
    campaignOrderOncePerFileMs: orderMs,
    campaignRecomputeMs: recompute,
    campaignRecomputeMaxMs: Math.max(...recompute),
    campaignOneValueOrderOncePerFileMs: oneValueOrderMs,
    campaignOneValueRecomputeMs: oneValueRecompute,
    floorOnePassMs: floorMs,
    floorChecksum: Math.round(floorSum),
    compareTwoFilesCoreMs: compareMs,
  };
}

if (import.meta.url === `file://${process.argv[1]}`)
  process.stdout.write(`${JSON.stringify(benchDecisionCore(1_000_000), null, 2)}\n`);
