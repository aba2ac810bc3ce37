import { checkScored } from './check-scored.ts';

export interface Confusion {
  tp: number;
  fp: number;
  tn: number;
  fn: number;
}

export interface Rates {
  precision: number;
  recall: number;
  f1: number;
  /** Share of all rows flagged, the number a retention team budgets against. */
  flag_rate: number;
}

/** Counts outcomes when rows with `p >= threshold` are flagged (a score equal to the threshold is flagged). */
export function confusionAt(labels: Uint8Array, probs: ArrayLike<number>, threshold: number): Confusion {
  checkScored(labels, probs);
  let tp = 0;
  let fp = 0;
  let positives = 0;
  for (let i = 0; i < labels.length; i++) {
    const positive = labels[i] === 1;
    if (positive) positives++;
    if (probs[i]! >= threshold) {
      if (positive) tp++;
      else fp++;
    }
  }
  return { tp, fp, fn: positives - tp, tn: labels.length - positives - fp };
}

const ratio = (num: number, den: number): number => (den === 0 ? 0 : num / den);

/** Rates from counts; a rate whose denominator is zero is reported as 0 so it stays valid JSON. */
export function rates(c: Confusion): Rates {
  return {
    precision: ratio(c.tp, c.tp + c.fp),
    recall: ratio(c.tp, c.tp + c.fn),
    f1: ratio(2 * c.tp, 2 * c.tp + c.fp + c.fn),
    flag_rate: ratio(c.tp + c.fp, c.tp + c.fp + c.tn + c.fn),
  };
}
