import { describe, expect, it } from 'vitest';
import { unpackIds } from '../ids/packed-ids.ts';
import { readCustomers } from './read-customers.ts';
import { expectExportLinesUp, expectRowsAccountedFor } from './row-accounting.test-support.ts';
import { rowCells } from './scored-job.ts';
import { Cancelled } from '../cancelled.ts';
import { loadSpecs, readAndScore } from './read-and-score.test-support.ts';

/** Inputs too big to commit: generated here, at test time. */
const CORE = 'customerID,tenure,MonthlyCharges,TotalCharges,Contract,PaymentMethod';
const TEN_MB = 10 * 1024 * 1024;
const READ_BYTES = 2 * 1024 * 1024;
const ROWS = 100_000;
const failureOf = (content: string, name: string) =>
  readAndScore(content, name).then(
    () => 'read',
    (e: unknown) => (e as Error).message,
  );

describe('a single 10 MB line', () => {
  it('as the whole file: refused as a header, with its length, not echoed back', async () => {
    expect(await failureOf('x'.repeat(TEN_MB), 'one-line.csv')).toBe(
      'one-line.csv: row 1 should be the header, but it holds a value 10,485,760 characters long, not a column name. Check that this is a CSV export of customers whose first row names the columns.',
    );
  });

  it('of 5 million values: refused before header matching (which is quadratic in repeated names)', async () => {
    expect(await failureOf('a,'.repeat(TEN_MB / 2), 'commas.csv')).toBe(
      'commas.csv: row 1 should be the header, but it has 5,242,881 values, far more than any customer export has columns. Check that this is a CSV export of customers whose first row names the columns.',
    );
  });

  it('as one value of a data row, plain or quoted with delimiters and line breaks inside: scored and exported whole', async () => {
    const plain = 'x'.repeat(TEN_MB);
    const quoted = `"${'a,b\r\n"" '.repeat(TEN_MB / 8)}"`;
    const job = await readAndScore(
      `${CORE},Note\nL-1,1,70,70,Month-to-month,Electronic check,${plain}\nL-2,2,70,140,Two year,Mailed check,${quoted}\nL-3,x,70,70,Two year,Mailed check,\n`,
    );
    expect(await expectRowsAccountedFor(job)).toEqual({ rows: 3, scored: 2, rejected: 1 });
    expect(unpackIds(job.read.ids!)).toEqual(['L-1', 'L-2', 'L-3']);
    expect(Array.from(job.read.rowNumbers)).toEqual([2, 3, 4]);
    expect((await rowCells(job.read, 1, 2))[0]![6]).toBe('a,b\r\n" '.repeat(TEN_MB / 8));
    const rows = await expectExportLinesUp(job);
    expect(rows[0]![6]).toBe(plain);
  });
});

describe('the 2 MB read boundary', () => {
  /** A file whose first 2 MB read ends with `at`'s first character. */
  function straddling(before: string, at: string): string {
    const head = `${CORE},Note\n`;
    const row = 'B,1,70,70,Two year,Mailed check,n\n';
    const rows = Math.floor((READ_BYTES - head.length - before.length - 200) / row.length);
    const fill = 'F,1,70,70,Two year,Mailed check,';
    const filler = `${fill}${'p'.repeat(READ_BYTES - 1 - head.length - rows * row.length - before.length - fill.length - 1)}\n`;
    const text = `${head}${row.repeat(rows)}${filler}${before}`;
    expect(text.length).toBe(READ_BYTES - 1);
    return `${text}${at}`;
  }

  it('reads a \\r\\n split across two reads as one line break', async () => {
    const text = straddling('C,1,70,70,Two year,Mailed check,end', '\r\nD,x,70,70,Two year,Mailed check,n\r\n');
    const job = await readAndScore(text);
    const { rows } = await expectRowsAccountedFor(job);
    expect(unpackIds(job.read.ids!).slice(-2)).toEqual(['C', 'D']);
    expect((await rowCells(job.read, rows - 2, rows - 1))[0]![6]).toBe('end');
    // No phantom blank line between them: D is the row right after C.
    expect(job.read.rowNumbers[rows - 1]).toBe(job.read.rowNumbers[rows - 2]! + 1);
    expect(job.read.table.issues.at(-1)).toMatchObject({ row: rows + 1, column: 'tenure', value: 'x' });
  });

  it('keeps a \\r\\n inside a quoted value that is split across two reads', async () => {
    const job = await readAndScore(straddling('C,1,70,70,Two year,Mailed check,"a', '\r\nb"\r\n'));
    const { rows } = await expectRowsAccountedFor(job);
    expect((await rowCells(job.read, rows - 1, rows))[0]![6]).toBe('a\r\nb');
  });
});

