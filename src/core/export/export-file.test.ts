import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { buildExport } from './export-file.ts';
import { readAndScore } from '../read/read-and-score.test-support.ts';
import { Cancelled } from '../cancelled.ts';

const CORE = 'customerID,tenure,MonthlyCharges,TotalCharges,Contract,PaymentMethod,Note';
const FILE = [
  CORE,
  'A,1,70,70,Month-to-month,Electronic check,"quoted, with comma"',
  'B,abc,20,,Two year,Mailed check,=HYPERLINK("http://x")',
  'C,60,25.5,1530,Two year,Credit card (automatic),plain',
  'D,2,99,198,Month-to-month,Electronic check',
  '',
].join('\n');

const signal = new AbortController().signal;
const textOf = async (blob: Blob | undefined) => (await blob!.text()).replace(/^\uFEFF/, '');

describe('buildExport', () => {
  it('keeps every row in order with its original text, and appends the scores', async () => {
    const job = await readAndScore(FILE);
    const built = await buildExport(job, 'csv', 0.5, () => {}, signal);
    const lines = (await textOf(built.blob)).split('\r\n');
    expect(built.rows).toBe(4);
    expect(lines[0]).toBe(`${CORE},churn_probability,churn_prediction,risk_band,top_reasons,issue`);
    expect(lines[1]!.startsWith('A,1,70,70,Month-to-month,Electronic check,"quoted, with comma",')).toBe(true);
    expect(lines[3]!.startsWith('C,60,25.5,1530,Two year,Credit card (automatic),plain,')).toBe(true);
    const rows = Papa.parse<string[]>(await textOf(built.blob), { header: false, skipEmptyLines: true }).data.slice(1);
    expect(rows.map((r) => r[0])).toEqual(['A', 'B', 'C', 'D']);
    rows.forEach((r) => expect(r).toHaveLength(12));
    expect(Number(rows[0]![7])).toBeCloseTo(job.probabilities[0]!, 4);
    expect(rows[0]![8]).toBe(job.probabilities[0]! >= 0.5 ? '1' : '0');
  });

  it('fills the issue column for rejected rows and neutralises formulas', async () => {
    const job = await readAndScore(FILE);
    const rows = Papa.parse<string[]>(await textOf((await buildExport(job, 'csv', 0.5, () => {}, signal)).blob), {
      header: false,
      skipEmptyLines: true,
    }).data;
    const b = rows[2]!;
    expect(b[6]).toBe('\'=HYPERLINK("http://x")');
    expect(b.slice(7, 11)).toEqual(['', '', '', '']);
    expect(b[11]).toContain('Tenure "abc" is not a number');
  });

  it('pads short rows so the scores stay under their headers', async () => {
    const job = await readAndScore(FILE);
    const rows = Papa.parse<string[]>(await textOf((await buildExport(job, 'csv', 0.5, () => {}, signal)).blob), {
      header: false,
      skipEmptyLines: true,
    }).data;
    expect(rows[4]![6]).toBe('');
    expect(rows[4]![7]).toMatch(/^0\.\d{4}$/);
  });

  it('skips blank and delimiter-only lines without carrying them into the next row', async () => {
    const job = await readAndScore(
      'customerID,tenure,MonthlyCharges,TotalCharges,Contract,PaymentMethod\n\nA,1,70,70,Two year,Mailed check\n,,,,,\n  \nB,2,70,140,Two year,Mailed check\n\n',
    );
    expect(job.read.table.rowCount).toBe(2);
    const lines = (await textOf((await buildExport(job, 'csv', 0.5, () => {}, signal)).blob)).split('\r\n');
    expect(lines[1]!.startsWith('A,1,70,70,Two year,Mailed check,')).toBe(true);
    expect(lines[2]!.startsWith('B,2,70,140,Two year,Mailed check,')).toBe(true);
    expect(lines[3]).toBe('');
  });

  it('exports only at-risk customers when asked', async () => {
    const job = await readAndScore(FILE);
    const atRisk = Array.from(job.probabilities).filter((p) => p >= 0.3).length;
    const built = await buildExport(job, 'csv-at-risk', 0.3, () => {}, signal);
    expect(built.rows).toBe(atRisk);
  });

  it('writes the legacy JSON shape', async () => {
    const job = await readAndScore(FILE);
    const json = JSON.parse(await (await buildExport(job, 'json', 0.5, () => {}, signal)).blob!.text());
    expect(Object.keys(json)).toEqual(['total_customers', 'churn_risk_count', 'results']);
    expect(json.total_customers).toBe(3);
    expect(json.results).toHaveLength(3);
    expect(json.results[0]).toMatchObject({
      customerID: 'A',
      tenure: '1',
      Contract: 'Month-to-month',
      churn_prediction: expect.any(Number),
    });
    expect(json.results[0].churn_probability).toBeCloseTo(job.probabilities[0]!, 4);
    expect(json.churn_risk_count).toBe(
      json.results.filter((r: { churn_prediction: number }) => r.churn_prediction === 1).length,
    );
  });

  it("follows the at-risk list the page set (the campaign's best N) instead of the threshold", async () => {
    const job = await readAndScore(FILE);
    // Row B is rejected; C and D are the list, whatever their probabilities.
    const list = Uint8Array.of(0, 0, 1, 1);
    const atRisk = await buildExport(job, 'csv-at-risk', 0, () => {}, signal, undefined, undefined, list);
    const rows = Papa.parse<string[]>(await textOf(atRisk.blob), { header: false, skipEmptyLines: true }).data.slice(1);
    expect(rows.map((r) => r[0])).toEqual(['C', 'D']);
    const json = JSON.parse(
      await (await buildExport(job, 'json', 1, () => {}, signal, undefined, undefined, list)).blob!.text(),
    );
    expect(json.churn_risk_count).toBe(2);
    expect(json.results.map((r: { churn_prediction: number }) => r.churn_prediction)).toEqual([0, 1, 1]);
    await expect(
      buildExport(job, 'csv', 0.5, () => {}, signal, undefined, undefined, Uint8Array.of(1)),
    ).rejects.toThrow('does not belong to these results');
  });

  it('gives the JSON export the same campaign and what-if columns as the CSV', async () => {
    const job = await readAndScore(FILE);
    const decision = { campaign: { saveRate: 0.25, months: 10, cost: 7, monthlyValue: 40 }, whatIf: true };
    const csv = Papa.parse<string[]>(
      await textOf((await buildExport(job, 'csv', 0.5, () => {}, signal, undefined, decision)).blob),
      { header: false, skipEmptyLines: true },
    ).data;
    const json = JSON.parse(
      await (await buildExport(job, 'json', 0.5, () => {}, signal, undefined, decision)).blob!.text(),
    );
    const head = csv[0]!;
    const names = ['expected_benefit', 'best_action', 'probability_after_action'];
    expect(head.slice(-3)).toEqual(names);
    const scored = csv.slice(1).filter((r) => r[head.indexOf('churn_probability')] !== '');
    expect(json.results).toHaveLength(scored.length);
    expect(scored.some((r) => r[head.indexOf('best_action')] !== '')).toBe(true);
    scored.forEach((cells, k) => {
      const result = json.results[k];
      expect(result.expected_benefit).toBe(Number(cells[head.indexOf('expected_benefit')]));
      expect(result.best_action ?? '').toBe(cells[head.indexOf('best_action')]);
      const after = cells[head.indexOf('probability_after_action')]!;
      expect(result.probability_after_action).toBe(after === '' ? null : Number(after));
    });
  });

  it('lists every issue in the issues export', async () => {
    const job = await readAndScore(FILE);
    const built = await buildExport(job, 'issues', 0.5, () => {}, signal);
    const rows = Papa.parse<string[]>(await textOf(built.blob), { header: true, skipEmptyLines: true }).data;
    expect(rows).toHaveLength(job.read.table.issues.length);
  });

  it('stops when cancelled', async () => {
    const job = await readAndScore(FILE);
    const controller = new AbortController();
    controller.abort();
    await expect(buildExport(job, 'csv', 0.5, () => {}, controller.signal)).rejects.toThrow();
  });
});

