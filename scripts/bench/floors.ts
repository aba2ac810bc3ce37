import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from '@playwright/test';

/**
 * The floors each figure is printed beside, measured in the same browser and run: reading the
 * file's bytes in a worker (2 MB reads, nothing done with them) and a bare PapaParse pass over
 * it (Papa's own chunked file reader, a step callback that only counts rows, no columns).
 */
export interface Floors {
  readBytesMs: number | null;
  barePapaMs: number | null;
}

const PAPA_SOURCE = readFileSync(createRequire(import.meta.url).resolve('papaparse/papaparse.min.js'), 'utf8');

// Runs in a blob: worker (the app's CSP allows them); Papa is loaded first and then replaced as onmessage.
const FLOOR_WORKER = `
self.onmessage = async (event) => {
  const { file, what } = event.data;
  const started = performance.now();
  if (what === 'bytes') {
    const reader = file.stream().getReader({ mode: 'byob' });
    let buffer = new ArrayBuffer(2 * 1024 * 1024);
    for (;;) {
      const { value, done } = await reader.read(new Uint8Array(buffer));
      if (done) break;
      buffer = value.buffer;
    }
    postMessage(performance.now() - started);
    return;
  }
  let rows = 0;
  Papa.parse(file, { chunkSize: 2 * 1024 * 1024, step: () => { rows++; }, complete: () => postMessage(performance.now() - started) });
};`;

// tsconfig.node.json has no DOM lib (see page-probes.ts): the browser APIs used in the page, narrowly.
interface FloorInput {
  type: string;
  hidden: boolean;
  files: unknown[] | null;
  remove(): void;
}
interface FloorWorker {
  onmessage: ((event: { data: number }) => void) | null;
  onerror: (() => void) | null;
  postMessage(message: unknown): void;
  terminate(): void;
}
interface FloorWindow {
  document: { createElement(tag: 'input'): FloorInput; body: { append(element: FloorInput): void } };
  Worker: new (url: string) => FloorWorker;
  URL: { createObjectURL(blob: Blob): string; revokeObjectURL(url: string): void };
}

/** Each floor in a fresh worker, on the file chosen through a separate hidden input. */
export async function measureFloors(page: Page, path: string): Promise<Floors> {
  const input = await page.evaluateHandle(() => {
    const win = globalThis as unknown as FloorWindow;
    const element = win.document.createElement('input');
    element.type = 'file';
    element.hidden = true;
    win.document.body.append(element);
    return element;
  });
  await input.asElement()!.setInputFiles(path);
  const run = (what: 'bytes' | 'papa') =>
    page.evaluate(
      ({ source, what: kind, element }) =>
        new Promise<number | null>((resolve) => {
          const win = globalThis as unknown as FloorWindow;
          const url = win.URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
          const worker = new win.Worker(url);
          worker.onmessage = (event) => {
            worker.terminate();
            win.URL.revokeObjectURL(url);
            resolve(event.data);
          };
          worker.onerror = () => resolve(null);
          worker.postMessage({ file: element.files![0], what: kind });
        }),
      { source: `${PAPA_SOURCE}\n${FLOOR_WORKER}`, what, element: input },
    );
  const readBytesMs = await run('bytes');
  const barePapaMs = await run('papa');
  await input.evaluate((element) => element.remove());
  return { readBytesMs, barePapaMs };
}
