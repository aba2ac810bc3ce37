import { seededRandom, shuffled } from './seeded-random.ts';

const byClass = (indices: readonly number[], y: Uint8Array) =>
  [0, 1].map((label) => indices.filter((i) => y[i] === label));

/**
 * Holds out `testShare` of each class, so both parts keep the churn rate. Indices come back sorted.
 * `indices` limits the split to some rows (those with an outcome); default: every row.
 */
export function stratifiedSplit(
  y: Uint8Array,
  testShare: number,
  seed: number,
  indices: readonly number[] = [...y.keys()],
): { train: number[]; test: number[] } {
  const random = seededRandom(seed);
  let train: number[] = [];
  let test: number[] = [];
  for (const members of byClass(indices, y)) {
    const order = shuffled(members, random);
    const cut = Math.round(order.length * testShare);
    // concat, not push(...): spreading hundreds of thousands of arguments overflows the stack.
    test = test.concat(order.slice(0, cut));
    train = train.concat(order.slice(cut));
  }
  const ascending = (a: number, b: number) => a - b;
  return { train: train.sort(ascending), test: test.sort(ascending) };
}

/** Assigns each of `indices` to one of k folds, dealing each class out in turn so folds are stratified. */
export function stratifiedFolds(indices: readonly number[], y: Uint8Array, k: number, seed: number): number[][] {
  const random = seededRandom(seed);
  const folds: number[][] = Array.from({ length: k }, () => []);
  for (const members of byClass(indices, y)) {
    shuffled(members, random).forEach((index, i) => folds[i % k]!.push(index));
  }
  return folds.map((f) => f.sort((a, b) => a - b));
}
