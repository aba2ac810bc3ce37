import { readdirSync, readFileSync } from 'node:fs';
import type { CDPSession } from '@playwright/test';

export interface ProcessMemory {
  /** Resident set now. */
  rssBytes: number;
  /** Peak resident set since the process started (the kernel's high-water mark). */
  hwmBytes: number;
}

/** VmRSS and VmHWM from /proc/<pid>/status (Linux only); undefined once the process is gone. */
export function processMemory(pid: number): ProcessMemory | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kB = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN) * 1024;
    return { rssBytes: kB('VmRSS'), hwmBytes: kB('VmHWM') };
  } catch {
    return undefined;
  }
}

function threadNames(pid: number): string[] {
  try {
    return readdirSync(`/proc/${pid}/task`).map((task) => {
      try {
        return readFileSync(`/proc/${pid}/task/${task}/comm`, 'utf8').trim();
      } catch {
        return '';
      }
    });
  } catch {
    return [];
  }
}

interface ProcessInfo {
  type: string;
  id: number;
}

export async function rendererPids(browserSession: CDPSession): Promise<number[]> {
  // SystemInfo.getProcessInfo is not in Playwright's typed protocol list, hence the cast.
  const send = browserSession.send.bind(browserSession) as (method: string) => Promise<{ processInfo: ProcessInfo[] }>;
  const { processInfo } = await send('SystemInfo.getProcessInfo');
  return processInfo.filter((p) => p.type === 'renderer').map((p) => p.id);
}

export interface PageRenderer {
  pids: number[];
  /** How the pid was chosen, for the report's notes. */
  how: 'worker-thread' | 'largest-rss' | 'none';
}

/**
 * The renderer that runs our page. CDP does not map targets to pids, and Chromium keeps spare
 * and internal (chrome://) renderers around, so "the new renderer" is unreliable. Instead: the
 * page's dedicated worker runs as a thread named "DedicatedWorker" inside the page's renderer,
 * and only our page starts a worker. Falls back to the largest renderer.
 */
export async function findPageRenderer(
  browserSession: CDPSession,
  exclude: ReadonlySet<number>,
): Promise<PageRenderer> {
  // `exclude`: renderers of earlier runs, which may still be shutting down with their worker thread.
  const pids = (await rendererPids(browserSession)).filter((pid) => !exclude.has(pid));
  const withWorker = pids.filter((pid) => threadNames(pid).some((name) => name.startsWith('DedicatedWorker')));
  if (withWorker.length > 0) return { pids: withWorker, how: 'worker-thread' };
  const sized = pids.map((pid) => ({ pid, rss: processMemory(pid)?.rssBytes ?? 0 })).sort((a, b) => b.rss - a.rss);
  return sized[0] ? { pids: [sized[0].pid], how: 'largest-rss' } : { pids: [], how: 'none' };
}
