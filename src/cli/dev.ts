// `npm run dev [-- --content DIR] [--port N] [--host H] [--synthetic N]`: build the graph from the notes
// and serve the map with live updates. Binds to 127.0.0.1 unless told otherwise.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createServer } from 'vite';
import { syntheticGraph } from '../view/synthetic.js';
import { papermap } from './vite-plugin.js';
import type { GraphSource } from './vite-plugin.js';

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The graph of a notes folder, rebuilt incrementally (only changed files are read and parsed again). */
export async function directorySource(contentDir: string): Promise<GraphSource> {
  // Loaded here so `--synthetic` runs without the notes pipeline.
  const { createBuilder } = await import('../pipeline.js');
  const { buildFromDirectory } = await import('./build-from-directory.js');
  const builder = createBuilder({});
  let first = true;
  return {
    contentDir,
    build: async () => {
      // The first build reads the whole folder; later full builds (vite build) also do.
      const r = await buildFromDirectory(contentDir, first ? { builder } : {});
      first = false;
      return r.graph;
    },
    rebuild: async (changed) => {
      const rel = changed.map((f) => path.relative(contentDir, f).split(path.sep).join('/'));
      return (await buildFromDirectory(contentDir, { builder, changed: rel })).graph;
    },
  };
}

export function syntheticSource(papers: number): GraphSource {
  const graph = syntheticGraph({ papers });
  return { contentDir: null, build: async () => graph };
}

export interface DevOptions {
  content: string;
  port: number;
  host: string;
  synthetic: number | null;
}

export function parseDevArgs(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): DevOptions {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      content: { type: 'string' },
      port: { type: 'string' },
      host: { type: 'string' },
      synthetic: { type: 'string' },
    },
    strict: true,
  });
  const port = Number(values.port ?? env.PORT ?? 5173);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`papermap dev: bad --port ${values.port}`);
  const synthetic = values.synthetic === undefined ? null : Number(values.synthetic);
  if (synthetic !== null && (!Number.isInteger(synthetic) || synthetic < 1)) {
    throw new Error(`papermap dev: bad --synthetic ${values.synthetic}`);
  }
  return {
    content: path.resolve(values.content ?? env.PAPERMAP_CONTENT ?? path.join(PROJECT_ROOT, 'content')),
    port,
    host: values.host ?? '127.0.0.1',
    synthetic,
  };
}

export async function startDevServer(opts: DevOptions, log: (line: string) => void = console.log) {
  const source =
    opts.synthetic !== null ? syntheticSource(opts.synthetic) : await directorySource(opts.content);
  const server = await createServer({
    configFile: path.join(PROJECT_ROOT, 'vite.config.ts'),
    root: PROJECT_ROOT,
    logLevel: 'warn',
    clearScreen: false,
    server: { host: opts.host, port: opts.port, strictPort: false },
    plugins: [papermap({ source, log })],
  });
  await server.listen();
  return server;
}

async function main(): Promise<void> {
  const opts = parseDevArgs(process.argv.slice(2));
  const server = await startDevServer(opts);
  const url = server.resolvedUrls?.local[0] ?? `http://${opts.host}:${opts.port}/`;
  console.log(
    `papermap: serving ${opts.synthetic !== null ? `a synthetic graph of ${opts.synthetic} papers` : opts.content}`,
  );
  console.log(`papermap: open ${url}`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
