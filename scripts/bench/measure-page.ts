import type { Browser, CDPSession, Page } from '@playwright/test';
import type { BenchFile } from './generate-bench-files.ts';
import { measureFloors, type Floors } from './floors.ts';
import { startMemorySampler, type MemoryFigures, type MemoryReport } from './memory-sampler.ts';
import {
  armInteraction,
  churnMarks,
  installProbes,
  interactionResult,
  NAME_SHIM,
  probeTimes,
  settle,
  type Interaction,
  type InteractionTiming,
  type MarkEntry,
} from './page-probes.ts';
import { APP_URL } from './serve-app.ts';
import { WorkerHeapReader } from './worker-heap.ts';

/** Two minutes, or 30 s per million rows for bigger files (10M rows on a busy 2-core machine). */
const readyTimeoutMs = (rows: number) => Math.max(120_000, (rows / 1e6) * 30_000);
const MODELS_TIMEOUT_MS = 60_000;
const SLIDER_PRESSES = 10;
const MB = 1e6;

const mb = (bytes: number | null) => (bytes === null ? null : round(bytes / MB));
const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;
const roundOrNull = (value: number | null | undefined) => (value === null || value === undefined ? null : round(value));

export interface RunResult {
  rows: number;
  fileMB: number;
  outcome: 'ready' | 'error' | 'mapping' | 'timeout';
  problem?: string;
  /** In the page: file input `change` → first frame with data-state="ready". */
  readyMs: number | null;
  /** Same-run floors: the file's bytes read in a worker, and a bare PapaParse pass (see floors.ts). */
  floors: Floors;
  /** The worker's reading rate: file MB / parseMs (reading, parsing and typed columns). */
  parseMBps: number | null;
  /** How many workers read the file side by side, and the rate per worker (parseMBps / readers). */
  readers: number | null;
  parseMBpsPerReader: number | null;
  /** Renderer peak minus its size after the models loaded, over the file size. */
  rendererGrowthToFile: number | null;
  /** In Node: setInputFiles called → Playwright saw data-state="ready". */
  wallReadyMs: number;
  parseMs: number | null;
  featuresMs: number | null;
  inferenceMs: number | null;
  /** Choice → results arrived, minus the worker's own read/features/inference time (see notes). */
  handoffMs: number | null;
  /** churn:rendered − churn:scored. */
  renderMs: number | null;
  /** churn:scored → first frame with data-state="ready". */
  firstFrameMs: number | null;
  sliderMs: { median: number | null; max: number | null; presses: number; answered: number };
  sortMs: { asc: number | null; desc: number | null; ascHeader: number | null; descHeader: number | null };
  longestTaskMs: number | null;
  longTasksOver50ms: number;
  longestTaskAfterReadyMs: number | null;
  pageHeapPeakMB: number | null;
  workerHeapPeakMB: number | null;
  rendererPeakMB: number | null;
  heapToFile: number | null;
  /** Sum of the page and worker heap and buffer peaks / file: an upper bound, as the peaks need not coincide. */
  allHeapsToFile: number;
  /** The same sum minus its value before the file was chosen (wasm, models and the app's fixed cost). */
  allHeapsGrowthToFile: number;
  rendererToFile: number | null;
  memoryMB: { baseline: MemoryFigures; peak: MemoryFigures };
  notes: string[];
}

interface Timings {
  readMs: number;
  featuresMs: number;
  inferenceMs: number;
  readers?: number;
}

const SLIDER: Interaction = {
  event: 'keydown',
  signals: [
    { name: 'atRisk', selector: '[data-testid="summary-at-risk"]', attribute: 'data-value' },
    { name: 'valueText', selector: '[data-testid="threshold-slider"]', attribute: 'aria-valuetext' },
  ],
  timeoutMs: 5_000,
};

const SORT: Interaction = {
  event: 'click',
  signals: [
    { name: 'header', selector: '[data-testid="results-table"] [aria-sort]', attribute: 'aria-sort' },
    { name: 'rows', selector: '[data-testid="results-table"] [data-probability]', attribute: 'data-probability' },
  ],
  timeoutMs: 30_000,
};

let interactionId = 0;

