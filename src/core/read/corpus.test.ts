import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { buildFixtures, FIXTURE_DIR } from '../../../test/fixtures/bad-input/make-fixtures.ts';
import { unpackIds } from '../ids/packed-ids.ts';
import { NeedsMapping, readCustomers, WHOLE_ROW } from './read-customers.ts';
import { expectExportLinesUp, expectRowsAccountedFor } from './row-accounting.test-support.ts';
import { rowCells } from './scored-job.ts';
import { loadSpecs, readAndScore } from './read-and-score.test-support.ts';

/** A file that is read: its counts, the reason for each rejected row (by file row), and values it must hold. */
interface Read {
  model: 'telco-core' | 'telco-full';
  encoding?: 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';
  delimiter?: ',' | ';' | '\t' | '|';
  rows: number;
  scored: number;
  rejected: Record<number, [column: string, reason: string]>;
  ids?: string[];
  rowNumbers?: number[];
  /** [data row index, model column, value]: a number, a category, or null for unknown. */
  values?: [number, string, number | string | null][];
}
type Expected = Read | { fatal: string } | { mapping: string; preview: number };

const HEADERS_NEEDED =
  'This file does not have the columns any model needs: "Telco churn, all columns" needs gender, SeniorCitizen, Partner, Dependents, tenure, PhoneService, MultipleLines, InternetService, OnlineSecurity, OnlineBackup, DeviceProtection, TechSupport, StreamingTV, StreamingMovies, Contract, PaperlessBilling, PaymentMethod, MonthlyCharges, TotalCharges; "Telco churn, core CRM columns" needs tenure, Contract, PaymentMethod, MonthlyCharges, TotalCharges.';
const RESAVE = 'Open it in your spreadsheet program and save it as "CSV UTF-8", then load the CSV.';
const GOOD_IDS = ['A-1', 'A-2'];
const core = (rows: number, rejected: Read['rejected'] = {}, more: Partial<Read> = {}): Read => ({
  model: 'telco-core',
  rows,
  scored: rows - Object.keys(rejected).length,
  rejected,
  ...more,
});

