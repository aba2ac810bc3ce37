import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { headerTargetsOf, mapHeaders } from '../../src/core/columns/map-headers.ts';
import { parseCsvText } from '../../src/core/csv/parse-csv-text.ts';
import { rocAuc } from '../../src/core/metrics/roc-auc.ts';
import type { ModelSpec } from '../../src/core/spec/model-spec.ts';
import { parseModelSpec } from '../../src/core/spec/parse-model-spec.ts';
import { TableBuilder } from '../../src/core/table/table-builder.ts';
import { csvField, customerCsvChunks, generateCustomers, type GenerateOptions } from './generate-customers.ts';

const TELCO_HEADER =
  'customerID,gender,SeniorCitizen,Partner,Dependents,tenure,PhoneService,MultipleLines,InternetService,' +
  'OnlineSecurity,OnlineBackup,DeviceProtection,TechSupport,StreamingTV,StreamingMovies,Contract,PaperlessBilling,' +
  'PaymentMethod,MonthlyCharges,TotalCharges';
const ADD_ONS = ['OnlineSecurity', 'OnlineBackup', 'DeviceProtection', 'TechSupport', 'StreamingTV', 'StreamingMovies'];
const SAMPLE_URL = new URL('../../public/samples/customers-sample.csv', import.meta.url);

const csv = (options: GenerateOptions) => [...customerCsvChunks(options)].join('');

function table(options: GenerateOptions) {
  const text = csv(options);
  const { header, rows } = parseCsvText(text);
  const records = rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]!])));
  return { text, header, rows, records };
}

function loadSpec(): ModelSpec {
  const parsed = parseModelSpec(
    JSON.parse(readFileSync(new URL('../../public/models/telco-full.json', import.meta.url), 'utf8')),
    'telco-full.json',
  );
  if (!parsed.ok) throw new Error(parsed.problem);
  return parsed.value;
}

// Vocabularies come from the model spec, so the generator is checked against what the app accepts.
const spec = loadSpec();
const allowed = new Map(
  spec.columns.flatMap((c) => (c.type === 'categorical' ? [[c.name, new Set(c.categories)] as const] : [])),
);
allowed.set('Churn', new Set([spec.target.positive, spec.target.negative]));

/** Every rule a generated row must satisfy; returns the broken ones so a failure names them. */
function brokenRules(r: Record<string, string>): string[] {
  const broken: string[] = [];
  for (const [column, values] of allowed)
    if (column in r && !values.has(r[column]!)) broken.push(`${column}=${r[column]}`);
  if (!/^\d{4}-[A-Z]{5}$/.test(r.customerID!)) broken.push('customerID format');
  const tenure = Number(r.tenure);
  if (!/^\d+$/.test(r.tenure!) || tenure > 72) broken.push('tenure 0–72');
  const monthly = Number(r.MonthlyCharges);
  if (!/^\d+\.\d\d$/.test(r.MonthlyCharges!) || monthly < 18.25 || monthly > 118.75) broken.push('MonthlyCharges');
  if ((tenure === 0) !== (r.TotalCharges === ' ')) broken.push('TotalCharges blank iff tenure 0');
  if (tenure > 0) {
    const ratio = Number(r.TotalCharges) / (tenure * monthly);
    if (!/^\d+\.\d\d$/.test(r.TotalCharges!) || ratio < 0.949 || ratio > 1.051)
      broken.push('TotalCharges ≈ tenure × monthly');
  }
  if ((r.PhoneService === 'No') !== (r.MultipleLines === 'No phone service'))
    broken.push('MultipleLines vs PhoneService');
  for (const addOn of ADD_ONS) {
    if ((r.InternetService === 'No') !== (r[addOn] === 'No internet service'))
      broken.push(`${addOn} vs InternetService`);
  }
  return broken;
}

