import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { explainRow, topReasons } from '../explain/reasons.ts';
import { planFeatures } from '../model-input/feature-plan.ts';
import { readAndScore } from '../read/read-and-score.test-support.ts';
import type { ScoredJob } from '../read/scored-job.ts';
import { buildExport } from './export-file.ts';

const HEADER = 'customerID,tenure,MonthlyCharges,TotalCharges,Contract,PaymentMethod,Note';
// A: quotes it does not need (a scored row is copied as the file has it). E: a blank total,
// imputed (an issue, but not a rejection). F: rejected, with quotes it does not need. G: short,
// and already on the lowest-risk contract and payment method (no best action).
const ROWS = [
  'A,1,70,70,Month-to-month,Electronic check,"x"',
  'E,3,50,,One year,Mailed check,plain',
  'F,abc,20,20,Two year,Mailed check,"x"',
  'G,60,25.5,1530,Two year,Mailed check',
];
const FILE = [HEADER, ...ROWS, ''].join('\n');
const ISSUE = 11;
const REASONS = 10;

const signal = new AbortController().signal;
const decision = { campaign: { saveRate: 0.25, months: 10, cost: 7, monthlyValue: 40 }, whatIf: true };
const csvOf = async (blob: Blob | undefined) =>
  Papa.parse<string[]>(await blob!.text(), { header: false, skipEmptyLines: true }).data;
const reasonsOf = (job: ScoredJob, row: number) =>
  topReasons(explainRow(job.read.spec, planFeatures(job.read.spec, job.read.table), row))
    .map((r) => r.text)
    .join('; ');

describe('buildExport, row by row', () => {
  it('copies a scored row as the file has it, rewrites a rejected one from its cells, and blanks the issue of a row only imputed', async () => {
    const job = await readAndScore(FILE);
    expect(job.read.table.issues.map((i) => i.kind)).toEqual(['imputed', 'rejected']);
    const { blob } = await buildExport(job, 'csv', 0.5, () => {}, signal);
    const lines = (await blob!.text()).split('\r\n');
    expect(lines[1]!.startsWith(`${ROWS[0]},`)).toBe(true);
    expect(lines[3]).toBe('F,abc,20,20,Two year,Mailed check,x,,,,,"Tenure ""abc"" is not a number."');
    const rows = await csvOf(blob);
    expect(rows.slice(1).map((r) => r[ISSUE])).toEqual(['', '', 'Tenure "abc" is not a number.', '']);
  });

  it("writes each scored row's own top reasons", async () => {
    const job = await readAndScore(FILE);
    const rows = (await csvOf((await buildExport(job, 'csv', 0.5, () => {}, signal)).blob)).slice(1);
    expect(rows.map((r) => r[REASONS])).toEqual([reasonsOf(job, 0), reasonsOf(job, 1), '', reasonsOf(job, 3)]);
    expect(new Set(rows.map((r) => r[REASONS])).size).toBe(4);
  });

  it('flags a customer whose probability equals the threshold, in every kind of export', async () => {
    const job = await readAndScore(FILE);
    const threshold = job.probabilities[1]!;
    expect(Array.from(job.probabilities).filter((p) => p > threshold)).toHaveLength(1);
    const csv = (await csvOf((await buildExport(job, 'csv', threshold, () => {}, signal)).blob)).slice(1);
    expect(csv[1]![8]).toBe('1');
    const atRisk = await buildExport(job, 'csv-at-risk', threshold, () => {}, signal);
    expect(atRisk.rows).toBe(2);
    const json = JSON.parse(await (await buildExport(job, 'json', threshold, () => {}, signal)).blob!.text());
    expect(json.churn_risk_count).toBe(2);
    expect(json.results[1].churn_prediction).toBe(1);
  });

  it('gives a short row blank cells in JSON, and a blank best action as null', async () => {
    const job = await readAndScore(FILE);
    const csv = await csvOf((await buildExport(job, 'csv', 0.5, () => {}, signal, undefined, decision)).blob);
    const best = csv[0]!.indexOf('best_action');
    expect(csv[4]![best]).toBe('');
    expect(csv[4]![best + 1]).toBe('');
    const json = JSON.parse(
      await (await buildExport(job, 'json', 0.5, () => {}, signal, undefined, decision)).blob!.text(),
    );
    const g = json.results[2];
    expect(g.customerID).toBe('G');
    expect(g.Note).toBe('');
    expect(g.best_action).toBeNull();
    expect(g.probability_after_action).toBeNull();
    expect(typeof g.expected_benefit).toBe('number');
  });

  it('lists each issue on its own line in the issues export', async () => {
    const job = await readAndScore(FILE);
    const built = await buildExport(job, 'issues', 0.5, () => {}, signal);
    expect(built.rows).toBe(2);
    expect((await built.blob!.text()).split('\r\n')).toEqual([
      'row,column,value,kind,message',
      '3,TotalCharges,,imputed,Total charges is blank; used tenure × MonthlyCharges = 150.',
      '4,tenure,abc,rejected,"Tenure ""abc"" is not a number."',
      '',
    ]);
  });

  it.each([
    ['csv', 'text/csv;charset=utf-8', [0xef, 0xbb, 0xbf]],
    ['issues', 'text/csv;charset=utf-8', [0xef, 0xbb, 0xbf]],
    ['json', 'application/json', [0x7b]],
  ] as const)('types the %s export as %s and starts it with the bytes %j', async (kind, type, start) => {
    const job = await readAndScore(FILE);
    const blob = (await buildExport(job, kind, 0.5, () => {}, signal)).blob!;
    expect(blob.type).toBe(type);
    expect(Array.from(new Uint8Array(await blob.arrayBuffer()).subarray(0, start.length))).toEqual(start);
  });
});

