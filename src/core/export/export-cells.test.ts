import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { csvField, csvRow } from './csv-field.ts';
import { scoredCells } from './scored-columns.ts';
import { neutraliseCell, restoreCell } from './spreadsheet-safety.ts';

describe('neutraliseCell', () => {
  it.each([
    ['=SUM(A1:A2)', "'=SUM(A1:A2)"],
    ['+cmd', "'+cmd"],
    ['-cmd|calc', "'-cmd|calc"],
    ['@SUM(1)', "'@SUM(1)"],
    ['\t=1', "'\t=1"],
    ['\r=1', "'\r=1"],
    ["'=already", "''=already"],
    ['-5', '-5'],
    ['+44', '+44'],
    ['-1.5e3', '-1.5e3'],
    ['-1.25', '-1.25'],
    ['-.25', '-.25'],
    ['+1e+5', '+1e+5'],
    ['-2E-10', '-2E-10'],
    ['-5 ', '-5 '],
    ['\t5', '\t5'],
    ['-5%', '-5%'],
    ['-5x', "'-5x"],
    ['-1e', "'-1e"],
    ['-.', "'-."],
    ['-', "'-"],
    ['+', "'+"],
    ['-5.', '-5.'],
    ['-12.50', '-12.50'],
    ['-1-1', "'-1-1"],
    ['-1.2.3', "'-1.2.3"],
    ['-5,5', '-5,5'],
    ['- 5', "'- 5"],
    ['Month-to-month', 'Month-to-month'],
    ['7590-VHVEG', '7590-VHVEG'],
    ['', ''],
  ])('%j -> %j', (cell, expected) => {
    expect(neutraliseCell(cell)).toBe(expected);
  });

  it('agrees with the rule as two regular expressions on any text of signs, digits and separators', () => {
    const TRIGGER = /^'*[=+\-@\t\r]/;
    const NUMBER = /^[+-]?(\d+([.,]\d*)?|[.,]\d+)(e[+-]?\d+)?%?$/i;
    const chars = fc.constantFrom(..."-+0123456789.,e%' =@\tx");
    fc.assert(
      fc.property(fc.array(chars, { maxLength: 8 }), (parts) => {
        const cell = parts.join('');
        const expected = TRIGGER.test(cell) && !NUMBER.test(cell.trim()) ? `'${cell}` : cell;
        expect(neutraliseCell(cell)).toBe(expected);
      }),
      { numRuns: 3000 },
    );
  });

  it.each([
    ["'-5", "'-5"],
    ["'=1", '=1'],
    ["''=1", "'=1"],
    ["'plain", "'plain"],
  ])('restoreCell(%j) -> %j', (cell, expected) => {
    expect(restoreCell(cell)).toBe(expected);
  });

  it('is undone exactly by restoreCell', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        expect(restoreCell(neutraliseCell(s))).toBe(s);
      }),
    );
  });
});

describe('csvField', () => {
  it.each([
    ['plain', ',', 'plain'],
    ['a,b', ',', '"a,b"'],
    ['a;b', ',', 'a;b'],
    ['a;b', ';', '"a;b"'],
    ['say "hi"', ',', '"say ""hi"""'],
    ['two\nlines', ',', '"two\nlines"'],
  ])('%j with %j', (value, delimiter, expected) => {
    expect(csvField(value, delimiter)).toBe(expected);
  });

  it('round-trips any cells through PapaParse', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string(), { minLength: 2, maxLength: 6 }),
        fc.constantFrom(',', ';', '\t', '|'),
        (cells, delimiter) => {
          const parsed = Papa.parse<string[]>(csvRow(cells, delimiter), { delimiter, header: false }).data[0];
          expect(parsed).toEqual(cells);
        },
      ),
    );
  });
});

describe('scoredCells', () => {
  const bands = [
    { name: 'Low', from: 0 },
    { name: 'Medium', from: 0.15 },
    { name: 'High', from: 0.35 },
    { name: 'Very high', from: 0.6 },
  ];
  it('writes four decimals, the decision and the band', () => {
    expect(scoredCells({ probability: 0.61234, threshold: 0.5, reasons: 'x', issue: '', bands })).toEqual([
      '0.6123',
      '1',
      'Very high',
      'x',
      '',
    ]);
    expect(scoredCells({ probability: 0.2, threshold: 0.5, reasons: '', issue: '', bands })[1]).toBe('0');
  });

  it('leaves a rejected row with only its issue', () => {
    expect(
      scoredCells({ probability: NaN, threshold: 0.5, reasons: '', issue: 'Tenure "abc" is not a number.', bands }),
    ).toEqual(['', '', '', '', 'Tenure "abc" is not a number.']);
  });
});