describe('an export streamed to a chosen file', () => {
  const collect = () => {
    const parts: Blob[] = [];
    let closed = false;
    let aborted = false;
    const sink = new WritableStream<Blob>({
      write: (part) => void parts.push(part),
      close: () => void (closed = true),
      abort: () => void (aborted = true),
    });
    return { sink, parts, state: () => ({ closed, aborted }) };
  };

  it.each(['csv', 'csv-at-risk', 'json', 'issues'] as const)(
    'writes the same bytes as the Blob export (%s), and no Blob',
    async (kind) => {
      const job = await readAndScore(FILE);
      const whole = await buildExport(job, kind, 0.5, () => {}, signal);
      const { sink, parts, state } = collect();
      const streamed = await buildExport(job, kind, 0.5, () => {}, signal, sink);
      expect(streamed.blob).toBeUndefined();
      expect({ fileName: streamed.fileName, rows: streamed.rows }).toEqual({
        fileName: whole.fileName,
        rows: whole.rows,
      });
      expect(await new Blob(parts).text()).toBe(await whole.blob!.text());
      expect(state()).toEqual({ closed: true, aborted: false });
    },
  );

  it('a cancelled export aborts the file instead of closing it', async () => {
    const job = await readAndScore(FILE);
    const { sink, state } = collect();
    const controller = new AbortController();
    controller.abort();
    await expect(buildExport(job, 'csv', 0.5, () => {}, controller.signal, sink)).rejects.toBeInstanceOf(Cancelled);
    expect(state()).toEqual({ closed: false, aborted: true });
  });
});
