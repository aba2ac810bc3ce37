import { checkScored } from './check-scored.ts';

/** sklearn's historical clip: keeps a confident wrong answer's loss large but finite. */
const LOG_LOSS_EPSILON = 1e-15;

function requireRows(n: number, metric: string): void {
  if (n === 0) throw new Error(`${metric} needs at least one row`);
}

/** Mean squared difference between the predicted probability and the 0/1 outcome. */
export function brierScore(labels: Uint8Array, probs: ArrayLike<number>): number {
  checkScored(labels, probs);
  requireRows(labels.length, 'Brier score');
  let sum = 0;
  for (let i = 0; i < labels.length; i++) {
    const diff = probs[i]! - labels[i]!;
    sum += diff * diff;
  }
  return sum / labels.length;
}

/** Mean negative log-likelihood (natural log), probabilities clipped to [1e-15, 1 − 1e-15]. */
export function logLoss(labels: Uint8Array, probs: ArrayLike<number>): number {
  checkScored(labels, probs);
  requireRows(labels.length, 'Log loss');
  let sum = 0;
  for (let i = 0; i < labels.length; i++) {
    const p = Math.min(Math.max(probs[i]!, LOG_LOSS_EPSILON), 1 - LOG_LOSS_EPSILON);
    // log1p(−p) keeps precision for small p where 1 − p would round.
    sum -= labels[i] === 1 ? Math.log(p) : Math.log1p(-p);
  }
  return sum / labels.length;
}
