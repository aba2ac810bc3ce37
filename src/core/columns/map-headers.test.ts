import { describe, expect, it } from 'vitest';
import { mapHeaders } from './map-headers.ts';
import { normaliseHeader } from './normalise-header.ts';

const targets = [
  { name: 'tenure', aliases: ['Tenure (months)', 'months_active'] },
  { name: 'MonthlyCharges', aliases: ['Monthly Fee'] },
  { name: 'Contract', aliases: [] },
];

describe('normaliseHeader', () => {
  it.each([
    ['Monthly Charges', 'monthlycharges'],
    ['monthly_charges', 'monthlycharges'],
    [' MonthlyCharges ($) ', 'monthlycharges'],
    ['Tenure (months)', 'tenure'],
    ['TENURE [mo]', 'tenure'],
    ['customerID', 'customerid'],
    ['Ärger-Index', 'ärgerindex'],
    // A bracket that is never closed is part of the name.
    ['Tenure (months', 'tenuremonths'],
    ['(a) b [c] d {e}', 'bd'],
  ])('%j -> %j', (header, expected) => {
    expect(normaliseHeader(header)).toBe(expected);
  });
});

describe('mapHeaders', () => {
  it('maps by canonical name, alias, case and punctuation', () => {
    const m = mapHeaders(['ID', 'monthly fee', 'Tenure (months)', 'CONTRACT'], targets);
    expect(Object.fromEntries(m.found)).toEqual({ tenure: 2, MonthlyCharges: 1, Contract: 3 });
    expect(m.missing).toEqual([]);
  });

  it('lists missing columns', () => {
    const m = mapHeaders(['tenure', 'Plan'], targets);
    expect(m.missing).toEqual(['MonthlyCharges', 'Contract']);
  });

  it('prefers the exact canonical name over an alias', () => {
    const m = mapHeaders(['Tenure (months)', 'tenure', 'MonthlyCharges', 'Contract'], targets);
    expect(m.found.get('tenure')).toBe(1);
    expect(m.ambiguous).toEqual([]);
  });

  it('asks when two aliases match', () => {
    const m = mapHeaders(['Tenure (months)', 'months_active', 'MonthlyCharges', 'Contract'], targets);
    expect(m.ambiguous).toEqual([{ column: 'tenure', headers: [0, 1] }]);
    expect(m.found.has('tenure')).toBe(false);
  });

  it('reports duplicate header names instead of merging them', () => {
    const m = mapHeaders(['Contract', 'tenure', 'Contract', 'MonthlyCharges'], targets);
    expect(m.duplicates).toEqual([{ header: 'Contract', indices: [0, 2] }]);
  });
});