async function timeInteraction(
  page: Page,
  interaction: Interaction,
  act: () => Promise<void>,
): Promise<InteractionTiming> {
  const id = ++interactionId;
  await page.evaluate(armInteraction, [id, interaction] as [number, Interaction]);
  await act();
  return page.evaluate(interactionResult, id);
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

async function measureSlider(page: Page): Promise<RunResult['sliderMs']> {
  await page.getByTestId('threshold-slider').focus();
  const samples: number[] = [];
  for (let i = 0; i < SLIDER_PRESSES; i++) {
    const timing = await timeInteraction(page, SLIDER, () => page.keyboard.press('ArrowRight'));
    // Both signals change in one React commit unless the app defers one; the later one is what a person waits for.
    const seen = Object.values(timing).filter((v): v is number => v !== null);
    if (seen.length > 0) samples.push(Math.max(...seen));
    await page.waitForTimeout(100);
  }
  return {
    median: roundOrNull(median(samples)),
    max: samples.length ? round(Math.max(...samples)) : null,
    presses: SLIDER_PRESSES,
    answered: samples.length,
  };
}

async function measureSort(page: Page, notes: string[]): Promise<RunResult['sortMs']> {
  const table = page.getByTestId('results-table');
  const button = table.getByRole('button', { name: /Churn probability/ });
  const header = table.getByRole('columnheader', { name: /Churn probability/ });
  const result: RunResult['sortMs'] = { asc: null, desc: null, ascHeader: null, descHeader: null };
  // The first click's direction is the app's choice, so click until both directions were seen.
  const seen = new Set<string | null>();
  for (let click = 0; click < 3 && !(seen.has('ascending') && seen.has('descending')); click++) {
    const timing = await timeInteraction(page, SORT, () => button.click());
    const direction = await header.getAttribute('aria-sort');
    seen.add(direction);
    if (direction === 'ascending')
      Object.assign(result, { asc: roundOrNull(timing.rows), ascHeader: roundOrNull(timing.header) });
    else if (direction === 'descending')
      Object.assign(result, { desc: roundOrNull(timing.rows), descHeader: roundOrNull(timing.header) });
    else notes.push(`A sort click left aria-sort="${direction}".`);
    if (timing.rows === null)
      notes.push(
        `Sorting ${direction ?? '?'}: the visible probabilities did not change within ${SORT.timeoutMs / 1000} s.`,
      );
    await page.waitForTimeout(200);
  }
  return result;
}

function scoringMarks(marks: MarkEntry[]): { scored?: MarkEntry; rendered?: MarkEntry; timings?: Timings } {
  const rendered = marks.filter((m) => m.name === 'churn:rendered').at(-1);
  const job = (rendered?.detail as { job?: number } | null)?.job;
  const scored = marks
    .filter((m) => m.name === 'churn:scored' && (m.detail as { job?: number } | null)?.job === job)
    .at(-1);
  return { scored, rendered, timings: rendered?.detail as Timings | undefined };
}

async function waitForModels(page: Page): Promise<void> {
  // data-state is "loading" until the worker has the models and the runtime in memory.
  await page
    .locator('[data-state="idle"]')
    .waitFor({ timeout: MODELS_TIMEOUT_MS })
    .catch(() => {
      throw new Error('The app did not finish loading its models within 60 s');
    });
}

/** Scores one file in a fresh browser context and measures it; never throws for an app-side failure. */
export async function measureFile(
  browser: Browser,
  browserSession: CDPSession,
  file: BenchFile,
  usedRenderers: Set<number>,
  log: (line: string) => void,
): Promise<RunResult> {
  const notes: string[] = [];
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    // Failed requests are reported with their URL here, so Chromium's URL-less console line for them is skipped.
    page.on(
      'console',
      (message) =>
        message.type() === 'error' &&
        !message.text().startsWith('Failed to load resource') &&
        pageErrors.push(message.text()),
    );
    page.on(
      'response',
      (response) => response.status() >= 400 && pageErrors.push(`HTTP ${response.status()} for ${response.url()}`),
    );
    await page.addInitScript(NAME_SHIM);
    await page.addInitScript(installProbes);
    const cdp = await context.newCDPSession(page);
    const workerHeap = await WorkerHeapReader.attach(cdp);
    await page.goto(APP_URL);
    await waitForModels(page);
    log(`  ${file.rows.toLocaleString('en-US')} rows: floors…`);
    const floors = await measureFloors(page, file.path);

    const sampler = await startMemorySampler({ page: cdp, browser: browserSession, worker: workerHeap, usedRenderers });
    log(`  ${file.rows.toLocaleString('en-US')} rows: choosing the file…`);
    const started = performance.now();
    await page.getByTestId('file-input').setInputFiles(file.path);
    let outcome: RunResult['outcome'] = 'timeout';
    try {
      await page
        .locator('[data-state="ready"], [data-state="error"], [data-state="mapping"]')
        .first()
        .waitFor({ timeout: readyTimeoutMs(file.rows) });
      for (const state of ['ready', 'error', 'mapping'] as const)
        if (await page.locator(`[data-state="${state}"]`).count()) outcome = state;
    } catch {
      notes.push(`No result within ${readyTimeoutMs(file.rows) / 1000} s.`);
    }
    const wallReadyMs = performance.now() - started;
    await page.evaluate(settle).catch(() => {});
    // A little longer, so memory released (or not) right after the first render is seen too.
    await page.waitForTimeout(500);
    const memory = await sampler.stop();
    for (const pid of memory.renderer.pids) usedRenderers.add(pid);
    log(`  ${outcome} after ${(wallReadyMs / 1000).toFixed(1)} s`);

    let problem: string | undefined;
    if (outcome === 'error')
      problem =
        (await page
          .getByTestId('error-message')
          .textContent()
          .catch(() => null)) ?? 'unknown error';
    if (outcome === 'mapping') problem = 'The app asked for a column mapping instead of scoring.';

    const { scored, rendered, timings } = scoringMarks(await page.evaluate(churnMarks).catch(() => []));
    const probes = await page.evaluate(probeTimes).catch(() => ({ chosenAt: null, readyAt: null, longTasks: [] }));
    const { chosenAt, readyAt } = probes;
    const during = probes.longTasks.filter(
      (t) => chosenAt !== null && t.start >= chosenAt && (readyAt === null || t.start <= readyAt),
    );

    let sliderMs: RunResult['sliderMs'] = { median: null, max: null, presses: 0, answered: 0 };
    let sortMs: RunResult['sortMs'] = { asc: null, desc: null, ascHeader: null, descHeader: null };
    if (outcome === 'ready') {
      log('  slider…');
      sliderMs = await measureSlider(page);
      log('  sort…');
      sortMs = await measureSort(page, notes);
      await page.evaluate(settle);
    }
    const after = readyAt === null ? [] : (await page.evaluate(probeTimes)).longTasks.filter((t) => t.start > readyAt);

    const handoffMs =
      scored && timings && chosenAt !== null
        ? scored.startTime - chosenAt - (timings.readMs + timings.featuresMs + timings.inferenceMs)
        : null;
    const { peak } = memory;
    const perFile = (bytes: number | null) => (bytes === null ? null : round(bytes / file.bytes, 2));
    notes.push(...memoryNotes(memory), ...pageErrors.slice(0, 5).map((e) => `Page error: ${e}`));
    if (outcome === 'ready' && !rendered) notes.push('No churn:rendered mark was found.');

    return {
      rows: file.rows,
      fileMB: round(file.bytes / MB),
      outcome,
      ...(problem ? { problem } : {}),
      readyMs: chosenAt !== null && readyAt !== null ? round(readyAt - chosenAt) : null,
      floors: { readBytesMs: roundOrNull(floors.readBytesMs), barePapaMs: roundOrNull(floors.barePapaMs) },
      parseMBps: timings?.readMs ? round(file.bytes / MB / (timings.readMs / 1000)) : null,
      readers: timings?.readers ?? null,
      parseMBpsPerReader: timings?.readMs
        ? round(file.bytes / MB / (timings.readMs / 1000) / (timings.readers ?? 1))
        : null,
      rendererGrowthToFile:
        peak.renderer !== null && memory.baseline.renderer !== null
          ? round((peak.renderer - memory.baseline.renderer) / file.bytes, 2)
          : null,
      wallReadyMs: round(wallReadyMs),
      parseMs: roundOrNull(timings?.readMs),
      featuresMs: roundOrNull(timings?.featuresMs),
      inferenceMs: roundOrNull(timings?.inferenceMs),
      handoffMs: roundOrNull(handoffMs),
      renderMs: scored && rendered ? round(rendered.startTime - scored.startTime) : null,
      firstFrameMs: scored && readyAt !== null ? round(readyAt - scored.startTime) : null,
      sliderMs,
      sortMs,
      longestTaskMs: during.length ? round(Math.max(...during.map((t) => t.duration))) : null,
      longTasksOver50ms: during.filter((t) => t.duration > 50).length,
      longestTaskAfterReadyMs: after.length ? round(Math.max(...after.map((t) => t.duration))) : null,
      pageHeapPeakMB: mb(peak.pageHeap),
      workerHeapPeakMB: mb(peak.workerHeap),
      rendererPeakMB: mb(peak.renderer),
      heapToFile: perFile(peak.pageHeap),
      allHeapsToFile: perFile(heapsTotal(peak))!,
      allHeapsGrowthToFile: perFile(heapsTotal(peak) - heapsTotal(memory.baseline))!,
      rendererToFile: perFile(peak.renderer),
      memoryMB: { baseline: figuresMB(memory.baseline), peak: figuresMB(peak) },
      notes,
    };
  } finally {
    await context.close();
  }
}

const heapsTotal = (m: MemoryFigures) =>
  (m.pageHeap ?? 0) + (m.pageBuffers ?? 0) + (m.workerHeap ?? 0) + (m.workerBuffers ?? 0);

const figuresMB = (m: MemoryFigures): MemoryFigures =>
  Object.fromEntries(Object.entries(m).map(([key, bytes]) => [key, mb(bytes)])) as unknown as MemoryFigures;

function memoryNotes(memory: MemoryReport): string[] {
  const notes: string[] = [];
  if (memory.workerSamples === 0)
    notes.push('The worker never answered a heap reading; rendererPeakMB is the upper bound for the worker.');
  if (memory.renderer.how === 'largest-rss')
    notes.push('No renderer had a DedicatedWorker thread; the largest renderer was measured.');
  if (memory.renderer.how === 'none') notes.push('No renderer process was found; rendererPeakMB is missing.');
  return notes;
}
