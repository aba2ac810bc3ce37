// `npm run bench:cli` (and part of `npm run bench`): the built command line, `churn-radar score`, on
// generated files of 1,000,000 rows (target ≤ 3 s wall) and 10,000,000 rows (target peak resident
// memory ≤ 300 MB), each beside floors measured in the same run. Prints one JSON object on stdout
// when run alone; progress on stderr. No pass/fail: the targets are printed next to the figures.
//   npm run -s bench:cli -- [--rows 1000000,10000000] [--model telco-full]
import { execFileSync, spawn } from 'node:child_process';
import { closeSync, createReadStream, existsSync, openAsBlob, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { availableParallelism, loadavg, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import * as ort from 'onnxruntime-web/wasm';
import Papa from 'papaparse';
import { loadPackage } from '../../src/cli/load-package.ts';
import { scoreFile, type ScoreTimings } from '../../src/cli/score-file.ts';
import { createOnnxScorer } from '../../src/core/scoring/onnx-scorer.ts';
import { recommendedThreshold } from '../../src/core/spec/parse-model-spec.ts';
import { benchFile, type BenchFile } from './generate-bench-files.ts';
import { processMemory } from './process-memory.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const BENCH_DIR = join(ROOT, '.bench');
const CLI = join(ROOT, 'dist-cli', 'churn-radar.mjs');
const TIME = '/usr/bin/time';

export const CLI_TARGETS = { wallSeconds1M: 3, peakResidentMB10M: 300 };

export const CLI_NOTES = [
  'cli: `node dist-cli/churn-radar.mjs score FILE --model telco-full --out FILE --threads 1` (the bundle npx runs), the export written to a file in .bench/ and deleted after; cliTwoThreads: the same with `--threads 2`. wallSeconds is from spawning Node to its exit, as a shell sees it.',
  "peakResidentMB: the child's peak resident set (MB = 10^6 bytes): GNU time's maximum resident set size (from wait4, exact) when /usr/bin/time exists, else /proc/PID/status VmHWM polled every 50 ms.",
  "floors, same run, same file: catSeconds = `cat FILE > /dev/null` (the page cache's speed); nodeReadSeconds = fs.readSync into one 2 MB buffer, nothing else; barePapaSeconds = PapaParse over a Node read stream (utf8), a step callback that counts rows, no columns.",
  "breakdown: the same steps in this process through scoreFile (src/cli/score-file.ts), summed over the pieces: planSeconds is the first pass that finds where to cut, readSeconds the page's reader (bytes to typed columns), featuresSeconds and inferenceSeconds the scorer (onnxruntime-web, one thread), writeSeconds the page's export writer (original row, probability, prediction, band, top reasons, expected benefit, best action) including the disk.",
  'Single runs on a shared 2-core machine: loadAverageAtStart shows how busy it was.',
];

const seconds = (ms: number) => Math.round(ms / 10) / 100;
const log = (line: string) => process.stderr.write(`${line}\n`);

interface ChildRun {
  wallSeconds: number;
  peakResidentMB: number | null;
  how: 'gnu-time' | 'vmhwm';
  exitCode: number | null;
  summary: string;
}

/** Runs the built CLI on a file and measures its wall time and peak resident set. */
function runCli(file: string, model: string, threads = 1): Promise<ChildRun> {
  const out = join(BENCH_DIR, `cli-bench-out-${process.pid}.csv`);
  const report = join(BENCH_DIR, `cli-bench-time-${process.pid}.txt`);
  const args = ['score', file, '--model', model, '--out', out, '--threads', String(threads)];
  const gnuTime = existsSync(TIME);
  const started = performance.now();
  const child = gnuTime
    ? spawn(TIME, ['-f', '%M', '-o', report, process.execPath, CLI, ...args])
    : spawn(process.execPath, [CLI, ...args]);
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
  });
  let hwm = 0;
  // GNU time's child is Node itself; without GNU time, Node is the direct child.
  const poll = gnuTime
    ? undefined
    : setInterval(() => {
        hwm = Math.max(hwm, processMemory(child.pid!)?.hwmBytes ?? 0);
      }, 50);
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      const wallSeconds = seconds(performance.now() - started);
      if (poll) clearInterval(poll);
      rmSync(out, { force: true });
      let peak: number | null = hwm ? hwm / 1e6 : null;
      if (gnuTime) {
        // GNU time reports kilobytes (KiB); its last line is the figure, earlier ones may be the child's exit status.
        const kb = Number(execFileSync('tail', ['-n', '1', report], { encoding: 'utf8' }).trim());
        peak = Number.isFinite(kb) ? (kb * 1024) / 1e6 : null;
        rmSync(report, { force: true });
      }
      resolve({
        wallSeconds,
        peakResidentMB: peak === null ? null : Math.round(peak),
        how: gnuTime ? 'gnu-time' : 'vmhwm',
        exitCode: code,
        summary: stderr.trim().split('\n').pop() ?? '',
      });
    });
  });
}

function timeSync(run: () => void): number {
  const started = performance.now();
  run();
  return seconds(performance.now() - started);
}

function nodeRead(path: string): void {
  const fd = openSync(path, 'r');
  const buffer = Buffer.allocUnsafe(2 * 1024 * 1024);
  while (readSync(fd, buffer, 0, buffer.length, null) > 0);
  closeSync(fd);
}

