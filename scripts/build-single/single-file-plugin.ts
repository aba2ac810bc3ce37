import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';
import {
  EMBEDDED_ASSETS_ID,
  EMBEDDED_WORKERS,
  type EmbeddedAssetsJson,
  type EmbeddedWorker,
} from '../../src/app/embedded-format.ts';
import {
  beforeBodyEnd,
  inlineFiles,
  inlineJsonText,
  inlineScripts,
  singleFilePolicy,
  withPolicy,
} from './inline-html.ts';

export interface SingleFileOptions {
  /** The one file written, in the build's outDir. */
  fileName: string;
  /** The folder whose files the page fetches, relative to the project root. */
  publicDir: string;
  /** Which of its files to embed, by their path in it (`models/telco-full.json`). */
  embed: (path: string) => boolean;
  /** An image in that folder to use as the page's icon, if it exists. */
  icon?: string;
}

const text = (source: string | Uint8Array) => (typeof source === 'string' ? source : new TextDecoder().decode(source));
const megabytes = (bytes: number) => `${(bytes / 1e6).toFixed(2)} MB`;

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((name) => relative(dir, join(dir, name)).replaceAll('\\', '/'))
    .filter((path) => statSync(join(dir, path)).isFile())
    .sort();
}

/**
 * Rewrites Vite's output into one HTML file that works opened from disk: the page's script and
 * styles inline, and in a JSON `<script>` the workers (built as a classic script, see
 * `worker.format` in vite.single.config.ts), ort-web's .wasm and the embedded public files, which
 * src/app/embedded-assets.ts hands to the worker. Every other output file is dropped.
 */
export function singleFile(options: SingleFileOptions): Plugin {
  let publicDir = '';
  let outDir = '';
  let written = '';
  return {
    name: 'churn-radar-single-file',
    apply: 'build',
    enforce: 'post',
    configResolved(config) {
      publicDir = resolve(config.root, options.publicDir);
      outDir = resolve(config.root, config.build.outDir);
    },
    generateBundle: {
      order: 'post',
      handler(_output, bundle) {
        const outputs = Object.values(bundle);
        const chunks = outputs.filter((o) => o.type === 'chunk');
        if (chunks.length !== 1)
          this.error(
            `Expected the page's script in one chunk, got ${chunks.map((c) => c.fileName).join(', ')}: the single file cannot load others.`,
          );
        const assets = outputs.filter((o) => o.type === 'asset');
        const only = (what: string, test: RegExp) => {
          const found = assets.filter((a) => test.test(a.fileName));
          if (found.length !== 1) this.error(`Expected one ${what}, got ${found.length}.`);
          return found[0]!;
        };
        const page = only('index.html', /^index\.html$/);
        const wasm = only('.wasm file', /\.wasm$/);
        // Vite names a worker's output after its source file: assets/churn.worker-<hash>.js.
        const scripts = assets.filter((a) => a.fileName.endsWith('.js'));
        const workerScript = (name: EmbeddedWorker) => {
          const base = EMBEDDED_WORKERS[name];
          const found = scripts.filter((a) => a.fileName.replace(/^.*\//, '').startsWith(`${base}-`));
          if (found.length !== 1) this.error(`Expected one ${base} script, got ${found.length}.`);
          return text(found[0]!.source);
        };
        const workers = Object.fromEntries(
          (Object.keys(EMBEDDED_WORKERS) as EmbeddedWorker[]).map((name) => [name, workerScript(name)]),
        ) as Record<EmbeddedWorker, string>;
        if (scripts.length !== Object.keys(workers).length) {
          this.error(
            `Unexpected scripts ${scripts.map((a) => a.fileName).join(', ')}: the single file embeds only ${Object.values(EMBEDDED_WORKERS).join(' and ')}; add a new worker to EMBEDDED_WORKERS.`,
          );
        }

        const byPath = (path: string) => {
          const name = path.replace(/^\.\//, '');
          const found = outputs.find((o) => o.fileName === name);
          if (!found) return undefined;
          return found.type === 'chunk' ? found.code : text(found.source);
        };
        const files = filesUnder(publicDir).filter(options.embed);
        const embedded: EmbeddedAssetsJson = {
          workers,
          wasmGzip: gzipSync(wasm.source, { level: 9 }).toString('base64'),
          files: Object.fromEntries(
            files.map((path) => [path, readFileSync(join(publicDir, path)).toString('base64')]),
          ),
        };

        let html = inlineFiles(text(page.source), byPath);
        if (options.icon && existsSync(join(publicDir, options.icon))) {
          const type = options.icon.endsWith('.svg') ? 'image/svg+xml' : 'image/png';
          const icon = readFileSync(join(publicDir, options.icon)).toString('base64');
          html = html.replace(
            '</head>',
            () => `  <link rel="icon" type="${type}" href="data:${type};base64,${icon}" />\n  </head>`,
          );
        }
        html = beforeBodyEnd(
          html,
          `    <script type="application/json" id="${EMBEDDED_ASSETS_ID}">${inlineJsonText(embedded)}</script>`,
        );
        html = withPolicy(html, singleFilePolicy(inlineScripts(html)));

        for (const name of Object.keys(bundle)) delete bundle[name];
        this.emitFile({ type: 'asset', fileName: options.fileName, source: html });
        written = join(outDir, options.fileName);
        const size = (s: string) => megabytes(Buffer.byteLength(s));
        this.info(
          `embedded: workers ${Object.entries(workers)
            .map(([name, code]) => `${name} ${size(code)}`)
            .join(', ')}, ort-web .wasm ${size(embedded.wasmGzip)} (gzip, base64), ${files.join(', ')}`,
        );
      },
    },
    closeBundle() {
      if (written)
        console.log(
          `\nWrote ${relative(process.cwd(), written)}: ${megabytes(statSync(written).size)} (${statSync(written).size.toLocaleString('en')} bytes). Open it in a browser; it needs no server.`,
        );
    },
  };
}
