// notes -> parse (cached per file by content hash) -> merge -> links -> graph + layout. Pure: no I/O.
// One builder lives as long as the dev server; each build re-parses only the files that changed and
// warm-starts the layout from the previous positions, so one edited note rebuilds quickly.
import { createHash } from 'node:crypto';
import { buildGraphDetailed, type GraphReuse, type LayoutMemory } from './graph/index.js';
import { applyCorrections, applyMerges, applySplits } from './links/corrections.js';
import { createLinkCache, findLinks, type LinkOptions } from './links/index.js';
import { mergeFileParses, parseFile, parserCrashed, type FileParse } from './parse/index.js';
import { createIncrementalMerge } from './parse/merge-incremental.js';
import type { Diagnostic, LinkResult, NoteFile, PaperRecord, ParseResult, SerializedGraph } from './types.js';

export type { LayoutMemory };

export type Stage = 'parse' | 'merge' | 'link' | 'graph' | 'layout';
export const STAGES: readonly Stage[] = ['parse', 'merge', 'link', 'graph', 'layout'];
/** Milliseconds spent in each stage of one build. */
export type StageTimings = Record<Stage, number>;

/** The three pure stages, replaceable for tests. `P` is the parser's per-file result. */
export interface PipelineStages<P = unknown> {
  parseFile(file: NoteFile): P;
  mergeFileParses(parses: readonly P[]): ParseResult;
  findLinks(papers: readonly PaperRecord[], options?: LinkOptions | null): LinkResult;
}

export interface BuilderOptions {
  /** Layout and Louvain seed. Default 1. */
  seed?: number | null;
  /** Run ForceAtlas2 (default true); false keeps the seeded topic positions. */
  layout?: boolean | null;
  /**
   * Start each layout from the previous build's positions (default true). Rebuilds are fast and the picture
   * stays put; the bytes then depend on the edit history, so `build:graph` uses a fresh builder.
   */
  warmLayout?: boolean | null;
  stages?: Partial<PipelineStages> | null;
  /**
   * Keep the merge and link state for rebuilds that redo only what changed (default true). A one-shot build
   * (`build:graph`) can pass false: its single build then skips the bookkeeping (about 3% at 10k papers).
   */
  incremental?: boolean | null;
  /**
   * A one-shot build that keeps nothing it no longer needs (default false; only with `incremental: false`):
   * each note's text is dropped once parsed, the per-file parses once merged, and the papers' located text
   * spans once links are found (at 100k papers, ~420 MiB). Such a builder builds once; updating it again throws.
   */
  release?: boolean | null;
  /**
   * Draw every item of a `.bib` / CSL-JSON library in the notes folder, also those no note mentions (default
   * false: only the citekeys the notes mention).
   */
  libraryAll?: boolean | null;
  /** Called after the merge and after the link stage (e.g. to collect garbage where much was just dropped). */
  afterStage?: ((stage: 'merge' | 'link') => void) | null;
}

export interface BuilderChanges {
  /** Files added or edited (unchanged content is recognised by its hash and not parsed again). */
  changed?: readonly NoteFile[];
  /** Paths deleted. */
  removed?: readonly string[];
  /**
   * Problems found while reading (binary, not UTF-8, unreadable, symlink loops). A file named here is
   * dropped from the notes until it is changed again; its diagnostic stays in the graph meanwhile.
   */
  failed?: readonly Diagnostic[];
  /** The user lexicon: an object to set it, `null` to remove it, absent to keep it. */
  lexicon?: { file: string; text: string } | null;
  /** The user's corrections file: an object to set it, `null` to remove it, absent to keep it. */
  corrections?: { file: string; text: string } | null;
  /** The input is the whole content: forget every file and read problem not listed (the lexicon and corrections stay). */
  replaceAll?: boolean;
  /**
   * Layout positions of an earlier build of these notes (e.g. from the persistent cache), for the layout to
   * start from when the builder has none of its own yet: a builder warmed for a server that already shows
   * that build's graph lays nothing out again. Ignored once the builder has built.
   */
  layout?: LayoutMemory | null;
  /**
   * Parses of some `changed` files made elsewhere (worker threads, the persistent cache), by path. Each must be
   * what `parseFile` gives for that file; they are used instead of parsing again.
   */
  parsed?: ReadonlyMap<string, unknown> | null;
}

