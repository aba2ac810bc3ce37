import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { singleFile } from './scripts/build-single/single-file-plugin.ts';

/**
 * `npm run build:single`: the whole app as one HTML file that works opened from disk, with no
 * server and no network (see DEVELOPERS.md). Separate from vite.config.ts, whose build is served.
 */
export default defineConfig({
  base: './',
  plugins: [
    react(),
    // No service worker from file://; disabled, the plugin still answers virtual:pwa-register with a no-op.
    VitePWA({ disable: true, injectRegister: false }),
    singleFile({
      fileName: 'churn-radar.html',
      publicDir: 'public',
      // The model packages (not the training reports) and the sample; the rest is for the served app.
      embed: (path) =>
        (/^models\/[^/]+\.(json|onnx)$/.test(path) && !path.endsWith('.report.json')) ||
        /^samples\/[^/]+\.csv$/.test(path),
      icon: 'icons/icon.svg',
    }),
  ],
  // A page opened from file:// cannot start a module worker from a blob: URL, but can start a classic one.
  worker: { format: 'iife' },
  // The public files are embedded, not copied.
  publicDir: false,
  build: {
    target: 'es2022',
    outDir: 'dist-single',
    emptyOutDir: true,
    // One inline script: nothing to preload.
    modulePreload: false,
  },
});
