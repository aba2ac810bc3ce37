/// <reference lib="webworker" />
import { rankScores, type RankedScores } from '../core/decision/ranked-scores.ts';
import { thresholdTables } from '../core/decision/threshold-tables.ts';
import { probabilityHistogram } from '../core/decision/probability-histogram.ts';
import { evaluationCurves, labelledScores } from '../core/metrics/file-evaluation.ts';
import { failureReply, ShownResults } from './answer-requests.ts';
import { addModel, loadModels } from './load-models.ts';
import {
  transferablesOf,
  type InlineAssets,
  type PageToWorker,
  type ScoredDataset,
  type WorkerToPage,
} from './protocol.ts';
import { describeFormat, NeedsMapping, readCustomers } from '../core/read/read-customers.ts';
import { scoreTable } from '../core/scoring/score-table.ts';
import type { ScoredJob } from '../core/read/scored-job.ts';
import { Cancelled } from '../core/cancelled.ts';
import { summariseIssues } from '../core/table/summarise-issues.ts';
import { rejectedCount } from '../core/table/column-table.ts';
import type { ModelSpec } from '../core/spec/model-spec.ts';
import { partReaders, serveParts } from './part-readers.ts';

declare const self: DedicatedWorkerGlobalScope;

const post = (message: WorkerToPage, transfer: Transferable[] = []) => self.postMessage(message, transfer);

const ISSUES_SHOWN = 200;
const PROGRESS_EVERY_MS = 100;
let baseUrl = '';
let inline: InlineAssets | undefined;
const running = new Map<number, AbortController>();
let partPorts: MessagePort[] = [];
/** Whether the page has said where the models are (a worker that only reads parts may never be told). */
let modelsAsked = false;
const shown = new ShownResults(post);

function fileOrder(rows: number): Uint32Array {
  const order = new Uint32Array(rows);
  for (let i = 0; i < rows; i++) order[i] = i;
  return order;
}

/** Copies for the page: the worker keeps its own arrays for sorting and exports. */
function datasetFor(job: ScoredJob, fileBytes: number, ranked: RankedScores): ScoredDataset {
  const { read } = job;
  const issues = read.table.issues;
  const format = describeFormat(read.streamed);
  return {
    job: job.job,
    fileName: job.fileName,
    fileBytes,
    encoding: format.encoding,
    delimiter: format.delimiter,
    modelId: read.spec.id,
    alternatives: read.alternatives,
    headers: read.headers,
    mapping: read.mapping,
    rows: read.table.rowCount,
    rejectedRows: rejectedCount(read.table),
    probabilities: job.probabilities.slice(),
    fileOrder: fileOrder(read.table.rowCount),
    ranked,
    numeric: Object.fromEntries([...read.table.numeric].map(([k, v]) => [k, v.slice()])),
    codes: Object.fromEntries([...read.table.codes].map(([k, v]) => [k, v.slice()])),
    // Only the masks a missing-indicator feature reads: explanations on the page need them.
    missing: Object.fromEntries(
      read.spec.features
        .filter((f) => f.indicator === 'missing')
        .map((f) => [f.column, read.table.missing.get(f.column)!.slice()]),
    ),
    ids: read.ids ? { text: read.ids.text, offsets: read.ids.offsets.slice() } : null,
    labels: read.labels ? read.labels.slice() : null,
    evaluation: read.labels ? evaluationCurves(labelledScores(read.labels, job.probabilities)) : null,
    histogram: probabilityHistogram(job.probabilities),
    tables: thresholdTables(
      read.spec,
      {
        numeric: Object.fromEntries(read.table.numeric),
        codes: Object.fromEntries(read.table.codes),
        labels: read.labels,
      },
      job.probabilities,
    ),
    issues: issues.slice(0, ISSUES_SHOWN),
    issueCount: issues.length,
    issueSummary: summariseIssues(issues),
    timings: job.timings,
  };
}

async function run(job: number, work: (signal: AbortSignal) => Promise<void>): Promise<void> {
  const controller = new AbortController();
  running.set(job, controller);
  try {
    await work(controller.signal);
  } catch (error) {
    if (error instanceof Cancelled || controller.signal.aborted) post({ type: 'cancelled', job });
    else if (error instanceof NeedsMapping) post({ type: 'needs-mapping', request: { ...error.request, job } });
    else post({ type: 'failed', job, message: error instanceof Error ? error.message : String(error) });
  } finally {
    running.delete(job);
  }
}

