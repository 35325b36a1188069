// The pipeline's stages as the benchmarks call them, each loaded lazily and probed: a stage that is missing
// or still a stub (throws "not implemented") is reported as not available, never timed.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { LinkResult, NoteFile, ParseResult, SerializedGraph } from '../src/types.js';

export interface Stage<F> {
  name: string;
  fn: F | null;
  /** Why it is not available, when `fn` is null. */
  reason?: string;
}

type AnyFn = (...args: never[]) => unknown;

const isStub = (e: unknown): boolean => e instanceof Error && /not implemented/i.test(e.message);

/** Import `module` and take `name` from it; null with a reason when missing. */
async function load<F extends AnyFn>(module: string, name: string): Promise<Stage<F>> {
  try {
    const m = (await import(module)) as Record<string, unknown>;
    const fn = m[name];
    if (typeof fn !== 'function') return { name, fn: null, reason: `${module} has no export ${name}` };
    return { name, fn: fn as F };
  } catch (e) {
    return {
      name,
      fn: null,
      reason: `cannot load ${module}: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`,
    };
  }
}

/** Call `probe`; a stub that throws "not implemented" makes the stage unavailable. */
function probe<F>(stage: Stage<F>, run: (fn: F) => unknown): Stage<F> {
  if (!stage.fn) return stage;
  try {
    run(stage.fn);
    return stage;
  } catch (e) {
    if (isStub(e))
      return { name: stage.name, fn: null, reason: `${stage.name} is a stub (${(e as Error).message})` };
    return {
      name: stage.name,
      fn: null,
      reason: `${stage.name} throws on a tiny note: ${(e as Error).message}`,
    };
  }
}

export type ParseNotes = (files: readonly NoteFile[], options?: unknown) => ParseResult;
export type ParseFile = (file: NoteFile, options?: unknown) => unknown;
export type MergeFileParses = (parses: readonly unknown[], options?: unknown) => ParseResult;
export type FindLinks = (papers: ParseResult['papers'], options?: unknown) => LinkResult;
export interface GraphBuildLike {
  graph: SerializedGraph;
  timings?: { graph: number; layout: number };
  iterations?: number;
}
export type BuildGraphDetailed = (
  parsed: ParseResult,
  links: LinkResult,
  options?: unknown,
) => GraphBuildLike;

export interface Stages {
  parseNotes: Stage<ParseNotes>;
  parseFile: Stage<ParseFile>;
  mergeFileParses: Stage<MergeFileParses>;
  findLinks: Stage<FindLinks>;
  buildGraph: Stage<BuildGraphDetailed>;
}

const TINY: NoteFile = {
  path: 'probe.md',
  text: '# Probe\n\n1. 2025-06-12 12:01:12 Thursday ｜\n\n CoVo: Probe Paper\n **链接** ：https://arxiv.org/abs/2506.08745\n',
};

export async function loadStages(): Promise<Stages> {
  const parseNotes = probe(await load<ParseNotes>('../src/parse/index.js', 'parseNotes'), (f) => f([TINY]));
  const parseFile = probe(await load<ParseFile>('../src/parse/index.js', 'parseFile'), (f) => f(TINY));
  let mergeFileParses = await load<MergeFileParses>('../src/parse/index.js', 'mergeFileParses');
  if (parseFile.fn) {
    const pf = parseFile.fn;
    mergeFileParses = probe(mergeFileParses, (f) => f([pf(TINY)]));
  } else if (mergeFileParses.fn)
    mergeFileParses = { name: 'mergeFileParses', fn: null, reason: 'parseFile not available' };
  const tinyParsed = parseNotes.fn ? parseNotes.fn([TINY]) : null;
  let findLinks = await load<FindLinks>('../src/links/index.js', 'findLinks');
  if (tinyParsed) findLinks = probe(findLinks, (f) => f(tinyParsed.papers));
  else if (findLinks.fn) findLinks = { name: 'findLinks', fn: null, reason: 'needs parser output' };
  let buildGraph = await load<BuildGraphDetailed>('../src/graph/index.js', 'buildGraphDetailed');
  if (!buildGraph.fn) {
    const plain = await load<(p: ParseResult, l: LinkResult, o?: unknown) => SerializedGraph>(
      '../src/graph/index.js',
      'buildGraph',
    );
    if (plain.fn) {
      const f = plain.fn;
      buildGraph = { name: 'buildGraph', fn: (p, l, o) => ({ graph: f(p, l, o) }) };
    }
  }
  if (tinyParsed && findLinks.fn) {
    const links = findLinks.fn(tinyParsed.papers);
    buildGraph = probe(buildGraph, (f) => f(tinyParsed, links, { layout: false }));
  } else if (buildGraph.fn)
    buildGraph = { name: buildGraph.name, fn: null, reason: 'needs parser and link output' };
  return { parseNotes, parseFile, mergeFileParses, findLinks, buildGraph };
}

