import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const root = fileURLToPath(new URL('.', import.meta.url));

// The renderer is served from dist-renderer/ by the harness (core/harness/server.ts) and by the
// Electron shell through a custom protocol, so every asset URL is relative and nothing is external.
export default defineConfig({
  root,
  base: './',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../dist-renderer', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    // antd is one large library; the app is loaded from disk, so a single ~1.5 MB chunk is fine.
    chunkSizeWarningLimit: 2500,
  },
  server: { fs: { allow: [fileURLToPath(new URL('..', import.meta.url))] } },
});
