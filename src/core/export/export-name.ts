export type ExportKind = 'csv' | 'csv-at-risk' | 'json' | 'issues';

const SUFFIX: Record<ExportKind, string> = {
  csv: 'scored.csv',
  'csv-at-risk': 'at-risk.csv',
  json: 'scored.json',
  issues: 'row-issues.csv',
};

/** What a `kind` export of `fileName` is called: customers.csv → customers-scored.csv. */
export function exportFileName(fileName: string, kind: ExportKind): string {
  return `${fileName.replace(/\.(csv|tsv|txt)$/i, '')}-${SUFFIX[kind]}`;
}
