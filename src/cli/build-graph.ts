// npm run build:graph -- --content DIR --out FILE [--strict] [--no-layout] [--seed N]
// Builds the graph of a notes folder, prints the report, writes the JSON atomically.
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { buildFromDirectory, type BuildFromDirectoryResult } from './build-from-directory.js';
import { openBuildCache, type BuildCache } from './cache.js';
import { toGexf } from './gexf.js';
import { fromCloneScript, PROJECT_ROOT, userCwd, VERSION } from './paths.js';
import { ContentFolderError } from './read-content.js';
import { formatReport } from './report.js';
import { jsonPieces, writeFileAtomic } from './write-atomic.js';

export const EXIT_OK = 0;
/** `--strict` and the content has error or warning diagnostics (the graph was still written). */
export const EXIT_STRICT = 1;
/** Nothing was written: bad arguments, content folder missing, output not writable. */
export const EXIT_NOT_WRITTEN = 2;

export const GRAPH_USAGE = `usage: papermap graph [DIR] [--out FILE] [options]
       npm run build:graph -- [--content DIR] [--out FILE] [options]
  DIR, --content DIR   notes folder, read recursively for .md/.markdown files
                       (default: the current folder; content/ from a clone's npm script)
  --out FILE           graph to write: graphology JSON, or GEXF (for Gephi) when FILE ends in .gexf
                       (default: graph.json; public/graph.json from a clone's npm script)
  --strict             exit 1 when any error or warning diagnostic is reported (the graph is still written)
  --no-layout          skip ForceAtlas2; keep the seeded topic positions
  --seed N             layout and community seed, an integer (default: 1)
  --follow-external-links  read notes through symbolic links that lead out of DIR (default: skipped)
  --library-all        draw every item of a .bib / CSL-JSON library in DIR, also those no note mentions
                       (default: only the citekeys the notes mention)
  --cache-dir DIR      where to keep parses and graphs between runs (default: $PAPERMAP_CACHE_DIR, else
                       ~/.cache/papermap/NAME-HASH for each notes folder)
  --no-cache           build everything from the notes, and keep nothing
  --workers N          parse notes on N threads (default: $PAPERMAP_WORKERS, else one per core; 1: no threads)
  -h, --help           this text
  -v, --version        papermap's version`;

export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
}

const consoleIo: CliIo = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
};

/** The flags every command that reads notes takes (`graph`, `build`, `serve`), with `--help` and `--version`. */
export const NOTES_FLAGS = {
  content: { type: 'string' },
  out: { type: 'string' },
  'follow-external-links': { type: 'boolean', default: false },
  'library-all': { type: 'boolean', default: false },
  'cache-dir': { type: 'string' },
  'no-cache': { type: 'boolean', default: false },
  workers: { type: 'string' },
  help: { type: 'boolean', short: 'h', default: false },
  version: { type: 'boolean', short: 'v', default: false },
} as const;

