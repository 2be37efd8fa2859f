/**
 * Builds the dashboard into dist/, which `vigil serve` serves at `/` (hashed assets under /assets, cached as
 * immutable). `npm run dev -w @vigil/web` is not wired: the app is always tried against a real server's build.
 */
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  root: import.meta.dirname,
  base: '/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // ECharts is loaded by the pages that draw charts, not by the first page (the overview draws SVG itself).
    chunkSizeWarningLimit: 700,
  },
});
