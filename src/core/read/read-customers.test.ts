import { describe, expect, it } from 'vitest';
import { unpackIds } from '../ids/packed-ids.ts';
import { NeedsMapping, readCustomers } from './read-customers.ts';
import { loadSpecs, readAndScore } from './read-and-score.test-support.ts';

const CORE = 'customerID,tenure,MonthlyCharges,TotalCharges,Contract,PaymentMethod';
const read = (content: string | Uint8Array<ArrayBuffer>, name = 'f.csv') =>
  readCustomers(new Blob([content]), name, loadSpecs(), undefined, false, () => {}, new AbortController().signal);

describe('readCustomers', () => {
  it('uses the core model for a five-column file and accounts for every row', async () => {
    const r = await read(
      `${CORE}\nA,1,70,70,Month-to-month,Electronic check\nB,abc,20,,Two year,Mailed check\nC,5,30,,One year,Bank transfer (automatic)\n`,
    );
    expect(r.spec.id).toBe('telco-core');
    expect(r.table.rowCount).toBe(3);
    expect(Array.from(r.table.rejected)).toEqual([0, 1, 0]);
    expect(unpackIds(r.ids!)).toEqual(['A', 'B', 'C']);
    expect(r.table.issues.find((i) => i.kind === 'rejected')).toMatchObject({ row: 3, column: 'tenure', value: 'abc' });
  });

  it('keeps characters whole across the 2 MB read boundary', async () => {
    const row = 'X,1,70,70,Month-to-month,Electronic check\n';
    const head = `${CORE}\n`;
    const filler = row.repeat(Math.floor((2 * 1024 * 1024 - head.length) / row.length));
    const pad = 'P'.repeat(2 * 1024 * 1024 - new TextEncoder().encode(head + filler).length - 1);
    // "é" is two bytes in UTF-8; the boundary falls between them.
    const r = await read(`${head}${filler}${pad}é,1,70,70,Month-to-month,Electronic check\n`);
    expect(unpackIds(r.ids!).at(-1)).toBe(`${pad}é`);
  });

  it('falls back to Windows-1252 when the bytes are not UTF-8', async () => {
    const bytes = Uint8Array.from([
      ...new TextEncoder().encode(`${CORE}\nJos`),
      0xe9,
      ...new TextEncoder().encode(',1,70,70,Two year,Mailed check\n'),
    ]);
    const r = await read(bytes);
    expect(r.streamed.encoding).toBe('windows-1252');
    expect(unpackIds(r.ids!)).toEqual(['José']);
  });

  it('reads UTF-16 LE with a BOM', async () => {
    const text = `${CORE}\nÅsa,1,70,70,Two year,Mailed check\n`;
    const body = new Uint8Array(2 + text.length * 2);
    body.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) body.set([text.charCodeAt(i) & 0xff, text.charCodeAt(i) >> 8], 2 + i * 2);
    const r = await read(body);
    expect(r.streamed.encoding).toBe('utf-16le');
    expect(unpackIds(r.ids!)).toEqual(['Åsa']);
  });

  it('reads semicolon files with decimal commas', async () => {
    const r = await read(
      'customerID;tenure;MonthlyCharges;TotalCharges;Contract;PaymentMethod\nA;2;79,40;158,80;Month-to-month;Electronic check\n',
    );
    expect(r.streamed.delimiter).toBe(';');
    expect(r.table.numeric.get('MonthlyCharges')![0]).toBeCloseTo(79.4, 10);
  });

  it('asks for a mapping when a needed header is repeated, with a preview', async () => {
    const error = await read(
      'tenure,tenure,MonthlyCharges,TotalCharges,Contract,PaymentMethod\n1,2,70,70,Two year,Mailed check\n',
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NeedsMapping);
    const request = (error as NeedsMapping).request;
    expect(request.duplicates).toEqual([{ header: 'tenure', indices: [0, 1] }]);
    expect(request.preview).toEqual([['1', '2', '70', '70', 'Two year', 'Mailed check']]);
  });

  it('names the missing columns and the headers found', async () => {
    await expect(read('name,email\nAda,a@b\n', 'people.csv')).rejects.toThrow(
      /people\.csv: .*needs .*tenure.*Headers found: "name", "email"/,
    );
  });

  it.each([
    [Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0, 0]), /Excel workbook.*save it as "CSV UTF-8"/],
    [Uint8Array.from([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31]), /PDF document/],
  ])('names a binary file for what it is %#', async (bytes, message) => {
    await expect(read(bytes, 'export.csv')).rejects.toThrow(message);
  });

  it('says an empty file is empty', async () => {
    await expect(read('', 'empty.csv')).rejects.toThrow(/empty\.csv is empty/);
  });

  it('reads outcomes when the file has the Churn column', async () => {
    const job = await readAndScore(
      `${CORE},Churn\nA,1,70,70,Month-to-month,Electronic check,Yes\nB,60,20,1200,Two year,Mailed check,No\nC,3,50,150,One year,Mailed check,\n`,
    );
    expect(Array.from(job.read.labels!)).toEqual([1, 0, 255]);
  });
});
