import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvRow } from '../export/csv-field.ts';
import { planFeatures } from '../model-input/feature-plan.ts';
import { createOnnxScorer, type OnnxScorer } from './onnx-scorer.ts';
import { setUpOrtForNode } from './ort-node-setup.test-support.ts';
import { referenceProbabilities } from './reference-scorer.ts';
import type { ModelSpec, SpecColumn } from '../spec/model-spec.ts';
import { TableBuilder } from '../table/table-builder.ts';
import { readCustomers } from '../read/read-customers.ts';
import { scoreTable } from './score-table.ts';
import { loadSpecs } from '../read/read-and-score.test-support.ts';

const specs = loadSpecs();
const scorers = new Map<string, OnnxScorer>();

beforeAll(async () => {
  setUpOrtForNode();
  for (const spec of specs) {
    const bytes = new Uint8Array(
      readFileSync(fileURLToPath(new URL(`../../../public/models/${spec.onnx}`, import.meta.url))),
    );
    scorers.set(
      spec.id,
      await createOnnxScorer(bytes, { input: spec.input, output: spec.output, featureCount: spec.features.length }),
    );
  }
});
afterAll(async () => {
  for (const scorer of scorers.values()) await scorer.release();
});

/** Values as exports write them: plain, padded, currency, thousands, exponents, blanks and nonsense. */
function cellFor(column: SpecColumn): fc.Arbitrary<string> {
  if (column.type === 'categorical') {
    return fc.oneof(
      { weight: 6, arbitrary: fc.constantFrom(...column.categories, ...Object.keys(column.synonyms)) },
      { weight: 1, arbitrary: fc.constantFrom('', ' ', 'Unknown', 'n/a') },
      { weight: 1, arbitrary: fc.string({ maxLength: 6 }) },
    );
  }
  const amount = fc.double({ min: 0, max: column.range.max * 1.5, noNaN: true }).map((x) => Math.round(x * 100) / 100);
  return fc.oneof(
    { weight: 6, arbitrary: amount.map(String) },
    { weight: 1, arbitrary: amount.map((x) => ` ${x} `) },
    { weight: 1, arbitrary: amount.map((x) => `$${x.toLocaleString('en-US')}`) },
    { weight: 1, arbitrary: amount.map((x) => x.toExponential()) },
    { weight: 1, arbitrary: fc.constantFrom('', 'NaN', 'Infinity', '-5', '1e308', 'abc', '(3)') },
  );
}

const modelRows = (spec: ModelSpec) =>
  fc.array(fc.tuple(...spec.columns.map(cellFor)), { minLength: 1, maxLength: 40 });

describe('probabilities', () => {
  it.each(specs.map((s) => [s.id, s] as const))(
    '%s: finite, in [0, 1], and equal to the TypeScript reference on the same rows',
    async (_, spec) => {
      await fc.assert(
        fc.asyncProperty(modelRows(spec), fc.constantFrom(',', ';', '\t', '|'), async (rows, delimiter) => {
          const header = ['customerID', ...spec.columns.map((c) => c.name)];
          const text = [header, ...rows.map((cells, i) => [`P${i}`, ...cells])]
            .map((r) => csvRow(r, delimiter))
            .join('\r\n');
          const read = await readCustomers(
            new Blob([text]),
            'p.csv',
            specs,
            undefined,
            false,
            () => {},
            new AbortController().signal,
          );
          expect(read.spec.id).toBe(spec.id);
          const { probabilities } = await scoreTable(
            spec,
            read.table,
            scorers.get(spec.id)!,
            () => {},
            new AbortController().signal,
          );

          // The reference reads the same cells straight from memory: no file, no streaming, no ONNX.
          const builder = new TableBuilder(spec.columns, new Map(spec.columns.map((c, i) => [c.name, i])), {
            decimalComma: delimiter === ';',
          });
          rows.forEach((cells, i) => builder.addRow(cells, i + 2));
          const table = builder.finish();
          const reference = referenceProbabilities(spec, planFeatures(spec, table), table.rejected);

          expect(Array.from(read.table.rejected)).toEqual(Array.from(table.rejected));
          expect(read.table.issues).toEqual(table.issues);
          expect(
            Float32Array.from(referenceProbabilities(spec, planFeatures(spec, read.table), read.table.rejected)),
          ).toEqual(Float32Array.from(reference));
          rows.forEach((_, i) => {
            const p = probabilities[i]!;
            if (table.rejected[i]) return expect(p).toBeNaN();
            expect(Number.isFinite(p) && p >= 0 && p <= 1).toBe(true);
            expect(Math.abs(p - reference[i]!)).toBeLessThan(1e-5);
          });
        }),
        { numRuns: 200 },
      );
    },
  );
});
