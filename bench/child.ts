// One benchmark task in its own process, so peak memory (maxRSS) belongs to that task alone.
// Run by bench/run.ts: node --expose-gc --import tsx bench/child.ts <task> [--key value]...
// Prints one line `@@RESULT <json>` on stdout.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { NoteFile, ParseResult, SerializedGraph } from '../src/types.js';
import { generateBigFileCase } from './corpus.js';
import { loadBaseline, loadStages, readNotes, type Stages } from './stages.js';

// Non-literal specifiers: these modules are written in parallel and may not exist yet.
const CLI_MODULE: string = '../src/cli/build-graph.js';
const PIPELINE_MODULE: string = '../src/pipeline.js';
const VIEW_MODULE: string = '../src/view/bundle.js';
const SYNTHETIC_MODULE: string = '../src/view/synthetic.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const argv = process.argv.slice(2);
const task = argv[0];
const arg = (name: string, dflt: string): string => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? (argv[i + 1] ?? dflt) : dflt;
};

const gc = (): void => {
  (globalThis as { gc?: () => void }).gc?.();
};
const now = (): number => performance.now();
const maxRssMiB = (): number => process.resourceUsage().maxRSS / 1024;
const emit = (result: unknown): void => {
  process.stdout.write(`@@RESULT ${JSON.stringify(result)}\n`);
};

export type StageName = 'read' | 'parse' | 'merge' | 'link' | 'graph' | 'layout' | 'write';

export interface BuildRun {
  /** Milliseconds per stage; null when the stage is not available. */
  stages: Record<StageName, number | null>;
  remark: number;
  papers: number | null;
  nodes: number | null;
  edges: number | null;
  /** Bytes of graph JSON as written, and gzipped; and gzipped with summaries removed. */
  jsonBytes: number | null;
  gzipBytes: number | null;
  gzipNoSummaryBytes: number | null;
  /** Gzipped map.json (what the page loads before any summary), when src/view is available. */
  mapGzBytes: number | null;
  layoutIterations: number | null;
}

/** Strip the on-demand parts (summaries) to measure what the page must load up front. */
function withoutSummaries(graph: SerializedGraph): unknown {
  return {
    ...graph,
    nodes: graph.nodes.map((n) => {
      const { summary: _s, ...rest } = n.attributes as unknown as Record<string, unknown>;
      return { ...n, attributes: rest };
    }),
  };
}

function runParse(
  stages: Stages,
  files: readonly NoteFile[],
): { parsed: ParseResult | null; parse: number | null; merge: number | null } {
  if (stages.parseFile.fn && stages.mergeFileParses.fn) {
    const t0 = now();
    const parses = files.map((f) => (stages.parseFile.fn as NonNullable<Stages['parseFile']['fn']>)(f));
    const t1 = now();
    const parsed = stages.mergeFileParses.fn(parses);
    return { parsed, parse: t1 - t0, merge: now() - t1 };
  }
  if (stages.parseNotes.fn) {
    const t0 = now();
    const parsed = stages.parseNotes.fn(files);
    return { parsed, parse: now() - t0, merge: null };
  }
  return { parsed: null, parse: null, merge: null };
}

