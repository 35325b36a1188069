// Folder of notes -> graph + report + timings, without writing anything: the one build path of `papermap
// graph`, `build` and `serve` (and the benchmarks). Notes are read, parsed on every core (worker threads)
// or taken from the persistent cache, then merged, linked and laid out by the pipeline's builder; with a
// cache, a build whose inputs are all unchanged reads the graph back instead.
import { createHash } from 'node:crypto';
// The pipeline and the parser are loaded only when something is built: a start served from the cached graph
// does without them.
import type { Builder, BuilderChanges, BuilderOptions, StageTimings } from '../pipeline.js';
import type { Diagnostic, NoteFile, SerializedGraph } from '../types.js';
import type { FileParse } from '../parse/types.js';
import type { BuildCache } from './cache.js';
import {
  CORRECTIONS_FILE_NAME,
  isNotePath,
  LEXICON_FILE_NAME,
  readContent,
  readNoteIn,
  type ContentRead,
} from './read-content.js';
import { makeReport, type BuildReport } from './report.js';

export interface BuildFromDirectoryOptions {
  /** Layout and Louvain seed. Default 1. With `builder`, pass the builder's own (it keys the graph cache). */
  seed?: number | null;
  /** Run ForceAtlas2 (default true). With `builder`, pass the builder's own. */
  layout?: boolean | null;
  /**
   * A long-lived builder (from `createBuilder`) to reuse parses and the previous layout across builds.
   * Without one, every call builds from scratch (deterministic bytes).
   */
  builder?: Builder | null;
  /**
   * With `builder`: only these paths (relative to the folder, `/` separators) changed since the last call;
   * they are read again (a missing one counts as deleted) and nothing else is read.
   */
  changed?: readonly string[] | null;
  /** Follow symbolic links that lead out of the folder (default false: skipped with a diagnostic). */
  followExternalLinks?: boolean | null;
  /**
   * Draw every item of a `.bib` / CSL-JSON library in the folder, also those no note mentions (default false).
   * With `builder`, pass the builder's own (it keys the graph cache).
   */
  libraryAll?: boolean | null;
  /** Parse on this many worker threads (default: every core when the notes are large enough; 1: here). */
  workers?: number | null;
  /** The persistent cache of parses and graphs (`openCache`); none by default. */
  cache?: BuildCache | null;
  /** Read the whole graph from the cache when nothing changed (default true; parses are always reused). */
  cachedGraph?: boolean | null;
  /**
   * With `builder` and `cache`: when the cache has no layout of exactly these notes (a note changed since the
   * cached graph was built), start the layout from the last one it has, as the builder would after an edit
   * (default false: from the seed). The graph then depends on that history and is not cached.
   */
  lastLayout?: boolean | null;
  /** Stop before building (after reading and parsing) once this is aborted: the call then rejects. */
  signal?: AbortSignal | null;
  /** For the one-shot builder made when no `builder` is given (e.g. `release` to keep memory low). */
  oneShot?: Pick<BuilderOptions, 'release' | 'afterStage'> | null;
}

export interface BuildFromDirectoryResult {
  graph: SerializedGraph;
  report: BuildReport;
  /** Milliseconds: reading the folder, then each pipeline stage (parse includes the workers and the cache). */
  timings: StageTimings & { read: number };
  /** The graph came whole from the cache: nothing was parsed or built. */
  fromCache?: boolean;
}

const sha1 = (text: string) => createHash('sha1').update(text).digest('hex');

/**
 * Build the graph of every note under `dir`. Throws `ContentFolderError` only when `dir` itself is missing or
 * not a folder; every problem inside it is a diagnostic in the report and the graph.
 */
