import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EXPORT_CAMPAIGN } from '../decision/campaign.ts';
import { writeTerms } from '../explain/feature-terms.ts';
import { topReasonsText } from '../explain/reasons.ts';
import { planFeatures } from '../model-input/feature-plan.ts';
import { loadSpecs } from '../read/read-and-score.test-support.ts';
import { readCustomers } from '../read/read-customers.ts';
import { dataRowIndex, headerText, rowBlock, type ScoredJob } from '../read/scored-job.ts';
import { referenceProbabilities } from '../scoring/reference-scorer.ts';
import type { ModelSpec } from '../spec/model-spec.ts';
import { ByteWriter } from './byte-writer.ts';
import { csvCells } from './csv-cells.ts';
import { csvField } from './csv-field.ts';
import { decisionColumns, type ExportDecision } from './decision-columns.ts';
import { buildExport } from './export-file.ts';
import { plainRowTest } from './plain-row.ts';
import { rewrittenRow } from './rewritten-row.ts';
import { SCORED_COLUMNS, scoredCells } from './scored-columns.ts';
import { neutraliseCell } from './spreadsheet-safety.ts';

const DELIMITERS = [',', ';', '\t', '|'];
const field = (cell: string, delimiter: string) => csvField(neutraliseCell(cell), delimiter);

describe('the export writer agrees with its cell-by-cell rules', () => {
  it('csvCells writes any cell and any number as csvField(neutraliseCell(…)) of the cell or of toFixed', () => {
    const text = fc.string({ unit: fc.constantFrom(...`-+=@'\t\r\n",;|.0123456789 aé→`) });
    fc.assert(
      fc.property(text, fc.constantFrom(...DELIMITERS, '.', '-', '5'), (cell, delimiter) => {
        expect(csvCells(delimiter).cell(cell)).toBe(field(cell, delimiter));
      }),
      { numRuns: 3000 },
    );
    const numbers = fc.oneof(
      fc.double(),
      fc.float().map((x) => Math.abs(x) % 1),
      fc.constantFrom(0, -0, 1, -1e-9, 1e21, -1e21, 0.00005, 0.99995, 1.005, 2.675, NaN, Infinity),
      // Ties and their neighbours, where the double product can round the other way.
      fc
        .tuple(
          fc.integer({ min: -2_000_000, max: 2_000_000 }),
          fc.constantFrom(100, 10_000),
          fc.integer({ min: -3, max: 3 }),
        )
        .map(([k, scale, step]) => {
          const bits = new BigInt64Array(Float64Array.of((k + 0.5) / scale).buffer);
          bits[0] = bits[0]! + BigInt(step);
          return new Float64Array(bits.buffer)[0]!;
        }),
    );
    fc.assert(
      fc.property(numbers, fc.constantFrom(2, 4), fc.constantFrom(...DELIMITERS, '.', '-', '0'), (x, d, delimiter) => {
        expect(csvCells(delimiter).fixed(x, d)).toBe(field(x.toFixed(d), delimiter));
      }),
      { numRuns: 20_000 },
    );
  });

  it('plainRowTest is the rule it states: no quote, tab or CR, no cell starting like a formula, one cell per header', () => {
    const text = fc.string({ unit: fc.constantFrom(...`-+=@'\t\r\n",;|ab1 é`), maxLength: 12 });
    fc.assert(
      fc.property(text, fc.constantFrom(...DELIMITERS), fc.integer({ min: 1, max: 5 }), (row, delimiter, columns) => {
        const cells = row.split(delimiter);
        const special = ['"', '\t', '\r'].some((c) => c !== delimiter && row.includes(c));
        const trigger = cells.some((c) => /^['=+\-@]/.test(c));
        expect(plainRowTest(delimiter, columns)(row)).toBe(!special && !trigger && cells.length === columns);
      }),
      { numRuns: 3000 },
    );
  });

  it('ByteWriter encodes what it is given as TextEncoder does, lone surrogates and all, across its flushes', () => {
    const piece = fc
      .array(fc.oneof(fc.integer({ min: 0, max: 0x7f }), fc.integer({ min: 0, max: 0xffff })), { maxLength: 40 })
      .map((codes) => String.fromCharCode(...codes));
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), fc.integer({ min: 0, max: 20_000 }), (pieces, padding) => {
        // The padding pushes some additions past the 16,384-character flush, and past the first buffer's size.
        const all = ['x'.repeat(padding), ...pieces, 'é'.repeat(padding)];
        const out = new ByteWriter(16);
        for (const p of all) out.add(p);
        const expected = new TextEncoder().encode(all.join(''));
        // Compared as hex: toEqual walks tens of thousands of elements one by one.
        expect(Buffer.from(out.written()).toString('hex')).toBe(Buffer.from(expected).toString('hex'));
        out.clear();
        expect(out.written()).toHaveLength(0);
      }),
      { numRuns: 100 },
    );
  });
});

