import { defineConfig } from 'vite';

/**
 * `npm run build:cli`: the command line as one ES module for Node 20 (dist-cli/churn-radar.mjs), so the
 * packed tarball runs without TypeScript. onnxruntime-web stays a dependency: its Emscripten glue
 * finds its .wasm beside itself in node_modules.
 */
export default defineConfig({
  publicDir: false,
  build: {
    ssr: 'bin/churn-radar.ts',
    outDir: 'dist-cli',
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    rollupOptions: { output: { entryFileNames: 'churn-radar.mjs', banner: '#!/usr/bin/env node' } },
  },
  ssr: { noExternal: true, external: ['onnxruntime-web'] },
});
