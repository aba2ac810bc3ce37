import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planFeatures } from '../model-input/feature-plan.ts';
import { loadSpecs } from '../read/read-and-score.test-support.ts';
import { addColumnTerms, columnTermsOfRows, writeTerms } from './feature-terms.ts';

describe('columnTermsOfRows', () => {
  it.each(loadSpecs().map((s) => [s.id, s] as const))(
    'gives addColumnTerms to the bit on any rows of %s, unknown categories and missing numbers included',
    (_id, spec) => {
      const row = fc.record({
        codes: fc.array(fc.integer({ min: -1, max: 3 }), {
          minLength: spec.columns.length,
          maxLength: spec.columns.length,
        }),
        numbers: fc.array(fc.oneof(fc.double({ min: 0, max: 1e4, noNaN: true }), fc.constant(0), fc.constant(NaN)), {
          minLength: spec.columns.length,
          maxLength: spec.columns.length,
        }),
      });
      fc.assert(
        fc.property(fc.array(row, { minLength: 1, maxLength: 20 }), (rows) => {
          const numeric = new Map<string, Float64Array>();
          const codes = new Map<string, Int16Array>();
          const missing = new Map<string, Uint8Array>();
          spec.columns.forEach((column, c) => {
            if (column.type === 'categorical')
              codes.set(
                column.name,
                Int16Array.from(rows, (r) => Math.min(r.codes[c]!, column.categories.length - 1)),
              );
            else {
              numeric.set(
                column.name,
                Float64Array.from(rows, (r) => r.numbers[c]!),
              );
              missing.set(
                column.name,
                Uint8Array.from(rows, (r) => (Number.isNaN(r.numbers[c]!) ? 1 : 0)),
              );
            }
          });
          const plan = planFeatures(spec, { numeric, codes, missing });
          const terms = new Float64Array(rows.length * plan.length);
          writeTerms(spec, plan, 0, rows.length, terms);
          const ofRows = columnTermsOfRows(spec, plan);
          for (let r = 0; r < rows.length; r++) {
            const offset = r * plan.length;
            const expected = addColumnTerms(plan, terms, offset, new Float64Array(spec.columns.length));
            const got = ofRows(terms, offset, r, new Float64Array(spec.columns.length));
            expect([...got].map((x) => (Object.is(x, -0) ? '-0' : x))).toEqual(
              [...expected].map((x) => (Object.is(x, -0) ? '-0' : x)),
            );
          }
        }),
        { numRuns: 200 },
      );
    },
  );
});
