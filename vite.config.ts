import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

/**
 * The dev server injects inline scripts (React refresh) that the production CSP in
 * index.html forbids, so the policy is dropped while developing and kept in builds.
 */
const devWithoutCsp: Plugin = {
  name: 'dev-without-csp',
  apply: 'serve',
  transformIndexHtml: (html) => html.replace(/\s*<meta\s+http-equiv="Content-Security-Policy"[^>]*>/, ''),
};

export default defineConfig({
  // Relative asset URLs so the build works from any sub-path or from disk.
  base: './',
  plugins: [react(), devWithoutCsp],
  worker: { format: 'es' },
  // Pre-bundling would separate ort's loader from its .wasm in dev.
  optimizeDeps: { exclude: ['onnxruntime-web'] },
  build: { target: 'es2022', chunkSizeWarningLimit: 1024 },
  preview: { port: 4173, strictPort: true },
  server: { port: 5173 },
});
