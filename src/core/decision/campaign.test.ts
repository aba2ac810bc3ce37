import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  bestRows,
  campaignCurves,
  checkCampaignSettings,
  expectedBenefit,
  benefitOfRow,
  orderCampaign,
  type CampaignSettings,
} from './campaign.ts';

/** The straightforward computation the fast one must equal: every benefit, sorted, summed. */
function reference(probs: Float32Array, values: Float64Array | null, s: CampaignSettings, labels: Uint8Array | null) {
  const rows = [...probs.keys()].filter((i) => !Number.isNaN(probs[i]!));
  const benefit = (i: number) => probs[i]! * s.saveRate * (values ? values[i]! : s.monthlyValue) * s.months - s.cost;
  const byBenefit = [...rows].sort((a, b) => benefit(b) - benefit(a) || a - b);
  const byProbability = [...rows].sort((a, b) => probs[b]! - probs[a]! || a - b);
  const cumulative = (order: number[]) =>
    order.reduce<number[]>((acc, i) => [...acc, acc[acc.length - 1]! + benefit(i)], [0]);
  const curve = cumulative(byBenefit);
  let best = 0;
  curve.forEach((v, k) => {
    if (v > curve[best]!) best = k;
  });
  const realised = labels
    ? byBenefit
        .slice(0, best)
        .filter((i) => labels[i] !== 255)
        .reduce(
          (sum, i) => sum + labels[i]! * s.saveRate * (values ? values[i]! : s.monthlyValue) * s.months - s.cost,
          0,
        )
    : null;
  return {
    curve,
    curveByProbability: cumulative(byProbability),
    bestCount: best,
    bestValue: curve[best]!,
    realised,
    byBenefit,
  };
}

const close = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));

function expectMatches(
  probs: Float32Array,
  values: Float64Array | null,
  s: CampaignSettings,
  labels: Uint8Array | null = null,
) {
  const ref = reference(probs, values, s, labels);
  const got = campaignCurves(orderCampaign(probs, values, labels), s, values !== null);
  expect(got.curve.length).toBe(ref.curve.length);
  got.curve.forEach((v, k) => expect(close(v, ref.curve[k]!), `curve[${k}] ${v} vs ${ref.curve[k]}`).toBe(true));
  got.curveByProbability.forEach((v, k) =>
    expect(close(v, ref.curveByProbability[k]!), `by probability [${k}]`).toBe(true),
  );
  expect(close(got.best.value, ref.bestValue)).toBe(true);
  // Benefits equal to 1e-9 may sort either way; the maximum is what must agree, and N where it is unique.
  if (ref.curve.filter((v) => close(v, ref.bestValue)).length === 1) expect(got.best.count).toBe(ref.bestCount);
  const chosen = bestRows(orderCampaign(probs, values, labels), got.best.count);
  // The chosen customers are N of them, and their benefits add up to the maximum (which N of equal benefits is a tie).
  const rows = [...chosen.keys()].filter((i) => chosen[i]);
  expect(rows).toHaveLength(got.best.count);
  const benefitOf = (i: number) => probs[i]! * s.saveRate * (values ? values[i]! : s.monthlyValue) * s.months - s.cost;
  expect(
    close(
      rows.reduce((sum, i) => sum + benefitOf(i), 0),
      ref.bestValue,
    ),
  ).toBe(true);
  const sampled = campaignCurves(orderCampaign(probs, values, labels), s, values !== null, 7);
  sampled.counts.forEach((k, i) =>
    expect(
      close(sampled.curve[i]!, ref.curve[k]!) && close(sampled.curveByProbability[i]!, ref.curveByProbability[k]!),
    ).toBe(true),
  );
  expect(sampled.best).toEqual(got.best);
  if (labels) expect(close(got.realised!.value, ref.realised!)).toBe(true);
  else expect(got.realised).toBeNull();
  return got;
}

const settings = (over: Partial<CampaignSettings> = {}): CampaignSettings => ({
  saveRate: 0.2,
  months: 12,
  cost: 10,
  monthlyValue: 50,
  ...over,
});

