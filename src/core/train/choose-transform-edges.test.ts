import { describe, expect, it } from 'vitest';
import { chooseLog1p } from './choose-transform.ts';

/**
 * 30 rows in three groups: 0 (9 of 10 churn), 1 (1 of 10) and a million (1 of 10). On the plain
 * scale 0 and 1 are nearly the same; log(1 + x) tells them apart, so it clearly fits better.
 */
function threeGroups() {
  const values = Float64Array.from({ length: 30 }, (_, i) => [0, 1, 1e6][Math.floor(i / 10)]!);
  const y = Uint8Array.from(values, (v, i) => (i % 10 === 0 ? (v === 0 ? 0 : 1) : v === 0 ? 1 : 0));
  return { values, y, rows: [...values.keys()] };
}

describe('chooseLog1p on small and awkward columns', () => {
  it('judges from 30 training rows, and not from 29', () => {
    const { values, y, rows } = threeGroups();
    expect(chooseLog1p(values, rows, y)).toBe(true);
    expect(chooseLog1p(values, rows.slice(1), y)).toBe(false);
  });

  it('leaves out rows whose value is missing', () => {
    const { values, y, rows } = threeGroups();
    const withBlanks = Float64Array.from([...values, NaN, NaN]);
    const moreY = Uint8Array.from([...y, 1, 0]);
    expect(chooseLog1p(withBlanks, [...rows, 30, 31], moreY)).toBe(true);
  });

  it('keeps the plain scale when one training value is below 0, even above −1', () => {
    const { values, y, rows } = threeGroups();
    // log(1 + x) would still fit clearly better with this value (checked without the rule).
    values[5] = -0.5;
    expect(chooseLog1p(values, rows, y)).toBe(false);
  });

  it.each([
    ['no churner', () => 0],
    ['only churners', () => 1],
  ])('keeps the plain scale with %s', (_, label) => {
    const { values, rows } = threeGroups();
    expect(chooseLog1p(values, rows, Uint8Array.from(rows, label))).toBe(false);
  });

  it('keeps the plain scale for a column with two values (log(1 + x) is then a rescaling of x)', () => {
    const { y, rows } = threeGroups();
    expect(
      chooseLog1p(
        Float64Array.from(rows, (r) => (r < 10 ? 0 : 5)),
        rows,
        y,
      ),
    ).toBe(false);
  });

  it('says no, without throwing, when the fit fails', () => {
    const { values, y, rows } = threeGroups();
    values[29] = Infinity;
    expect(chooseLog1p(values, rows, y)).toBe(false);
  });

  it('says no when the column alone separates the outcome', () => {
    const values = Float64Array.from({ length: 40 }, (_, i) => i);
    const y = Uint8Array.from(values, (v) => (v >= 20 ? 1 : 0));
    expect(chooseLog1p(values, [...values.keys()], y)).toBe(false);
  });
});
