export interface DecisionSummary {
  scored: number;
  atRisk: number;
  /** Sum of probabilities over scored customers: the label-free expected number of churners. */
  expectedChurners: number;
  /** Sum of probabilities over the flagged customers. */
  expectedCaught: number;
  /** Sum of monthly charges over the flagged customers; null when the file has no charges. */
  revenueAtRisk: number | null;
}

/**
 * Counts for one threshold in one pass over the scores (NaN marks a rejected row). `onList`, when
 * given, is the at-risk list itself (1 = on it: the campaign's best N) and the threshold is not used.
 */
export function summariseDecision(
  probabilities: Float32Array,
  threshold: number,
  monthlyCharges: Float64Array | undefined,
  onList?: Uint8Array,
): DecisionSummary {
  let scored = 0;
  let atRisk = 0;
  let expectedChurners = 0;
  let expectedCaught = 0;
  let revenue = 0;
  for (let i = 0; i < probabilities.length; i++) {
    const p = probabilities[i]!;
    if (Number.isNaN(p)) continue;
    scored++;
    expectedChurners += p;
    if (onList ? onList[i] === 1 : p >= threshold) {
      atRisk++;
      expectedCaught += p;
      if (monthlyCharges) revenue += monthlyCharges[i]!;
    }
  }
  return { scored, atRisk, expectedChurners, expectedCaught, revenueAtRisk: monthlyCharges ? revenue : null };
}
