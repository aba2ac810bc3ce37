import { describe, expect, it } from 'vitest';
import { thresholdPixel } from './threshold-line.ts';

describe('thresholdPixel', () => {
  // Four bins with ticks (bin centres) at 15, 25, 35, 45: the axis spans 10..50.
  it.each([
    { value: 0, x: 10 },
    { value: 0.25, x: 20 },
    { value: 0.5, x: 30 },
    { value: 1, x: 50 },
  ])('probability $value -> x $x', ({ value, x }) => {
    expect(thresholdPixel(15, 10, 4, value)).toBeCloseTo(x);
  });
});