function buildOnce(
  stages: Stages,
  dir: string,
  outDir: string,
  baseline: (t: string) => unknown,
  withLayout: boolean,
  toViewFiles: ToViewFiles | null,
): BuildRun {
  const stagesMs: Record<StageName, number | null> = {
    read: null,
    parse: null,
    merge: null,
    link: null,
    graph: null,
    layout: null,
    write: null,
  };
  const run: BuildRun = {
    stages: stagesMs,
    remark: 0,
    papers: null,
    nodes: null,
    edges: null,
    jsonBytes: null,
    gzipBytes: null,
    gzipNoSummaryBytes: null,
    mapGzBytes: null,
    layoutIterations: null,
  };
  gc();
  let t = now();
  const files = readNotes(dir);
  stagesMs.read = now() - t;

  // remark alone on the same decoded files, in the same process and run, interleaved file by file with
  // parseFile so that a change in machine load during the run hits both alike.
  gc();
  let parsed: ParseResult | null = null;
  const parseFile = stages.parseFile.fn;
  const merge = stages.mergeFileParses.fn;
  if (parseFile && merge) {
    const parses: unknown[] = [];
    let parseMs = 0;
    let remarkMs = 0;
    for (const f of files) {
      t = now();
      baseline(f.text);
      const t1 = now();
      parses.push(parseFile(f));
      parseMs += now() - t1;
      remarkMs += t1 - t;
    }
    run.remark = remarkMs;
    stagesMs.parse = parseMs;
    t = now();
    parsed = merge(parses);
    stagesMs.merge = now() - t;
  } else {
    t = now();
    for (const f of files) baseline(f.text);
    run.remark = now() - t;
    gc();
    const r = runParse(stages, files);
    parsed = r.parsed;
    stagesMs.parse = r.parse;
    stagesMs.merge = r.merge;
  }
  if (!parsed) return run;
  run.papers = parsed.papers.length;
  if (!stages.findLinks.fn) return run;
  t = now();
  const links = stages.findLinks.fn(parsed.papers);
  stagesMs.link = now() - t;
  if (!stages.buildGraph.fn) return run;
  t = now();
  let build = stages.buildGraph.fn(parsed, links, { layout: false });
  stagesMs.graph = now() - t;
  if (withLayout) {
    t = now();
    const laid = stages.buildGraph.fn(parsed, links, { layout: true });
    const total = now() - t;
    // The layout's own share, when buildGraph reports it; else the difference to the layout-free build.
    stagesMs.layout = laid.timings ? laid.timings.layout : Math.max(0, total - (stagesMs.graph ?? 0));
    run.layoutIterations = laid.iterations ?? null;
    build = laid;
  }
  const graph = build.graph;
  run.nodes = graph.nodes.length;
  run.edges = graph.edges.length;
  t = now();
  const json = JSON.stringify(graph);
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, 'graph.json.tmp'), json);
  stagesMs.write = now() - t;
  run.jsonBytes = Buffer.byteLength(json);
  run.gzipBytes = gzipSync(json).length;
  run.gzipNoSummaryBytes = gzipSync(JSON.stringify(withoutSummaries(graph))).length;
  const map = toViewFiles?.(graph).get('map.json');
  if (map !== undefined) run.mapGzBytes = gzipSync(map).length;
  return run;
}

async function taskBuild(): Promise<void> {
  const dir = arg('dir', '');
  const runs = Number(arg('runs', '3'));
  const warmup = Number(arg('warmup', '1'));
  const withLayout = arg('layout', 'yes') === 'yes';
  const stages = await loadStages();
  const baseline = await loadBaseline();
  const toViewFiles = await loadToViewFiles();
  const results: BuildRun[] = [];
  for (let i = 0; i < warmup + runs; i++) {
    const r = buildOnce(
      stages,
      dir,
      join(dir, '..', 'out'),
      baseline.parse,
      withLayout,
      i === warmup + runs - 1 ? toViewFiles : null,
    );
    if (i >= warmup) results.push(r);
  }
  const unavailable = Object.values(stages)
    .filter((s) => !s.fn)
    .map((s) => `${s.name}: ${s.reason ?? 'not available'}`);
  emit({ runs: results, baseline: baseline.describe, unavailable, maxRssMiB: maxRssMiB() });
}

/** The real command, end to end with layout: `build:graph --content DIR --out FILE` (its main()). */
async function taskCli(): Promise<void> {
  const dir = arg('dir', '');
  const out = arg('out', '');
  let main: unknown;
  try {
    const m = (await import(CLI_MODULE)) as Record<string, unknown>;
    main = m.main;
  } catch (e) {
    emit({ unavailable: `src/cli/build-graph: ${(e as Error).message.split('\n')[0]}` });
    return;
  }
  if (typeof main !== 'function') {
    emit({ unavailable: 'src/cli/build-graph has no main' });
    return;
  }
  const lines: string[] = [];
  const io = { out: (t: string) => lines.push(t), err: (t: string) => lines.push(t) };
  const t = now();
  const code = (await (main as (a: string[], io: unknown) => Promise<number>)(
    ['--content', dir, '--out', out, '--no-cache'],
    io,
  )) as number;
  const ms = now() - t;
  const report = lines.join('\n');
  emit({ ms, code, maxRssMiB: maxRssMiB(), report: report.split('\n').slice(0, 12).join('\n') });
}

