// Base Vite config for the map app. `npm run dev` (src/cli/dev.ts) and `npm run build`
// (src/cli/build-site.ts) add the papermap plugin, which builds the graph from the notes.
import { defineConfig } from 'vite';

export default defineConfig({
  // Relative asset URLs: the static site works from any folder of any static file server.
  base: './',
  // public/ holds build:graph's output for other tools; the site gets its data from the papermap plugin,
  // and must never pick up a graph built from another notes folder.
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
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 1200,
  },
});
