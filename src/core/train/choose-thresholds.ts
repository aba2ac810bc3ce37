/**
 * Operating points chosen on pooled out-of-fold predictions of the training rows,
 * never on the held-out rows. Values are floored to 4 decimals: a slightly lower
 * threshold flags slightly more customers, so the recall guarantee still holds.
 */
const floor4 = (x: number) => Math.floor(x * 1e4) / 1e4;

/** The highest threshold whose recall (share of churners with p ≥ t) is at least `target`. */
export function recallFirstThreshold(labels: Uint8Array, probs: ArrayLike<number>, target: number): number {
  const positives: number[] = [];
  for (let i = 0; i < labels.length; i++) if (labels[i]) positives.push(probs[i]!);
  if (positives.length === 0) throw new Error('No positive rows: cannot choose a recall threshold');
  positives.sort((a, b) => b - a);
  const needed = Math.ceil(target * positives.length);
  return floor4(positives[needed - 1]!);
}

/** The threshold that maximises F1, searched over every distinct predicted value. */
export function f1OptimalThreshold(labels: Uint8Array, probs: ArrayLike<number>): number {
  const order = Array.from({ length: labels.length }, (_, i) => i).sort((a, b) => probs[b]! - probs[a]!);
  const positives = labels.reduce((s, v) => s + v, 0);
  let tp = 0;
  let flagged = 0;
  let best = { f1: -1, threshold: 1 };
  for (let k = 0; k < order.length; k++) {
    const i = order[k]!;
    tp += labels[i]!;
    flagged++;
    // Only a cut between distinct values is a real threshold.
    const next = order[k + 1];
    if (next !== undefined && probs[next] === probs[i]) continue;
    const f1 = (2 * tp) / (flagged + positives);
    if (f1 > best.f1) best = { f1, threshold: probs[i]! };
  }
  return floor4(best.threshold);
}
