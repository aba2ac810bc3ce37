import { existsSync, openAsBlob } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import * as ort from 'onnxruntime-web/wasm';
import { createOnnxScorer } from '../core/scoring/onnx-scorer.ts';
import { recommendedThreshold } from '../core/spec/parse-model-spec.ts';
import { NeedsMapping } from '../core/read/read-customers.ts';
import { fullCollector } from './collect-garbage.ts';
import type { Io } from './io.ts';
import { loadPackage } from './load-package.ts';
import { openOutput } from './output.ts';
import { piecePool } from './piece-pool.ts';
import { scoreFile } from './score-file.ts';

export const SCORE_USAGE =
  'usage: churn-radar score FILE --model ID|PATH [--threshold T] [--out FILE|-] [--format csv|json] [--threads N]';

const count = (n: number) => n.toLocaleString('en-US');

/**
 * `--threads N` scores the pieces of a large file (over 32 MB) on N threads of their own while the
 * main thread writes: faster on more cores, but each thread holds its own model and piece, so
 * peak memory grows with N (README, "Nightly batch"). One by default, which keeps the memory bound.
 */
const MAX_THREADS = 8;

/**
 * `churn-radar score`: the page's reader, scorer and export writer on a file from disk, so the
 * CSV is byte for byte the page's "Export CSV". Exit 0 when rows were scored, 1 when the file
 * could not be read, 2 for bad usage.
 */
export async function scoreCommand(args: string[], io: Io): Promise<number> {
  let values;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        model: { type: 'string' },
        threshold: { type: 'string' },
        out: { type: 'string', default: '-' },
        format: { type: 'string', default: 'csv' },
        models: { type: 'string' },
        threads: { type: 'string', default: '1' },
      },
    }));
  } catch (error) {
    io.error(`${(error as Error).message}\n${SCORE_USAGE}`);
    return 2;
  }
  const usage = (message: string) => {
    io.error(`${message}\n${SCORE_USAGE}`);
    return 2;
  };
  const [file, ...extra] = positionals;
  if (!file || extra.length)
    return usage(
      file ? `One file at a time; also given: ${extra.join(' ')}.` : 'Missing FILE: the customer CSV to score.',
    );
  if (!values.model)
    return usage('Missing --model: a model id (see "churn-radar models") or the path of a spec .json.');
  if (values.format !== 'csv' && values.format !== 'json')
    return usage(`--format must be csv or json, not "${values.format}".`);
  const threads = Number(values.threads);
  if (!Number.isInteger(threads) || threads < 1 || threads > MAX_THREADS)
    return usage(`--threads must be a whole number from 1 to ${MAX_THREADS}, not "${values.threads}".`);
  const threshold = values.threshold === undefined ? undefined : Number(values.threshold);
  if (threshold !== undefined && !(threshold >= 0 && threshold <= 1))
    return usage(`--threshold must be a number from 0 to 1, not "${values.threshold}".`);
  const loaded = loadPackage(values.model, values.models);
  if (!loaded.ok) return usage(loaded.problem);
  const { spec, onnx } = loaded.value;
  if (!existsSync(file)) {
    io.error(`Cannot read ${file}: no such file.`);
    return 1;
  }

  const fileName = basename(file);
  let shown = { phase: '', rows: 0 };
  const progress = (phase: string, rows: number) => {
    // A redraw per 2 MB read or 10,000 rows written is more than a terminal can show; one per 50,000 rows is plenty.
    if (!io.interactive || (phase === shown.phase && rows - shown.rows < 50_000)) return;
    shown = { phase, rows };
    io.progress(`${phase} ${count(rows)} rows…`);
  };
  // One thread: the ESM bundle cannot probe for threads in Node, and scoring is a small part of the time.
  // onnxruntime-web rather than onnxruntime-node, measured on 1,000,000 rows of telco-full's 49 features
  // (batches of 65,536, load average 7): web 350-530 ms, node 76-80 ms on one thread. Node's saving is under
  // half a second per million rows of a run that takes minutes (README, "Nightly batch"), its probabilities differ from the
  // page's in the last bit on 38 % of rows (so a row exactly at the threshold could flip and the export stop
  // being the page's byte for byte), and its install script downloads from api.nuget.org, which a locked-down
  // machine (this one) cannot reach, so `npm install` of the packed tarball would fail there.
  ort.env.wasm.numThreads = 1;
  const scorer = await createOnnxScorer(onnx, {
    input: spec.input,
    output: spec.output,
    featureCount: spec.features.length,
  });
  const decideAt = threshold ?? recommendedThreshold(spec);
  const output = openOutput(values.out);
  let totals;
  try {
    const format = values.format;
    totals = await scoreFile(
      await openAsBlob(file),
      {
        spec,
        scorer,
        fileName,
        format,
        threshold: decideAt,
        progress,
        collect: fullCollector(),
        pieces:
          threads > 1
            ? (plan) => piecePool(threads, { path: file, fileName, spec, format, threshold: decideAt, plan }, scorer)
            : undefined,
      },
      output.write,
    );
  } catch (error) {
    if (io.interactive) io.progress('');
    const message =
      error instanceof NeedsMapping
        ? `${fileName}: ${error.request.reason} Rename the headers so each of the model's columns matches one header.`
        : (error as Error).message;
    io.error(message);
    await output.discard();
    return 1;
  } finally {
    await scorer.release();
  }
  await output.finish();
  if (io.interactive) io.progress('');
  const { rows, rejected, atRisk } = totals;
  io.error(
    `${fileName}: ${count(rows)} rows, ${count(rows - rejected)} scored, ${count(rejected)} rejected, ${count(atRisk)} at risk at threshold ${decideAt} (model ${spec.id})`,
  );
  return rows - rejected > 0 ? 0 : 1;
}