/** One entry per committed file in test/fixtures/bad-input/. */
const CORPUS: Record<string, Expected> = {
  'empty.csv': {
    fatal:
      'empty.csv is empty: it has no header row. Export the customer list with its column headers and load it again.',
  },
  'blank-lines-only.csv': {
    fatal:
      'blank-lines-only.csv is empty: it has no header row. Export the customer list with its column headers and load it again.',
  },
  'header-only.csv': {
    fatal:
      'header-only.csv has a header row but no customer rows. Export the customer list again, with its rows, and load it.',
  },
  'header-only-no-newline.csv': {
    fatal:
      'header-only-no-newline.csv has a header row but no customer rows. Export the customer list again, with its rows, and load it.',
  },
  // Blank and delimiter-only lines are skipped but counted, so issues name the row a spreadsheet shows.
  'blank-lines.csv': core(
    3,
    { 8: ['tenure', 'Tenure "abc" is not a number.'] },
    { ids: ['B-1', 'B-2', 'B-3'], rowNumbers: [5, 8, 11] },
  ),
  'trailing-newline.csv': core(2, {}, { ids: GOOD_IDS, rowNumbers: [2, 3] }),
  'no-trailing-newline.csv': core(2, {}, { ids: GOOD_IDS, rowNumbers: [2, 3] }),
  'many-trailing-newlines.csv': core(2, {}, { ids: GOOD_IDS, rowNumbers: [2, 3] }),
  'trailing-delimiter.csv': core(2, {}, { ids: ['T-1', 'T-2'] }),
  'trailing-delimiter-rows-only.csv': core(2, {}, { ids: ['T-1', 'T-2'] }),
  'utf8-bom.csv': core(2, {}, { encoding: 'utf-8', ids: ['Zoë', 'José'] }),
  'utf16le-bom.csv': core(3, {}, { encoding: 'utf-16le', ids: ['Åsa', 'Łukasz', '山田'] }),
  'utf16be-bom.csv': core(2, {}, { encoding: 'utf-16be', ids: ['Åsa', 'Łukasz'] }),
  // Recognised by its zero bytes (src/core/csv/utf16-pattern.ts).
  'utf16le-no-bom.csv': core(1, {}, { encoding: 'utf-16le', ids: ['Åsa'] }),
  'windows-1252.csv': core(
    4,
    { 5: ['tenure', 'Tenure "abc" is not a number.'] },
    {
      encoding: 'windows-1252',
      delimiter: ';',
      ids: ['José', 'Zoë', 'François', 'Müller'],
      values: [
        [0, 'MonthlyCharges', 79.4],
        [0, 'TotalCharges', 79.4],
      ],
    },
  ),
  'utf8-bom-then-invalid.csv': core(1, {}, { encoding: 'windows-1252', ids: ['José'] }),
  'mixed-line-endings.csv': core(
    4,
    { 5: ['tenure', 'Tenure "x" is not a number.'] },
    { ids: ['M-1', 'M-2', 'M-3', 'M-4'], rowNumbers: [2, 3, 4, 5] },
  ),
  'cr-line-endings.csv': core(2, {}, { ids: ['C-1', 'C-2'] }),
  'semicolon-decimal-comma.csv': core(
    4,
    { 5: ['tenure', 'Tenure 10,000 is impossible (allowed 0 to 1,200).'] },
    {
      delimiter: ';',
      values: [
        [0, 'MonthlyCharges', 79.4],
        [0, 'TotalCharges', 158.8],
        [1, 'MonthlyCharges', 102.5],
        [1, 'TotalCharges', 1234.5],
        [2, 'MonthlyCharges', 1234.5],
      ],
    },
  ),
  'tab-delimited.tsv': core(
    2,
    {},
    { delimiter: '\t', ids: ['Tab-1', 'Tab-2'], values: [[1, 'MonthlyCharges', 1070.5]] },
  ),
  'pipe-delimited.csv': core(2, {}, { delimiter: '|', ids: ['P-1', 'P-2'], values: [[1, 'MonthlyCharges', 1070.5]] }),
  // Multi-line quoted values are one row each, as in a spreadsheet.
  'quoted-fields.csv': core(
    4,
    { 5: ['tenure', 'Tenure "x" is not a number.'] },
    { ids: ['Smith, John', 'say "hi"', 'multi\nline id', 'Q-4'], rowNumbers: [2, 3, 4, 5] },
  ),
  'unterminated-quote.csv': {
    fatal:
      'unterminated-quote.csv: row 3 opens a quote (") that is never closed, so every line after it would be read as one value. Close or remove that quote and load the file again.',
  },
  'unterminated-quote-in-header.csv': {
    fatal:
      'unterminated-quote-in-header.csv: row 1 opens a quote (") that is never closed, so every line after it would be read as one value. Close or remove that quote and load the file again.',
  },
  'unterminated-quote-last-row.csv': core(
    3,
    { 4: [WHOLE_ROW, 'This row opens a quote (") that is never closed'] },
    { ids: ['U-1', 'U-2', 'U-3'] },
  ),
  'text-after-closing-quote.csv': {
    fatal:
      'text-after-closing-quote.csv: row 3 has text after the closing quote of a value, so the lines after it would be read as part of that value. Fix the quotes in that row and load the file again.',
  },
  'text-after-closing-quote-one-line.csv': core(3, {
    3: [WHOLE_ROW, 'This row has text after the closing quote of a value'],
  }),
  // Missing Note is fine; missing model columns or extra values mean the row cannot be trusted.
  'ragged-rows.csv': core(
    5,
    {
      4: [
        WHOLE_ROW,
        'This row has 3 values but the header has 7; it has no Total charges, Contract, Payment method, so it looks cut short.',
      ],
      5: [
        WHOLE_ROW,
        'This row has 8 values but the header has 7, so its values may be under the wrong headers (often a value with an unquoted comma in it). Extra values: "x".',
      ],
    },
    { ids: ['R-1', 'R-2', 'R-3', 'R-4', 'R-5'] },
  ),
  'duplicate-headers.csv': {
    mapping: 'Several headers could be "tenure". Choose the right one for each column.',
    preview: 5,
  },
  'duplicate-unused-headers.csv': core(1, {}, { ids: ['D-1'] }),
  'messy-headers.csv': core(
    1,
    {},
    {
      delimiter: ';',
      ids: ['H-1'],
      values: [
        [0, 'tenure', 1],
        [0, 'MonthlyCharges', 70],
        [0, 'Contract', 'Month-to-month'],
        [0, 'PaymentMethod', 'Electronic check'],
      ],
    },
  ),
  'missing-columns.csv': {
    fatal: `missing-columns.csv: ${HEADERS_NEEDED} Headers found: "name", "email". Rename the headers to match (letter case, spaces and underscores do not matter) and load the file again, or train a model on your own history.`,
  },
  'numbers.csv': core(
    10,
    {
      // Row 5's tenure "NaN" is a missing marker: imputed and scored, not rejected.
      6: ['MonthlyCharges', 'Monthly charges "Infinity" is not a number (NaN or infinity).'],
      7: ['TotalCharges', 'Total charges 1e+308 is impossible (allowed 0 to 100,000,000).'],
      8: ['tenure', 'Tenure -3 is impossible (allowed 0 to 1,200).'],
      9: ['tenure', 'Tenure 10,000 is impossible (allowed 0 to 1,200).'],
      10: ['MonthlyCharges', 'Monthly charges -12.5 is impossible (allowed 0 to 100,000).'],
    },
    {
      values: [
        [0, 'MonthlyCharges', 1234.5],
        [1, 'tenure', 12],
        [2, 'tenure', 1000],
        [9, 'MonthlyCharges', 79.4],
        [9, 'TotalCharges', 158.8],
      ],
    },
  ),
  'categories.csv': core(
    6,
    {},
    {
      values: [
        [0, 'Contract', 'Month-to-month'],
        [0, 'PaymentMethod', 'Credit card (automatic)'],
        [1, 'Contract', 'Two year'],
        [1, 'PaymentMethod', 'Mailed check'],
        [2, 'Contract', 'One year'],
        [2, 'PaymentMethod', 'Bank transfer (automatic)'],
        [3, 'Contract', null],
        [3, 'PaymentMethod', null],
        [4, 'Contract', null],
        [4, 'PaymentMethod', null],
        [5, 'Contract', 'Two year'],
        [5, 'PaymentMethod', 'Mailed check'],
      ],
    },
  ),
  'telco-full-with-labels.csv': {
    model: 'telco-full',
    rows: 3,
    scored: 3,
    rejected: {},
    ids: ['F-1', 'F-2', 'F-3'],
    values: [
      [1, 'gender', 'Male'],
      [1, 'SeniorCitizen', '1'],
      [1, 'InternetService', 'Fiber optic'],
      [1, 'Contract', 'One year'],
      [2, 'OnlineSecurity', 'No internet service'],
    ],
  },
  'formula-cells.csv': core(3, {}, { ids: ['=HYPERLINK("http://x")', '@SUM(1)', "'=already"] }),
  'spreadsheet.csv': {
    fatal: `spreadsheet.csv looks like an Excel workbook (or another zip archive), not a CSV file. ${RESAVE}`,
  },
  'old-excel.csv': { fatal: `old-excel.csv looks like an old Excel workbook (.xls), not a CSV file. ${RESAVE}` },
  'image.csv': {
    fatal: 'image.csv looks like a PNG image, not a CSV file. Load the customer export itself, as a CSV file.',
  },
  'document.csv': {
    fatal:
      'document.csv looks like a PDF document, not a CSV file. Export the customer list from its source system as CSV instead.',
  },
  'compressed.csv': {
    fatal:
      'compressed.csv looks like a gzip-compressed file, not a CSV file. Decompress it first (it is probably a .csv.gz), then load the CSV inside.',
  },
};

