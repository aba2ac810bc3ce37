import { describe, expect, it } from 'vitest';
import { isMissingCell } from './missing-cell.ts';

describe('isMissingCell', () => {
  it.each([
    ['', true],
    ['   ', true],
    ['\t', true],
    ['NA', true],
    ['na', true],
    [' NA ', true],
    ['N/A', true],
    ['n/a', true],
    ['NULL', true],
    ['null', true],
    ['None', true],
    ['NaN', true],
    ['nan', true],
    ['#N/A', true],
    ['-', true],
    ['?', true],
    ['        ', true],
    ['0', false],
    ['NAN1', false],
    ['No', false],
    ['--', false],
    ['N.A.', false],
    ['-1', false],
    ['nothing', false],
    ['         x', false],
    ['Nan ', true],
  ])('%j -> %s', (text, missing) => {
    expect(isMissingCell(text)).toBe(missing);
  });
});
