import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { confusionAt, rates } from './confusion.ts';
import { prCurve, rocCurve, type PrPoint, type RocPoint } from './curves.ts';

const labels = Uint8Array.from([0, 0, 1, 1]);
const probs = Float64Array.from([0.1, 0.4, 0.35, 0.8]);

describe('rocCurve', () => {
  let curve: RocPoint[];
  beforeEach(() => {
    curve = rocCurve(labels, probs);
  });

  it('has the 101 thresholds i/100', () => {
    expect(curve.map((pt) => pt.threshold)).toEqual(Array.from({ length: 101 }, (_, i) => i / 100));
  });

  it.each([
    // Negatives 0.1, 0.4; positives 0.35, 0.8; flagged means p >= t.
    { i: 0, fpr: 1, tpr: 1 },
    { i: 10, fpr: 1, tpr: 1 }, // 0.1 >= 0.1 is still flagged
    { i: 11, fpr: 0.5, tpr: 1 },
    { i: 36, fpr: 0.5, tpr: 0.5 },
    { i: 41, fpr: 0, tpr: 0.5 },
    { i: 81, fpr: 0, tpr: 0 },
    { i: 100, fpr: 0, tpr: 0 },
  ])('at threshold $i/100: fpr $fpr, tpr $tpr', ({ i, fpr, tpr }) => {
    expect(curve[i]).toEqual({ threshold: i / 100, fpr, tpr });
  });

  it('throws without both classes', () => {
    expect(() => rocCurve(Uint8Array.from([1]), Float64Array.from([0.5]))).toThrow(/ROC curve needs/);
  });
});

describe('prCurve', () => {
  let curve: PrPoint[];
  beforeEach(() => {
    curve = prCurve(labels, probs);
  });

  it.each([
    { i: 0, precision: 0.5, recall: 1 },
    { i: 11, precision: 2 / 3, recall: 1 },
    { i: 36, precision: 0.5, recall: 0.5 },
    { i: 41, precision: 1, recall: 0.5 },
    // Nothing flagged: precision 1 by convention, recall 0.
    { i: 81, precision: 1, recall: 0 },
    { i: 100, precision: 1, recall: 0 },
  ])('at threshold $i/100: precision $precision, recall $recall', ({ i, precision, recall }) => {
    expect(curve[i]).toEqual({ threshold: i / 100, precision, recall });
  });

  it('counts p = 1 as flagged at threshold 1', () => {
    const last = prCurve(Uint8Array.from([1, 0]), Float64Array.from([1, 0.2])).at(-1);
    expect(last).toEqual({ threshold: 1, precision: 1, recall: 1 });
  });

  it('throws without positives', () => {
    expect(() => prCurve(Uint8Array.from([0]), Float64Array.from([0.5]))).toThrow(/PR curve needs/);
  });
});

describe('curves agree with confusionAt at every threshold', () => {
  it('for random scores, many of them exactly on a threshold', () => {
    const rows = fc
      .array(
        fc.record({
          label: fc.integer({ min: 0, max: 1 }),
          p: fc.oneof(
            fc.integer({ min: 0, max: 100 }).map((k) => k / 100),
            fc.double({ min: 0, max: 1, noNaN: true }),
          ),
        }),
        { minLength: 2, maxLength: 40 },
      )
      .filter((r) => r.some((row) => row.label === 1) && r.some((row) => row.label === 0));
    fc.assert(
      fc.property(rows, (r) => {
        const y = Uint8Array.from(r.map((row) => row.label));
        const p = Float64Array.from(r.map((row) => row.p));
        const roc = rocCurve(y, p);
        const pr = prCurve(y, p);
        expect(roc).toHaveLength(101);
        roc.forEach((pt, i) => {
          const c = confusionAt(y, p, pt.threshold);
          const rt = rates(c);
          expect(pt.tpr).toBe(rt.recall);
          expect(pt.fpr).toBe(c.fp / (c.fp + c.tn));
          expect(pr[i]).toEqual({
            threshold: pt.threshold,
            precision: c.tp + c.fp === 0 ? 1 : rt.precision,
            recall: rt.recall,
          });
        });
      }),
      { numRuns: 100 },
    );
  });
});