export async function main(
  argv: readonly string[],
  io: CliIo = consoleIo,
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  let values;
  let positionals;
  try {
    ({ values, positionals } = parseArgs({
      args: [...argv],
      options: {
        strict: { type: 'boolean', default: false },
        'no-layout': { type: 'boolean', default: false },
        seed: { type: 'string', default: '1' },
        ...NOTES_FLAGS,
      },
      strict: true,
      allowPositionals: true,
    }));
    if (positionals.length > 1) throw new Error(`one notes folder, got ${positionals.length}`);
    if (positionals.length === 1 && values.content !== undefined)
      throw new Error('give the notes folder once (DIR or --content)');
  } catch (error) {
    io.err(`papermap: ${error instanceof Error ? error.message : String(error)}\n${GRAPH_USAGE}`);
    return EXIT_NOT_WRITTEN;
  }
  if (values.help) {
    io.out(GRAPH_USAGE);
    return EXIT_OK;
  }
  if (values.version) {
    io.out(VERSION);
    return EXIT_OK;
  }
  const clone = fromCloneScript(env);
  const cwd = userCwd(env);
  const content = resolve(
    cwd,
    positionals[0] ?? values.content ?? (clone ? join(PROJECT_ROOT, 'content') : '.'),
  );
  const outArg = values.out ?? (clone ? join(PROJECT_ROOT, 'public', 'graph.json') : 'graph.json');
  const seed = Number(values.seed);
  if (!/^-?\d+$/.test(values.seed) || !Number.isSafeInteger(seed)) {
    io.err(`papermap: --seed must be an integer, got ${JSON.stringify(values.seed)}`);
    return EXIT_NOT_WRITTEN;
  }

  const workers = values.workers === undefined ? null : Number(values.workers);
  if (workers !== null && (!Number.isInteger(workers) || workers < 1)) {
    io.err(
      `papermap: --workers must be a whole number of threads, at least 1, got ${JSON.stringify(values.workers)}`,
    );
    return EXIT_NOT_WRITTEN;
  }

  const out = resolve(cwd, outArg);
  const shownOut = relative(cwd, out) || out;
  let result;
  try {
    const cache = values['no-cache']
      ? null
      : await openBuildCache(
          content,
          values['cache-dir'] === undefined ? null : resolve(cwd, values['cache-dir']),
        );
    result = await buildOnce(content, {
      seed,
      layout: !values['no-layout'],
      followExternalLinks: values['follow-external-links'],
      libraryAll: values['library-all'],
      cache,
      workers,
    });
  } catch (error) {
    if (error instanceof ContentFolderError) {
      io.err(`papermap: ${error.message}; nothing written`);
      return EXIT_NOT_WRITTEN;
    }
    io.err(
      `papermap: build failed, nothing written: ${error instanceof Error ? error.stack : String(error)}`,
    );
    return EXIT_NOT_WRITTEN;
  }

  const started = performance.now();
  try {
    // Streamed: the same bytes as `${JSON.stringify(graph)}\n`, without the whole text in memory.
    await writeFileAtomic(
      out,
      /\.gexf$/i.test(out) ? toGexf(result.graph) : withNewline(jsonPieces(result.graph)),
    );
  } catch (error) {
    io.out(formatReport(result.report, { timings: result.timings }));
    const code =
      (error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : String(error));
    io.err(`papermap: cannot write ${shownOut} (${code}); nothing written`);
    return EXIT_NOT_WRITTEN;
  }
  const timings = { ...result.timings, write: performance.now() - started, gc: result.collectMs };
  io.out(formatReport(result.report, { out: shownOut, timings }));

  const { error, warning } = result.report.bySeverity;
  if (values.strict && error + warning > 0) {
    io.err(`papermap: --strict: ${error} errors and ${warning} warnings (graph written to ${shownOut})`);
    return EXIT_STRICT;
  }
  return EXIT_OK;
}

export interface BuildOnceResult extends BuildFromDirectoryResult {
  /** Milliseconds spent in the full garbage collections between stages (not part of any stage's time). */
  collectMs: number;
}

/**
 * One build of a folder, for the command line: `buildFromDirectory` (the one build path) with a one-shot
 * builder that keeps nothing for a next build: each note's text is released once it is parsed, the per-file
 * parses after the merge, the text spans after link finding, with a full collection at those points.
 */
export async function buildOnce(
  dir: string,
  options?: {
    seed?: number | null;
    layout?: boolean | null;
    workers?: number | null;
    followExternalLinks?: boolean | null;
    libraryAll?: boolean | null;
    cache?: BuildCache | null;
  } | null,
): Promise<BuildOnceResult> {
  let collecting = 0;
  const collect = (): void => {
    const at = performance.now();
    collectGarbage();
    collecting += performance.now() - at;
  };
  const result = await buildFromDirectory(dir, {
    seed: options?.seed ?? null,
    layout: options?.layout ?? true,
    workers: options?.workers ?? null,
    followExternalLinks: options?.followExternalLinks ?? false,
    libraryAll: options?.libraryAll ?? false,
    cache: options?.cache ?? null,
    // No collection before the write: what the graph stage leaves is small next to the graph itself, and the
    // write makes only short-lived garbage (measured at 50k papers: 1.5 s to free 0.1 GiB).
    oneShot: { release: true, afterStage: collect },
  });
  return { ...result, collectMs: collecting };
}

let gc: (() => void) | null = null;

/**
 * A full garbage collection where the build has just dropped a large structure. V8 starts a full collection
 * only when the old generation reaches a limit it sets after the previous one, about halfway from the live
 * heap to the heap ceiling (4 GiB here): at 100k papers the build's live heap stays near 1 GiB, but the
 * heap grew to 2.1–2.6 GiB of mostly garbage before anything was collected. A collection at these points
 * resets that limit from what is really alive. Each takes about as long as V8's own full collections of the
 * same heap (0.3–1.2 s at 50k papers on a busy 2-core machine), which is why there are only two.
 */
function collectGarbage(): void {
  if (!gc) {
    const exposed = (globalThis as { gc?: unknown }).gc;
    if (typeof exposed === 'function') gc = exposed as () => void;
    else {
      // V8's collector, without starting the process with --expose-gc (a flag set at run time shows in new
      // contexts only).
      setFlagsFromString('--expose-gc');
      gc = runInNewContext('gc') as () => void;
    }
  }
  gc();
}

function* withNewline(pieces: Iterable<string>): Generator<string> {
  yield* pieces;
  yield '\n';
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`papermap: ${error instanceof Error ? error.stack : String(error)}\n`);
      process.exitCode = EXIT_NOT_WRITTEN;
    },
  );
}