async function scoreFile({
  job,
  file,
  fileName,
  mapping,
  askMapping,
  keepShown,
  model,
}: Extract<PageToWorker, { type: 'score-file' }>): Promise<void> {
  // One file at a time: a new file cancels whatever is still running. A new mapping of the
  // file on screen keeps its results answering until the new ones replace them.
  for (const controller of running.values()) controller.abort();
  if (!keepShown) shown.show(undefined);
  await run(job, async (signal) => {
    const models = await loadModels(baseUrl, inline);
    // Ten reports a second are enough for a progress bar; one per 2 MB read by each worker was
    // over a thousand page renders for a 10M-row file, on a thread that shares the cores with the readers.
    let lastReport = { phase: '', at: -Infinity };
    const progress = (phase: 'reading' | 'scoring', rows: number, bytes: number) => {
      const now = performance.now();
      if (phase === lastReport.phase && now - lastReport.at < PROGRESS_EVERY_MS) return;
      lastReport = { phase, at: now };
      post({ type: 'progress', progress: { job, phase, rows, bytes, totalBytes: file.size } });
    };
    const scorerOf = (spec: ModelSpec) => models.find((m) => m.spec.id === spec.id)!.scorer;
    const started = performance.now();
    const read = await readCustomers(
      file,
      fileName,
      models.map((m) => m.spec),
      mapping,
      askMapping ?? false,
      (rows, bytes) => progress('reading', rows, bytes),
      signal,
      model,
      partPorts.length
        ? partReaders(partPorts, file, (spec, table, s) => scoreTable(spec, table, scorerOf(spec), () => {}, s))
        : undefined,
    );
    // Parts read side by side come scored; their scoring time is not reading time.
    const readMs = performance.now() - started - (read.scored ? read.scored.featuresMs + read.scored.inferenceMs : 0);
    const { probabilities, featuresMs, inferenceMs } =
      read.scored ??
      (await scoreTable(
        read.spec,
        read.table,
        scorerOf(read.spec),
        (rows) => progress('scoring', rows, file.size),
        signal,
      ));
    // Sorting a million scores takes too long for the page's thread, so it happens here; the
    // worker keeps a copy for the campaign, as the page's is transferred.
    const ranked = rankScores(probabilities);
    const scored: ScoredJob = {
      job,
      fileName,
      read,
      probabilities,
      descending: ranked.descending.slice(),
      timings: { readMs, featuresMs, inferenceMs, readers: read.readers },
    };
    const dataset = datasetFor(scored, file.size, ranked);
    shown.show(scored);
    post({ type: 'scored', dataset }, transferablesOf(dataset));
  });
}

async function route(message: PageToWorker): Promise<void> {
  switch (message.type) {
    case 'load-models':
      baseUrl = message.baseUrl;
      inline = message.inline;
      modelsAsked = true;
      post({ type: 'models-loaded', specs: (await loadModels(baseUrl, inline)).map((m) => m.spec) });
      return;
    case 'part-readers':
      partPorts = message.ports;
      return;
    case 'serve-parts':
      return serveParts(message.port, async (spec) => {
        // The page hands this worker the same models as the one it reads for, so it can score its parts too.
        if (!modelsAsked) return undefined;
        const model = (await loadModels(baseUrl, inline)).find((m) => m.spec.id === spec.id);
        return model && JSON.stringify(model.spec) === JSON.stringify(spec) ? model.scorer : undefined;
      });
    case 'score-file':
      return scoreFile(message);
    case 'cancel':
      running.get(message.job)?.abort();
      return;
    case 'add-model':
      try {
        const added = await addModel(baseUrl, inline, message.specBytes, message.specName, message.onnx);
        post({ type: 'model-added', request: message.request, id: added.id, specs: added.models.map((m) => m.spec) });
      } catch (error) {
        post({ type: 'model-refused', request: message.request, message: (error as Error).message });
      }
      return;
    case 'sort':
    case 'row-details':
    case 'export':
    case 'cancel-export':
    case 'campaign':
      return shown.answer(message);
  }
}

// Whatever goes wrong, the request that caused it gets a reply the page shows.
self.onmessage = async (event: MessageEvent<PageToWorker>) => {
  try {
    await route(event.data);
  } catch (error) {
    const reply = failureReply(event.data, error);
    if (reply) post(reply);
  }
};