const bytesOf = (name: string) => new Uint8Array(readFileSync(join(FIXTURE_DIR, name)));
const read = (name: string) =>
  readCustomers(new Blob([bytesOf(name)]), name, loadSpecs(), undefined, false, () => {}, new AbortController().signal);

describe('hostile-input corpus', () => {
  it('has one expectation per committed file, and the files are what make-fixtures.ts writes', () => {
    const built = buildFixtures();
    expect(Object.keys(CORPUS).sort()).toEqual([...built.keys()].sort());
    expect(
      readdirSync(FIXTURE_DIR)
        .filter((f) => !['make-fixtures.ts', '.gitattributes'].includes(f))
        .sort(),
    ).toEqual([...built.keys()].sort());
    for (const [name, bytes] of built) expect(bytesOf(name), name).toEqual(bytes);
  });

  it.each(Object.entries(CORPUS))('%s', async (name, expected) => {
    if ('fatal' in expected) {
      const error = await read(name).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(Error);
      expect(error).not.toBeInstanceOf(NeedsMapping);
      expect((error as Error).message).toBe(expected.fatal);
      return;
    }
    if ('mapping' in expected) {
      const error = await read(name).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(NeedsMapping);
      expect((error as NeedsMapping).request).toMatchObject({ fileName: name, reason: expected.mapping });
      expect((error as NeedsMapping).request.preview).toHaveLength(expected.preview);
      return;
    }
    const job = await readAndScore(bytesOf(name), name);
    const { read: r } = job;
    expect(r.spec.id).toBe(expected.model);
    if (expected.encoding) expect(r.streamed.encoding).toBe(expected.encoding);
    expect(r.streamed.delimiter).toBe(expected.delimiter ?? ',');
    expect(await expectRowsAccountedFor(job)).toEqual({
      rows: expected.rows,
      scored: expected.scored,
      rejected: Object.keys(expected.rejected).length,
    });
    for (const [row, [column, reason]] of Object.entries(expected.rejected)) {
      const issues = r.table.issues.filter((i) => i.row === Number(row) && i.kind === 'rejected');
      expect(
        issues.map((i) => [i.column, i.message]),
        `row ${row}`,
      ).toContainEqual([column, expect.stringContaining(reason)]);
    }
    if (expected.ids) expect(r.ids && unpackIds(r.ids)).toEqual(expected.ids);
    if (expected.rowNumbers) expect(Array.from(r.rowNumbers)).toEqual(expected.rowNumbers);
    for (const [index, column, value] of expected.values ?? []) {
      const spec = r.spec.columns.find((c) => c.name === column)!;
      if (spec.type === 'numeric')
        expect(r.table.numeric.get(column)![index], `${column} of row ${index}`).toBeCloseTo(value as number, 9);
      else
        expect(r.table.codes.get(column)![index], `${column} of row ${index}`).toBe(
          value === null ? -1 : spec.categories.indexOf(value as string),
        );
    }
    for (const id of r.ids ? unpackIds(r.ids) : []) expect(id).not.toMatch(/\r/);
    await expectExportLinesUp(job);
  });
});

