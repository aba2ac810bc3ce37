import { describe, expect, it } from 'vitest';
import { parseNumber } from './parse-number.ts';

const dot = { decimalComma: false };
const comma = { decimalComma: true };

describe('parseNumber', () => {
  it.each([
    ['42', dot, 42],
    [' 12 ', dot, 12],
    ['29.85', dot, 29.85],
    ['$1,234.50', dot, 1234.5],
    ['1,234,567', dot, 1234567],
    ['€ 79.40', dot, 79.4],
    ['1e3', dot, 1000],
    ['-5', dot, -5],
    ['(12.50)', dot, -12.5],
    ['.5', dot, 0.5],
    ['1e308', dot, 1e308],
    ['79,40', comma, 79.4],
    ['1.234,50', comma, 1234.5],
    ['1 234,50', comma, 1234.5],
    // With both separators the last is the decimal point, whatever the file's habit.
    ['1,234.50', comma, 1234.5],
    ['$1,234,567.5', comma, 1234567.5],
    ['1.234,50', dot, 1234.5],
    ['€ 1.234.567,5', dot, 1234567.5],
    ['', dot, null],
    ['   ', dot, null],
  ])('reads %j', (text, format, expected) => {
    expect(parseNumber(text, format)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['abc', dot, 'not-a-number'],
    ['12abc', dot, 'not-a-number'],
    ['1,23', dot, 'not-a-number'],
    ['1.2.3', dot, 'not-a-number'],
    ['NaN', dot, 'not-finite'],
    ['Infinity', dot, 'not-finite'],
    ['-inf', dot, 'not-finite'],
    ['1e309', dot, 'not-finite'],
    ['1,23.4', dot, 'not-a-number'],
    ['1.2.3,4', comma, 'not-a-number'],
    ['1,234.5.6', dot, 'not-a-number'],
    ['12,34.50', comma, 'not-a-number'],
  ])('refuses %j', (text, format, problem) => {
    expect(parseNumber(text, format)).toEqual({ ok: false, problem });
  });
});
