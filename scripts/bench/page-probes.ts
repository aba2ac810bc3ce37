// Code that runs inside the page. Playwright sends these functions as source text, so they
// must not use anything from this module's scope at run time (types are fine).

/**
 * tsx compiles with esbuild's keepNames, which wraps inner named functions in a `__name(...)`
 * helper that exists only in Node; Playwright then ships that call to the page. Registering this
 * shim as the first init script lets the probes below use inner functions.
 */
export const NAME_SHIM = 'globalThis.__name = globalThis.__name || ((fn) => fn);';

// tsconfig.node.json deliberately has no DOM lib (it proves the core needs none), so the few
// browser APIs the probes use are declared here, as narrowly as they are used.
interface ProbeElement {
  getAttribute(name: string): string | null;
}
interface ProbeObserver {
  observe(target: unknown, options: Record<string, unknown>): void;
  disconnect(): void;
}
interface ProbeWindow {
  document: {
    addEventListener(type: string, listener: (event: { target: unknown }) => void, capture: boolean): void;
    removeEventListener(type: string, listener: (event: { target: unknown }) => void, capture: boolean): void;
    querySelectorAll(selector: string): Iterable<ProbeElement>;
  };
  performance: { now(): number };
  requestAnimationFrame(callback: () => void): number;
  setTimeout(callback: () => void, ms: number): number;
  MutationObserver: new (callback: (records: { target: unknown }[]) => void) => ProbeObserver;
  PerformanceObserver: new (callback: (list: { getEntries(): { startTime: number; duration: number }[] }) => void) => {
    observe(options: { type: string; buffered: boolean }): void;
  };
  __churnBench?: ProbeState;
}

/** A page-visible value: the joined `attribute` of every element matching `selector`. */
export interface Signal {
  name: string;
  selector: string;
  attribute: string;
}

export interface Interaction {
  /** The DOM event that starts the clock (captured before the app sees it). */
  event: 'keydown' | 'click';
  signals: Signal[];
  timeoutMs: number;
}

/** Per signal: ms from the event to the first animation frame after the signal changed; null if it never did. */
export type InteractionTiming = Record<string, number | null>;

export interface ProbeState {
  /** performance.now() when the file input fired `change`. */
  chosenAt: number | null;
  /** performance.now() in the first animation frame after data-state became "ready". */
  readyAt: number | null;
  longTasks: { start: number; duration: number }[];
  results: Record<number, Promise<InteractionTiming>>;
  arm(id: number, interaction: Interaction): void;
}

/** Init script: records file choice, readiness and long tasks from the first moment of every page. */
export function installProbes(): void {
  const w = globalThis as unknown as ProbeWindow;
  const afterNextFrame = (record: (now: number) => void) => w.requestAnimationFrame(() => record(w.performance.now()));
  const valueOf = (signal: Signal) =>
    Array.from(
      w.document.querySelectorAll(signal.selector),
      (el) => el.getAttribute(signal.attribute) ?? '\u0000',
    ).join('|');

  const state: ProbeState = {
    chosenAt: null,
    readyAt: null,
    longTasks: [],
    results: {},
    arm(id, { event, signals, timeoutMs }) {
      const before = new Map(signals.map((s) => [s.name, valueOf(s)]));
      const timing: InteractionTiming = Object.fromEntries(signals.map((s) => [s.name, null]));
      let startedAt: number | null = null;
      let finish: () => void = () => {};
      state.results[id] = new Promise((resolve) => {
        finish = () => {
          observer.disconnect();
          w.document.removeEventListener(event, onEvent, true);
          resolve(timing);
        };
      });
      const pending = new Set(signals.map((s) => s.name));
      // Signals are re-read on every DOM change after the event; the first change of each is timed to the next frame.
      const observer = new w.MutationObserver(() => {
        if (startedAt === null) return;
        const t0 = startedAt;
        for (const signal of signals) {
          if (!pending.has(signal.name) || valueOf(signal) === before.get(signal.name)) continue;
          pending.delete(signal.name);
          afterNextFrame((now) => {
            timing[signal.name] = now - t0;
            if (Object.values(timing).every((v) => v !== null)) finish();
          });
        }
      });
      const onEvent = () => {
        if (startedAt === null) startedAt = w.performance.now();
      };
      observer.observe(w.document, { subtree: true, childList: true, attributes: true, characterData: true });
      w.document.addEventListener(event, onEvent, true);
      // Counted from arming, so a trigger that never arrives still ends the wait.
      w.setTimeout(() => finish(), timeoutMs);
    },
  };
  w.__churnBench = state;

  try {
    new w.PerformanceObserver((list) => {
      for (const entry of list.getEntries()) state.longTasks.push({ start: entry.startTime, duration: entry.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    // No Long Tasks API: longTasks stays empty and the report says so.
  }

  w.document.addEventListener(
    'change',
    (event) => {
      const target = event.target as ProbeElement | null;
      if (target?.getAttribute?.('data-testid') !== 'file-input') return;
      state.chosenAt = w.performance.now();
      state.readyAt = null;
    },
    true,
  );

  new w.MutationObserver((records) => {
    for (const record of records) {
      const target = record.target as ProbeElement;
      if (state.chosenAt === null || state.readyAt !== null || target.getAttribute('data-state') !== 'ready') continue;
      afterNextFrame((now) => {
        if (state.readyAt === null) state.readyAt = now;
      });
      return;
    }
  }).observe(w.document, { subtree: true, attributes: true, attributeFilter: ['data-state'] });
}

/** Page function: starts watching an interaction; pair with `interactionResult` after triggering it. */
export function armInteraction([id, interaction]: [number, Interaction]): void {
  (globalThis as unknown as ProbeWindow).__churnBench!.arm(id, interaction);
}

export function interactionResult(id: number): Promise<InteractionTiming> {
  return (globalThis as unknown as ProbeWindow).__churnBench!.results[id]!;
}

export function probeTimes(): {
  chosenAt: number | null;
  readyAt: number | null;
  longTasks: { start: number; duration: number }[];
} {
  const { chosenAt, readyAt, longTasks } = (globalThis as unknown as ProbeWindow).__churnBench!;
  return { chosenAt, readyAt, longTasks };
}

export interface MarkEntry {
  name: string;
  startTime: number;
  detail: unknown;
}

export function churnMarks(): MarkEntry[] {
  const w = globalThis as unknown as { performance: { getEntriesByType(type: string): MarkEntry[] } };
  return w.performance
    .getEntriesByType('mark')
    .map((m) => ({ name: m.name, startTime: m.startTime, detail: m.detail }));
}

/** Resolves after two animation frames, so long-task entries for what just ran have been delivered. */
export function settle(): Promise<void> {
  const w = globalThis as unknown as ProbeWindow;
  return new Promise((resolve) =>
    w.requestAnimationFrame(() => w.requestAnimationFrame(() => w.setTimeout(resolve, 50))),
  );
}
