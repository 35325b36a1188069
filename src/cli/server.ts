// The live map: a small HTTP server for the prebuilt page (dist-app/) and the graph's data, which it
// rebuilds as notes change and announces to open pages over a Server-Sent Events stream. It answers only
// the page's own files (an exact list read at start-up), `/data/*`, `/data/events` and two same-origin POSTs
// (open a note, append a correction); anything else is a
// plain 404 that names nothing. No CORS headers: other sites cannot read the notes through it, and with a
// loopback address it answers only requests whose Host is that address (no DNS rebinding).
import { watch, type FSWatcher } from 'node:fs';
import { readFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Diagnostic, SerializedGraph } from '../types.js';
import { toLazyViewFiles } from '../view/bundle.js';
import type { BundleOptions, LazyViewFiles } from '../view/bundle.js';
import { appendCorrection, noteLinesReader, openInEditor } from './note-files.js';
import { APP_DIR } from './paths.js';
import { listFiles, pageHtml } from './site.js';

/** Where graphs come from: a full build, and a rebuild after some content files changed. */
export interface GraphSource {
  /** Absolute content folder to watch, or null (e.g. a synthetic graph). */
  contentDir: string | null;
  build(): Promise<SerializedGraph>;
  /** `changed` are absolute paths of added, changed or deleted files. Defaults to a full build. */
  rebuild?(changed: readonly string[]): Promise<SerializedGraph>;
  /** Stop anything the source started (workers). */
  close?(): Promise<void>;
}

export interface ServerOptions {
  source: GraphSource;
  host: string;
  /** Port to try first; the next free one is used if it is taken (0: any free port). */
  port: number;
  appDir?: string | null;
  remoteImages?: boolean | null;
  bundle?: BundleOptions | null;
  /** Debounce for bursts of file events (editors write several times per save). */
  debounceMs?: number;
  log?: (line: string) => void;
}

export interface DevStatus {
  ok: boolean;
  message: string;
  diagnostics: Diagnostic[];
}

export interface PageServer {
  url: string;
  port: number;
  httpServer: http.Server;
  close(): Promise<void>;
}

const problemKey = (d: Diagnostic) => `${d.file}\u0000${d.rule}\u0000${d.message}`;
const isProblem = (d: Diagnostic) => d.severity !== 'info';

/**
 * Problems (errors and warnings) in `next` that `prev` did not have; line numbers may shift, so they are
 * not compared. The parser reports a half-written note as warnings and still builds what it can; a rebuild
 * with new problems is held back so the page keeps the last good map until the note is fixed.
 */
export function newProblems(prev: readonly Diagnostic[], next: readonly Diagnostic[]): Diagnostic[] {
  const before = new Set(prev.filter(isProblem).map(problemKey));
  return next.filter((d) => isProblem(d) && !before.has(problemKey(d)));
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json; charset=utf-8',
  '.woff2': 'font/woff2',
};

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);

/** The Host header's name without the port. */
function hostName(host: string): string {
  return host.startsWith('[') ? host.slice(0, host.indexOf(']') + 1) : (host.split(':')[0] ?? '');
}

