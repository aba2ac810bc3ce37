import { describe, expect, it } from 'vitest';
import { checkScored } from './check-scored.ts';

describe('checkScored', () => {
  it('counts the classes', () => {
    expect(checkScored(Uint8Array.from([1, 0, 1, 1]), Float64Array.from([0, 0.2, 1, 0.5]))).toEqual({
      positives: 3,
      negatives: 1,
    });
  });

  it.each([
    { name: 'a length mismatch', labels: [1, 0], probs: [0.5], message: /2 rows but probs has 1/ },
    { name: 'a label of 2', labels: [0, 2], probs: [0.5, 0.5], message: /row 1 is 2/ },
    { name: 'NaN', labels: [0], probs: [Number.NaN], message: /row 0 is NaN/ },
    { name: 'a probability above 1', labels: [0], probs: [1.01], message: /in \[0, 1\]/ },
    { name: 'a negative probability', labels: [0], probs: [-0.01], message: /in \[0, 1\]/ },
  ])('throws on $name', ({ labels, probs, message }) => {
    expect(() => checkScored(Uint8Array.from(labels), Float64Array.from(probs))).toThrow(message);
  });
});
