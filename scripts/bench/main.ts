// `npm run bench`: scores generated 100k-, 1M- and 10M-row files in Debian's Chromium, then with the
// command line (cli-bench.ts, also `npm run bench:cli` alone), and prints one JSON object of figures on stdout (`npm run -s bench > bench.json` drops npm's own banner).
// Progress goes to stderr. No pass/fail: the targets are printed next to the figures.
import { availableParallelism, loadavg, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium, type Browser } from '@playwright/test';
import { benchCli, CLI_NOTES, CLI_TARGETS } from './cli-bench.ts';
import { benchDecisionCore } from './core-decision.ts';
import { benchTraining } from './train-bench.ts';
import { benchFile, type BenchFile } from './generate-bench-files.ts';
import { measureFile, type RunResult } from './measure-page.ts';
import { serveApp, type Server } from './serve-app.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const BENCH_DIR = join(ROOT, '.bench');

// Issue 9's targets for this machine.
const TARGETS = {
  trainMs100k: 10000,
  readyMs1M: 1200,
  readyMs10M: 12000,
  parseMBpsPerWorker: 250,
  rendererGrowthToFile: 1,
  sliderMs10M: 50,
  sortMs1M: 300,
  sortMs10M: 1500,
  longestTaskMs: 50,
  campaignRecomputeMs1M: 100,
};

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--enable-precise-memory-info',
];

const NOTES = [
  'MB = 10^6 bytes.',
  "floors: measured in the same browser just before the app reads the file: readBytesMs reads the file's bytes in a worker (2 MB reads, nothing else); barePapaMs is a bare PapaParse pass in a worker (Papa's chunked file reader, a step callback that counts rows). parseMBps = file MB / parseMs; readers = how many workers read the file side by side (one per core, at most 8, for UTF-8 files of 32 MiB or more); parseMBpsPerReader = parseMBps / readers.",
  'rendererGrowthToFile: (renderer peak − renderer after the models loaded) / file size.',
  'readyMs: in the page, from the file input\'s change event to the first animation frame after data-state="ready"; wallReadyMs is the same seen from Node (includes Playwright\'s round trips).',
  "parseMs/featuresMs/inferenceMs: the worker's own timings (readMs = reading + parsing + typed columns), from the churn:rendered mark.",
  "handoffMs: churn:scored − file chosen − (parse + features + inference): posting the file to the worker, awaiting the cached models, copying the columns for the page and transferring them back. The worker's clock cannot be compared to the page's directly, so this is the whole remainder rather than the transfer alone.",
  'renderMs: churn:rendered − churn:scored (the mark is set in a passive effect, so it usually lands after the first paint); firstFrameMs: churn:scored → first animation frame after data-state="ready" (render + commit of the results).',
  "sliderMs: keydown (ArrowRight on the focused slider) → first animation frame after the at-risk count and the slider's aria-valuetext changed; the later of the two per press.",
  'sortMs: click on the "Churn probability" header → first animation frame after the visible probabilities changed (includes the worker round trip); ascHeader/descHeader: → after aria-sort changed.',
  'longestTaskMs/longTasksOver50ms: Long Tasks API entries on the main thread between choosing the file and ready; longestTaskAfterReadyMs covers the slider and sort interactions.',
  'pageHeapPeakMB (memoryMB.*.pageHeap): CDP Performance.getMetrics JSHeapUsedSize polled every 100 ms. Typed-array buffers are not in it: memoryMB.*.pageBuffers is Runtime.getHeapUsage backingStorageSize. heapToFile = pageHeapPeakMB / fileMB, as asked; allHeapsToFile sums the page and worker heap and buffer peaks (an upper bound: the peaks need not coincide) and allHeapsGrowthToFile subtracts the same sum before the file was chosen.',
  "workerHeapPeakMB (memoryMB.*.workerHeap/workerBuffers): Runtime.getHeapUsage in the worker through a non-flat CDP auto-attach, polled every 100 ms; it can miss a short spike between samples. Whether wasm memory counts as a worker buffer is V8's choice; rendererPeakMB covers it either way.",
  'rendererPeakMB: VmHWM of the renderer process that hosts the page and its worker (page + worker + wasm + Blink), found by its DedicatedWorker thread; memoryMB.baseline.renderer is its resident set after the models loaded, before the file was chosen.',
  "decisionCore: the decision core in Node at 1M generated rows, as the scoring worker runs it (answer-requests.ts): campaignRecomputeMs = what one input change costs, the campaign curves (400 chart points, exact maximum, realised benefit) and the best N's rows, after each of 5 cost changes, with a value column; campaignOrderOncePerFileMs = the sorts done once per file (in the worker, on the first campaign request); campaignOneValue* = the same with one value for everyone, where the order is the scores the worker already sorted for the page, so nothing more is sorted; floorOnePassMs = one pass reading each sorted amount once (best of 3), the least a recomputation can cost, in the same run; compareTwoFilesCoreMs = matching two 1M-row files by ID (scoring them is measured above).",
  "training: the core trainer in Node (the browser's training worker runs the same code) on generated labelled Telco-shaped files (46 features), outcome Churn = Yes, no config: trainMs from reading the file to the packages, cross-validation of 4 penalties × 5 folds included; stagesMs splits it by the trainer's progress stages; floors.oneFitMs is one fit of the final model at the chosen C from zero on 80 % of the rows, the least any trainer of this model pays; peakRssMB is the Node process's peak so far.",
  'Single runs on a shared machine: machine.loadAverageAtStart (1, 5, 15 min) shows how busy it was when the run started; timings vary by tens of percent between runs.',
];