export async function buildFromDirectory(
  dir: string,
  options?: BuildFromDirectoryOptions | null,
): Promise<BuildFromDirectoryResult> {
  const given = options?.builder ?? null;
  const cache = options?.cache ?? null;
  const started = performance.now();
  let filesRead: number;
  let filesSkipped: number;
  let changes: BuilderChanges;
  let content: ContentRead | null = null;
  if (given && options?.changed) {
    const changed: NoteFile[] = [];
    const removed: string[] = [];
    const failed: Diagnostic[] = [];
    let lexicon: BuilderChanges['lexicon'];
    let corrections: BuilderChanges['corrections'];
    for (const path of options.changed) {
      const isLexicon = path === LEXICON_FILE_NAME;
      const isCorrections = path === CORRECTIONS_FILE_NAME;
      if (!isLexicon && !isCorrections && !isNotePath(path)) continue;
      const result = await readNoteIn(dir, path, options);
      const gone = 'diagnostic' in result && result.diagnostic.message.endsWith('ENOENT');
      if (isLexicon || isCorrections) {
        // As a full read of the folder has it: one that cannot be read counts as absent, with its diagnostic.
        // Listed as removed too, which clears the diagnostic an earlier read left (it is no note: nothing else).
        const own = 'file' in result ? { file: path, text: result.file.text } : null;
        removed.push(path);
        if ('diagnostic' in result && !gone) failed.push(result.diagnostic);
        if (isLexicon) lexicon = own;
        else corrections = own;
      } else if ('file' in result) changed.push(result.file);
      else if (gone) removed.push(path);
      else failed.push(result.diagnostic);
    }
    changes = {
      changed,
      removed,
      failed,
      ...(lexicon !== undefined ? { lexicon } : {}),
      ...(corrections !== undefined ? { corrections } : {}),
    };
    filesRead = given.paths().length;
    filesSkipped = 0;
  } else {
    content = await readContent(dir, options);
    changes = {
      changed: content.files,
      failed: content.diagnostics,
      lexicon: content.lexicon,
      corrections: content.corrections,
      replaceAll: true,
    };
    filesRead = content.files.length;
    filesSkipped = content.skipped;
  }
  const read = performance.now() - started;

  // The whole graph from the cache, when a fresh builder would build it from exactly these inputs.
  let graphKey: string | null = null;
  if (cache && content && (!given || given.paths().length === 0)) {
    graphKey = graphKeyOf(content, cache, options);
    const graph = options?.cachedGraph === false ? undefined : await cache.getGraph(graphKey);
    if (graph) {
      return {
        graph,
        report: makeReport(dir, graph, { filesRead, filesSkipped }),
        timings: { read, parse: 0, merge: 0, link: 0, graph: 0, layout: 0 },
        fromCache: true,
      };
    }
  }

  const { createBuilder } = await import('../pipeline.js');
  const builder =
    given ??
    // A one-shot build has no next build to be warm for: skip the incremental bookkeeping.
    createBuilder({
      seed: options?.seed ?? null,
      layout: options?.layout ?? null,
      libraryAll: options?.libraryAll ?? null,
      incremental: false,
      ...(options?.oneShot ?? {}),
    });
  const parseStarted = performance.now();
  const parsed = await prepareParses(builder.needs(changes.changed ?? []), {
    cache,
    workers: options?.workers ?? null,
    signal: options?.signal ?? null,
  });
  const prepared = performance.now() - parseStarted;
  options?.signal?.throwIfAborted();
  // A long-lived builder warmed for notes whose graph is cached starts its layout where that graph's ended:
  // the same graph, without laying it out again. A one-shot build always lays out from its seed.
  let layout = given && cache && graphKey ? await cache.getLayout(graphKey) : undefined;
  if (!layout && given && cache && graphKey && options?.lastLayout) layout = await cache.getLastLayout();
  builder.update({ ...changes, parsed, ...(layout ? { layout } : {}) });
  const result = builder.build();
  // (A builder warmed from the cached layout made the cached graph again, and one warmed from the last layout
  // made a graph that is not the notes' own bytes: nothing to write.)
  if (cache && graphKey && content && !layout) {
    await cache.putGraph(graphKey, result.graph);
    await cache.putLayout(graphKey, result.layout);
    await cache.prune(new Set(content.files.map((f) => cache.parseKey(f))), graphKey);
  }
  return {
    graph: result.graph,
    report: makeReport(dir, result.graph, { filesRead, filesSkipped }),
    timings: { read, ...result.timings, parse: prepared + result.timings.parse },
  };
}

/** The key of the graph built from `content` (see cache.ts). */
function graphKeyOf(
  content: ContentRead,
  cache: BuildCache,
  options: BuildFromDirectoryOptions | null | undefined,
): string {
  return sha1(
    JSON.stringify({
      code: cache.code,
      seed: options?.seed ?? 1,
      layout: options?.layout ?? true,
      // Only when asked, so the keys of graphs built without it stay as they were.
      ...(options?.libraryAll ? { libraryAll: true } : {}),
      notes: content.files.map((f) => [f.path, cache.parseKey(f)]),
      lexicon: content.lexicon,
      corrections: content.corrections,
      failed: content.diagnostics,
    }),
  );
}

/**
 * The graph of `dir` from the cache, when its notes are exactly those it was built from; null otherwise.
 * Loads neither the pipeline nor the parser.
 */
export async function readCachedGraph(
  dir: string,
  options: Pick<BuildFromDirectoryOptions, 'seed' | 'layout' | 'followExternalLinks' | 'libraryAll'> & {
    cache: BuildCache;
  },
): Promise<BuildFromDirectoryResult | null> {
  const started = performance.now();
  const content = await readContent(dir, options);
  const read = performance.now() - started;
  const graph = await options.cache.getGraph(graphKeyOf(content, options.cache, options));
  if (!graph) return null;
  return {
    graph,
    report: makeReport(dir, graph, { filesRead: content.files.length, filesSkipped: content.skipped }),
    timings: { read, parse: 0, merge: 0, link: 0, graph: 0, layout: 0 },
    fromCache: true,
  };
}

/**
 * Parses of `files`, by path: from the cache, else made on worker threads (or here, for few notes) and put
 * in the cache. A note whose parse crashes is left out; the builder then reports it.
 */
async function prepareParses(
  files: readonly NoteFile[],
  options: { cache: BuildCache | null; workers: number | null; signal: AbortSignal | null },
): Promise<Map<string, unknown>> {
  const { cache } = options;
  const { defaultWorkers, isParse, parseInWorkers, parseOne } = await import('./parse-workers.js');
  const parsed = new Map<string, unknown>();
  const misses: NoteFile[] = [];
  const keys = new Map<string, string>();
  for (const file of files) {
    options.signal?.throwIfAborted();
    if (!cache) {
      misses.push(file);
      continue;
    }
    const key = cache.parseKey(file);
    keys.set(file.path, key);
    const hit = await cache.getParse(key);
    if (hit === undefined) misses.push(file);
    else parsed.set(file.path, hit);
  }
  const writes: Promise<void>[] = [];
  const keep = (file: NoteFile, result: FileParse | Diagnostic) => {
    if (!isParse(result)) return;
    parsed.set(file.path, result);
    const key = keys.get(file.path);
    if (cache && key) writes.push(cache.putParse(key, result));
  };
  options.signal?.throwIfAborted();
  const workers = options.workers ?? defaultWorkers(misses);
  if (workers > 1 && misses.length > 1) {
    await parseInWorkers([...misses], workers, (index, result) => keep(misses[index] as NoteFile, result));
  } else if (cache) {
    // Parsed here only to be cached; without a cache the builder parses them itself.
    for (const file of misses) keep(file, parseOne(file));
  }
  await Promise.all(writes);
  return parsed;
}
