import type { Page, Worker } from '@playwright/test';
import { expect } from '@playwright/test';

/**
 * Long work that waits for the test instead of for the machine: the test pauses the scoring
 * worker at a known point, acts (cancel, a second file, an accessibility check), then lets it go on.
 * Everything here is installed into the running worker by Playwright; the app has no switch for it
 * (scripts/bundle-budget.test.ts checks that the built bundle holds none of these names).
 */
interface Gate {
  /** Resolves when the worker has reached the held point. */
  reached: Promise<void>;
  /** Lets the worker go on. */
  release(): void;
}
type HeldScope = typeof globalThis & { churnTestGate?: Gate };
/**
 * Opens the gate when the worker receives this message from the page (e.g. 'cancel'), right after
 * the worker's own handler has seen it: the held work then goes on knowing about the message, with
 * no race between the page's message and the test's release.
 */
type Opener = 'cancel' | 'cancel-export';

/** The training worker, once the Train view has started it. */
export async function trainingWorker(page: Page): Promise<Worker> {
  const isTraining = (w: Worker) => w.url().includes('train.worker');
  await expect.poll(() => page.workers().some(isTraining), { timeout: 20_000 }).toBe(true);
  return page.workers().find(isTraining)!;
}

/**
 * The training worker takes the page's 'train' message and waits for the test before it starts, so
 * the page shows training in progress for as long as the test needs. The wait is before the training
 * because src/worker/train.worker.ts trains in one synchronous run, with no point inside to pause.
 */
export async function holdTraining(worker: Worker): Promise<void> {
  await worker.evaluate(() => {
    const scope = self as HeldScope;
    let release!: () => void;
    let reach!: () => void;
    const opened = new Promise<void>((r) => (release = r));
    scope.churnTestGate = { reached: new Promise<void>((r) => (reach = r)), release };
    const route = self.onmessage!;
    self.onmessage = (event: MessageEvent<{ type?: string }>) => {
      if (event.data?.type !== 'train') return route.call(self, event);
      reach();
      void opened.then(() => route.call(self, event));
    };
  });
}

/**
 * The scoring worker, once the page has started it: found by its name, as the copies that read
 * parts of large files run the same script (src/app/scoring-worker.ts names them all).
 */
export async function scoringWorker(page: Page): Promise<Worker> {
  let found: Worker | undefined;
  await expect
    .poll(
      async () => {
        for (const worker of page.workers()) {
          const name = await worker.evaluate(() => (self as unknown as { name: string }).name).catch(() => '');
          if (name === 'churn-radar-scoring') found = worker;
        }
        return found !== undefined;
      },
      { timeout: 20_000 },
    )
    .toBe(true);
  return found!;
}

/**
 * A file of exactly `size` bytes is read up to `afterBytes`, then its stream waits for the test.
 * Other files read as usual. The worker reads a file through Blob.stream() (src/core/read/stream-rows.ts),
 * and slices it first, so the held file is known by its size, which a slice keeps.
 */
export async function holdReading(worker: Worker, size: number, afterBytes: number, openOn?: Opener): Promise<void> {
  await worker.evaluate(
    ([heldSize, limit, opener]) => {
      const scope = self as HeldScope;
      let release!: () => void;
      let reach!: () => void;
      const opened = new Promise<void>((r) => (release = r));
      scope.churnTestGate = { reached: new Promise<void>((r) => (reach = r)), release };
      if (opener)
        self.addEventListener('message', (e: MessageEvent<{ type?: string }>) => e.data?.type === opener && release());
      const stream = Blob.prototype.stream;
      Blob.prototype.stream = function held(this: Blob) {
        const real = stream.call(this) as ReadableStream<Uint8Array>;
        if (this.size !== heldSize) return real;
        const reader = real.getReader();
        let sent = 0;
        let leftover: Uint8Array | undefined;
        return new ReadableStream({
          type: 'bytes',
          async pull(controller) {
            if (sent >= limit) {
              reach();
              await opened;
            }
            let chunk = leftover;
            leftover = undefined;
            if (!chunk) {
              const { value, done } = await reader.read();
              if (done) return controller.close();
              chunk = value;
            }
            // Never a byte past `limit` before the gate opens, so the hold falls exactly there.
            if (sent < limit && sent + chunk.length > limit) {
              leftover = chunk.slice(limit - sent);
              chunk = chunk.subarray(0, limit - sent);
            }
            controller.enqueue(chunk.slice());
            sent += chunk.length;
          },
          cancel: (reason) => reader.cancel(reason),
        });
      } as typeof Blob.prototype.stream;
    },
    [size, afterBytes, openOn] as const,
  );
}

/** An export pauses after its first batch, where it yields to the worker's message queue. */
export async function holdExportBatches(worker: Worker, openOn?: Opener): Promise<void> {
  await worker.evaluate((opener) => {
    const scope = self as HeldScope;
    let release!: () => void;
    let reach!: () => void;
    const opened = new Promise<void>((r) => (release = r));
    scope.churnTestGate = { reached: new Promise<void>((r) => (reach = r)), release };
    if (opener)
      self.addEventListener('message', (e: MessageEvent<{ type?: string }>) => e.data?.type === opener && release());
    const real = self.setTimeout.bind(self);
    // src/core/export/export-file.ts yields with setTimeout(…, 0) between batches of rows.
    self.setTimeout = ((fn: () => void, ms?: number) => {
      if (ms) return real(fn, ms);
      reach();
      void opened.then(() => real(fn, 0));
      return 0;
    }) as typeof self.setTimeout;
  }, openOn);
}

export const heldPointReached = (worker: Worker) => worker.evaluate(() => (self as HeldScope).churnTestGate!.reached);
export const releaseHeld = (worker: Worker) => worker.evaluate(() => (self as HeldScope).churnTestGate!.release());
