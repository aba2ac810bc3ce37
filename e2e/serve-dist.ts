import { readFile, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const DIST = fileURLToPath(new URL('../dist/', import.meta.url)).replace(/[\\/]?$/, sep);

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.wasm': 'application/wasm',
  '.onnx': 'application/octet-stream',
  '.csv': 'text/csv; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

export interface DistServer {
  /** e.g. http://127.0.0.1:39123 */
  origin: string;
  /** The app's address: origin + prefix. */
  url: string;
  /** Every path the server was asked for, in order. */
  requested: string[];
  close(): Promise<void>;
}

export interface ServeOptions {
  /** Where the app lives, with both slashes: '/tools/churn/'. */
  prefix?: string;
  /** Rewrites a file's bytes before sending (e.g. to stage a new deployment). */
  rewrite?: (path: string, body: Buffer) => Buffer;
}

/**
 * Serves the built dist/ under `prefix` on a free loopback port, the way a plain static host
 * would: the right MIME types (application/wasm for ort), 404 for anything outside the prefix
 * or the folder.
 */
export async function serveDist({ prefix = '/', rewrite }: ServeOptions = {}): Promise<DistServer> {
  const requested: string[] = [];
  const server = createServer(async (request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    requested.push(path);
    const inside = path.startsWith(prefix) ? normalize(join(DIST, path.slice(prefix.length))) : '';
    if (!inside.startsWith(DIST)) {
      response.writeHead(404).end();
      return;
    }
    const file = (await stat(inside).catch(() => undefined))?.isDirectory() ? join(inside, 'index.html') : inside;
    try {
      const body = await readFile(file);
      response.writeHead(200, {
        'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
        'Cache-Control': 'no-cache',
      });
      response.end(rewrite ? rewrite(path.slice(prefix.length), body) : body);
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    url: origin + prefix,
    requested,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
