import { describe, expect, it } from 'vitest';
import type { ExplicitMapping } from '../columns/column-mapping.ts';
import { describeFormat, NeedsMapping, readCustomers } from './read-customers.ts';
import { loadSpecs } from './read-and-score.test-support.ts';

const CORE = 'customerID,tenure,MonthlyCharges,TotalCharges,Contract,PaymentMethod';
const ROW = 'A,1,70,70,Month-to-month,Electronic check';

function read(
  content: string,
  options: { explicit?: ExplicitMapping; ask?: boolean; progress?: (rows: number, bytes: number) => void } = {},
) {
  return readCustomers(
    new Blob([content]),
    'f.csv',
    loadSpecs(),
    options.explicit,
    options.ask ?? false,
    options.progress ?? (() => {}),
    new AbortController().signal,
  );
}
const refusal = (content: string, options: Parameters<typeof read>[1] = {}) =>
  read(content, options).then(
    () => undefined,
    (e: unknown) => e as Error,
  );

describe('readCustomers: the model and columns', () => {
  it('uses the columns the person chose, whatever the headers say', async () => {
    // Tenure and MonthlyCharges swapped on purpose: the chosen mapping wins.
    const columns = { tenure: 2, MonthlyCharges: 1, TotalCharges: 3, Contract: 4, PaymentMethod: 5 };
    const r = await read(`${CORE}\n${ROW}\n`, { explicit: { modelId: 'telco-core', columns } });
    expect(r.spec.id).toBe('telco-core');
    expect(r.mapping).toEqual(columns);
    expect(r.alternatives).toEqual([]);
    expect(r.table.numeric.get('tenure')![0]).toBe(70);
    expect(r.table.numeric.get('MonthlyCharges')![0]).toBe(1);
  });

  it('refuses a chosen model it does not have', async () => {
    const error = await refusal(`${CORE}\n${ROW}\n`, { explicit: { modelId: 'nope', columns: {} } });
    expect(error?.message).toBe('Unknown model nope.');
  });

  it('asks for the mapping when asked to, with a proposal per model and a preview of at most five rows', async () => {
    const rows = Array.from({ length: 7 }, (_, i) => `${String.fromCharCode(65 + i)},1,70,70,Two year,Mailed check`);
    const error = await refusal([CORE, ...rows, ''].join('\n'), { ask: true });
    expect(error).toBeInstanceOf(NeedsMapping);
    const request = (error as NeedsMapping).request;
    expect(request.reason).toBe('Check which header feeds each model column, and change any that are wrong.');
    expect(request.proposals.map((p) => p.modelId)).toEqual(['telco-full', 'telco-core']);
    expect(request.proposals[1]!.columns).toMatchObject({ tenure: 1, PaymentMethod: 5 });
    expect(request.proposals[1]!.missing).toEqual([]);
    expect(request.preview.map((r) => r[0])).toEqual(['A', 'B', 'C', 'D', 'E']);
  });

  it('names the column that several headers could be', async () => {
    const error = await refusal(
      'tenure,tenure,MonthlyCharges,TotalCharges,Contract,PaymentMethod\n1,2,70,70,Two year,Mailed check\n',
    );
    expect((error as NeedsMapping).request.reason).toBe(
      'Several headers could be "tenure". Choose the right one for each column.',
    );
  });

  it('reads a file whose repeated header no model uses', async () => {
    const r = await read(`${CORE},Note,Note\n${ROW},a,b\n`);
    expect(r.table.rowCount).toBe(1);
    expect(r.headers.slice(-2)).toEqual(['Note', 'Note']);
  });

  it('stops at a first row that cannot be a header, with its own message', async () => {
    const error = await refusal(`${'x'.repeat(1001)},tenure\n1,2\n`);
    expect(error?.message).toMatch(/^f\.csv: row 1 should be the header, but it holds a value 1,001 characters long/);
  });

  it('trims the headers', async () => {
    const r = await read(` customerID , tenure ,MonthlyCharges,TotalCharges,Contract,PaymentMethod\n${ROW}\n`);
    expect(r.headers.slice(0, 2)).toEqual(['customerID', 'tenure']);
  });
});

describe('readCustomers: rows, IDs, outcomes and progress', () => {
  it('rejects a row cut just before the last column the model reads', async () => {
    const r = await read(`${CORE}\nA,1,70,70,Month-to-month\n${ROW}\n`);
    expect(Array.from(r.table.rejected)).toEqual([1, 0]);
    expect(r.table.issues[0]!.message).toContain('it has no Payment method, so it looks cut short');
  });

  it('keeps no IDs for a file without an ID column', async () => {
    const r = await read('tenure,MonthlyCharges,TotalCharges,Contract,PaymentMethod\n1,70,70,Two year,Mailed check\n');
    expect(r.table.rowCount).toBe(1);
    expect(r.ids).toBeNull();
  });

  it('keeps no outcomes for an outcome column that is blank on every row', async () => {
    const r = await read(`${CORE},Churn\n${ROW},\n${ROW},\n`);
    expect(r.labels).toBeNull();
  });

  it('reports the rows read and the bytes reached', async () => {
    const text = `${CORE}\n${ROW}\n${ROW}\n`;
    const calls: [number, number][] = [];
    await read(text, { progress: (rows, bytes) => calls.push([rows, bytes]) });
    expect(calls.at(-1)).toEqual([2, text.length]);
  });

  it('names its format for the page', async () => {
    const r = await read(
      'customerID;tenure;MonthlyCharges;TotalCharges;Contract;PaymentMethod\nA;1;70;70;Two year;Mailed check\n',
    );
    expect(describeFormat(r.streamed)).toEqual({ encoding: 'UTF-8', delimiter: 'semicolon' });
  });
});
