import { describe, expect, it } from 'vitest';
import { parseNumber } from './parse-number.ts';

const dot = { decimalComma: false };
const comma = { decimalComma: true };

// Each path through parseNumber at its edges: the fast path's limits, separators, currency, signs.
describe('parseNumber at the edges', () => {
  it.each([
    ['123456789012345', dot, 123456789012345],
    ['1234567890123456', dot, 1234567890123456],
    ['1.123456789012345', dot, 1.123456789012345],
    ['-0', dot, -0],
    ['+5', dot, 5],
    ['5.', dot, 5],
    ['12.5', comma, 12.5],
    ['1.234', dot, 1.234],
    ['1.234', comma, 1234],
    ['1,234', dot, 1234],
    ['1,234', comma, 1.234],
    ['1.234.567', comma, 1234567],
    ['1.234.567,25', comma, 1234567.25],
    ["1'234.50", dot, 1234.5],
    ['1\u00a0234', dot, 1234],
    ['1\u202f234,5', comma, 1234.5],
    ['USD 12', dot, 12],
    ['12 eur', dot, 12],
    ['£7', dot, 7],
    ['¥ 8', dot, 8],
    ['₹9', dot, 9],
    ['(1,234.50)', dot, -1234.5],
    ['( 7 )', dot, -7],
    ['1,234e2', dot, 123400],
    ['.25', dot, 0.25],
    ['-.25', dot, -0.25],
    ['1e+5', dot, 100000],
    ['2E-3', dot, 0.002],
    ['-1.234,5', comma, -1234.5],
    ['-1,234.5', dot, -1234.5],
    ['+1.234,5', dot, 1234.5],
    ['12.345,6', comma, 12345.6],
    ['123,456.7', dot, 123456.7],
  ])('reads %j', (text, format, expected) => {
    expect(parseNumber(text, format)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['GBP5', dot, 'not-a-number'],
    ['(5', dot, 'not-a-number'],
    ['5)', dot, 'not-a-number'],
    ['()', dot, 'not-a-number'],
    ['1,2345', dot, 'not-a-number'],
    ['1,2,3.4', dot, 'not-a-number'],
    ['1.000,5,5', comma, 'not-a-number'],
    ['12,345.6.7', dot, 'not-a-number'],
    ['1e', dot, 'not-a-number'],
    ['e5', dot, 'not-a-number'],
    ['.', dot, 'not-a-number'],
    ['-', dot, 'not-a-number'],
    ['infinite', dot, 'not-a-number'],
    ['nan', dot, 'not-finite'],
    ['+Infinity', dot, 'not-finite'],
    ['INF', dot, 'not-finite'],
    ['-1e309', dot, 'not-finite'],
    ['1e400', comma, 'not-finite'],
    ['1.x', dot, 'not-a-number'],
    ['1234.567,5', comma, 'not-a-number'],
    ['1234,567.5', dot, 'not-a-number'],
    ['1.2345,5', comma, 'not-a-number'],
    ['1,2345.5', dot, 'not-a-number'],
    ['(123', dot, 'not-a-number'],
    ['123)', dot, 'not-a-number'],
    ['12nan', dot, 'not-a-number'],
    ['12inf', dot, 'not-a-number'],
  ])('refuses %j', (text, format, problem) => {
    expect(parseNumber(text, format)).toEqual({ ok: false, problem });
  });
});
