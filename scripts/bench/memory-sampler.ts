import type { CDPSession } from '@playwright/test';
import { findPageRenderer, processMemory, type PageRenderer } from './process-memory.ts';
import type { WorkerHeapReader } from './worker-heap.ts';

const INTERVAL_MS = 100;

/** Bytes; null when that source gave no reading. */
export interface MemoryFigures {
  pageHeap: number | null;
  /** ArrayBuffer backing stores are outside JSHeapUsedSize; the page's typed-array columns live here. */
  pageBuffers: number | null;
  workerHeap: number | null;
  workerBuffers: number | null;
  /** Resident set (peak: the kernel's VmHWM, which also catches spikes between samples). */
  renderer: number | null;
}

export interface MemoryReport {
  /** Just before the file is chosen: page loaded, models ready. */
  baseline: MemoryFigures;
  peak: MemoryFigures;
  /** Worker heap readings that came back; a worker busy in one long task may not answer. */
  workerSamples: number;
  renderer: PageRenderer;
}

export interface MemorySampler {
  stop(): Promise<MemoryReport>;
}

interface Sources {
  page: CDPSession;
  browser: CDPSession;
  worker: WorkerHeapReader;
  /** Renderer pids measured by earlier runs. */
  usedRenderers: ReadonlySet<number>;
}

type Readers = { [K in keyof MemoryFigures]: () => Promise<MemoryFigures[K]> };

function readersFor({ page, worker }: Sources, renderer: PageRenderer, peakRss: boolean): Readers {
  const rendererBytes = () => {
    const figures = renderer.pids.map(processMemory).filter((m) => m !== undefined);
    return figures.length ? Math.max(...figures.map((m) => (peakRss ? m.hwmBytes : m.rssBytes))) : null;
  };
  return {
    pageHeap: async () =>
      (await page.send('Performance.getMetrics')).metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? null,
    pageBuffers: async () =>
      ((await page.send('Runtime.getHeapUsage')) as { backingStorageSize?: number }).backingStorageSize ?? null,
    workerHeap: async () => (await worker.usage())?.usedSize ?? null,
    workerBuffers: async () => (await worker.usage())?.backingStorageSize ?? null,
    renderer: async () => rendererBytes(),
  };
}

async function readAll(readers: Readers): Promise<MemoryFigures> {
  const keys = Object.keys(readers) as (keyof MemoryFigures)[];
  const values = await Promise.all(keys.map((key) => readers[key]().catch(() => null)));
  return Object.fromEntries(keys.map((key, i) => [key, values[i]])) as unknown as MemoryFigures;
}

/**
 * Polls every 100 ms until stopped. Each source has its own loop so one that stalls (the page's
 * main thread answers CDP only between tasks) does not hold back the others.
 */
export async function startMemorySampler(sources: Sources): Promise<MemorySampler> {
  await sources.page.send('Performance.enable');
  const renderer = await findPageRenderer(sources.browser, sources.usedRenderers);
  const baseline = await readAll(readersFor(sources, renderer, false));
  const readers = readersFor(sources, renderer, true);
  const peak: MemoryFigures = { ...baseline };
  let workerSamples = 0;
  let running = true;

  const loop = async (key: keyof MemoryFigures) => {
    while (running) {
      const started = Date.now();
      // A reading lost to a busy or closing target is not worth failing the run.
      const value = await readers[key]().catch(() => null);
      if (value !== null) {
        peak[key] = Math.max(peak[key] ?? 0, value);
        if (key === 'workerHeap') workerSamples++;
      }
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, INTERVAL_MS - (Date.now() - started))));
    }
  };
  const loops = (Object.keys(readers) as (keyof MemoryFigures)[]).map(loop);

  return {
    async stop() {
      running = false;
      await Promise.all(loops);
      return { baseline, peak, workerSamples, renderer };
    },
  };
}
