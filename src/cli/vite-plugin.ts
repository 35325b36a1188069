// Vite plugin: builds the graph in memory, serves the view bundle under /data/, watches the content
// folder and pushes updates to the open page over Vite's HMR websocket. A rebuild that brings new
// errors keeps the last good map served and sends the diagnostics instead. In `vite build` it emits the
// same files into dist/data/. It also guards the dev server: only the app and the built data are served.
import path from 'node:path';
import type { Connect, Plugin, ViteDevServer } from 'vite';
import type { Diagnostic, SerializedGraph } from '../types.js';
import { toLazyViewFiles, toViewFiles } from '../view/bundle.js';
import type { BundleOptions, LazyViewFiles } from '../view/bundle.js';
import { noteLinesReader, openInEditor } from './note-files.js';

/** Where graphs come from: a full build, and a rebuild after some content files changed. */
export interface GraphSource {
  /** Absolute content folder to watch, or null (e.g. a synthetic graph). */
  contentDir: string | null;
  build(): Promise<SerializedGraph>;
  /** `changed` are absolute paths of added, changed or deleted files. Defaults to a full build. */
  rebuild?(changed: readonly string[]): Promise<SerializedGraph>;
}

export interface PapermapPluginOptions {
  source: GraphSource;
  bundle?: BundleOptions | null;
  /** Debounce for bursts of file events (editors write several times per save). */
  debounceMs?: number;
  /** Called with a line to print (rebuild times, kept errors). */
  log?: (line: string) => void;
}