function readArgs() {
  const { values } = parseArgs({
    options: {
      rows: { type: 'string', default: '100000,1000000,10000000' },
      seed: { type: 'string', default: '1' },
      labels: { type: 'boolean', default: false },
      // Training a million rows takes minutes here; `--training 100000` (or `none`) leaves it out of a quick run.
      training: { type: 'string', default: '100000,1000000' },
      // `--cli none` leaves the command line out (npm run bench:cli runs it alone).
      cli: { type: 'string', default: 'yes' },
    },
    strict: true,
  });
  const rows = values.rows.split(',').map((r) => Number(r.trim()));
  if (rows.some((r) => !Number.isInteger(r) || r < 1))
    throw new Error(`--rows must be a comma-separated list of whole numbers, not "${values.rows}"`);
  const seed = Number(values.seed);
  if (!Number.isInteger(seed) || seed < 0) throw new Error(`--seed must be a whole number, not "${values.seed}"`);
  const training = values.training === 'none' ? [] : values.training.split(',').map((r) => Number(r.trim()));
  if (training.some((r) => !Number.isInteger(r) || r < 1))
    throw new Error(`--training must be a comma-separated list of whole numbers or "none", not "${values.training}"`);
  if (values.cli !== 'yes' && values.cli !== 'none')
    throw new Error(`--cli must be "yes" or "none", not "${values.cli}"`);
  return { rows, seed, labels: values.labels, training, cli: values.cli === 'yes' };
}

const log = (line: string) => process.stderr.write(`${line}\n`);

async function trainings(rows: number[]) {
  const results = [];
  for (const n of rows) results.push(await benchTraining(BENCH_DIR, n, log));
  return results;
}

async function main(): Promise<void> {
  const args = readArgs();
  const loadAtStart = loadavg().map((l) => Math.round(l * 100) / 100);
  const files: BenchFile[] = [];
  for (const rows of args.rows)
    files.push(await benchFile(BENCH_DIR, { rows, seed: args.seed, labels: args.labels }, log));

  let server: Server | undefined;
  let browser: Browser | undefined;
  const cleanUp = () => server?.stop();
  process.once('SIGINT', () => {
    cleanUp();
    process.exit(130);
  });
  try {
    server = await serveApp(ROOT, log);
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
    const browserSession = await browser.newBrowserCDPSession();
    const runs: RunResult[] = [];
    const usedRenderers = new Set<number>();
    for (const file of files) {
      log(`Measuring ${file.path}`);
      runs.push(await measureFile(browser, browserSession, file, usedRenderers, log));
    }
    const chromiumVersion = browser.version();
    await browser.close();
    browser = undefined;
    cleanUp();
    // The command line runs alone: no browser or server competing for the two cores.
    const cli = args.cli ? await benchCli(files) : [];
    const report = {
      machine: {
        cores: availableParallelism(),
        memoryGB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
        node: process.version,
        chromium: chromiumVersion,
        loadAverageAtStart: loadAtStart,
      },
      files: files.map((f) => ({
        rows: f.rows,
        seed: f.seed,
        labels: f.labels,
        path: f.path,
        fileMB: Math.round(f.bytes / 1e5) / 10,
      })),
      runs,
      cli,
      decisionCore: benchDecisionCore(1_000_000),
      training: await trainings(args.training),
      targets: { ...TARGETS, cli: CLI_TARGETS },
      notes: [...NOTES, ...CLI_NOTES],
    };
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  } finally {
    await browser?.close();
    cleanUp();
  }
}

main().catch((error: unknown) => {
  log(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exitCode = 1;
});
