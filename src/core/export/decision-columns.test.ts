import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { modelPath } from '../../../scripts/train/telco-dataset.test-support.ts';
import { planWhatIf, whatIfRow } from '../decision/what-if.ts';
import { writeTerms } from '../explain/feature-terms.ts';
import { planFeatures } from '../model-input/feature-plan.ts';
import { parseModelSpec } from '../spec/parse-model-spec.ts';
import { decisionColumns } from './decision-columns.ts';

const parsed = parseModelSpec(JSON.parse(readFileSync(modelPath('telco-full.json'), 'utf8')), 'telco-full.json');
if (!parsed.ok) throw new Error(parsed.problem);
const spec = parsed.value;
const numeric = new Map(
  spec.columns.flatMap((c) => (c.type === 'numeric' ? [[c.name, Float64Array.from([12, 70.5, 800])] as const] : [])),
);
const codes = new Map(
  spec.columns.flatMap((c) => (c.type === 'categorical' ? [[c.name, Int16Array.from([0, 0, 1])] as const] : [])),
);
const plan = planFeatures(spec, { numeric, codes, missing: new Map() });
const terms = new Float64Array(3 * plan.length);
writeTerms(spec, plan, 0, 3, terms);
const cellsOf = (columns: ReturnType<typeof decisionColumns>, row: number, p: number) =>
  columns.cells(row, p, terms, row * plan.length);
const settings = { saveRate: 0.2, months: 12, cost: 10, monthlyValue: 50 };

describe('decision columns of the export', () => {
  it('adds nothing unless the page asks', () => {
    expect(decisionColumns(spec, plan, numeric, undefined).names).toEqual([]);
    expect(cellsOf(decisionColumns(spec, plan, numeric, {}), 0, 0.5)).toEqual([]);
  });

  it('writes the expected benefit with the value column, and the best single change', () => {
    const columns = decisionColumns(spec, plan, numeric, { campaign: settings, whatIf: true });
    expect(columns.names).toEqual(['expected_benefit', 'best_action', 'probability_after_action']);
    const value = numeric.get(spec.value!.column)![1]!;
    const best = whatIfRow(spec, plan, planWhatIf(spec, plan), 1)!.best!;
    expect(cellsOf(columns, 1, 0.4)).toEqual([
      (0.4 * 0.2 * value * 12 - 10).toFixed(2),
      `${best.label}: ${best.from} → ${best.to}`,
      best.probability.toFixed(4),
    ]);
    expect(cellsOf(columns, 2, NaN)).toEqual(['', '', '']);
  });

  it('uses one amount for everyone without a value column and leaves out what-if without actionable columns', () => {
    const plain = {
      ...spec,
      value: undefined,
      columns: spec.columns.map(({ actionable: _a, ...c }) => c) as typeof spec.columns,
    };
    const columns = decisionColumns(plain, plan, numeric, { campaign: settings, whatIf: true });
    expect(columns.names).toEqual(['expected_benefit']);
    expect(cellsOf(columns, 0, 0.5)).toEqual([(0.5 * 0.2 * 50 * 12 - 10).toFixed(2)]);
  });

  it('leaves the best action blank for a customer whom no single change would help', () => {
    // Each actionable value set to the one with the lowest probability: then no single change lowers it.
    const options = whatIfRow(spec, plan, planWhatIf(spec, plan), 0)!.columns;
    const safest = new Map(
      options.map((c) => [c.column, c.options.reduce((a, b) => (b.probability < a.probability ? b : a)).value]),
    );
    const safeCodes = new Map(
      spec.columns.flatMap((c) =>
        c.type === 'categorical'
          ? [[c.name, Int16Array.of(safest.has(c.name) ? c.categories.indexOf(safest.get(c.name)!) : 0)] as const]
          : [],
      ),
    );
    const safePlan = planFeatures(spec, { numeric, codes: safeCodes, missing: new Map() });
    expect(whatIfRow(spec, safePlan, planWhatIf(spec, safePlan), 0)!.best).toBeNull();
    const safeTerms = new Float64Array(plan.length);
    writeTerms(spec, safePlan, 0, 1, safeTerms);
    const columns = decisionColumns(spec, safePlan, numeric, { whatIf: true });
    expect(columns.names).toEqual(['best_action', 'probability_after_action']);
    expect(columns.cells(0, 0.1, safeTerms, 0)).toEqual(['', '']);
  });
});
