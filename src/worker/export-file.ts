import { csvRow } from '../core/export/csv-field.ts';
import { decisionColumns, type ExportDecision } from '../core/export/decision-columns.ts';
import { SCORED_COLUMNS, scoredCells } from '../core/export/scored-columns.ts';
import { needsNeutralising, neutraliseCell } from '../core/export/spreadsheet-safety.ts';
import { explainRow, topReasons } from '../core/explain/reasons.ts';
import { planFeatures } from '../core/model-input/feature-plan.ts';
import type { ExportKind } from './protocol.ts';
import { dataRowIndex, headerText, rowCells, rowText, type ScoredJob } from './scored-job.ts';
import { Cancelled } from './stream-rows.ts';

const BATCH = 10_000;
const BOM = '\uFEFF';

function rejectionsByRow(job: ScoredJob): Map<number, string> {
  const out = new Map<number, string>();
  for (const issue of job.read.table.issues) {
    if (issue.kind !== 'rejected') continue;
    // Issues carry the file's row number, which blank and multi-line rows move away from the data index.
    const index = dataRowIndex(job.read, issue.row);
    out.set(index, out.has(index) ? `${out.get(index)} ${issue.message}` : issue.message);
  }
  return out;
}

const baseName = (name: string) => name.replace(/\.(csv|tsv|txt)$/i, '');

export interface Built {
  blob: Blob;
  fileName: string;
  rows: number;
}

/**
 * Builds an export in batches straight into Blob parts, so even a million-row
 * file never exists as one string. Original rows are copied as they were, unless
 * a cell would run as a spreadsheet formula.
 */
export async function buildExport(job: ScoredJob, kind: ExportKind, threshold: number, onProgress: (rows: number) => void, signal: AbortSignal, decision?: ExportDecision): Promise<Built> {
  if (kind === 'issues') return buildIssues(job);
  const { read, probabilities } = job;
  const plan = planFeatures(read.spec, read.table);
  const rejections = rejectionsByRow(job);
  const delimiter = read.streamed.delimiter;
  const width = read.headers.length;
  const decided = decisionColumns(read.spec, plan, read.table.numeric, decision);
  const reasonsOf = (row: number) => topReasons(explainRow(read.spec, plan, row)).map((r) => r.text).join('; ');
  const parts: Blob[] = [];
  let written = 0;
  let atRisk = 0;

  if (kind !== 'json') parts.push(new Blob([BOM, headerText(read), delimiter, [...SCORED_COLUMNS, ...decided.names].join(delimiter), '\r\n']));
  else parts.push(new Blob(['"results":[']));

  for (let start = 0; start < read.table.rowCount; start += BATCH) {
    if (signal.aborted) throw new Cancelled();
    const end = Math.min(read.table.rowCount, start + BATCH);
    const cells = rowCells(read, start, end);
    const lines: string[] = [];
    for (let i = start; i < end; i++) {
      const p = probabilities[i]!;
      const flagged = p >= threshold;
      if (flagged) atRisk++;
      const row = cells[i - start]!;
      if (kind === 'json') {
        if (Number.isNaN(p)) continue;
        const result: Record<string, string | number> = {};
        read.headers.forEach((h, c) => { result[h] = row[c] ?? ''; });
        result.churn_probability = Number(p.toFixed(4));
        result.churn_prediction = flagged ? 1 : 0;
        lines.push(JSON.stringify(result));
        continue;
      }
      if (kind === 'csv-at-risk' && !flagged) continue;
      // The appended columns must line up under their headers: short rows get empty cells, and
      // values beyond the header (a rejected ragged row) move after the appended columns. A
      // rejected row is written from its cells, as its text may hold a broken quote that would
      // swallow the appended columns.
      const own = row.length > width ? row.slice(0, width) : row;
      const extra = row.length > width && row.slice(width).some((c) => c !== '') ? delimiter + csvRow(row.slice(width).map(neutraliseCell), delimiter) : '';
      const rewrite = own !== row || read.table.rejected[i] === 1 || own.some(needsNeutralising);
      let original = rewrite ? csvRow(own.map(neutraliseCell), delimiter) : rowText(read, i);
      if (own.length < width) original += delimiter.repeat(width - own.length);
      const appended = [...scoredCells({ probability: p, threshold, reasons: Number.isNaN(p) ? '' : reasonsOf(i), issue: rejections.get(i) ?? '', bands: read.spec.risk_bands }), ...decided.cells(i, p)];
      lines.push(`${original}${delimiter}${csvRow(appended.map(neutraliseCell), delimiter)}${extra}\r\n`);
    }
    if (kind === 'json' && lines.length) parts.push(new Blob([written ? ',' : '', lines.join(',')]));
    else if (lines.length) parts.push(new Blob(lines));
    written += lines.length;
    onProgress(end);
    // Yield so a cancel message can arrive between batches.
    await new Promise((r) => setTimeout(r, 0));
  }

  if (kind === 'json') {
    const head = `{"total_customers":${written},"churn_risk_count":${atRisk},`;
    return { blob: new Blob([head, ...parts, ']}'], { type: 'application/json' }), fileName: `${baseName(job.fileName)}-scored.json`, rows: written };
  }
  const suffix = kind === 'csv-at-risk' ? 'at-risk' : 'scored';
  return { blob: new Blob(parts, { type: 'text/csv;charset=utf-8' }), fileName: `${baseName(job.fileName)}-${suffix}.csv`, rows: written };
}

function buildIssues(job: ScoredJob): Built {
  const issues = job.read.table.issues;
  const lines = issues.map((i) => `${csvRow([String(i.row), i.column, i.value, i.kind, i.message].map(neutraliseCell), ',')}\r\n`);
  const blob = new Blob([BOM, 'row,column,value,kind,message\r\n', ...lines], { type: 'text/csv;charset=utf-8' });
  return { blob, fileName: `${baseName(job.fileName)}-row-issues.csv`, rows: issues.length };
}
