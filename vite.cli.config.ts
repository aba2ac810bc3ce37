import { defineConfig } from 'vite';

/**
 * `npm run build:cli`: the command line as one ES module for Node 20 (dist-cli/churn-radar.mjs), so the
 * packed tarball runs without TypeScript. onnxruntime-web stays a dependency: its Emscripten glue
 * finds its .wasm beside itself in node_modules.
 */
export default defineConfig({
  publicDir: false,
  build: {
    // The threads that score pieces of a large file run their own entry (src/cli/piece-pool.ts).
    ssr: true,
    outDir: 'dist-cli',
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    rollupOptions: {
      input: { 'churn-radar': 'bin/churn-radar.ts', 'piece-worker': 'src/cli/piece-worker.ts' },
      output: { entryFileNames: '[name].mjs', chunkFileNames: '[name]-[hash].mjs', banner: '#!/usr/bin/env node' },
    },
  },
  ssr: { noExternal: true, external: ['onnxruntime-web'] },
});
