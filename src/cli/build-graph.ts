// npm run build:graph -- --content DIR --out FILE [--strict] [--no-layout] [--seed N]
// Builds the graph of a notes folder, prints the report, writes the JSON atomically.
import { availableParallelism } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { buildGraphDetailed } from '../graph/build-graph.js';
import { findLinks } from '../links/index.js';
import { mergeFileParses, parseFile } from '../parse/index.js';
import type { FileParse } from '../parse/types.js';
import type { Diagnostic, NoteFile } from '../types.js';
import type { BuildFromDirectoryResult } from './build-from-directory.js';
import { toGexf } from './gexf.js';
import { fromCloneScript, PROJECT_ROOT, userCwd, VERSION } from './paths.js';
import { ContentFolderError, readContent } from './read-content.js';
import { formatReport, makeReport } from './report.js';
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
        content: { type: 'string' },
        out: { type: 'string' },
        strict: { type: 'boolean', default: false },
        'no-layout': { type: 'boolean', default: false },
        seed: { type: 'string', default: '1' },
        'follow-external-links': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
        version: { type: 'boolean', short: 'v', default: false },
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

  const out = resolve(cwd, outArg);
  const shownOut = relative(cwd, out) || out;
  let result;
  try {
    result = await buildOnce(content, {
      seed,
      layout: !values['no-layout'],
      followExternalLinks: values['follow-external-links'],
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
 * One build of a folder, for the command line: the same graph as `buildFromDirectory` (tested), but nothing
 * is kept for a next build. Each note's text is released once it is parsed, notes are parsed on every core
 * (worker threads, when there are enough notes to pay for them), and per-file parses are released after
 * the merge. The builder of the dev server keeps all of that to rebuild quickly; a single build need not.
 */
export async function buildOnce(
  dir: string,
  options?: {
    seed?: number | null;
    layout?: boolean | null;
    workers?: number | null;
    followExternalLinks?: boolean | null;
  } | null,
): Promise<BuildOnceResult> {
  let collecting = 0;
  const collect = (): void => {
    const at = performance.now();
    collectGarbage();
    collecting += performance.now() - at;
  };
  let started = performance.now();
  const content = await readContent(dir, options);
  const files: (NoteFile | null)[] = content.files;
  const filesRead = files.length;
  const read = performance.now() - started;

  started = performance.now();
  const workers = options?.workers ?? defaultWorkers(files);
  const { parses, crashes } = workers > 1 ? await parseInWorkers(files, workers) : parseHere(files);
  const parse = performance.now() - started;

  started = performance.now();
  const parsed = mergeFileParses(parses.filter((p): p is FileParse => p !== null));
  parses.length = 0;
  const merge = performance.now() - started;
  collect(); // the per-file parses

  started = performance.now();
  const links = findLinks(parsed.papers, { userLexicon: content.lexicon });
  const link = performance.now() - started;
  // The located text spans are only for link finding; the graph does not carry them.
  for (const paper of parsed.papers) paper.text = [];
  collect(); // the text spans and what link finding derived from them (~420 MiB at 100k papers)

  const built = buildGraphDetailed(parsed, links, {
    seed: options?.seed ?? null,
    layout: options?.layout ?? true,
    extraDiagnostics: [...crashes, ...content.diagnostics],
  });
  // No collection before the write: what the graph stage leaves is small next to the graph itself, and the
  // write makes only short-lived garbage (measured at 50k papers: 1.5 s to free 0.1 GiB).
  return {
    graph: built.graph,
    report: makeReport(dir, built.graph, { filesRead, filesSkipped: content.skipped }),
    timings: { read, parse, merge, link, graph: built.timings.graph, layout: built.timings.layout },
    collectMs: collecting,
  };
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

/** Below this many bytes of notes, starting workers costs more than it saves. */
const WORKER_MIN_BYTES = 4 << 20;

function defaultWorkers(files: readonly (NoteFile | null)[]): number {
  let chars = 0;
  for (const file of files) chars += file?.text.length ?? 0;
  if (chars < WORKER_MIN_BYTES || files.length < 4) return 1;
  return Math.max(1, Math.min(availableParallelism(), 8));
}

interface Parsed {
  /** Parallel to the files; null for a note whose parse crashed. */
  parses: (FileParse | null)[];
  crashes: Diagnostic[];
}

/** A parser bug on one note must not take the other notes down with it (as in the pipeline's builder). */
function parseOne(file: NoteFile): FileParse | Diagnostic {
  try {
    return parseFile(file);
  } catch (error) {
    return {
      rule: 'parser-crashed',
      severity: 'error',
      file: file.path,
      line: 1,
      column: 1,
      message: `the parser failed on this file: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
}

function isParse(value: FileParse | Diagnostic): value is FileParse {
  return 'entries' in value;
}

function parseHere(files: (NoteFile | null)[]): Parsed {
  const parsed: Parsed = { parses: [], crashes: [] };
  for (let i = 0; i < files.length; i++) {
    const result = parseOne(files[i] as NoteFile);
    files[i] = null; // the text is not needed any more
    if (isParse(result)) parsed.parses.push(result);
    else {
      parsed.parses.push(null);
      parsed.crashes.push(result);
    }
  }
  return parsed;
}

const WORKER_TAG = 'papermap-parse-worker';

/**
 * A worker running this file. Run as TypeScript (tsx, vitest), the worker does not get tsx's loader from
 * the command line on Node 20, so it loads this file through tsx's API.
 */
function startWorker(): Worker {
  const self = import.meta.url;
  if (!self.endsWith('.ts')) {
    return new Worker(fileURLToPath(self), { workerData: WORKER_TAG });
  }
  const tsx = dirname(createRequire(self).resolve('tsx/package.json'));
  const api = pathToFileURL(join(tsx, 'dist/esm/api/index.mjs')).href;
  const code = `import(${JSON.stringify(api)}).then((m) => m.tsImport(${JSON.stringify(self)}, ${JSON.stringify(self)}))`;
  return new Worker(code, { eval: true, workerData: WORKER_TAG });
}

/** Notes go out one at a time to whichever worker is free; results are put back in the files' order. */
async function parseInWorkers(files: (NoteFile | null)[], count: number): Promise<Parsed> {
  const parses: (FileParse | null)[] = new Array<FileParse | null>(files.length).fill(null);
  const crashes: (Diagnostic | null)[] = new Array<Diagnostic | null>(files.length).fill(null);
  let next = 0;
  const run = (): Promise<void> =>
    new Promise((resolveRun, rejectRun) => {
      const worker = startWorker();
      const send = (): void => {
        if (next >= files.length) {
          void worker.terminate().then(() => resolveRun());
          return;
        }
        const index = next++;
        const file = files[index] as NoteFile;
        files[index] = null;
        worker.postMessage({ index, file });
      };
      worker.on('message', (message: { index: number; json: string }) => {
        const result = JSON.parse(message.json) as FileParse | Diagnostic;
        if (isParse(result)) parses[message.index] = result;
        else crashes[message.index] = result;
        send();
      });
      worker.on('error', rejectRun);
      worker.on('online', send);
    });
  await Promise.all(Array.from({ length: Math.min(count, files.length) }, run));
  return { parses, crashes: crashes.filter((c): c is Diagnostic => c !== null) };
}

if (!isMainThread && workerData === WORKER_TAG && parentPort) {
  const port = parentPort;
  // The parse goes back as JSON text, not as a structured clone. A parse is plain JSON data (src/parse/types.ts),
  // and its strings are cut from the note: two-byte strings when the note has any Chinese, even where the text
  // is ASCII, and a structured clone keeps them two-byte. JSON.parse makes every
  // ASCII string one-byte (short ones shared), so the parses, and the records, text spans and graph built
  // from them, take less memory and compare faster (at 100k papers the parses are ~20% smaller).
  port.on('message', (message: { index: number; file: NoteFile }) => {
    port.postMessage({ index: message.index, json: JSON.stringify(parseOne(message.file)) });
  });
}

function* withNewline(pieces: Iterable<string>): Generator<string> {
  yield* pieces;
  yield '\n';
}

if (isMainThread && process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
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