describe('buildExport across batches of 10,000 rows', () => {
  // Every third row has a cell the export must rewrite, so both ways of writing a row occur in each batch.
  const rows = 10_003;
  const line = (i: number) =>
    `C${i},${1 + (i % 70)},${20 + (i % 80)},${(1 + (i % 70)) * (20 + (i % 80))},${i % 2 ? 'Two year' : 'Month-to-month'},Mailed check,${i % 3 ? 'plain' : '=x'}`;
  const file = [HEADER, ...Array.from({ length: rows }, (_, i) => line(i)), ''].join('\n');

  it('writes every row in order with its own text and reasons, and reports progress per batch', async () => {
    const job = await readAndScore(file);
    const progress: number[] = [];
    const built = await buildExport(job, 'csv', 0.5, (r) => progress.push(r), signal);
    expect(progress).toEqual([10_000, rows]);
    expect(built.rows).toBe(rows);
    const lines = (await built.blob!.text()).split('\r\n');
    expect(lines).toHaveLength(rows + 2);
    const cells = await csvOf(built.blob);
    for (const i of [0, 9_999, 10_000, 10_001, 10_002]) {
      const expected = i % 3 ? line(i) : line(i).replace(/=x$/, "'=x");
      expect(lines[i + 1]!.startsWith(`${expected},`), `row ${i}`).toBe(true);
      expect(cells[i + 1]![REASONS], `row ${i}`).toBe(reasonsOf(job, i));
    }
  });

  it('writes one JSON array across batches', async () => {
    const job = await readAndScore(file);
    const json = JSON.parse(await (await buildExport(job, 'json', 0.5, () => {}, signal)).blob!.text());
    expect(json.results).toHaveLength(rows);
    expect(json.results.map((r: { customerID: string }) => r.customerID).slice(9_999, 10_002)).toEqual([
      'C9999',
      'C10000',
      'C10001',
    ]);
    expect(json.results.slice(10_000).map((r: { Note: string }) => r.Note)).toEqual(['plain', 'plain', '=x']);
  });

  it('reports progress once per batch when the rows fill the last batch exactly', async () => {
    const job = await readAndScore([HEADER, ...Array.from({ length: 10_000 }, (_, i) => line(i)), ''].join('\n'));
    const progress: number[] = [];
    await buildExport(job, 'csv-at-risk', 0.5, (r) => progress.push(r), signal);
    expect(progress).toEqual([10_000]);
  });

  it('reports progress once for a file of one batch', async () => {
    const job = await readAndScore(FILE);
    const progress: number[] = [];
    await buildExport(job, 'csv', 0.5, (r) => progress.push(r), signal);
    expect(progress).toEqual([4]);
  });
});
