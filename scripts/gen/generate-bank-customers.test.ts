import { describe, expect, it } from 'vitest';
import { parseCsvText } from '../../src/core/csv/parse-csv-text.ts';
import {
  BANK_COLUMNS,
  BANK_LABEL_COLUMN,
  bankCsvChunks,
  bankLogOdds,
  generateBankCustomers,
} from './generate-bank-customers.ts';

const csv = (rows: number, labels: boolean, seed: number, chunkRows?: number) =>
  [...bankCsvChunks({ rows, labels, seed, chunkRows })].join('');

describe('bankCsvChunks', () => {
  it('writes the bank header, with Exited last only when labels are asked for', () => {
    expect(csv(0, false, 1)).toBe(`${BANK_COLUMNS.join(',')}\n`);
    expect(csv(0, true, 1)).toBe(`${[...BANK_COLUMNS, BANK_LABEL_COLUMN].join(',')}\n`);
  });

  it('is the same for the same seed, whatever the chunk size; labels only add a column', () => {
    const labelled = csv(2_000, true, 7);
    expect(csv(2_000, true, 7, 333)).toBe(labelled);
    expect(csv(2_000, true, 8)).not.toBe(labelled);
    const withoutLabels = csv(2_000, false, 7).split('\n');
    expect(labelled.split('\n').map((line) => line.split(',').slice(0, BANK_COLUMNS.length).join(','))).toEqual(
      withoutLabels,
    );
  });

  it('writes plausible bank customers: unique ids, values in range, overdrawn balances, Exited drawn from the truth', () => {
    const { header, rows } = parseCsvText(csv(10_000, true, 3));
    const col = (name: string) => rows.map((r) => r[header.indexOf(name)]!);
    expect(new Set(col('CustomerId')).size).toBe(10_000);
    expect(col('CustomerId').every((id) => /^\d{8}$/.test(id))).toBe(true);
    expect(
      col('CreditScore')
        .map(Number)
        .every((v) => v >= 350 && v <= 850),
    ).toBe(true);
    expect(
      col('Age')
        .map(Number)
        .every((v) => Number.isInteger(v) && v >= 18 && v <= 92),
    ).toBe(true);
    expect(new Set(col('Geography'))).toEqual(new Set(['France', 'Germany', 'Spain']));
    expect(new Set(col('Exited'))).toEqual(new Set(['0', '1']));
    const negative = col('Balance').filter((b) => Number(b) < 0).length / rows.length;
    expect(negative).toBeGreaterThan(0.05);
    const customers = [...generateBankCustomers(10_000, 3)];
    customers.forEach((c) => expect(c.exitProbability).toBeCloseTo(1 / (1 + Math.exp(-bankLogOdds(c))), 12));
    const rate = customers.filter((c) => c.Exited === 1).length / customers.length;
    const expected = customers.reduce((s, c) => s + c.exitProbability, 0) / customers.length;
    // Binomial sd of the rate at n = 10,000 and p ≈ 0.2 is 0.004; 4 sd.
    expect(Math.abs(rate - expected)).toBeLessThan(0.016);
  });
});
