/// <reference lib="webworker" />
import { rankScores } from '../core/decision/ranked-scores.ts';
import { evaluationCurves, labelledScores } from '../core/metrics/file-evaluation.ts';
import { sortOrder, sortOrderByText } from '../core/ordering/sort-order.ts';
import { buildExport } from './export-file.ts';
import { addModel, loadModels } from './load-models.ts';
import { transferablesOf, type ExportKind, type InlineAssets, type PageToWorker, type ScoredDataset, type SortKey, type WorkerToPage } from './protocol.ts';
import { describeFormat, NeedsMapping, readCustomers } from './read-customers.ts';
import { scoreTable } from './score-table.ts';
import { rowCells, type ScoredJob } from './scored-job.ts';
import { Cancelled } from './stream-rows.ts';
import { summariseIssues } from './summarise-issues.ts';

declare const self: DedicatedWorkerGlobalScope;

const post = (message: WorkerToPage, transfer: Transferable[] = []) => self.postMessage(message, transfer);

const ISSUES_SHOWN = 200;
let baseUrl = '';
let inline: InlineAssets | undefined;
let current: ScoredJob | undefined;
const running = new Map<number, AbortController>();
let exporting: AbortController | undefined;

function packIds(ids: string[]): { text: string; offsets: Uint32Array } {
  const offsets = new Uint32Array(ids.length + 1);
  let at = 0;
  ids.forEach((id, i) => {
    offsets[i] = at;
    at += id.length;
  });
  offsets[ids.length] = at;
  return { text: ids.join(''), offsets };
}

/** Copies for the page: the worker keeps its own arrays for sorting and exports. */
function datasetFor(job: ScoredJob, fileBytes: number): ScoredDataset {
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
    rejectedRows: read.table.rejected.reduce((s, r) => s + r, 0),
    probabilities: job.probabilities.slice(),
    // Sorting a million scores takes too long for the page's thread, so it happens here.
    ranked: rankScores(job.probabilities),
    numeric: Object.fromEntries([...read.table.numeric].map(([k, v]) => [k, v.slice()])),
    codes: Object.fromEntries([...read.table.codes].map(([k, v]) => [k, v.slice()])),
    // Only the masks a missing-indicator feature reads: explanations on the page need them.
    missing: Object.fromEntries(read.spec.features.filter((f) => f.indicator === 'missing').map((f) => [f.column, read.table.missing.get(f.column)!.slice()])),
    ids: read.ids ? packIds(read.ids) : null,
    labels: read.labels ? read.labels.slice() : null,
    evaluation: read.labels ? evaluationCurves(labelledScores(read.labels, job.probabilities)) : null,
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

async function scoreFile({ job, file, fileName, mapping, askMapping, model }: Extract<PageToWorker, { type: 'score-file' }>): Promise<void> {
  // One file at a time: a new file cancels whatever is still running.
  for (const controller of running.values()) controller.abort();
  exporting?.abort();
  current = undefined;
  await run(job, async (signal) => {
    const models = await loadModels(baseUrl, inline);
    const progress = (phase: 'reading' | 'scoring', rows: number, bytes: number) => post({ type: 'progress', progress: { job, phase, rows, bytes, totalBytes: file.size } });
    const started = performance.now();
    const read = await readCustomers(file, fileName, models.map((m) => m.spec), mapping, askMapping ?? false, (rows, bytes) => progress('reading', rows, bytes), signal, model);
    const scorer = models.find((m) => m.spec.id === read.spec.id)!.scorer;
    const readMs = performance.now() - started;
    const { probabilities, featuresMs, inferenceMs } = await scoreTable(read.spec, read.table, scorer, (rows) => progress('scoring', rows, file.size), signal);
    current = { job, fileName, read, probabilities, timings: { readMs, featuresMs, inferenceMs } };
    const dataset = datasetFor(current, file.size);
    post({ type: 'scored', dataset }, transferablesOf(dataset));
  });
}

function sortRows(job: ScoredJob, key: SortKey, descending: boolean): Uint32Array {
  const { read } = job;
  if (key === 'probability') return sortOrder(job.probabilities, descending);
  if (key === 'id' && read.ids) return sortOrderByText((i) => read.ids![i]!, read.ids.length, descending);
  const values = read.table.numeric.get(key) ?? read.table.codes.get(key);
  if (!values) throw new Error(`Cannot sort by unknown column ${key}`);
  return sortOrder(values, descending);
}

async function exportFile(job: ScoredJob, kind: ExportKind, threshold: number): Promise<void> {
  exporting?.abort();
  const controller = new AbortController();
  exporting = controller;
  const totalRows = job.read.table.rowCount;
  try {
    const built = await buildExport(job, kind, threshold, (rows) => post({ type: 'export-progress', job: job.job, kind, rows, totalRows }), controller.signal);
    post({ type: 'exported', job: job.job, kind, ...built });
  } catch (error) {
    const cancelled = error instanceof Cancelled || controller.signal.aborted;
    post({ type: 'export-ended', job: job.job, kind, message: cancelled ? undefined : (error as Error).message });
  } finally {
    if (exporting === controller) exporting = undefined;
  }
}

function withJob(job: number, act: (j: ScoredJob) => void): void {
  if (current?.job === job) act(current);
}

self.onmessage = async (event: MessageEvent<PageToWorker>) => {
  const message = event.data;
  switch (message.type) {
    case 'load-models':
      baseUrl = message.baseUrl;
      inline = message.inline;
      try {
        const models = await loadModels(baseUrl, inline);
        post({ type: 'models-loaded', specs: models.map((m) => m.spec) });
      } catch (error) {
        post({ type: 'models-failed', message: (error as Error).message });
      }
      return;
    case 'score-file':
      return scoreFile(message);
    case 'cancel':
      running.get(message.job)?.abort();
      return;
    case 'sort':
      return withJob(message.job, (j) => {
        const order = sortRows(j, message.key, message.descending);
        post({ type: 'sorted', job: j.job, request: message.request, order }, [order.buffer]);
      });
    case 'row-details':
      return withJob(message.job, (j) => post({ type: 'row-details', job: j.job, row: message.row, cells: rowCells(j.read, message.row, message.row + 1)[0] ?? [] }));
    case 'export':
      return withJob(message.job, (j) => void exportFile(j, message.kind, message.threshold));
    case 'cancel-export':
      exporting?.abort();
      return;
    case 'add-model':
      try {
        const added = await addModel(baseUrl, inline, message.specBytes, message.specName, message.onnx);
        post({ type: 'model-added', request: message.request, id: added.id, specs: added.models.map((m) => m.spec) });
      } catch (error) {
        post({ type: 'model-refused', request: message.request, message: (error as Error).message });
      }
      return;
  }
};