/** One note 100x the seed's size against 100 seed-sized notes: per-byte cost, papermap and remark. */
async function taskBigFile(): Promise<void> {
  const runs = Number(arg('runs', '3'));
  const count = Number(arg('count', '100'));
  const bytesEach = Number(arg('bytes', '71218'));
  const { small, big } = generateBigFileCase({ count, bytesEach });
  const bytesSmall = small.reduce((n, f) => n + Buffer.byteLength(f.text), 0);
  const bytesBig = Buffer.byteLength(big.text);
  const stages = await loadStages();
  const baseline = await loadBaseline();
  const time = (f: () => void): number => {
    gc();
    const t = now();
    f();
    return now() - t;
  };
  const papermap = (files: readonly NoteFile[]): void => {
    const { parsed } = runParse(stages, files);
    if (parsed && stages.findLinks.fn) {
      const links = stages.findLinks.fn(parsed.papers);
      stages.buildGraph.fn?.(parsed, links, { layout: false });
    }
  };
  const havePapermap = Boolean(stages.parseNotes.fn || (stages.parseFile.fn && stages.mergeFileParses.fn));
  const r = {
    remarkSmall: [] as number[],
    remarkBig: [] as number[],
    papermapSmall: [] as number[],
    papermapBig: [] as number[],
    papers: [] as number[],
  };
  // Warm up on a tenth, then alternate so drift hits both sides alike.
  for (const f of small.slice(0, 10)) baseline.parse(f.text);
  if (havePapermap) papermap(small.slice(0, 10));
  for (let i = 0; i < runs; i++) {
    r.remarkSmall.push(time(() => small.forEach((f) => baseline.parse(f.text))));
    r.remarkBig.push(time(() => baseline.parse(big.text)));
    if (havePapermap) {
      r.papermapSmall.push(time(() => papermap(small)));
      r.papermapBig.push(time(() => papermap([big])));
    }
  }
  if (havePapermap) {
    const a = runParse(stages, small).parsed?.papers.length ?? 0;
    const b = runParse(stages, [big]).parsed?.papers.length ?? 0;
    r.papers = [a, b];
  }
  emit({
    ...r,
    bytesSmall,
    bytesBig,
    files: small.length,
    baseline: baseline.describe,
    havePapermap,
    maxRssMiB: maxRssMiB(),
  });
}

/** Warm incremental builder over a corpus; edit one note at a time; time until the new graph is ready. */
async function taskIncremental(): Promise<void> {
  const dir = arg('dir', '');
  const edits = Number(arg('edits', '7'));
  let create: unknown;
  try {
    const m = (await import(PIPELINE_MODULE)) as Record<string, unknown>;
    create = m.createBuilder;
  } catch (e) {
    emit({ unavailable: `src/pipeline: ${(e as Error).message.split('\n')[0]}` });
    return;
  }
  if (typeof create !== 'function') {
    emit({ unavailable: 'src/pipeline has no createBuilder' });
    return;
  }
  const { runIncremental } = await import('./incremental.js');
  const files = readNotes(dir);
  const result = await runIncremental(create, files, edits, await loadDevViewFiles());
  emit({ ...result, maxRssMiB: maxRssMiB() });
}

type ToViewFiles = (graph: SerializedGraph) => Map<string, string>;

/** What the dev server makes per rebuild (src/cli/vite-plugin.ts): map.json and search.json, chunks later. */
async function loadDevViewFiles(): Promise<ToViewFiles | null> {
  try {
    const m = (await import(VIEW_MODULE)) as Record<string, unknown>;
    if (typeof m.toLazyViewFiles !== 'function') return loadToViewFiles();
    const lazy = m.toLazyViewFiles as (
      g: SerializedGraph,
      salt: string,
    ) => { get(name: string): string | undefined };
    let generation = 0;
    return (graph) => {
      const files = lazy(graph, String(++generation));
      return new Map(['map.json', 'search.json'].map((name) => [name, files.get(name) ?? '']));
    };
  } catch {
    return null;
  }
}