export interface BuildResult {
  graph: SerializedGraph;
  parsed: ParseResult;
  links: LinkResult;
  timings: StageTimings;
  /** Files parsed by this build (the rest came from the cache). */
  parsedFiles: number;
  /** Papers the link stage read (the rest replayed what an earlier build found); -1 with a custom stage. */
  linkedPapers: number;
  layoutMode: 'seeded' | 'cold' | 'warm';
  /** The layout positions this build ended with (what a later builder can start from: `layout`). */
  layout: LayoutMemory;
  /**
   * How the parses were merged: `incremental` (only what the changed files touch), `full` (the builder's first
   * build), `fallback` (a whole merge, when the incremental one could not place something exactly) or `custom`
   * (a replaced merge stage, or `incremental: false`).
   */
  mergeMode: 'full' | 'incremental' | 'fallback' | 'custom';
}

export interface Builder {
  /** Record changes; an array of files is a full snapshot (`replaceAll`). Returns the number of dirty files. */
  update(input: readonly NoteFile[] | BuilderChanges): number;
  /** Build the graph from the current notes; returns the previous result when nothing changed. */
  build(): BuildResult;
  /** Paths of the notes currently held, sorted. */
  paths(): string[];
  /** The files of `input` this builder would parse (new, or changed since it last saw them). */
  needs(input: readonly NoteFile[]): NoteFile[];
}

/** The key the builder recognises unchanged text by. */
export interface CachedFile {
  hash: string;
  file: NoteFile;
  parse: unknown;
}

const defaultStages: PipelineStages<FileParse> = {
  parseFile: (file) => parseFile(file),
  mergeFileParses,
  findLinks,
};

