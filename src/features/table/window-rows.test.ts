import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { explainRow, topReasons } from '../../core/explain/reasons.ts';
import { modelSpecSchema } from '../../core/spec/model-spec.ts';
import { fileLine, reasonPlan, windowRows } from './window-rows.ts';

const spec = modelSpecSchema.parse(
  JSON.parse(readFileSync(new URL('../../../public/models/telco-core.json', import.meta.url), 'utf8')),
);

// Three customers: a new month-to-month one, a rejected row, a loyal two-year one.
const dataset = {
  probabilities: Float32Array.of(0.8, NaN, 0.03),
  numeric: {
    tenure: Float64Array.of(1, NaN, 70),
    MonthlyCharges: Float64Array.of(95, NaN, 20),
    TotalCharges: Float64Array.of(95, NaN, 1400),
  },
  codes: { Contract: Int16Array.of(0, 0, 2), PaymentMethod: Int16Array.of(0, -1, 3) },
  ids: { text: 'A1B22C333', offsets: Uint32Array.of(0, 2, 5, 9) },
  missing: {},
};

describe('windowRows', () => {
  const plan = reasonPlan(spec, dataset);

  it('builds only the rows in the window, in display order', () => {
    const rows = windowRows(spec, dataset, plan, Uint32Array.of(2, 0), { start: 0, end: 2 });
    expect(rows.map((r) => [r.position, r.row, r.id])).toEqual([
      [0, 2, 'C333'],
      [1, 0, 'A1'],
    ]);
    expect(rows[1]!.probability).toBe(dataset.probabilities[0]);
  });

  it('clamps the window to the list', () => {
    expect(windowRows(spec, dataset, plan, Uint32Array.of(0, 2), { start: 1, end: 40 }).map((r) => r.row)).toEqual([2]);
    expect(windowRows(spec, dataset, plan, Uint32Array.of(0, 2), { start: 0, end: 0 })).toEqual([]);
  });

  it('gives up to three reasons that raise the risk, as explainRow does', () => {
    const [row] = windowRows(spec, dataset, plan, Uint32Array.of(0), { start: 0, end: 1 });
    expect(row!.reasons).toEqual(topReasons(explainRow(spec, plan!, 0)));
    expect(row!.reasons.length).toBeGreaterThan(0);
    expect(row!.reasons.length).toBeLessThanOrEqual(3);
    for (const r of row!.reasons) expect(r.contribution).toBeGreaterThan(0);
    expect(row!.reasons.map((r) => r.text)).toContain('Contract: Month-to-month');
  });

  it('shows the file line when there are no IDs', () => {
    const [row] = windowRows(spec, { ...dataset, ids: null }, plan, Uint32Array.of(2), { start: 0, end: 1 });
    expect(row!.id).toBe('4');
    expect(fileLine(0)).toBe(2);
  });

  it('leaves reasons out when the dataset lacks a model input', () => {
    const partial = {
      ...dataset,
      numeric: { MonthlyCharges: dataset.numeric.MonthlyCharges, TotalCharges: dataset.numeric.TotalCharges },
    };
    expect(reasonPlan(spec, partial)).toBeNull();
    expect(windowRows(spec, partial, null, Uint32Array.of(0), { start: 0, end: 1 })[0]!.reasons).toEqual([]);
  });
});
