// Vite builds the page (index.html + src/app) once, into dist-app/, with no data: `npm run build:app`.
// The papermap command serves that prebuilt page with the graph's data (src/cli/server.ts) or writes it
// with the data as a static site (src/cli/site.ts); Vite is not needed at run time.
import { defineConfig } from 'vite';

export default defineConfig({
  // Relative asset URLs: the static site works from any folder of any static file server.
  base: './',
  // public/ holds build:graph's output for other tools; the page must never ship a graph of other notes.
  publicDir: false,
  server: { host: '127.0.0.1', port: 5173 },
  preview: { host: '127.0.0.1' },
  // Pre-bundle every browser dependency at start-up, so the first page load never triggers Vite's
  // "new dependencies found, reloading" round trip (it would drop an open page's state).
  optimizeDeps: {
    entries: ['index.html'],
    include: [
      'sigma',
      'sigma/rendering',
      'graphology',
      'd3',
      'marked',
      'dompurify',
      'graphology-gexf/browser',
    ],
  },
  build: {
    outDir: 'dist-app',
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 1200,
  },
});