export interface DevStatus {
  ok: boolean;
  message: string;
  diagnostics: Diagnostic[];
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

const APP_PREFIXES = ['/src/app/', '/src/view/', '/node_modules/', '/@vite/', '/@id/', '/data/'];
const APP_FILES = new Set(['/', '/index.html', '/src/types.ts', '/favicon.ico', '/__vite_ping']);

/**
 * Whether the dev server may answer this request URL. Refuses traversal in any encoding (`..`, `%2e%2e`,
 * double-encoded, backslashes, NUL), dot-files, markdown, and anything outside the app's own files.
 * `root` is the Vite root; `/@fs/` is allowed only into root/node_modules.
 */
export function isRequestAllowed(
  rawUrl: string,
  root: string,
  extraPrefixes: readonly string[] = [],
): boolean {
  const q = rawUrl.search(/[?#]/);
  let p = q < 0 ? rawUrl : rawUrl.slice(0, q);
  for (let k = 0; k < 4; k++) {
    if (/\\|\0/.test(p)) return false;
    if (p.split('/').some((seg) => seg === '..' || seg === '.')) return false;
    if (!p.includes('%')) break;
    try {
      const d = decodeURIComponent(p);
      if (d === p) break;
      p = d;
    } catch {
      return false;
    }
    if (k === 3) return false;
  }
  if (!p.startsWith('/')) return false;
  // Vite's dependency cache (node_modules/.vite by default) is part of the app.
  if (extraPrefixes.some((pre) => p.startsWith(pre))) return true;
  if (p.split('/').some((seg) => seg.startsWith('.') && seg !== '.vite')) return false;
  if (/\.md$/i.test(p)) return false;
  if (p.startsWith('/@fs/')) {
    const abs = path.resolve(p.slice('/@fs'.length));
    return abs.startsWith(path.join(root, 'node_modules') + path.sep);
  }
  return APP_FILES.has(p) || APP_PREFIXES.some((pre) => p.startsWith(pre));
}

export function papermap(options: PapermapPluginOptions): Plugin {
  const { source, debounceMs = 60 } = options;
  const log = options.log ?? (() => undefined);
  let files: LazyViewFiles = { build: '', get: () => undefined };
  let accepted: SerializedGraph | null = null;
  // Build ids of the dev server: a content hash of the map plus this salt, so a page never mixes detail
  // chunks of two builds (even across a restart) while only the map is serialized per rebuild.
  const session = `${process.pid}-${Date.now()}`;
  let generation = 0;
  let status: DevStatus = { ok: true, message: '', diagnostics: [] };
  let root = process.cwd();
  let cachePrefixes: string[] = [];
  let command: 'build' | 'serve' = 'serve';

  // Detail chunks carry a few lines of the note around each entry (shown when no editor can be opened).
  const withNoteLines = (bundle: BundleOptions | null | undefined): BundleOptions => ({
    ...bundle,
    noteLines: source.contentDir ? noteLinesReader(source.contentDir) : null,
  });

  const accept = (graph: SerializedGraph) => {
    if (graph !== accepted)
      files = toLazyViewFiles(graph, `${session}-${++generation}`, withNoteLines(options.bundle));
    accepted = graph;
    status = { ok: true, message: '', diagnostics: [] };
  };

  const serveData: Connect.NextHandleFunction = (req, res, next) => {
    const url = (req.url ?? '').split('?')[0]!;
    const name = url.replace(/^\/+/, '');
    const body = name === 'status.json' ? JSON.stringify(status) : files.get(name);
    if (body === undefined) return next();
    res.setHeader('Content-Type', 'application/json; charset=utf-8');
    res.setHeader('Cache-Control', 'no-cache');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.end(body);
  };

  const guard: Connect.NextHandleFunction = (req, res, next) => {
    if (isRequestAllowed(req.url ?? '', root, cachePrefixes)) return next();
    res.statusCode = 404;
    res.setHeader('Content-Type', 'text/plain; charset=utf-8');
    res.end('Not found');
  };

  async function watch(server: ViteDevServer): Promise<void> {
    const dir = source.contentDir;
    if (!dir) return;
    const inside = (f: string) => {
      const rel = path.relative(dir, path.resolve(f));
      return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
    };
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
        server.ws.send({ type: 'custom', event: 'papermap:error', data: status });
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
        server.ws.send({ type: 'custom', event: 'papermap:error', data: status });
        return;
      }
      accept(graph);
      log(
        `papermap: rebuilt in ${Math.round(performance.now() - t0)} ms (${changed.length} file(s) changed)`,
      );
      server.ws.send({
        type: 'custom',
        event: 'papermap:update',
        data: { build: files.build },
      });
    };

    const schedule = (file: string) => {
      if (!inside(file)) return;
      pending.add(path.resolve(file));
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => {
        timer = null;
        const go = async () => {
          while (running) await running;
          if (pending.size === 0) return;
          running = run().finally(() => (running = null));
          await running;
        };
        void go();
      }, debounceMs);
    };
    server.watcher.add(dir);
    for (const ev of ['add', 'change', 'unlink', 'addDir', 'unlinkDir'] as const)
      server.watcher.on(ev, schedule);
  }

  return {
    name: 'papermap',
    config() {
      return {
        server: {
          fs: {
            strict: true,
            deny: ['.env', '.env.*', '*.{crt,pem,key}', '**/.git/**', '**/*.md', '**/content/**'],
          },
        },
      };
    },
    configResolved(config) {
      root = config.root;
      command = config.command;
      const rel = path.relative(root, config.cacheDir);
      cachePrefixes =
        rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? [`/${rel.split(path.sep).join('/')}/`] : [];
    },
    async configureServer(server) {
      accept(await source.build());
      // Before the guard (which answers only the app's files): same-origin POSTs, notes inside the folder.
      if (source.contentDir) server.middlewares.use('/__papermap/open', openInEditor(source.contentDir));
      server.middlewares.use(guard);
      server.middlewares.use('/data', serveData);
      await watch(server);
    },
    // The built site needs no websocket (that is only for live updates): tighten the policy there.
    transformIndexHtml(html) {
      return command === 'build' ? html.replace("connect-src 'self' ws: wss:", "connect-src 'self'") : html;
    },
    async generateBundle() {
      const graph = await source.build();
      for (const [name, body] of toViewFiles(graph, withNoteLines(options.bundle))) {
        this.emitFile({ type: 'asset', fileName: `data/${name}`, source: body });
      }
    },
  };
}