/** The export's lines built cell by cell, as the export wrote them before it wrote bytes. */
async function cellByCell(job: ScoredJob, threshold: number, decision: ExportDecision | undefined): Promise<string> {
  const { read, probabilities } = job;
  const spec = read.spec;
  const delimiter = read.streamed.delimiter;
  const plan = planFeatures(spec, read.table);
  const decided = decisionColumns(spec, plan, read.table.numeric, decision);
  const rows = read.table.rowCount;
  const terms = new Float64Array(rows * plan.length);
  writeTerms(spec, plan, 0, rows, terms);
  const reasonsOf = topReasonsText(spec, plan);
  const issues = new Map<number, string>();
  for (const issue of read.table.issues) {
    if (issue.kind !== 'rejected') continue;
    const index = dataRowIndex(read, issue.row);
    issues.set(index, issues.has(index) ? `${issues.get(index)} ${issue.message}` : issue.message);
  }
  const isPlain = plainRowTest(delimiter, read.headers.length);
  const block = await rowBlock(read, 0, rows);
  const cells = block.cells();
  let text = `\uFEFF${await headerText(read)}${delimiter}${[...SCORED_COLUMNS, ...decided.names].join(delimiter)}\r\n`;
  for (let i = 0; i < rows; i++) {
    const p = probabilities[i]!;
    const rejected = read.table.rejected[i] === 1;
    const { original, extra } =
      !rejected && isPlain(block.texts[i]!)
        ? { original: block.texts[i]!, extra: '' }
        : rewrittenRow(cells[i]!, block.texts[i]!, read.headers.length, delimiter, rejected);
    const appended = scoredCells({
      probability: p,
      threshold,
      reasons: Number.isNaN(p) ? '' : reasonsOf(terms, i * plan.length, i),
      issue: issues.get(i) ?? '',
      bands: spec.risk_bands,
    });
    let line = original;
    for (const cell of [...appended, ...decided.cells(i, p, terms, i * plan.length)])
      line += delimiter + field(cell, delimiter);
    text += `${line}${extra}\r\n`;
  }
  return text;
}

async function scored(content: string, specs: ModelSpec[]): Promise<ScoredJob> {
  const signal = new AbortController().signal;
  const read = await readCustomers(new Blob([content]), 'customers.csv', specs, undefined, false, () => {}, signal);
  const plan = planFeatures(read.spec, read.table);
  const probabilities = Float32Array.from(referenceProbabilities(read.spec, plan, read.table.rejected));
  return {
    job: 1,
    fileName: 'customers.csv',
    read,
    probabilities,
    timings: { readMs: 0, featuresMs: 0, inferenceMs: 0 },
  };
}

/** telco-full with labels that need quotes and an apostrophe in every delimiter, so reasons and best actions take the slow path too. */
function hostileLabels(spec: ModelSpec): ModelSpec {
  const labels: Record<string, string> = {
    Contract: '=Contract; "term", |x|',
    tenure: '-Tenure\tin months',
    PaymentMethod: 'Pay; by',
  };
  return { ...spec, columns: spec.columns.map((c) => (labels[c.name] ? { ...c, label: labels[c.name]! } : c)) };
}

const telco = readFileSync(
  fileURLToPath(new URL('../../../../shared/data/telco-customer-churn.csv', import.meta.url)),
  'utf8',
);
const HOSTILE = [
  'customerID;tenure;MonthlyCharges;TotalCharges;Contract;PaymentMethod;Note',
  '=HYPERLINK("x");1;70;70;Month-to-month;Electronic check;+cmd',
  'é→😀;2;70,5;141;Two year;Mailed check;"a; b"',
  '@SUM(1);abc;20;;One year;Bank transfer (automatic);-5',
  "'=x;3;-;;Month-to-month;Electronic check",
  'plain;4;30;120;one year;credit card;x;y;z',
  'short;5',
  '',
].join('\r\n');

describe('buildExport writes, byte for byte, the lines built cell by cell', () => {
  const decision = { campaign: EXPORT_CAMPAIGN, whatIf: true };
  it.each([
    ['the Telco file', telco, false, 0.2627],
    ['the Telco file, labels that need quotes', telco, true, 0.5],
    ['a file of formulas, quotes, short and long rows (;)', HOSTILE, false, 0.3],
    ['a file of formulas, quotes, short and long rows (;), labels that need quotes', HOSTILE, true, 0.3],
    ['the same file with tabs', HOSTILE.replaceAll(';', '\t'), true, 0.3],
  ])('%s', async (_name, content, hostile, threshold) => {
    const specs = hostile ? loadSpecs().map(hostileLabels) : loadSpecs();
    const job = await scored(content, specs);
    for (const chosen of [decision, undefined]) {
      const built = await buildExport(job, 'csv', threshold, () => {}, new AbortController().signal, undefined, chosen);
      // Every byte is valid UTF-8 (a fatal decoder), so equal text is equal bytes; strings compare fast.
      const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(await built.blob!.arrayBuffer());
      expect(text).toBe(await cellByCell(job, threshold, chosen));
    }
  });
});
