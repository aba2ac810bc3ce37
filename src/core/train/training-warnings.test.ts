import { describe, expect, it } from 'vitest';
import { NO_OUTCOME, type Outcome } from './outcome.ts';
import { trainingWarnings, WARNING_RULES } from './training-warnings.ts';

const outcome = (positives: number, negatives: number, missing = 0): Outcome => ({
  column: 'churn',
  index: 0,
  positive: 'yes',
  negative: 'no',
  y: new Uint8Array(positives + negatives + missing).fill(NO_OUTCOME),
  positives,
  negatives,
  missing,
});

const quiet = { leftOut: [], leaks: [], sensitive: [] };

describe('the training warnings at their limits', () => {
  it('says nothing for enough rows, enough churners, a common outcome and nothing left out', () => {
    expect(trainingWarnings({ outcome: outcome(50, 450), rows: 500, ...quiet })).toEqual([]);
  });

  it('warns of few churners below the limit only', () => {
    expect(WARNING_RULES.minPositives).toBe(50);
    expect(trainingWarnings({ outcome: outcome(49, 951), rows: 1000, ...quiet })).toEqual([
      'Only 49 customers left (fewer than 50): the figures are rough and the model may not generalise.',
    ]);
  });

  it('warns of few rows below the limit only', () => {
    expect(trainingWarnings({ outcome: outcome(100, 399), rows: 499, ...quiet })).toEqual([
      'Only 499 labelled rows (fewer than 500): treat the held-out figures as rough.',
    ]);
  });

  it('warns of a rare outcome below 2 % only', () => {
    expect(trainingWarnings({ outcome: outcome(60, 2940), rows: 3000, ...quiet })).toEqual([]);
    expect(trainingWarnings({ outcome: outcome(59, 2941), rows: 3000, ...quiet })).toEqual([
      'Leaving is rare here (2.0 % of customers): precision will be low at any useful recall.',
    ]);
  });

  it('counts the rows without an outcome, and only when there are some', () => {
    expect(trainingWarnings({ outcome: outcome(50, 450, 1), rows: 500, ...quiet })).toEqual([
      '1 rows have no outcome and were not used for training or testing.',
    ]);
  });

  it('gives each leak its own line, and the other columns left out one line after them', () => {
    const leak = { name: 'refund', why: 'it is blank only for customers who stayed' };
    const warnings = trainingWarnings({
      outcome: outcome(50, 450),
      rows: 500,
      leftOut: [{ name: 'id2', why: 'every value differs' }, leak, { name: 'note', why: 'long text' }],
      leaks: [leak],
      sensitive: [],
    });
    expect(warnings).toEqual([
      'refund was left out: it is blank only for customers who stayed.',
      'Columns left out: id2 (every value differs); note (long text).',
    ]);
  });

  it('names the sensitive columns the model uses', () => {
    expect(trainingWarnings({ outcome: outcome(50, 450), rows: 500, ...quiet, sensitive: ['Gender', 'Age'] })).toEqual([
      'The model uses columns that may describe protected characteristics: Gender, Age. Check that using them is lawful and fair for your purpose.',
    ]);
  });

  it('does not divide by zero without labelled rows', () => {
    expect(trainingWarnings({ outcome: outcome(0, 0), rows: 0, ...quiet })).toContain(
      'Leaving is rare here (0.0 % of customers): precision will be low at any useful recall.',
    );
  });
});