describe('what the corpus files keep', () => {
  it('keeps line breaks inside quoted values exactly, and none at the end of values', async () => {
    const { read: r } = await readAndScore(bytesOf('mixed-line-endings.csv'));
    expect((await rowCells(r, 0, 4)).map((cells) => cells[6])).toEqual([
      'two\r\nlines',
      'plain',
      'lone\rreturn',
      'last',
    ]);
  });

  it('keeps quotes, delimiters and line breaks inside quoted values', async () => {
    const { read: r } = await readAndScore(bytesOf('quoted-fields.csv'));
    expect((await rowCells(r, 0, 4)).map((cells) => cells[6])).toEqual([
      'a, b; c',
      'line one\nline two\nline three',
      '',
      '5" screen',
    ]);
  });

  it('decodes Windows-1252 punctuation and accents', async () => {
    const { read: r } = await readAndScore(bytesOf('windows-1252.csv'));
    expect((await rowCells(r, 0, 4)).map((cells) => cells[6])).toEqual(['“Café” – été', 'Ölmühle', 'garçon', 'Straße']);
  });

  it('drops no BOM characters into the first header, whatever the encoding', async () => {
    for (const name of ['utf8-bom.csv', 'utf16le-bom.csv', 'utf16be-bom.csv', 'utf8-bom-then-invalid.csv']) {
      const { read: r } = await readAndScore(bytesOf(name));
      expect(r.headers[0], name).toBe('customerID');
    }
  });

  it('reads outcomes, and synonyms, from a full Telco export', async () => {
    const { read: r } = await readAndScore(bytesOf('telco-full-with-labels.csv'));
    expect(Array.from(r.labels!)).toEqual([0, 1, 255]);
  });

  it('shows the duplicated header and a preview in the mapping request', async () => {
    const error = (await read('duplicate-headers.csv').catch((e: unknown) => e)) as NeedsMapping;
    expect(error.request.duplicates).toEqual([{ header: 'tenure', indices: [1, 2] }]);
    expect(error.request.preview[0]).toEqual(['D-0', '0', '1', '70', '70', 'Two year', 'Mailed check']);
  });

  it('maps messy headers by name, alias, case, spacing and units', async () => {
    const { read: r } = await readAndScore(bytesOf('messy-headers.csv'));
    expect(r.mapping).toEqual({ tenure: 1, MonthlyCharges: 2, TotalCharges: 3, Contract: 4, PaymentMethod: 5 });
  });

  it('guards formula-like cells in the export and gets them back with restoreCell', async () => {
    const rows = await expectExportLinesUp(await readAndScore(bytesOf('formula-cells.csv')));
    expect(rows.map((cells) => [cells[0], cells[6]])).toEqual([
      ['\'=HYPERLINK("http://x")', "'+cmd|' /C calc'!A0"],
      ["'@SUM(1)", "'-2+3"],
      ["''=already", '-5'],
    ]);
  });

  it("keeps a ragged row's extra values after the appended columns, so nothing is lost or misplaced", async () => {
    const rows = await expectExportLinesUp(await readAndScore(bytesOf('ragged-rows.csv')));
    expect(rows.map((cells) => cells.length)).toEqual([12, 12, 12, 13, 12]);
    expect(rows[3]!.slice(0, 7)).toEqual(['R-4', '4', '$1', '234.50', '4938', 'One year', 'Mailed check']);
    expect(rows[3]!.at(-1)).toBe('x');
  });

  it('the gzip fixture is a good CSV once decompressed, so the advice in the message works', async () => {
    const job = await readAndScore(new Uint8Array(gunzipSync(bytesOf('compressed.csv'))));
    expect(await expectRowsAccountedFor(job)).toEqual({ rows: 2, scored: 2, rejected: 0 });
  });
});
