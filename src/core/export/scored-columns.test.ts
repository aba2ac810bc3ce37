import { describe, expect, it } from 'vitest';
import { rankScores, thresholdForTopK } from '../decision/ranked-scores.ts';
import { SCORED_COLUMNS, scoredCells } from './scored-columns.ts';

const BANDS = [
  { name: 'Low', from: 0 },
  { name: 'Medium', from: 0.15 },
  { name: 'High', from: 0.35 },
  { name: 'Very high', from: 0.6 },
];
const cells = (probability: number, threshold: number) =>
  scoredCells({ probability, threshold, reasons: 'r', issue: '', bands: BANDS });

describe('scoredCells', () => {
  it('flags a customer whose score equals the threshold, and not one just below', () => {
    expect(cells(0.3, 0.3)[1]).toBe('1');
    expect(cells(0.3 - 1e-9, 0.3)[1]).toBe('0');
    expect(cells(0.3 + 1e-9, 0.3)[1]).toBe('1');
  });

  it('keeps the K-th customer of a top-K decision in the export', () => {
    const probabilities = Float32Array.from([0.9, 0.1, 0.42, 0.7, 0.05, 0.42001]);
    const ranked = rankScores(probabilities);
    for (let k = 1; k <= probabilities.length; k++) {
      const threshold = thresholdForTopK(ranked, k);
      const flagged = [...probabilities].filter((p) => cells(p, threshold)[1] === '1');
      expect(flagged, `top ${k}`).toHaveLength(k);
      // The boundary customer is the K-th highest score itself.
      expect(cells(ranked.descending[k - 1]!, threshold)[1]).toBe('1');
    }
  });

  it('writes every appended column of a scored row, in order', () => {
    const row = scoredCells({
      probability: 0.61234,
      threshold: 0.5,
      reasons: 'Contract: Month-to-month',
      issue: '',
      bands: BANDS,
    });
    expect(row).toEqual(['0.6123', '1', 'Very high', 'Contract: Month-to-month', '']);
    expect(row).toHaveLength(SCORED_COLUMNS.length);
  });

  it('follows the at-risk list the page set over the threshold, both ways', () => {
    expect(
      scoredCells({ probability: 0.9, threshold: 0.5, flagged: false, reasons: '', issue: '', bands: BANDS })[1],
    ).toBe('0');
    expect(
      scoredCells({ probability: 0.1, threshold: 0.5, flagged: true, reasons: '', issue: '', bands: BANDS })[1],
    ).toBe('1');
  });

  it('leaves a rejected row with its issue only', () => {
    expect(
      scoredCells({
        probability: Number.NaN,
        threshold: 0.5,
        reasons: 'ignored',
        issue: 'Tenure "abc" is not a number',
        bands: BANDS,
      }),
    ).toEqual(['', '', '', '', 'Tenure "abc" is not a number']);
  });
});