export async function startServer(options: ServerOptions): Promise<PageServer> {
  const { source, debounceMs = 60 } = options;
  const log = options.log ?? (() => undefined);
  const appDir = options.appDir ?? APP_DIR;

  // The page's files, read once: only these paths are ever answered besides /data/.
  const app = new Map<string, { body: Buffer; type: string; immutable: boolean }>();
  let rels: string[];
  try {
    rels = await listFiles(appDir);
    if (!rels.includes('index.html')) throw new Error('no index.html');
  } catch {
    throw new Error(`papermap: the page is not built (${appDir}); run \`npm run build:app\``);
  }
  for (const rel of rels) {
    let body = await readFile(path.join(appDir, ...rel.split('/')));
    if (rel === 'index.html') {
      body = Buffer.from(pageHtml(body.toString('utf8'), { remoteImages: options.remoteImages, live: true }));
    }
    const entry = {
      body,
      type: TYPES[path.extname(rel)] ?? 'application/octet-stream',
      immutable: rel.startsWith('assets/'),
    };
    app.set(`/${rel}`, entry);
    if (rel === 'index.html') app.set('/', entry);
  }

  let files: LazyViewFiles = { build: '', get: () => undefined };
  let accepted: SerializedGraph | null = null;
  // Build ids: a content hash of the map plus this salt, so a page never mixes detail chunks of two builds
  // (even across a restart) while only the map is serialized per rebuild.
  const session = `${process.pid}-${Date.now()}`;
  let generation = 0;
  let status: DevStatus = { ok: true, message: '', diagnostics: [] };
  const streams = new Set<http.ServerResponse>();

  // Detail chunks carry a few lines of the note around each entry (shown when no editor can be opened),
  // read afresh for each build.
  const bundleFor = (): BundleOptions => ({
    ...options.bundle,
    noteLines: source.contentDir ? noteLinesReader(source.contentDir) : null,
  });
  const accept = (graph: SerializedGraph) => {
    if (graph !== accepted) files = toLazyViewFiles(graph, `${session}-${++generation}`, bundleFor());
    accepted = graph;
    status = { ok: true, message: '', diagnostics: [] };
  };
  const announce = (event: string, data: unknown) => {
    const text = `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
    for (const res of streams) res.write(text);
  };

  accept(await source.build());

  const loopbackOnly = LOOPBACK.has(options.host);
  const notFound = (res: http.ServerResponse) => {
    res.statusCode = 404;
    res.setHeader('Content-Type', 'text/plain; charset=utf-8');
    res.end('Not found');
  };

  const openNote = source.contentDir ? openInEditor(source.contentDir) : null;
  const correct = source.contentDir ? appendCorrection(source.contentDir) : null;
  const handle = (req: http.IncomingMessage, res: http.ServerResponse): void => {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');
    res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
    if (loopbackOnly && !LOOPBACK.has(hostName(req.headers.host ?? ''))) {
      res.statusCode = 421;
      res.end('Misdirected request');
      return;
    }
    // The one action: open a note in the user's editor (same-origin POSTs, notes inside the folder only).
    if (openNote && (req.url ?? '').split('?')[0] === '/__papermap/open') return openNote(req, res);
    // The one write: a correction line appended to the corrections file (same-origin JSON POSTs only).
    if (correct && (req.url ?? '').split('?')[0] === '/__papermap/correct') return correct(req, res);
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.statusCode = 405;
      res.setHeader('Allow', 'GET, HEAD');
      res.end();
      return;
    }
    const raw = req.url ?? '/';
    const q = raw.search(/[?#]/);
    const pathname = q < 0 ? raw : raw.slice(0, q);
    const page = app.get(pathname);
    if (page) {
      res.setHeader('Content-Type', page.type);
      res.setHeader('Cache-Control', page.immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
      res.end(req.method === 'HEAD' ? undefined : page.body);
      return;
    }
    if (!pathname.startsWith('/data/')) return notFound(res);
    const name = pathname.slice('/data/'.length);
    if (name === 'events') {
      res.writeHead(200, {
        'Content-Type': 'text/event-stream; charset=utf-8',
        'Cache-Control': 'no-cache',
        Connection: 'keep-alive',
      });
      res.write(`event: hello\ndata: ${JSON.stringify({ build: files.build })}\n\n`);
      streams.add(res);
      req.on('close', () => streams.delete(res));
      return;
    }
    const body = name === 'status.json' ? JSON.stringify(status) : files.get(name);
    if (body === undefined) return notFound(res);
    res.setHeader('Content-Type', 'application/json; charset=utf-8');
    res.setHeader('Cache-Control', 'no-cache');
    res.end(req.method === 'HEAD' ? undefined : body);
  };

  // Rebuilds: file events are collected, debounced, and run one at a time.
  let pending = new Set<string>();
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;

  const run = async (): Promise<void> => {
    const changed = [...pending].sort();
    pending = new Set();
    const t0 = performance.now();
    let graph: SerializedGraph;
    try {
      graph = source.rebuild ? await source.rebuild(changed) : await source.build();
    } catch (e) {
      status = {
        ok: false,
        message: `Rebuild failed: ${(e as Error).message}. Showing the last good map.`,
        diagnostics: [],
      };
      log(`papermap: rebuild failed (${(e as Error).message}); keeping the last good map`);
      announce('problem', status);
      return;
    }
    const fresh = newProblems(accepted?.attributes.diagnostics ?? [], graph.attributes.diagnostics);
    if (fresh.length > 0) {
      status = {
        ok: false,
        message: `A note has ${fresh.length === 1 ? 'a new problem' : `${fresh.length} new problems`}; showing the last good map until it is fixed.`,
        diagnostics: fresh,
      };
      for (const d of fresh)
        log(`papermap: ${d.file}:${d.line}:${d.column} ${d.rule}: ${d.message} (kept last good map)`);
      announce('problem', status);
      return;
    }
    accept(graph);
    log(`papermap: rebuilt in ${Math.round(performance.now() - t0)} ms (${changed.length} file(s) changed)`);
    announce('update', { build: files.build });
  };
  const schedule = (file: string) => {
    pending.add(file);
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      const go = async () => {
        while (running) await running;
        if (pending.size > 0) {
          running = run().finally(() => (running = null));
          await running;
        }
      };
      void go();
    }, debounceMs);
  };

  let watcher: FSWatcher | null = null;
  const dir = source.contentDir;
  if (dir) {
    watcher = watch(dir, { recursive: true }, (_event, name) => {
      if (name === null) return;
      const rel = name.toString();
      // Tool state (.git, .obsidian, papermap's own cache) is not notes.
      if (rel.split(path.sep).some((part) => part.startsWith('.') || part === 'node_modules')) return;
      schedule(path.join(dir, rel));
    });
    watcher.on('error', (e) => log(`papermap: watching ${dir} failed: ${e.message}`));
  }

  const server = http.createServer(handle);
  const port = await listen(server, options.host, options.port);
  const shown = options.host.includes(':') ? `[${options.host}]` : options.host;

  let closing: Promise<void> | null = null;
  return {
    url: `http://${shown}:${port}/`,
    port,
    httpServer: server,
    close: () =>
      (closing ??= (async () => {
        watcher?.close();
        if (timer) clearTimeout(timer);
        for (const res of streams) res.end();
        streams.clear();
        server.closeAllConnections();
        await new Promise<void>((resolve) => server.close(() => resolve()));
        await running;
        await source.close?.();
      })()),
  };
}

/** Listen on `port`, or on the next ones if it is taken. */
async function listen(server: http.Server, host: string, port: number): Promise<number> {
  for (let attempt = 0; ; attempt++) {
    const tried = port === 0 ? 0 : port + attempt;
    try {
      await new Promise<void>((resolve, reject) => {
        const onError = (e: Error) => {
          server.off('listening', onListening);
          reject(e);
        };
        const onListening = () => {
          server.off('error', onError);
          resolve();
        };
        server.once('error', onError);
        server.once('listening', onListening);
        server.listen(tried, host);
      });
      return (server.address() as AddressInfo).port;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EADDRINUSE' || port === 0 || attempt >= 50 || tried >= 65535)
        throw e;
    }
  }
}