describe('campaign value, against the reference computation', () => {
  const probs = Float32Array.from([0.9, NaN, 0.2, 0.6, 0.05, 0.6]);
  const values = Float64Array.from([100, 50, 20, 30, 10, 40]);

  it("computes one customer's expected net benefit by the formula", () => {
    expect(expectedBenefit(0.5, 80, { saveRate: 0.25, months: 12, cost: 15 })).toBeCloseTo(
      0.5 * 0.25 * 80 * 12 - 15,
      12,
    );
    const withValues = benefitOfRow(probs, values, settings());
    expect(withValues(0)).toBeCloseTo(Math.fround(0.9) * 0.2 * 100 * 12 - 10, 9);
    expect(Number.isNaN(withValues(1))).toBe(true);
    // Without a value column every customer is worth the settings' monthly value.
    const flat = benefitOfRow(probs, null, settings());
    expect(flat(2)).toBeCloseTo(Math.fround(0.2) * 0.2 * settings().monthlyValue * 12 - 10, 9);
  });

  it('orders by expected benefit with a value column, and finds the maximum', () => {
    const got = expectMatches(probs, values, settings());
    // 0.9·100·2.4 − 10 = 206, 0.6·40·2.4 − 10 = 47.6, 0.6·30·2.4 − 10 = 33.2, 0.2·20·2.4 − 10 = −0.4, …
    expect(got.best.count).toBe(3);
    expect(got.best.value).toBeCloseTo(Math.fround(0.9) * 240 + Math.fround(0.6) * 96 + Math.fround(0.6) * 72 - 30, 9);
    expect(Array.from(orderCampaign(probs, values, null).valueAtRiskDescending)).toEqual(
      [0, 5, 3, 2, 4].map((i) => probs[i]! * values[i]!),
    );
  });

  it('uses one amount for everyone without a value column, in probability order with ties in file order', () => {
    const got = expectMatches(probs, null, settings({ monthlyValue: 50 }));
    expect(Array.from(bestRows(orderCampaign(probs, null, null), 2))).toEqual([1, 0, 0, 1, 0, 0]);
    expect(got.curve[1]).toBeCloseTo(Math.fround(0.9) * 0.2 * 50 * 12 - 10, 9);
  });

  it('with zero cost contacts everyone who has any value', () => {
    const got = expectMatches(probs, values, settings({ cost: 0 }));
    expect(got.best.count).toBe(5);
  });

  it('with a save rate of 0 contacts nobody: every contact only costs', () => {
    const got = expectMatches(probs, values, settings({ saveRate: 0 }));
    expect(got.best).toEqual({ count: 0, value: 0 });
    expect(got.curve[5]).toBeCloseTo(-50, 12);
  });

  it('with a save rate of 0 and no cost the best is nobody at 0', () => {
    expect(expectMatches(probs, values, settings({ saveRate: 0, cost: 0 })).best).toEqual({ count: 0, value: 0 });
  });

  it('handles an empty file, one row, all rows rejected and all rows equal', () => {
    expect(expectMatches(new Float32Array(0), null, settings()).best).toEqual({ count: 0, value: 0 });
    expect(expectMatches(Float32Array.from([0.5]), Float64Array.from([100]), settings()).best.count).toBe(1);
    expect(expectMatches(Float32Array.from([NaN, NaN]), Float64Array.from([NaN, NaN]), settings()).curve.length).toBe(
      1,
    );
    const equal = expectMatches(new Float32Array(6).fill(0.5), new Float64Array(6).fill(70), settings());
    expect(equal.best.count).toBe(6);
    expect(Array.from(bestRows(orderCampaign(new Float32Array(4).fill(0.5), null, null), 3))).toEqual([1, 1, 1, 0]);
  });

  it('realises the benefit on the outcomes, skipping unknown outcomes', () => {
    const labels = Uint8Array.from([1, 0, 0, 255, 0, 1]);
    const got = expectMatches(probs, values, settings(), labels);
    // Best 3: rows 0 (churned), 5 (churned), 3 (unknown).
    expect(got.realised).toEqual({ value: expect.closeTo(100 * 2.4 - 10 + 40 * 2.4 - 10, 9), counted: 2, unknown: 1 });
  });

  it('sets the at-risk list to exactly the best N', () => {
    const order = orderCampaign(probs, values, null);
    expect(Array.from(bestRows(order, 2))).toEqual([1, 0, 0, 0, 0, 1]);
    expect(Array.from(bestRows(order, 99))).toEqual([1, 0, 1, 1, 1, 1]);
    expect(Array.from(bestRows(order, 0))).toEqual([0, 0, 0, 0, 0, 0]);
  });

  it('without a value column reuses the scores sorted once for the page, and sorts nothing more', () => {
    const labels = Uint8Array.from([1, 0, 0, 255, 0, 1]);
    const descending = Float32Array.from([0.9, 0.6, 0.6, 0.2, 0.05]);
    const reused = orderCampaign(probs, null, labels, descending);
    expect(reused).toEqual(orderCampaign(probs, null, labels));
    // One array serves both curves: benefit order is probability order when everyone has the same value.
    expect(reused.valueAtRiskByProbability).toBe(reused.valueAtRiskDescending);
    // A sorted array of another length (not these results') is not trusted.
    expect(orderCampaign(probs, null, labels, descending.subarray(1))).toEqual(reused);
  });

  it('equals the reference for any file and setting', () => {
    const prob = fc.oneof(
      fc.constant(NaN),
      fc.constantFrom(0, 0.25, 0.5, 1),
      fc.float({ min: 0, max: 1, noNaN: true }),
    );
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            prob,
            fc.oneof(fc.constantFrom(0, 20, 70), fc.double({ min: 0, max: 500, noNaN: true })),
            fc.constantFrom(0, 1, 255),
          ),
          { maxLength: 60 },
        ),
        fc.record({
          saveRate: fc.double({ min: 0, max: 1, noNaN: true }),
          months: fc.constantFrom(0, 1, 12, 36),
          cost: fc.constantFrom(0, 5, 25.5),
          monthlyValue: fc.constantFrom(0, 64.5),
        }),
        fc.boolean(),
        (rows, s, withValues) => {
          const probs = Float32Array.from(rows.map((r) => r[0]));
          const values = withValues ? Float64Array.from(rows.map((r) => (Number.isNaN(r[0]) ? NaN : r[1]))) : null;
          expectMatches(probs, values, s, Uint8Array.from(rows.map((r) => r[2])));
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('campaign settings', () => {
  it.each([
    [{ saveRate: 1.2 }, 'The save rate must be between 0 % and 100 %.'],
    [{ saveRate: -0.1 }, 'The save rate must be between 0 % and 100 %.'],
    [{ months: -1 }, 'The months of value must be a number of 0 or more.'],
    [{ cost: NaN }, 'The cost per contact must be an amount of 0 or more.'],
    [{ monthlyValue: -5 }, 'The monthly value must be an amount of 0 or more.'],
  ])('refuses %o', (over, problem) => {
    expect(checkCampaignSettings(settings(over))).toEqual({ ok: false, problem });
  });

  it('accepts zero cost and a save rate of 0', () => {
    expect(checkCampaignSettings(settings({ cost: 0, saveRate: 0 })).ok).toBe(true);
  });
});