describe('a file over 1 GB', () => {
  it('streams with progress and stops promptly when cancelled', async () => {
    const block = new Blob([
      Array.from({ length: 20_000 }, (_, i) => `G-${i},${i % 72},70,${(i % 72) * 70},Two year,Mailed check\n`).join(''),
    ]);
    const parts = Math.ceil(1_100_000_000 / block.size);
    const file = new Blob([`${CORE}\n`, ...Array.from({ length: parts }, () => block)]);
    expect(file.size).toBeGreaterThan(1_000_000_000);
    const controller = new AbortController();
    const seen: [number, number][] = [];
    const reading = readCustomers(
      file,
      'huge.csv',
      loadSpecs(),
      undefined,
      false,
      (rows, bytes) => {
        seen.push([rows, bytes]);
        if (bytes >= 20 * READ_BYTES) controller.abort();
      },
      controller.signal,
    );
    await expect(reading).rejects.toBeInstanceOf(Cancelled);
    expect(seen.at(-1)![1]).toBeLessThan(file.size / 20);
    for (let i = 1; i < seen.length; i++) {
      expect(seen[i]![0]).toBeGreaterThan(seen[i - 1]![0]);
      expect(seen[i]![1]).toBeGreaterThan(seen[i - 1]![1]);
    }
  });
});

describe('a generated file of 100,000 customers with every kind of bad row', () => {
  it('accounts for every row, rejects exactly the bad ones and names their rows', async () => {
    let seed = 7;
    const random = () => (seed = (seed * 16_807) % 2_147_483_647) / 2_147_483_647;
    const bad = [
      'B,abc,70,70,Two year,Mailed check',
      'B,-1,70,70,Two year,Mailed check',
      'B,1,Infinity,70,Two year,Mailed check',
      'B,1,70',
      'B,1,70,70,Two year,Mailed check,extra',
    ];
    const breaks = ['\n', '\r\n', '\r'];
    const lines = [`${CORE}\n`];
    const expectedRejected: number[] = [];
    let fileRow = 1;
    for (let i = 0; i < ROWS; i++) {
      if (random() < 0.01) {
        // A space first, so that a \r ending the row before and a \n here are not one \r\n.
        lines.push(` ${breaks[i % 3]}`);
        fileRow++;
      }
      fileRow++;
      if (random() < 0.02) {
        lines.push(bad[i % bad.length]!, breaks[i % 3]!);
        expectedRejected.push(fileRow);
      } else {
        lines.push(
          `G-${i},${i % 72},${20 + (i % 90)},${(i % 72) * 50},${['Month-to-month', 'One year', 'Two year'][i % 3]},Electronic check`,
          breaks[(i + 1) % 3]!,
        );
      }
    }
    const job = await readAndScore(lines.join(''));
    expect(await expectRowsAccountedFor(job)).toEqual({
      rows: ROWS,
      scored: ROWS - expectedRejected.length,
      rejected: expectedRejected.length,
    });
    expect([...new Set(job.read.table.issues.filter((i) => i.kind === 'rejected').map((i) => i.row))]).toEqual(
      expectedRejected,
    );
    expect(job.read.rowNumbers.at(-1)).toBe(fileRow);
    await expectExportLinesUp(job);
  });
});
