import { spawn, type ChildProcess } from 'node:child_process';

export const APP_URL = 'http://localhost:4173/';

// start.mjs may build first, and a cold Vite build of the app takes a while on a small machine.
const START_TIMEOUT_MS = 600_000;

async function answers(url: string): Promise<boolean> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
    return response.ok;
  } catch {
    return false;
  }
}

export interface Server {
  /** True when this run started the server (and so must stop it). */
  started: boolean;
  stop(): void;
}

/**
 * Uses whatever already serves the app on 4173 (e.g. a running `npm start`); otherwise runs
 * scripts/start.mjs, which builds when the sources are newer than dist/ and then serves it.
 * With CI set, as on the shared machine, it refuses a server it did not start: that server
 * may be another checkout's build (a 10M-row run once measured one), so its figures would
 * not be this code's.
 */
export async function serveApp(root: string, log: (line: string) => void): Promise<Server> {
  if (await answers(APP_URL)) {
    if (process.env.CI)
      throw new Error(
        `Something already serves ${APP_URL}, possibly another checkout's build. With CI set the benchmark measures only the build it starts: stop that server and run again.`,
      );
    log(`Using the server already answering on ${APP_URL}`);
    return { started: false, stop: () => {} };
  }
  log('Starting scripts/start.mjs (builds if dist/ is stale)…');
  // Its own process group, so stopping it also stops the `npx vite preview` it spawns.
  // Its output goes to stderr: stdout is reserved for the benchmark's JSON.
  const child: ChildProcess = spawn(process.execPath, ['scripts/start.mjs'], {
    cwd: root,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.pipe(process.stderr);
  child.stderr?.pipe(process.stderr);
  let exited: number | null | undefined;
  child.on('exit', (code) => {
    exited = code;
  });
  const stop = () => {
    if (child.pid !== undefined && exited === undefined) {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        // Already gone.
      }
    }
  };

  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (exited !== undefined)
      throw new Error(`scripts/start.mjs exited with code ${exited} before serving the app (did the build fail?)`);
    if (await answers(APP_URL)) return { started: true, stop };
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  stop();
  throw new Error(`Nothing answered on ${APP_URL} within ${START_TIMEOUT_MS / 1000} s`);
}