function barePapa(path: string): Promise<number> {
  const started = performance.now();
  let rows = 0;
  return new Promise((resolve, reject) => {
    Papa.parse(createReadStream(path, { encoding: 'utf8', highWaterMark: 2 * 1024 * 1024 }), {
      step: () => {
        rows++;
      },
      complete: () =>
        rows > 0
          ? resolve(seconds(performance.now() - started))
          : reject(new Error(`PapaParse read no rows from ${path}`)),
      error: reject,
    });
  });
}

export async function floors(path: string) {
  return {
    catSeconds: timeSync(() => execFileSync('sh', ['-c', 'cat "$1" > /dev/null', 'cat', path])),
    nodeReadSeconds: timeSync(() => nodeRead(path)),
    barePapaSeconds: await barePapa(path),
  };
}

/** The same steps as the CLI, in this process, to say where the time goes. */
async function breakdown(path: string, model: string) {
  const loaded = loadPackage(model);
  if (!loaded.ok) throw new Error(loaded.problem);
  const { spec, onnx } = loaded.value;
  ort.env.wasm.numThreads = 1;
  const scorer = await createOnnxScorer(onnx, {
    input: spec.input,
    output: spec.output,
    featureCount: spec.features.length,
  });
  const out = join(BENCH_DIR, `cli-bench-breakdown-${process.pid}.csv`);
  const fd = openSync(out, 'w');
  try {
    const options = {
      spec,
      scorer,
      fileName: path,
      format: 'csv' as const,
      threshold: recommendedThreshold(spec),
      progress: () => {},
    };
    const { timings } = await scoreFile(await openAsBlob(path), options, async (bytes) => void writeSync(fd, bytes));
    return Object.fromEntries(
      Object.entries(timings).map(([k, v]) => [k.replace(/Ms$/, 'Seconds'), seconds(v)]),
    ) as Record<keyof ScoreTimings, number>;
  } finally {
    closeSync(fd);
    rmSync(out, { force: true });
    await scorer.release();
  }
}

export interface CliFileReport {
  rows: number;
  fileMB: number;
  cli: ChildRun;
  /** The same with `--threads 2`: two threads score pieces side by side. */
  cliTwoThreads: ChildRun;
  floors: Awaited<ReturnType<typeof floors>>;
  breakdown?: Record<string, number>;
}

/**
 * Builds the CLI bundle, then for each file: the floors, the CLI as a child process, and (for
 * files up to `breakdownRows`) the in-process breakdown.
 */
export async function benchCli(
  files: BenchFile[],
  model = 'telco-full',
  breakdownRows = 1_000_000,
): Promise<CliFileReport[]> {
  log('Building the command line (npm run build:cli)…');
  execFileSync('npm', ['run', '-s', 'build:cli'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  const reports: CliFileReport[] = [];
  for (const file of files) {
    log(`Floors for ${file.path}…`);
    const measured = await floors(file.path);
    log(`  ${JSON.stringify(measured)}`);
    log(`churn-radar score ${file.path}…`);
    const cli = await runCli(file.path, model);
    log(`  ${cli.wallSeconds} s, peak ${cli.peakResidentMB} MB: ${cli.summary}`);
    log(`churn-radar score ${file.path} --threads 2…`);
    const cliTwoThreads = await runCli(file.path, model, 2);
    log(`  ${cliTwoThreads.wallSeconds} s, peak ${cliTwoThreads.peakResidentMB} MB`);
    const fileMB = Math.round(file.bytes / 1e5) / 10;
    const report: CliFileReport = { rows: file.rows, fileMB, cli, cliTwoThreads, floors: measured };
    if (file.rows <= breakdownRows) {
      log('  where the time goes (in process)…');
      report.breakdown = await breakdown(file.path, model);
      log(`  ${JSON.stringify(report.breakdown)}`);
    }
    reports.push(report);
  }
  return reports;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      rows: { type: 'string', default: '1000000,10000000' },
      model: { type: 'string', default: 'telco-full' },
    },
    strict: true,
  });
  const rows = values.rows.split(',').map((r) => Number(r.trim()));
  if (rows.some((r) => !Number.isInteger(r) || r < 1))
    throw new Error(`--rows must be a comma-separated list of whole numbers, not "${values.rows}"`);
  const loadAtStart = loadavg().map((l) => Math.round(l * 100) / 100);
  const files: BenchFile[] = [];
  for (const count of rows) files.push(await benchFile(BENCH_DIR, { rows: count, seed: 1, labels: false }, log));
  const cli = await benchCli(files, values.model);
  process.stdout.write(
    `${JSON.stringify(
      {
        machine: {
          cores: availableParallelism(),
          memoryGB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
          node: process.version,
          loadAverageAtStart: loadAtStart,
          loadAverageAtEnd: loadavg().map((l) => Math.round(l * 100) / 100),
        },
        cli,
        targets: CLI_TARGETS,
        notes: CLI_NOTES,
      },
      null,
      2,
    )}\n`,
  );
}

// Run alone (npm run bench:cli); main.ts imports benchCli instead.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((error: unknown) => {
    log(`bench:cli failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exitCode = 1;
  });
}
