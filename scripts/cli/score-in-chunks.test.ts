import { existsSync, mkdtempSync, openAsBlob, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as ort from 'onnxruntime-web/wasm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cutByBytes } from '../../src/cli/byte-cuts.ts';
import { planChunks, type ChunkPlan } from '../../src/cli/chunk-plan.ts';
import { piecePool } from '../../src/cli/piece-pool.ts';
import { loadPackage, type LoadedPackage } from '../../src/cli/load-package.ts';
import { scoreFile } from '../../src/cli/score-file.ts';
import { createOnnxScorer, type OnnxScorer } from '../../src/core/scoring/onnx-scorer.ts';
import { recommendedThreshold } from '../../src/core/spec/parse-model-spec.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SAMPLE = join(ROOT, 'public/samples/customers-sample.csv');
const TELCO = join(ROOT, '../shared/data/telco-customer-churn.csv');
const CORPUS = join(ROOT, 'test/fixtures/bad-input');
const corpus = readdirSync(CORPUS)
  .filter((f) => /\.(csv|tsv)$/.test(f))
  .sort()
  .map((f) => join(CORPUS, f));

let pkg: LoadedPackage;
let scorer: OnnxScorer;

beforeAll(async () => {
  const loaded = loadPackage('telco-full');
  if (!loaded.ok) throw new Error(loaded.problem);
  pkg = loaded.value;
  ort.env.wasm.numThreads = 1;
  scorer = await createOnnxScorer(pkg.onnx, {
    input: pkg.spec.input,
    output: pkg.spec.output,
    featureCount: pkg.spec.features.length,
  });
});
afterAll(() => scorer.release());

/** The export's bytes and totals, or the message the file was refused with. */
async function score(
  path: string,
  cut: { chunkRows: number; wholeFileBytes: number; chunkBytes?: number; threads?: number; model?: OnnxScorer },
  format: 'csv' | 'json' = 'csv',
) {
  const parts: Uint8Array[] = [];
  const model = cut.model ?? scorer;
  const options = {
    spec: pkg.spec,
    scorer: model,
    fileName: 'f.csv',
    format,
    threshold: recommendedThreshold(pkg.spec),
    progress: () => {},
    ...cut,
    pieces: cut.threads
      ? (plan: ChunkPlan) =>
          piecePool(
            cut.threads!,
            { path, fileName: 'f.csv', spec: pkg.spec, format, threshold: recommendedThreshold(pkg.spec), plan },
            model,
          )
      : undefined,
  };
  try {
    const { rows, rejected, atRisk } = await scoreFile(
      await openAsBlob(path),
      options,
      async (bytes) => void parts.push(bytes.slice()),
    );
    return { totals: { rows, rejected, atRisk }, bytes: Buffer.concat(parts) };
  } catch (error) {
    return { refused: (error as Error).message };
  }
}

const whole = { chunkRows: 100_000, wholeFileBytes: Infinity };
const wholeExports = new Map<string, ReturnType<typeof score>>();
/** The file read whole, as the page reads it: computed once per file, the reference every cut is compared with. */
const readWhole = (path: string) => {
  if (!wholeExports.has(path)) wholeExports.set(path, score(path, whole));
  return wholeExports.get(path)!;
};

describe('scoring a large file piece by piece', () => {
  it('cuts the sample and the Telco file where rows start, into pieces of the asked size', async () => {
    const plan = await planChunks(await openAsBlob(SAMPLE), 'sample.csv', 7);
    expect(plan?.starts).toHaveLength(Math.ceil(500 / 7));
    expect(plan!.prefixEnd).toBe(plan!.starts[0]);
    expect(await planChunks(await openAsBlob(TELCO), 'telco.csv', 1000)).toMatchObject({ starts: expect.any(Array) });
  });

  it('reads whole what only the whole-file path reads as the page does: Windows-1252, UTF-16, quoting left to PapaParse', async () => {
    for (const name of [
      'windows-1252.csv',
      'utf16le-bom.csv',
      'unterminated-quote-last-row.csv',
      'text-after-closing-quote-one-line.csv',
    ]) {
      expect(await planChunks(await openAsBlob(join(CORPUS, name)), name, 1), name).toBeUndefined();
    }
  });

  it('reads whole a file whose header has a quote, which may hold a line break', async () => {
    const [header, ...rows] = readFileSync(SAMPLE, 'utf8').split('\n');
    const path = join(mkdtempSync(join(tmpdir(), 'churn-chunks-')), 'quoted-header.csv');
    writeFileSync(path, [header!.replace('Contract', '"Contract\r\n(plan)"'), ...rows].join('\n'));
    expect(await planChunks(await openAsBlob(SAMPLE), 'sample.csv', 7)).toBeDefined();
    expect(await planChunks(await openAsBlob(path), 'quoted-header.csv', 7)).toBeUndefined();
    const pieces = await score(path, { chunkRows: 7, wholeFileBytes: 0 });
    expect(pieces.bytes!.length).toBeGreaterThan(50_000);
    expect(pieces).toEqual(await readWhole(path));
  });

  it.each([
    [SAMPLE, 7],
    [SAMPLE, 1],
    [SAMPLE, 499],
    [TELCO, 1000],
  ])("%s in pieces of %i rows writes the whole file's export byte for byte", async (path, chunkRows) => {
    expect(existsSync(path)).toBe(true);
    const pieces = await score(path, { chunkRows, wholeFileBytes: 0 });
    const once = await readWhole(path);
    expect(pieces.bytes!.length).toBeGreaterThan(50_000);
    expect(pieces).toEqual(once);
  });

  it('gives the same bytes, totals or refusal on every file of the bad-input corpus, cut into one-row pieces', async () => {
    let cut = 0;
    for (const path of corpus) {
      if (await planChunks(await openAsBlob(path), 'f.csv', 1)) cut++;
      expect(await score(path, { chunkRows: 1, wholeFileBytes: 0 }), path).toEqual(await readWhole(path));
    }
    // Most of the corpus is cut; the rest checks the fallback.
    expect(cut).toBeGreaterThan(15);
  });

  it('reads a JSON export whole, as its totals come before its rows', async () => {
    const json = await score(SAMPLE, { chunkRows: 7, wholeFileBytes: 0 }, 'json');
    expect(json).toEqual(await score(SAMPLE, whole, 'json'));
    expect(JSON.parse(json.bytes!.toString('utf8')).total_customers).toBe(500);
  });

  it('cuts a file with no quote after line breaks, about every chunkBytes, before a row', async () => {
    const bytes = readFileSync(TELCO);
    const plan = (await cutByBytes(await openAsBlob(TELCO), 100_000))!;
    expect(plan.prefixEnd).toBe(bytes.indexOf(0x0a) + 1);
    expect(plan.starts[0]).toBe(plan.prefixEnd);
    expect(plan.starts.length).toBe(Math.floor((bytes.length - plan.prefixEnd) / 100_000) + 1);
    plan.starts.slice(1).forEach((start, i) => {
      expect(bytes[start - 1]).toBe(0x0a);
      expect(String.fromCharCode(bytes[start]!)).toMatch(/[0-9A-Za-z]/);
      expect(start - plan.starts[i]!).toBeGreaterThanOrEqual(100_000);
      expect(start - plan.starts[i]!).toBeLessThan(100_400);
    });
  });

  it("leaves to the reader's own first pass a file with a quote, not UTF-8, with NUL bytes or a blank header", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'churn-cuts-'));
    const sample = readFileSync(SAMPLE, 'utf8');
    const cases: [string, string | Buffer][] = [
      ['quote-at-the-end.csv', `${sample}X,"late quote"\n`],
      ['windows-1252.csv', Buffer.concat([Buffer.from(sample), Buffer.from([0x41, 0x2c, 0xe9, 0x0a])])],
      ['nul.csv', `${sample}A,\u0000\n`],
      ['blank-header.csv', ` , ,\n${sample}`],
    ];
    expect(await cutByBytes(await openAsBlob(SAMPLE), 1000)).toBeDefined();
    for (const [name, content] of cases) {
      writeFileSync(join(dir, name), content);
      expect(await cutByBytes(await openAsBlob(join(dir, name)), 1000), name).toBeUndefined();
    }
    expect(await cutByBytes(await openAsBlob(join(CORPUS, 'utf16le-bom.csv')), 1)).toBeUndefined();
  });

  // Cuts after every line are the corpus test's below; here, pieces of a few rows to a few thousand.
  it.each([
    [SAMPLE, 800],
    [SAMPLE, 5000],
    [TELCO, 200_000],
  ])("%s cut every %i bytes writes the whole file's export byte for byte", async (path, chunkBytes) => {
    const pieces = await score(path, { chunkRows: 1, chunkBytes, wholeFileBytes: 0 });
    expect(pieces.bytes!.length).toBeGreaterThan(50_000);
    expect(pieces).toEqual(await readWhole(path));
  });

  it('gives the same bytes, totals or refusal on every file of the bad-input corpus, cut after every line', async () => {
    let cut = 0;
    for (const path of corpus) {
      if (await cutByBytes(await openAsBlob(path), 1)) cut++;
      expect(await score(path, { chunkRows: 1, chunkBytes: 1, wholeFileBytes: 0 }), path).toEqual(
        await readWhole(path),
      );
    }
    // A quarter of the corpus has no quote and is cut this way; the rest checks the fallback.
    expect(cut).toBeGreaterThanOrEqual(10);
  });

  // Each thread reads, scores and writes its pieces with its own copy of the model; the main thread joins them in order.
  it('the sample cut every 5,000 bytes and scored on 3 threads writes the same bytes', async () => {
    const pieces = await score(SAMPLE, { chunkRows: 1, chunkBytes: 5000, wholeFileBytes: 0, threads: 3 });
    expect(pieces.bytes!.length).toBeGreaterThan(50_000);
    expect(pieces).toEqual(await readWhole(SAMPLE));
  });

  it("on threads, scores with the main thread's model, and a batch it cannot score fails the run with its reason", async () => {
    let batches = 0;
    const counting: OnnxScorer = { score: (f, rows) => (batches++, scorer.score(f, rows)), release: async () => {} };
    const pieces = await score(SAMPLE, {
      chunkRows: 1,
      chunkBytes: 20_000,
      wholeFileBytes: 0,
      threads: 2,
      model: counting,
    });
    expect(pieces).toEqual(await readWhole(SAMPLE));
    expect(batches).toBe(Math.ceil(statSync(SAMPLE).size / 20_000));
    const failing: OnnxScorer = {
      score: () => Promise.reject(new Error('The model ran out of memory.')),
      release: async () => {},
    };
    expect(
      await score(SAMPLE, { chunkRows: 1, chunkBytes: 20_000, wholeFileBytes: 0, threads: 2, model: failing }),
    ).toEqual({ refused: 'The model ran out of memory.' });
  });

  // Cut by the reader's pass (quoted-fields, refused by a thread) and by bytes (rejected rows; a mapping question).
  it('on threads, gives the same refusal or bytes for files cut by the reader and files it refuses', async () => {
    for (const name of ['quoted-fields.csv', 'ragged-rows.csv', 'duplicate-headers.csv']) {
      const path = join(CORPUS, name);
      expect(await score(path, { chunkRows: 2, chunkBytes: 1, wholeFileBytes: 0, threads: 2 }), name).toEqual(
        await readWhole(path),
      );
    }
  });
});
