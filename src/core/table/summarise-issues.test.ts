import { describe, expect, it } from 'vitest';
import type { IssueKind, RowIssue } from './column-table.ts';
import { summariseIssues } from './summarise-issues.ts';

const issue = (column: string, kind: IssueKind, value: string, row = 2): RowIssue => ({
  row,
  column,
  value,
  kind,
  message: '',
});

describe('summariseIssues', () => {
  it('gives nothing for no issues', () => {
    expect(summariseIssues([])).toEqual([]);
  });

  it('groups by column and kind, most frequent first, with up to three distinct examples', () => {
    expect(
      summariseIssues([
        issue('tenure', 'rejected', 'x'),
        issue('plan', 'unknown-category', 'Gold'),
        issue('tenure', 'imputed', ''),
        issue('plan', 'unknown-category', 'Gold'),
        issue('plan', 'unknown-category', 'Silver'),
        issue('plan', 'unknown-category', 'Iron'),
        issue('plan', 'unknown-category', 'Tin'),
        issue('tenure', 'rejected', 'y'),
      ]),
    ).toEqual([
      { column: 'plan', kind: 'unknown-category', count: 5, examples: ['Gold', 'Silver', 'Iron'] },
      { column: 'tenure', kind: 'rejected', count: 2, examples: ['x', 'y'] },
      { column: 'tenure', kind: 'imputed', count: 1, examples: [''] },
    ]);
  });

  it('keeps the first seen order among equal counts', () => {
    expect(summariseIssues([issue('b', 'rejected', '1'), issue('a', 'rejected', '2')]).map((g) => g.column)).toEqual([
      'b',
      'a',
    ]);
  });
});