export function createBuilder(options?: BuilderOptions | null): Builder {
  const libraryAll = options?.libraryAll ?? false;
  const stages = {
    ...defaultStages,
    ...(libraryAll
      ? { mergeFileParses: (parses: readonly FileParse[]) => mergeFileParses(parses, { libraryAll }) }
      : {}),
    ...(options?.stages ?? {}),
  } as PipelineStages;
  const files = new Map<string, CachedFile | { hash: string; file: NoteFile; parse?: undefined }>();
  const problems = new Map<string, Diagnostic[]>();
  let lexicon: { file: string; text: string } | null = null;
  let corrections: { file: string; text: string } | null = null;
  let dirty = true;
  let layoutMemory: LayoutMemory | null = null;
  // What the graph stage can carry over to the next build (kept only for incremental builders).
  let graphReuse: GraphReuse | null = null;
  let last: BuildResult | null = null;
  // Warm state of the default stages: merge and links redo only what the changed files touch.
  const incremental = options?.incremental ?? true;
  const merger =
    options?.stages?.mergeFileParses || !incremental ? null : createIncrementalMerge({ libraryAll });
  const linkCache = incremental ? createLinkCache() : null;

  const release = !incremental && (options?.release ?? false);
  let spent = false;

  function update(input: readonly NoteFile[] | BuilderChanges): number {
    if (spent) throw new Error('papermap/pipeline: a builder with `release` builds only once');
    const changes: BuilderChanges = isFileList(input) ? { changed: input, replaceAll: true } : input;
    let count = 0;
    if (changes.replaceAll) {
      const keep = new Set((changes.changed ?? []).map((file) => file.path));
      for (const path of [...files.keys()]) {
        if (!keep.has(path)) {
          files.delete(path);
          count++;
        }
      }
      if (problems.size > 0 || (changes.failed ?? []).length > 0) dirty = true;
      problems.clear();
    }
    for (const path of changes.removed ?? []) {
      if (files.delete(path)) count++;
      if (problems.delete(path)) dirty = true;
    }
    for (const file of changes.changed ?? []) {
      if (problems.delete(file.path)) dirty = true;
      const hash = hashText(file.text);
      const cached = files.get(file.path);
      if (cached && cached.hash === hash) continue;
      const parse = changes.parsed?.get(file.path);
      files.set(file.path, parse === undefined ? { hash, file } : { hash, file, parse });
      count++;
    }
    for (const diagnostic of changes.failed ?? []) {
      if (files.delete(diagnostic.file)) count++;
      const list = problems.get(diagnostic.file) ?? [];
      list.push(diagnostic);
      problems.set(diagnostic.file, list);
      dirty = true;
    }
    if (changes.lexicon !== undefined && !sameLexicon(changes.lexicon, lexicon)) {
      lexicon = changes.lexicon;
      dirty = true;
    }
    if (changes.layout && layoutMemory === null && last === null) layoutMemory = changes.layout;
    if (changes.corrections !== undefined && !sameLexicon(changes.corrections, corrections)) {
      corrections = changes.corrections;
      dirty = true;
    }
    if (count > 0) dirty = true;
    return count;
  }

  function build(): BuildResult {
    if (!dirty && last) return last;
    const timings: StageTimings = { parse: 0, merge: 0, link: 0, graph: 0, layout: 0 };
    let started = performance.now();
    let parsedFiles = 0;
    const ordered = [...files.keys()].sort(compareStrings);
    const parses: unknown[] = [];
    const crashes: Diagnostic[] = [];
    for (const path of ordered) {
      const entry = files.get(path) as CachedFile;
      if (entry.parse === undefined) {
        try {
          entry.parse = stages.parseFile(entry.file);
        } catch (error) {
          // A parser bug on one note must not take the other notes down with it.
          crashes.push(parserCrashed(path, error));
          entry.parse = null;
        }
        parsedFiles++;
      }
      if (entry.parse !== null) parses.push(entry.parse);
      if (release) files.delete(path);
    }
    timings.parse = performance.now() - started;

    started = performance.now();
    // The user's splits (corrections file) take apart papers the merge joined, and the user's merges join papers
    // the notes keep apart, before links are found.
    const merged = merger ? merger.merge(parses as FileParse[]) : stages.mergeFileParses(parses);
    const parsed = applyMerges(applySplits(merged, parses as FileParse[], corrections), corrections);
    timings.merge = performance.now() - started;
    if (release) parses.length = 0;
    options?.afterStage?.('merge');

    started = performance.now();
    const found = stages.findLinks(parsed.papers, { userLexicon: lexicon, cache: linkCache });
    const links = applyCorrections(found, parsed.papers, corrections);
    timings.link = performance.now() - started;
    // The located text spans are only for link finding; the graph does not carry them.
    if (release) for (const paper of parsed.papers) paper.text = [];
    options?.afterStage?.('link');

    const extra = [...crashes];
    for (const list of problems.values()) extra.push(...list);
    const built = buildGraphDetailed(parsed, links, {
      seed: options?.seed ?? null,
      layout: options?.layout ?? true,
      extraDiagnostics: extra,
      previousLayout: options?.warmLayout === false ? null : layoutMemory,
      previousBuild: graphReuse,
    });
    timings.graph = built.timings.graph;
    timings.layout = built.timings.layout;
    layoutMemory = built.layout;
    graphReuse = incremental ? built.reuse : null;
    dirty = false;
    spent = release;
    last = {
      graph: built.graph,
      parsed,
      links,
      timings,
      parsedFiles,
      linkedPapers: options?.stages?.findLinks || !linkCache ? -1 : linkCache.lastRead,
      layoutMode: built.layoutMode,
      layout: built.layout,
      mergeMode: merger ? merger.lastMode : 'custom',
    };
    return last;
  }

  return {
    update,
    build,
    paths: () => [...files.keys()].sort(compareStrings),
    needs: (input) => input.filter((file) => files.get(file.path)?.hash !== hashText(file.text)),
  };
}

function isFileList(input: readonly NoteFile[] | BuilderChanges): input is readonly NoteFile[] {
  return Array.isArray(input);
}

function sameLexicon(
  a: { file: string; text: string } | null,
  b: { file: string; text: string } | null,
): boolean {
  return a === b || (a !== null && b !== null && a.file === b.file && a.text === b.text);
}

function hashText(text: string): string {
  return createHash('sha1').update(text).digest('base64');
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
