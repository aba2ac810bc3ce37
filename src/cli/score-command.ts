import { createWriteStream, existsSync, openAsBlob } from 'node:fs';
import { basename } from 'node:path';
import { Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import * as ort from 'onnxruntime-web/wasm';
import { EXPORT_CAMPAIGN } from '../core/decision/campaign.ts';
import { createOnnxScorer } from '../core/scoring/onnx-scorer.ts';
import { recommendedThreshold } from '../core/spec/parse-model-spec.ts';
import { buildExport } from '../core/export/export-file.ts';
import { NeedsMapping, readCustomers } from '../core/read/read-customers.ts';
import { scoreTable } from '../core/scoring/score-table.ts';
import type { Io } from './io.ts';
import { loadPackage } from './load-package.ts';

export const SCORE_USAGE = 'usage: churn-radar score FILE --model ID|PATH [--threshold T] [--out FILE|-] [--format csv|json]';

const count = (n: number) => n.toLocaleString('en-US');

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
      args, allowPositionals: true,
      options: { model: { type: 'string' }, threshold: { type: 'string' }, out: { type: 'string', default: '-' }, format: { type: 'string', default: 'csv' }, models: { type: 'string' } },
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
  if (!file || extra.length) return usage(file ? `One file at a time; also given: ${extra.join(' ')}.` : 'Missing FILE: the customer CSV to score.');
  if (!values.model) return usage('Missing --model: a model id (see "churn-radar models") or the path of a spec .json.');
  if (values.format !== 'csv' && values.format !== 'json') return usage(`--format must be csv or json, not "${values.format}".`);
  const threshold = values.threshold === undefined ? undefined : Number(values.threshold);
  if (threshold !== undefined && !(threshold >= 0 && threshold <= 1)) return usage(`--threshold must be a number from 0 to 1, not "${values.threshold}".`);
  const loaded = loadPackage(values.model, values.models);
  if (!loaded.ok) return usage(loaded.problem);
  const { spec, onnx } = loaded.value;
  if (!existsSync(file)) {
    io.error(`Cannot read ${file}: no such file.`);
    return 1;
  }

  const blob = await openAsBlob(file);
  const fileName = basename(file);
  const signal = new AbortController().signal;
  const progress = (phase: string) => (rows: number) => {
    if (io.interactive) process.stderr.write(`\r${phase} ${count(rows)} rows…`);
  };
  let read;
  try {
    read = await readCustomers(blob, fileName, [spec], undefined, false, progress('reading'), signal);
  } catch (error) {
    if (io.interactive) process.stderr.write('\n');
    const message = error instanceof NeedsMapping ? `${fileName}: ${error.request.reason} Rename the headers so each of the model's columns matches one header.` : (error as Error).message;
    io.error(message);
    return 1;
  }
  // One thread: the ESM bundle cannot probe for threads in Node, and scoring is cheap anyway.
  ort.env.wasm.numThreads = 1;
  const scorer = await createOnnxScorer(onnx, { input: spec.input, output: spec.output, featureCount: spec.features.length });
  const scored = await scoreTable(spec, read.table, scorer, progress('scoring'), signal);
  await scorer.release();
  const decideAt = threshold ?? recommendedThreshold(spec);
  const job = { job: 1, fileName, read, probabilities: scored.probabilities, timings: { readMs: 0, featuresMs: scored.featuresMs, inferenceMs: scored.inferenceMs } };
  // The export's parts go to the output as they are made: a 10-million-row file is never one string or Blob.
  const target = values.out === '-' ? process.stdout : createWriteStream(values.out);
  const output = Writable.toWeb(target).getWriter();
  const sink = new WritableStream<Blob>({
    write: async (part) => output.write(new Uint8Array(await part.arrayBuffer())),
    close: async () => (values.out === '-' ? output.releaseLock() : output.close()),
    abort: async (reason) => output.abort(reason),
  });
  // The same decision columns as the page's export with its Campaign panel untouched.
  await buildExport(job, values.format, decideAt, progress('writing'), signal, sink, { campaign: EXPORT_CAMPAIGN, whatIf: true });
  if (io.interactive) process.stderr.write('\r');
  const rejected = read.table.rejected.reduce((s, r) => s + r, 0);
  let atRisk = 0;
  for (const p of scored.probabilities) if (p >= decideAt) atRisk++;
  io.error(`${fileName}: ${count(read.table.rowCount)} rows, ${count(read.table.rowCount - rejected)} scored, ${count(rejected)} rejected, ${count(atRisk)} at risk at threshold ${decideAt} (model ${spec.id})`);
  return read.table.rowCount - rejected > 0 ? 0 : 1;
}
