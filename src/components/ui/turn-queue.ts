/**
 * Runs queued turns one per task. A turn returns false when it had nothing left to do (its
 * chart was replaced or removed meanwhile), and the next one runs in the same task instead.
 */
export interface TurnQueue {
  enqueue(turn: () => boolean): void;
}

export function turnQueue(schedule: (run: () => void) => void): TurnQueue {
  const waiting: (() => boolean)[] = [];
  let scheduled = false;
  const next = () => {
    if (scheduled || waiting.length === 0) return;
    scheduled = true;
    schedule(run);
  };
  const run = () => {
    scheduled = false;
    while (waiting.length > 0 && !waiting.shift()!()) {
      // A turn with nothing to do costs no task of its own.
    }
    next();
  };
  return {
    enqueue(turn) {
      waiting.push(turn);
      next();
    },
  };
}
