import { describe, expect, it } from 'vitest';
import { exportFileName } from './export-name.ts';

describe('exportFileName', () => {
  it.each([
    ['customers.csv', 'csv', 'customers-scored.csv'],
    ['customers.csv', 'csv-at-risk', 'customers-at-risk.csv'],
    ['customers.csv', 'json', 'customers-scored.json'],
    ['customers.csv', 'issues', 'customers-row-issues.csv'],
    ['Export.TSV', 'csv', 'Export-scored.csv'],
    ['list.txt', 'json', 'list-scored.json'],
    // Only the last extension is dropped, and only a text one.
    ['q3.csv.backup.csv', 'csv', 'q3.csv.backup-scored.csv'],
    ['customers.xlsx', 'csv', 'customers.xlsx-scored.csv'],
    ['customers', 'csv', 'customers-scored.csv'],
  ] as const)('%s as %s → %s', (fileName, kind, expected) => {
    expect(exportFileName(fileName, kind)).toBe(expected);
  });
});
