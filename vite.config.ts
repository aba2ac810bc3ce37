import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

/**
 * The dev server injects inline scripts (React refresh) that the production CSP in
 * index.html forbids, so the policy is dropped while developing and kept in builds.
 */
const devWithoutCsp: Plugin = {
  name: 'dev-without-csp',
  apply: 'serve',
  transformIndexHtml: (html) => html.replace(/\s*<meta\s+http-equiv="Content-Security-Policy"[^>]*>/, ''),
};

const THEME_COLOUR = '#0b4f96';

/** Favicon, home-screen icon and theme colour; all relative, like every other URL of the build. */
const pwaHeadTags: Plugin = {
  name: 'pwa-head-tags',
  transformIndexHtml: () => [
    { tag: 'link', attrs: { rel: 'icon', href: './icons/icon.svg', type: 'image/svg+xml' }, injectTo: 'head' },
    { tag: 'link', attrs: { rel: 'apple-touch-icon', href: './icons/icon-192.png' }, injectTo: 'head' },
    { tag: 'meta', attrs: { name: 'theme-color', content: THEME_COLOUR }, injectTo: 'head' },
  ],
};

/**
 * Workbox silently leaves out a file above its size limit, which would leave an app that
 * installs, says it is ready offline, and then cannot score. Fail the build instead.
 */
const offlineNeeds = /\.(wasm|onnx)$/;
const precacheComplete = (): Plugin => {
  let outDir = 'dist';
  return {
    name: 'precache-complete',
    apply: 'build',
    configResolved: (config) => {
      outDir = resolve(config.root, config.build.outDir);
    },
    closeBundle: {
      sequential: true,
      order: 'post',
      handler() {
        const sw = readFileSync(join(outDir, 'sw.js'), 'utf8');
        const files = readdirSync(outDir, { recursive: true, encoding: 'utf8' }).map((f) =>
          relative(outDir, join(outDir, f)).replaceAll('\\', '/'),
        );
        const missing = files.filter((f) => offlineNeeds.test(f) && !sw.includes(`"${f}"`));
        if (missing.length)
          throw new Error(
            `The service worker does not precache ${missing.join(', ')}; raise maximumFileSizeToCacheInBytes in vite.config.ts.`,
          );
      },
    },
  };
};

export default defineConfig({
  // Relative asset URLs so the build works from any sub-path or from disk.
  base: './',
  plugins: [
    react(),
    devWithoutCsp,
    pwaHeadTags,
    VitePWA({
      // 'prompt': a new version waits until the user chooses "Reload", so a file being scored is never cut off.
      registerType: 'prompt',
      // Registration happens in src/features/offline/ through virtual:pwa-register; an injected
      // inline script would break the CSP (script-src 'self') and also run from file://.
      injectRegister: false,
      manifest: {
        id: './',
        name: 'Churn Radar',
        short_name: 'Churn Radar',
        description: 'Scores customer churn risk in your browser. Your customer file never leaves this machine.',
        lang: 'en',
        start_url: './',
        scope: './',
        display: 'standalone',
        theme_color: THEME_COLOUR,
        background_color: '#f7f7f9',
        icons: [
          { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: 'icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
          { src: 'icons/icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
        ],
      },
      // The icons are in globPatterns already; the plugin adds the manifest itself.
      includeManifestIcons: false,
      showMaximumFileSizeToCacheInBytesWarning: true,
      workbox: {
        // Everything the page loads to score a file offline: the shell, the worker, ort's .wasm,
        // the model packages (.onnx + spec .json) and the sample. Not the training reports,
        // which only the trainer and tests read.
        globPatterns: ['**/*.{html,js,css,wasm,onnx,json,csv,png,svg}'],
        globIgnores: ['**/*.report.json'],
        // onnxruntime-web's .wasm is ~14 MB, far above Workbox's 2 MiB default, and without it
        // nothing can be scored offline. 20 MiB leaves room for ort upgrades; precacheComplete()
        // fails the build if the .wasm ever outgrows it.
        maximumFileSizeToCacheInBytes: 20 * 1024 * 1024,
        navigateFallback: 'index.html',
        cleanupOutdatedCaches: true,
        // No runtimeCaching: the service worker answers only from its precache of this origin's own
        // files; every other request (there should be none) goes to the network untouched.
        runtimeCaching: [],
      },
    }),
    precacheComplete(),
  ],
  worker: { format: 'es' },
  // Pre-bundling would separate ort's loader from its .wasm in dev.
  optimizeDeps: { exclude: ['onnxruntime-web'] },
  build: { target: 'es2022', chunkSizeWarningLimit: 1024 },
  preview: { port: 4173, strictPort: true },
  server: { port: 5173 },
});