describe('customerCsvChunks', () => {
  it.each([
    [false, TELCO_HEADER],
    [true, `${TELCO_HEADER},Churn`],
  ])('writes the exact Telco header (labels %s)', (labels, header) => {
    expect(csv({ rows: 3, labels, seed: 1 }).split('\n')[0]).toBe(header);
  });

  it.each([1, 7, 250, 1001])('writes %i rows with LF endings and a final newline', (rows) => {
    const text = csv({ rows, labels: true, seed: 3, chunkRows: 100 });
    expect(text).not.toContain('\r');
    expect(text.endsWith('\n')).toBe(true);
    expect(text.split('\n')).toHaveLength(rows + 2);
  });

  it('yields whole lines, and the chunk size does not change the bytes', () => {
    const chunks = [...customerCsvChunks({ rows: 1234, labels: true, seed: 5, chunkRows: 100 })];
    expect(chunks).toHaveLength(1 + 13);
    expect(chunks.every((c) => c.endsWith('\n'))).toBe(true);
    expect(chunks.join('')).toBe(csv({ rows: 1234, labels: true, seed: 5 }));
  });

  it('gives unique, well-formed customer IDs whose letters alone never repeat', () => {
    const ids = [...generateCustomers(20_000, 1)].map((c) => c.customerID);
    expect(ids.every((id) => /^\d{4}-[A-Z]{5}$/.test(id))).toBe(true);
    expect(new Set(ids.map((id) => id.slice(5))).size).toBe(ids.length);
  });

  it('is byte-identical for a seed and different for another', () => {
    const options = { rows: 2000, labels: true, seed: 42 };
    expect(csv(options)).toBe(csv(options));
    expect(csv({ ...options, seed: 43 })).not.toBe(csv(options));
  });

  it('changes nothing but the extra column when labels are asked for', () => {
    const plain = csv({ rows: 500, labels: false, seed: 9 });
    const labelled = csv({ rows: 500, labels: true, seed: 9 });
    expect(labelled.replace(/,[^,\n]*\n/g, '\n')).toBe(plain);
  });

  it('keeps every value in its vocabulary and every consistency rule, including new customers', () => {
    const { records } = table({ rows: 5000, labels: true, seed: 1 });
    expect(records.flatMap((r, i) => brokenRules(r).map((rule) => `row ${i + 2}: ${rule}`))).toEqual([]);
    // The rules above must actually be exercised, not pass vacuously.
    expect(records.some((r) => r.tenure === '0')).toBe(true);
    expect(records.some((r) => r.InternetService === 'No')).toBe(true);
    expect(records.some((r) => r.PhoneService === 'No')).toBe(true);
  });

  it('keeps the rules for any seed', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 32 - 1 }), (seed) => {
        const { records } = table({ rows: 50, labels: true, seed });
        expect(records.flatMap(brokenRules)).toEqual([]);
      }),
      { numRuns: 50 },
    );
  });

  it('churns about a quarter of customers, learnably but not perfectly', () => {
    const customers = [...generateCustomers(20_000, 1)];
    const labels = Uint8Array.from(customers, (c) => (c.Churn === 'Yes' ? 1 : 0));
    const rate = labels.reduce((a, b) => a + b, 0) / labels.length;
    expect(rate).toBeGreaterThan(0.2);
    expect(rate).toBeLessThan(0.32);
    // The drawing probability is the best any model can do; it bounds the AUC a trained model reaches.
    const auc = rocAuc(
      labels,
      customers.map((c) => c.churnProbability),
    );
    expect(auc).toBeGreaterThan(0.75);
    expect(auc).toBeLessThan(0.9);
  });

  it('refuses a row count it cannot give unique IDs to', () => {
    expect(() => [...generateCustomers(26 ** 5 + 1, 1)]).toThrow(RangeError);
    expect(() => [...generateCustomers(1.5, 1)]).toThrow(RangeError);
  });
});

describe('csvField', () => {
  it.each([
    ['Fiber optic', 'Fiber optic'],
    [' ', ' '],
    ['', ''],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['cr\r', '"cr\r"'],
  ])('%j -> %j', (text, expected) => {
    expect(csvField(text)).toBe(expected);
  });
});

describe('the committed sample', () => {
  const sample = readFileSync(SAMPLE_URL, 'utf8');

  it('equals a fresh generation with the same arguments', () => {
    expect(sample).toBe(csv({ rows: 500, labels: true, seed: 1 }));
  });

  it('is read by the app core with no rejected rows and no unknown categories', () => {
    const { header, rows } = parseCsvText(sample);
    const mapping = mapHeaders(header, headerTargetsOf(spec.columns));
    expect(mapping).toMatchObject({ missing: [], ambiguous: [], duplicates: [] });
    const builder = new TableBuilder(spec.columns, mapping.found, { decimalComma: false });
    rows.forEach((r, i) => builder.addRow(r, i + 2));
    const built = builder.finish();

    expect(built.rowCount).toBe(500);
    expect(built.rejected.every((r) => r === 0)).toBe(true);
    // Only new customers' blank totals may need an assumption (tenure × monthly = 0).
    const newCustomerRows = rows.flatMap((r, i) => (r[header.indexOf('tenure')] === '0' ? [i + 2] : []));
    expect(built.issues.map((i) => [i.row, i.kind, i.column])).toEqual(
      newCustomerRows.map((row) => [row, 'imputed', 'TotalCharges']),
    );
  });
});
