import { describe, expect, it } from 'vitest';
import { plainRowTest } from './plain-row.ts';

describe('plainRowTest: rows the export may copy as they are', () => {
  it.each([
    [',', 3, 'a,b,c', true],
    [',', 3, 'Month-to-month,12,70.5', true],
    [',', 3, 'a,b', false],
    [',', 3, 'a,b,c,', false],
    [',', 3, 'a,"b",c', false],
    [',', 3, '=1+1,b,c', false],
    [',', 3, 'a,+44 1234,c', false],
    [',', 3, 'a,b,-5', false],
    [',', 3, 'a,@x,c', false],
    [',', 3, "a,'=x,c", false],
    [',', 3, 'a,b\t,c', false],
    [',', 3, 'a,b\r,c', false],
    [',', 3, 'a;=b;c', false],
    [';', 3, 'a;=b;c', false],
    [';', 3, 'a,=b;c;d', true],
    ['\t', 3, 'a\tb\tc', true],
    ['\t', 3, 'a\t=b\tc', false],
    ['|', 2, 'a|b', true],
    ['|', 2, 'a|-b', false],
    ['|', 2, 'a|b|c', false],
    [',', 1, '', true],
    // A delimiter first or last still separates a cell (an empty one).
    [',', 3, ',b,c', true],
    [',', 3, 'a,b,', true],
    // A delimiter that is special in a regular expression only separates; a trigger inside a cell is harmless.
    ['|', 2, 'Month-to-month|b', true],
    ['|', 2, 'a|b-c', true],
  ])('delimiter %j, %i headers: %j → %s', (delimiter, columns, text, plain) => {
    expect(plainRowTest(delimiter, columns)(text)).toBe(plain);
  });
});
