// `papermap serve` (and `npm run dev`): build the graph from the notes and serve the map with live updates.
// Binds to 127.0.0.1 unless told otherwise.
import path from 'node:path';
import type { Builder } from '../pipeline.js';
import { syntheticGraph } from '../view/synthetic.js';
import { PROJECT_ROOT } from './paths.js';
import { startServer } from './server.js';
import type { GraphSource, PageServer } from './server.js';

export { PROJECT_ROOT };

export interface SourceOptions {
  followExternalLinks?: boolean | null;
  /** Draw every item of a `.bib` / CSL-JSON library, also those no note mentions. */
  libraryAll?: boolean | null;
  /** Where to keep parses and graphs between runs; default: the user's cache folder. */
  cacheDir?: string | null;
  /** No persistent cache at all. */
  noCache?: boolean | null;
  /** Parse on this many worker threads (default: `$PAPERMAP_WORKERS`, else every core for large notes). */
  workers?: number | null;
  /** Wait this long after a build read from the cache before warming the builder (default 500 ms). */
  primeDelayMs?: number;
  /** Called once the builder is warm: after the first build, or after its warm-up when that came from the cache. */
  onWarm?: ((ms: number) => void) | null;
}

/**
 * The graph of a notes folder, rebuilt incrementally (only changed files are read and parsed again). With the
 * persistent cache, a start with unchanged notes serves the cached graph at once; the builder is then warmed
 * from the cached parses in the background (the same build, so the same graph) for quick rebuilds.
 */
export async function directorySource(
  contentDir: string,
  options?: SourceOptions | null,
): Promise<GraphSource> {
  // Loaded here so `--synthetic` runs without the notes pipeline; the pipeline itself is loaded when something
  // is built (not for a start served from the cache).
  const { buildFromDirectory, readCachedGraph } = await import('./build-from-directory.js');
  const { CORRECTIONS_FILE_NAME, isNotePath, LEXICON_FILE_NAME } = await import('./read-content.js');
  const { openBuildCache } = await import('./cache.js');
  const cache = options?.noCache ? null : await openBuildCache(contentDir, options?.cacheDir ?? null);
  let made: Builder | null = null;
  const libraryAll = options?.libraryAll ?? false;
  const builder = async (): Promise<Builder> =>
    (made ??= (await import('../pipeline.js')).createBuilder({ libraryAll }));
  const follow = options?.followExternalLinks ?? false;
  const workers = options?.workers ?? null;
  let first = true;
  let priming: Promise<unknown> | null = null;
  let primeTimer: NodeJS.Timeout | null = null;
  // Closing stops a warm-up that has not started building yet (a stopped server has no edits to be warm for).
  const closing = new AbortController();
  const prime = () => {
    if (primeTimer) clearTimeout(primeTimer);
    primeTimer = null;
    if (!priming) {
      const started = performance.now();
      priming = builder()
        .then((b) =>
          buildFromDirectory(contentDir, {
            builder: b,
            cache,
            cachedGraph: false,
            // An edit saved before the warm-up read the notes: lay out from the map being shown, as an edit
            // after it would (not from the seed: a full layout).
            lastLayout: true,
            followExternalLinks: follow,
            libraryAll,
            workers,
            signal: closing.signal,
          }),
        )
        .then(
          () => options?.onWarm?.(performance.now() - started),
          (error: unknown) => {
            if (!closing.signal.aborted) throw error;
          },
        );
    }
    return priming;
  };
  return {
    contentDir,
    build: async () => {
      if (!first)
        return (
          await buildFromDirectory(contentDir, { cache, followExternalLinks: follow, libraryAll, workers })
        ).graph;
      first = false;
      // A start with unchanged notes: the cached graph at once, the builder warmed a moment later (from the
      // cached parses and layout: merge and links only), so the first edit rebuilds only what it touches.
      const hit = cache
        ? await readCachedGraph(contentDir, { cache, followExternalLinks: follow, libraryAll })
        : null;
      if (hit) {
        primeTimer = setTimeout(() => void prime(), options?.primeDelayMs ?? 500);
        primeTimer.unref();
        return hit.graph;
      }
      const b = await builder();
      const started = performance.now();
      const built = (
        await buildFromDirectory(contentDir, {
          builder: b,
          cache,
          cachedGraph: false,
          followExternalLinks: follow,
          libraryAll,
          workers,
        })
      ).graph;
      // Built by the long-lived builder itself: warm at once.
      options?.onWarm?.(performance.now() - started);
      return built;
    },
    rebuild: async (changed) => {
      if (primeTimer || priming) await prime();
      const rel = changed.map((f) => path.relative(contentDir, f).split(path.sep).join('/'));
      // A folder added, renamed or deleted (or any other non-note): read the whole folder again; unchanged
      // notes are recognised by their hash and not parsed again.
      const whole = rel.some((p) => p !== LEXICON_FILE_NAME && p !== CORRECTIONS_FILE_NAME && !isNotePath(p));
      return (
        await buildFromDirectory(contentDir, {
          builder: await builder(),
          changed: whole ? null : rel,
          cache,
          followExternalLinks: follow,
          libraryAll,
          workers,
        })
      ).graph;
    },
    close: async () => {
      if (primeTimer) clearTimeout(primeTimer);
      closing.abort();
      await priming;
    },
  };
}

export function syntheticSource(papers: number): GraphSource {
  const graph = syntheticGraph({ papers });
  return { contentDir: null, build: async () => graph };
}

/** The options that say which notes to read and how: the map's and the static site's alike. */
export type NotesSourceOptions = Pick<
  DevOptions,
  'content' | 'synthetic' | 'followExternalLinks' | 'libraryAll' | 'cacheDir' | 'noCache' | 'workers'
>;

/** The graph source of `serve` and `build`: a synthetic graph, or the notes folder with its cache. */
export async function graphSource(
  opts: NotesSourceOptions,
  onWarm?: (ms: number) => void,
): Promise<GraphSource> {
  return opts.synthetic !== null
    ? syntheticSource(opts.synthetic)
    : directorySource(opts.content, {
        followExternalLinks: opts.followExternalLinks ?? false,
        libraryAll: opts.libraryAll ?? false,
        cacheDir: opts.cacheDir ?? null,
        noCache: opts.noCache ?? false,
        workers: opts.workers ?? null,
        ...(onWarm ? { onWarm } : {}),
      });
}

export interface DevOptions {
  content: string;
  port: number;
  host: string;
  synthetic: number | null;
  remoteImages?: boolean | null;
  followExternalLinks?: boolean | null;
  libraryAll?: boolean | null;
  cacheDir?: string | null;
  noCache?: boolean | null;
  workers?: number | null;
}

export async function startDevServer(
  opts: DevOptions,
  log: (line: string) => void = console.log,
): Promise<PageServer> {
  const source = await graphSource(opts, (ms) =>
    log(`papermap: ready for edits (builder warm in ${Math.round(ms)} ms)`),
  );
  return startServer({
    source,
    host: opts.host,
    port: opts.port,
    remoteImages: opts.remoteImages ?? false,
    log,
  });
}
