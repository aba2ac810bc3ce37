export interface ClassCounts {
  positives: number;
  negatives: number;
}

/**
 * Validates labelled scores and counts the classes. Bad input here can only come from a bug
 * upstream (the parsers already turned a person's file into clean typed arrays), so it throws.
 */
export function checkScored(labels: Uint8Array, probs: ArrayLike<number>): ClassCounts {
  if (labels.length !== probs.length) {
    throw new Error(`labels has ${labels.length} rows but probs has ${probs.length}`);
  }
  let positives = 0;
  for (let i = 0; i < labels.length; i++) {
    const label = labels[i]!;
    if (label > 1) throw new Error(`label at row ${i} is ${label}; labels must be 0 or 1`);
    const p = probs[i]!;
    // `!(… )` also rejects NaN, which would otherwise sort unpredictably and poison every sum.
    if (!(p >= 0 && p <= 1)) throw new Error(`probability at row ${i} is ${p}; it must be in [0, 1]`);
    positives += label;
  }
  return { positives, negatives: labels.length - positives };
}

/** Ranking metrics are undefined without both classes; callers check counts before asking. */
export function requireClasses(counts: ClassCounts, metric: string, needNegatives: boolean): void {
  if (counts.positives === 0 || (needNegatives && counts.negatives === 0)) {
    const need = needNegatives ? 'at least one positive and one negative row' : 'at least one positive row';
    throw new Error(`${metric} needs ${need} (got ${counts.positives} positive, ${counts.negatives} negative)`);
  }
}
