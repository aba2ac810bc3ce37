import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { bestChange, planWhatIf, whatIfRow } from '../decision/what-if.ts';
import { writeTerms } from '../explain/feature-terms.ts';
import { explainRow, topReasons, topReasonsText } from '../explain/reasons.ts';
import { planFeatures } from '../model-input/feature-plan.ts';
import { readAndScore } from '../read/read-and-score.test-support.ts';
import type { ModelSpec } from '../spec/model-spec.ts';

const telco = readFileSync(fileURLToPath(new URL('../../../../shared/data/telco-customer-churn.csv', import.meta.url)));

/**
 * The export explains a block of rows at once (writeTerms, topReasonsText, bestChange); the
 * table and the details panel explain one row (explainRow, whatIfRow). Both must say the same.
 */
describe('the export explains each row exactly as the details panel does', () => {
  it('on every row of the Telco file: the same top reasons and the same best action', async () => {
    const { read } = await readAndScore(new Uint8Array(telco));
    const spec = read.spec;
    const plan = planFeatures(spec, read.table);
    const whatIfPlan = planWhatIf(spec, plan);
    const rows = read.table.rowCount;
    const terms = new Float64Array(rows * plan.length);
    writeTerms(spec, plan, 0, rows, terms);
    const reasonsText = topReasonsText(spec, plan);
    let withBest = 0;
    for (let row = 0; row < rows; row++) {
      const offset = row * plan.length;
      const expected = topReasons(explainRow(spec, plan, row))
        .map((r) => r.text)
        .join('; ');
      expect(reasonsText(terms, offset, row)).toBe(expected);
      const best = whatIfRow(spec, plan, whatIfPlan, row)?.best ?? null;
      expect(bestChange(spec, whatIfPlan, terms, offset, row)).toEqual(best);
      if (best) withBest++;
    }
    expect(rows).toBe(7043);
    // Both kinds of answer occur, so the comparison covers found and not-found best actions.
    expect(withBest).toBeGreaterThan(0);
    expect(withBest).toBeLessThan(rows);
  });

  it('breaks ties between equally strong columns by column order, and leaves out columns that lower the risk', () => {
    const column = (name: string) =>
      ({
        name,
        label: name.toUpperCase(),
        type: 'numeric',
        aliases: [],
        impute: { constant: 0 },
        range: { min: 0, max: 10 },
        unit: 'none',
        sensitive: false,
      }) as const;
    const spec = {
      columns: ['a', 'b', 'c', 'd', 'e'].map(column),
      features: ['a', 'b', 'c', 'd', 'e'].map((c) => ({ name: c, column: c, mean: 0, std: 1 })),
      coefficients: [1, 2, 2, 2, -1],
    } as unknown as ModelSpec;
    const numeric = new Map(['a', 'b', 'c', 'd', 'e'].map((c) => [c, Float64Array.from([3])]));
    const plan = planFeatures(spec, { numeric, codes: new Map() });
    const terms = new Float64Array(plan.length);
    writeTerms(spec, plan, 0, 1, terms);
    // b, c and d push 6 each, a pushes 3, e lowers it: the top three are b, c, d in that order.
    expect(topReasonsText(spec, plan)(terms, 0, 0)).toBe('High b (3); High c (3); High d (3)');
    expect(topReasonsText(spec, plan, 4)(terms, 0, 0)).toBe('High b (3); High c (3); High d (3); High a (3)');
    expect(topReasons(explainRow(spec, plan, 0), 4).map((r) => r.column)).toEqual(['b', 'c', 'd', 'a']);
  });
});