// ------------------------------------------------------------------------------------------------
// Read: the bench's own reader (the CLI's may add diagnostics; this is the I/O floor).

const decoder = new TextDecoder('utf-8', { fatal: false, ignoreBOM: false });

export function readNotes(dir: string): NoteFile[] {
  const out: NoteFile[] = [];
  const walk = (d: string): void => {
    for (const name of readdirSync(d).sort()) {
      const full = join(d, name);
      const st = statSync(full);
      if (st.isDirectory()) walk(full);
      else if (/\.(md|markdown)$/i.test(name)) {
        out.push({
          path: relative(dir, full).split(sep).join('/'),
          text: decoder.decode(readFileSync(full)),
        });
      }
    }
  };
  walk(dir);
  return out;
}

// ------------------------------------------------------------------------------------------------
// The remark-alone baseline: the same parser configuration papermap's parser uses.

export interface Baseline {
  describe: string;
  parse: (text: string) => unknown;
}

/** Look at src/parse to pick the same markdown parser and extensions it uses. */
export async function loadBaseline(): Promise<Baseline> {
  let src = '';
  const walk = (d: string): void => {
    for (const name of readdirSync(d)) {
      const full = join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (name.endsWith('.ts')) src += readFileSync(full, 'utf8');
    }
  };
  try {
    walk(new URL('../src/parse', import.meta.url).pathname);
  } catch {
    /* no parser yet: plain remark-parse */
  }
  const gfm = /from ['"](remark-gfm|micromark-extension-gfm|mdast-util-gfm)['"]/.test(src);
  const gfmTableOnly = !gfm && /from ['"]micromark-extension-gfm-table['"]/.test(src);
  // src/parse reads micromark's events (or an mdast tree from them) without the unified wrapper: the baseline is
  // mdast-util-from-markdown with the same extensions, which is remark-parse less that wrapper.
  const micromarkDirect = /from ['"](mdast-util-from-markdown|micromark)['"]/.test(src);
  if (micromarkDirect && !/from 'remark-parse'|from "remark-parse"/.test(src)) {
    const { fromMarkdown } = await import('mdast-util-from-markdown');
    if (gfmTableOnly) {
      const { gfmTable } = await import('micromark-extension-gfm-table');
      const { gfmTableFromMarkdown } = await import('mdast-util-gfm-table');
      const extensions = [gfmTable()];
      const mdastExtensions = [gfmTableFromMarkdown()];
      return {
        describe:
          'mdast-util-from-markdown + GFM tables (the parser and extensions src/parse uses; remark-parse is this plus a wrapper)',
        parse: (t) => fromMarkdown(t, { extensions, mdastExtensions }),
      };
    }
    if (gfm) {
      const { gfm: gfmSyntax } = await import('micromark-extension-gfm');
      const { gfmFromMarkdown } = await import('mdast-util-gfm');
      const extensions = [gfmSyntax()];
      const mdastExtensions = gfmFromMarkdown();
      return {
        describe: 'mdast-util-from-markdown + GFM (as src/parse)',
        parse: (t) => fromMarkdown(t, { extensions, mdastExtensions }),
      };
    }
    return { describe: 'mdast-util-from-markdown (as src/parse)', parse: (t) => fromMarkdown(t) };
  }
  const { unified } = await import('unified');
  const { default: remarkParse } = await import('remark-parse');
  if (gfm) {
    const { default: remarkGfm } = await import('remark-gfm');
    const processor = unified().use(remarkParse).use(remarkGfm);
    return {
      describe: 'unified().use(remarkParse).use(remarkGfm).parse (as src/parse)',
      parse: (t) => processor.parse(t),
    };
  }
  const processor = unified().use(remarkParse);
  return { describe: 'unified().use(remarkParse).parse', parse: (t) => processor.parse(t) };
}
