import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  // Relative asset URLs so the build works from any sub-path or from disk.
  base: './',
  plugins: [react()],
  worker: { format: 'es' },
  // Pre-bundling would separate ort's loader from its .wasm in dev.
  optimizeDeps: { exclude: ['onnxruntime-web'] },
  build: { target: 'es2022', chunkSizeWarningLimit: 1024 },
  preview: { port: 4173, strictPort: true },
  server: { port: 5173 },
});