async function loadToViewFiles(): Promise<ToViewFiles | null> {
  try {
    const m = (await import(VIEW_MODULE)) as Record<string, unknown>;
    return typeof m.toViewFiles === 'function' ? (m.toViewFiles as ToViewFiles) : null;
  } catch {
    return null;
  }
}

/** The files the page loads (map.json, details/*.json, search.json) for a corpus, with layout. */
async function taskViewData(): Promise<void> {
  const dir = arg('dir', '');
  const out = arg('out', '');
  const stages = await loadStages();
  const toViewFiles = await loadToViewFiles();
  if (!toViewFiles) {
    emit({ unavailable: 'src/view toViewFiles not available' });
    return;
  }
  const files = readNotes(dir);
  const { parsed } = runParse(stages, files);
  let graph: SerializedGraph;
  let source = 'corpus';
  const t = now();
  if (!parsed || !stages.findLinks.fn || !stages.buildGraph.fn || arg('synthetic', 'no') === 'force') {
    const missing = Object.values(stages)
      .filter((s) => !s.fn)
      .map((s) => `${s.name}: ${s.reason ?? ''}`)
      .join('; ');
    if (arg('synthetic', 'no') === 'no') {
      emit({ unavailable: missing });
      return;
    }
    // Only on request: the app's own synthetic graph of the same size, so the renderers can still be compared.
    const m = (await import(SYNTHETIC_MODULE)) as {
      syntheticGraph: (o: { papers: number }) => SerializedGraph;
    };
    graph = m.syntheticGraph({ papers: Number(arg('papers', '1000')) });
    source = `synthetic (src/view/synthetic.ts)${missing ? `, pipeline not available: ${missing}` : ', on request'}`;
  } else {
    graph = stages.buildGraph.fn(parsed, stages.findLinks.fn(parsed.papers), { layout: true }).graph;
  }
  const buildMs = now() - t;
  const view = toViewFiles(graph);
  let mapGz = 0;
  for (const [path, text] of view) {
    const target = join(out, path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, text);
    if (path === 'map.json') mapGz = gzipSync(text).length;
  }
  emit({ nodes: graph.nodes.length, edges: graph.edges.length, mapGz, files: view.size, buildMs, source });
}

/** Issue 5's slow inputs beside the seed: the whole build (with layout) must stay bounded. */
async function taskAdversarial(): Promise<void> {
  const { readFileSync } = await import('node:fs');
  const { generateAdversarialFiles } = await import('./corpus.js');
  const seed = {
    path: 'reinforcement-learning.md',
    text: readFileSync(join(ROOT, 'content', 'reinforcement-learning.md'), 'utf8'),
  };
  const files = [...generateAdversarialFiles(), seed];
  const stages = await loadStages();
  const t = now();
  const { parsed } = runParse(stages, files);
  const parseMs = now() - t;
  if (!parsed || !stages.findLinks.fn || !stages.buildGraph.fn) {
    emit({ unavailable: 'pipeline not available', parseMs: parsed ? parseMs : null });
    return;
  }
  const graph = stages.buildGraph.fn(parsed, stages.findLinks.fn(parsed.papers), { layout: true }).graph;
  const totalMs = now() - t;
  const rules = parsed.diagnostics
    .filter((d) => d.file.startsWith('adversarial/'))
    .map((d) => `${d.file}:${d.line} ${d.rule}`);
  emit({
    parseMs,
    totalMs,
    papers: parsed.papers.length,
    nodes: graph.nodes.length,
    diagnostics: [...new Set(rules)],
    maxRssMiB: maxRssMiB(),
  });
}

const tasks: Record<string, () => Promise<void>> = {
  adversarial: taskAdversarial,
  viewdata: taskViewData,
  build: taskBuild,
  cli: taskCli,
  bigfile: taskBigFile,
  incremental: taskIncremental,
};

const fn = task ? tasks[task] : undefined;
if (!fn) {
  console.error(`usage: child.ts ${Object.keys(tasks).join('|')} ...`);
  process.exit(2);
}
await fn();
