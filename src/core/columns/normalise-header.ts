/**
 * Reduces a header to the letters and digits that carry its meaning, so that
 * "Monthly Charges", "monthly_charges" and "MonthlyCharges ($)" compare equal.
 * Bracketed parts are units or notes ("Tenure (months)"), not part of the name.
 */
export function normaliseHeader(header: string): string {
  return header
    .normalize('NFKC')
    .replace(/[([{][^)\]}]*[)\]}]/g, ' ')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}
