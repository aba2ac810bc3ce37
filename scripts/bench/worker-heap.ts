import type { CDPSession } from '@playwright/test';

export interface HeapUsage {
  usedSize: number;
  /** ArrayBuffer backing stores (typed arrays, maybe wasm memory) live outside the JS heap proper. */
  backingStorageSize?: number;
}

/**
 * Reads the JS heap of the page's dedicated worker(s).
 *
 * Playwright attaches to workers itself but exposes no heap figure, and `performance.memory`
 * exists only on Window. Its CDPSession cannot address a flat child session either, so this uses
 * CDP's older non-flat mode: the page session auto-attaches to workers and wraps each command in
 * Target.sendMessageToTarget. Must be created before the page starts its worker.
 */
export class WorkerHeapReader {
  private readonly workers = new Set<string>();
  private readonly pending = new Map<number, (usage: HeapUsage | undefined) => void>();
  private nextId = 1;

  private constructor(private readonly session: CDPSession) {
    session.on('Target.attachedToTarget', (event) => {
      if (event.targetInfo.type === 'worker') this.workers.add(event.sessionId);
    });
    session.on('Target.detachedFromTarget', (event) => {
      if (event.sessionId) this.workers.delete(event.sessionId);
    });
    session.on('Target.receivedMessageFromTarget', (event) => {
      const reply = JSON.parse(event.message) as { id?: number; result?: HeapUsage };
      if (reply.id === undefined) return;
      this.pending.get(reply.id)?.(reply.result);
      this.pending.delete(reply.id);
    });
  }

  static async attach(session: CDPSession): Promise<WorkerHeapReader> {
    const reader = new WorkerHeapReader(session);
    await session.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: false, flatten: false });
    return reader;
  }

  get attached(): number {
    return this.workers.size;
  }

  /** Summed over attached workers; undefined when none answers within `timeoutMs` (e.g. busy in one long task). */
  async usage(timeoutMs = 1_000): Promise<HeapUsage | undefined> {
    const replies = await Promise.all([...this.workers].map((sessionId) => this.ask(sessionId, timeoutMs)));
    const answered = replies.filter((r): r is HeapUsage => r !== undefined);
    if (answered.length === 0) return undefined;
    return {
      usedSize: answered.reduce((sum, r) => sum + r.usedSize, 0),
      backingStorageSize: answered.reduce((sum, r) => sum + (r.backingStorageSize ?? 0), 0),
    };
  }

  private ask(sessionId: string, timeoutMs: number): Promise<HeapUsage | undefined> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        resolve(undefined);
      }, timeoutMs);
      this.pending.set(id, (usage) => {
        clearTimeout(timer);
        resolve(usage);
      });
      const message = JSON.stringify({ id, method: 'Runtime.getHeapUsage' });
      this.session.send('Target.sendMessageToTarget', { sessionId, message }).catch(() => {
        clearTimeout(timer);
        this.pending.delete(id);
        resolve(undefined);
      });
    });
  }
}
