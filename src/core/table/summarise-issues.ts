import type { IssueKind, RowIssue } from './column-table.ts';

export interface ColumnIssueSummary {
  column: string;
  kind: IssueKind;
  count: number;
  examples: string[];
}

const EXAMPLES = 3;

/** Per column and kind: how many cells, and a few distinct example values. */
export function summariseIssues(issues: readonly RowIssue[]): ColumnIssueSummary[] {
  const groups = new Map<string, ColumnIssueSummary>();
  for (const issue of issues) {
    const key = `${issue.column}\u0000${issue.kind}`;
    let group = groups.get(key);
    if (!group) {
      group = { column: issue.column, kind: issue.kind, count: 0, examples: [] };
      groups.set(key, group);
    }
    group.count++;
    if (group.examples.length < EXAMPLES && !group.examples.includes(issue.value)) group.examples.push(issue.value);
  }
  return [...groups.values()].sort((a, b) => b.count - a.count);
}
