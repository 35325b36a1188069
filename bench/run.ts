// npm run bench -- [--cases build,bigfile,adversarial,incremental,browser,cli] [--sizes 1000,10000,100000]
//                   [--runs N] [--no-write] [--help]
//
// Each case runs in child processes (bench/child.ts, or the real command for `cli`) so peak memory is the
// task's own. Results are printed, merged into bench/results.json by case, and rendered to bench/results.md.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BuildRun, StageName } from './child.js';
import { CLI_METHOD, runCli, type CliRun } from './cli.js';
import { generateCorpus } from './corpus.js';
import { renderResults, type Results } from './report.js';
import { runStartupCase, runWorkersCase, type StartupRun } from './startup.js';

const BENCH = dirname(fileURLToPath(import.meta.url));
const ROOT = join(BENCH, '..');
const SEED = 1;

const USAGE = `usage: npm run bench -- [options]
  --cases LIST          build,bigfile,adversarial,incremental,browser,cli,startup,workers or render
                        (default: build,bigfile,adversarial,incremental,browser,startup; render: only
                        re-render results.md from results.json; startup needs ../shared/corpora/daily-reports)
  --sizes LIST          papers for the build and cli cases (default: 1000,10000,100000)
  --runs N              runs per size or case (default: 7 at 1k, 3 at 10k, 1 at 100k; 3 for the others)
  --browser-sizes LIST  papers for the browser case (default: 1000,10000,50000)
  --incremental-size N  papers for the incremental case (default: 10000)
  --no-layout           build case: the stages without layout only (no layout run, no end-to-end cli run):
                        the quick check of build / remark, e.g. --cases build --sizes 10000 --no-layout --no-write
  --synthetic, --synthetic-only   browser case: the app's synthetic graph when the pipeline is missing
  --no-write            print only; leave results.json and results.md alone
  --help                this text
The real case times the page on ../shared/corpora/daily-reports (skipped when absent):
  npm run bench -- --cases real [--runs 3]
The cli case runs only the real command end to end (npm run build:graph with layout), e.g.
  npm run bench -- --cases cli --sizes 100000`;

const CASES = [
  'build',
  'bigfile',
  'adversarial',
  'incremental',
  'browser',
  'cli',
  'startup',
  'workers',
  'render',
  'real',
];
const argv = process.argv.slice(2);
if (argv.includes('--help') || argv.includes('-h')) {
  console.log(USAGE);
  process.exit(0);
}
const arg = (name: string): string | undefined => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : undefined;
};
const cases = (arg('cases') ?? 'build,bigfile,adversarial,incremental,browser,startup').split(',');
const sizes = (arg('sizes') ?? '1000,10000,100000').split(',').map(Number);
const runsOverride = arg('runs') ? Number(arg('runs')) : null;
const skipLayout = argv.includes('--no-layout');
const unknownCases = cases.filter((c) => !CASES.includes(c));
if (unknownCases.length > 0 || sizes.some((n) => !Number.isInteger(n) || n <= 0)) {
  console.error(
    `bench: ${unknownCases.length ? `unknown case ${unknownCases.join(', ')}` : `bad --sizes ${arg('sizes')}`}\n${USAGE}`,
  );
  process.exit(2);
}

export const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};

function child(args: string[]): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', join(BENCH, 'child.ts'), ...args], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    p.stdout.on('data', (d: Buffer) => {
      out += d.toString();
    });
    p.on('error', reject);
    p.on('close', (code) => {
      const line = out.split('\n').find((l) => l.startsWith('@@RESULT '));
      if (!line) {
        resolve({ failed: `child ${args[0]} exited ${code} without a result`, output: out.slice(-2000) });
        return;
      }
      resolve(JSON.parse(line.slice('@@RESULT '.length)) as Record<string, unknown>);
    });
  });
}

/** Write the corpus for `papers` to bench/corpus/<papers> once; reuse it while the generator is unchanged. */
function ensureCorpus(papers: number): { dir: string; files: number; bytes: number; articles: number } {
  const root = join(BENCH, 'corpus', String(papers));
  const dir = join(root, 'notes');
  const stampFile = join(root, 'stamp.json');
  const genSrc =
    readFileSync(join(BENCH, 'corpus.ts'), 'utf8') + readFileSync(join(BENCH, 'corpus-data.ts'), 'utf8');
  const stamp = `${SEED}:${papers}:${genSrc.length}:${hash(genSrc)}`;
  if (existsSync(stampFile)) {
    const s = JSON.parse(readFileSync(stampFile, 'utf8')) as {
      stamp: string;
      files: number;
      bytes: number;
      articles: number;
    };
    if (s.stamp === stamp) return { dir, files: s.files, bytes: s.bytes, articles: s.articles };
  }
  const t = performance.now();
  const corpus = generateCorpus({ papers, seed: SEED });
  let bytes = 0;
  for (const f of corpus.files) {
    const target = join(dir, f.path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, f.text);
    bytes += Buffer.byteLength(f.text);
  }
  writeFileSync(join(root, 'truth.json'), JSON.stringify(corpus.truth));
  const info = { stamp, files: corpus.files.length, bytes, articles: corpus.truth.articles.length };
  writeFileSync(stampFile, JSON.stringify(info));
  console.log(
    `  corpus ${papers}: ${info.files} files, ${(bytes / 1e6).toFixed(1)} MB, generated in ${((performance.now() - t) / 1000).toFixed(1)} s`,
  );
  return { dir, files: info.files, bytes, articles: info.articles };
}

function hash(s: string): string {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return (h >>> 0).toString(16);
}

const STAGES: StageName[] = ['read', 'parse', 'merge', 'link', 'graph', 'layout', 'write'];

export interface BuildSizeResult {
  papers: number;
  files: number;
  bytes: number;
  runs: number;
  baseline: string;
  unavailable: string[];
  stages: Record<StageName, number | null>;
  remark: number;
  /** parse + merge + link + graph (no layout), in memory. */
  buildNoLayout: number | null;
  ratio: number | null;
  perPaperUs: number | null;
  remarkPerPaperUs: number;
  withLayoutTotal: number | null;
  nodes: number | null;
  edges: number | null;
  parsedPapers: number | null;
  gzipBytes: number | null;
  jsonBytes?: number | null;
  gzipNoSummaryBytes: number | null;
  bytesPerNodeGzNoSummary: number | null;
  /** Gzipped map.json, what the page loads up front (summaries and evidence come in detail chunks). */
  mapGzBytes: number | null;
  bytesPerNodeMapGz: number | null;
  layoutIterations: number | null;
  stageChildMaxRssMiB: number;
  /** The real command end to end (see CliSizeResult); older results have only ms and maxRssMiB. */
  cli: {
    ms?: number;
    maxRssMiB?: number | null;
    stages?: Record<string, number>;
    load?: [number, number];
    method?: string;
    unavailable?: string;
    failed?: string;
    result?: unknown;
  };
}

/** The `cli` case: `build:graph` with layout, run as a user runs it, in its own process. */
export interface CliSizeResult {
  /** When these runs were made (ISO); sizes measured on other days keep their own date. */
  date: string;
  papers: number;
  files: number;
  bytes: number;
  /** How the peak RSS was taken. */
  method: string;
  runs: CliRun[];
  /** Median wall time over the runs, ms. */
  ms: number;
  /** Highest peak RSS over the runs, MiB. */
  maxRssMiB: number | null;
  /** Stage times of the median run. */
  stages: Record<string, number>;
}

/** `runs` end-to-end runs of the command on the `papers` corpus. */
async function measureCli(papers: number, runs: number): Promise<CliSizeResult> {
  const corpus = ensureCorpus(papers);
  const out = join(BENCH, 'out', `graph-${papers}.json`);
  mkdirSync(dirname(out), { recursive: true });
  const done: CliRun[] = [];
  for (let i = 0; i < runs; i++) {
    const run = await runCli(corpus.dir, out);
    console.log(
      `  cli ${papers}: ${(run.ms / 1000).toFixed(1)} s, peak RSS ${run.maxRssMiB === null ? 'not measured' : `${run.maxRssMiB.toFixed(0)} MiB`}, load ${run.load.map((x) => x.toFixed(1)).join(' -> ')}${run.failed ? `; FAILED (exit ${run.code}):\n${run.failed}` : ''}`,
    );
    done.push(run);
  }
  const ok = done.filter((r) => r.code === 0);
  const byTime = [...ok].sort((a, b) => a.ms - b.ms);
  const middle = byTime[(byTime.length - 1) >> 1];
  const rss = ok.map((r) => r.maxRssMiB).filter((x): x is number => x !== null);
  return {
    date: new Date().toISOString(),
    papers,
    files: corpus.files,
    bytes: corpus.bytes,
    method: CLI_METHOD(),
    runs: done,
    ms: ok.length ? median(ok.map((r) => r.ms)) : NaN,
    maxRssMiB: rss.length ? Math.max(...rss) : null,
    stages: middle?.stages ?? {},
  };
}

async function caseCli(): Promise<CliSizeResult[]> {
  const out: CliSizeResult[] = [];
  for (const n of sizes) {
    console.log(`cli end to end: ${n} papers`);
    out.push(await measureCli(n, runsOverride ?? (n <= 1000 ? 3 : 1)));
  }
  return out;
}

async function caseBuild(): Promise<BuildSizeResult[]> {
  const out: BuildSizeResult[] = [];
  for (const n of sizes) {
    console.log(`build ${n} papers`);
    const corpus = ensureCorpus(n);
    const runs = runsOverride ?? (n <= 1000 ? 7 : n <= 10000 ? 3 : 1);
    const warmup = n <= 1000 ? 1 : 0;
    const r = await child([
      'build',
      '--dir',
      corpus.dir,
      '--runs',
      String(runs),
      '--warmup',
      String(warmup),
      '--layout',
      skipLayout ? 'no' : 'yes',
    ]);
    if (r.failed) {
      console.log(`  failed: ${String(r.failed)}\n${String(r.output)}`);
    }
    const rs = (r.runs as BuildRun[] | undefined) ?? [];
    const med = (f: (x: BuildRun) => number | null): number | null => {
      const xs = rs.map(f);
      return xs.length && xs.every((x) => x !== null) ? median(xs as number[]) : null;
    };
    const stages = Object.fromEntries(STAGES.map((s) => [s, med((x) => x.stages[s])])) as Record<
      StageName,
      number | null
    >;
    const noLayout = med((x) =>
      x.stages.parse !== null && x.stages.link !== null && x.stages.graph !== null
        ? x.stages.parse + (x.stages.merge ?? 0) + x.stages.link + x.stages.graph
        : null,
    );
    const remark = med((x) => x.remark) ?? 0;
    const ratio = med((x) =>
      x.stages.parse !== null && x.stages.link !== null && x.stages.graph !== null
        ? (x.stages.parse + (x.stages.merge ?? 0) + x.stages.link + x.stages.graph) / x.remark
        : null,
    );
    if (!skipLayout) console.log(`  cli end-to-end (with layout)`);
    const measured = skipLayout ? null : await measureCli(n, 1);
    const cliRun = measured?.runs[0] as CliRun | undefined;
    const cli: BuildSizeResult['cli'] =
      !measured || !cliRun
        ? { unavailable: 'not run (--no-layout)' }
        : cliRun.code === 0
          ? {
              ms: cliRun.ms,
              maxRssMiB: cliRun.maxRssMiB,
              stages: cliRun.stages,
              load: cliRun.load,
              method: measured.method,
            }
          : { failed: `exit ${cliRun.code}: ${cliRun.failed ?? ''}` };
    const nodes = med((x) => x.nodes);
    const gzNo = med((x) => x.gzipNoSummaryBytes);
    // read + parse + merge + link + graph + layout + write: the whole build with layout, stage by stage.
    const withLayoutTotal = med((x) =>
      STAGES.every((s) => s === 'merge' || x.stages[s] !== null)
        ? STAGES.reduce((a, s) => a + (x.stages[s] ?? 0), 0)
        : null,
    );
    const res: BuildSizeResult = {
      papers: n,
      files: corpus.files,
      bytes: corpus.bytes,
      runs: rs.length,
      baseline: String(r.baseline ?? ''),
      unavailable: (r.unavailable as string[] | undefined) ?? (r.failed ? [String(r.failed)] : []),
      stages,
      remark,
      buildNoLayout: noLayout,
      ratio,
      perPaperUs: noLayout === null ? null : (noLayout * 1000) / n,
      remarkPerPaperUs: (remark * 1000) / n,
      withLayoutTotal,
      nodes,
      edges: med((x) => x.edges),
      parsedPapers: med((x) => x.papers),
      gzipBytes: med((x) => x.gzipBytes),
      jsonBytes: med((x) => x.jsonBytes),
      gzipNoSummaryBytes: gzNo,
      mapGzBytes: rs[rs.length - 1]?.mapGzBytes ?? null,
      bytesPerNodeGzNoSummary: gzNo !== null && nodes ? gzNo / nodes : null,
      bytesPerNodeMapGz:
        rs[rs.length - 1]?.mapGzBytes && nodes ? (rs[rs.length - 1]?.mapGzBytes as number) / nodes : null,
      layoutIterations: med((x) => x.layoutIterations),
      stageChildMaxRssMiB: Number(r.maxRssMiB ?? 0),
      cli,
    };
    console.log(
      `  remark ${remark.toFixed(0)} ms; stages ${STAGES.map((s) => `${s}=${stages[s] === null ? 'n/a' : (stages[s] as number).toFixed(0)}`).join(' ')}; ratio ${ratio === null ? 'n/a' : ratio.toFixed(2)}; cli ${cli.ms ? `${(cli.ms / 1000).toFixed(1)} s, ${cli.maxRssMiB?.toFixed(0)} MiB` : (cli.unavailable ?? cli.failed)}`,
    );
    out.push(res);
  }
  return out;
}

async function caseBigFile(): Promise<Record<string, unknown>> {
  console.log('big file: 1 note of 100x the seed vs 100 seed-sized notes');
  const seedBytes = Buffer.byteLength(readFileSync(join(ROOT, 'content', 'reinforcement-learning.md')));
  const r = await child([
    'bigfile',
    '--runs',
    String(runsOverride ?? 3),
    '--count',
    '100',
    '--bytes',
    String(seedBytes),
  ]);
  const perByte = (ms: number[], bytes: number): number => median(ms) / bytes;
  const bs = Number(r.bytesSmall);
  const bb = Number(r.bytesBig);
  const remarkRatio = perByte(r.remarkBig as number[], bb) / perByte(r.remarkSmall as number[], bs);
  const pm = r.havePapermap
    ? perByte(r.papermapBig as number[], bb) / perByte(r.papermapSmall as number[], bs)
    : null;
  console.log(
    `  remark per-byte big/small ${remarkRatio.toFixed(2)}; papermap ${pm === null ? 'not available' : pm.toFixed(2)}`,
  );
  return { ...r, seedBytes, remarkRatio, papermapRatio: pm };
}

async function caseAdversarial(): Promise<Record<string, unknown>> {
  console.log('adversarial: the seed beside a 0.8 MB one-line note and a 1,000-deep list (issue 5)');
  const r = await child(['adversarial']);
  console.log(
    `  ${r.totalMs === undefined ? `not available: ${String(r.unavailable ?? r.failed)}` : `${(Number(r.totalMs) / 1000).toFixed(1)} s with layout`}`,
  );
  return r;
}

async function caseIncremental(): Promise<Record<string, unknown>> {
  const n = Number(arg('incremental-size') ?? 10000);
  console.log(`incremental: ${n}-paper corpus, warm builder, one note edited`);
  const corpus = ensureCorpus(n);
  const r = await child(['incremental', '--dir', corpus.dir, '--edits', String(runsOverride ?? 7)]);
  const edits = r.editsMs as number[] | undefined;
  const med = edits && edits.length ? median(edits) : null;
  console.log(
    `  ${med === null ? `not available: ${String(r.unavailable ?? r.failed)}` : `median ${med.toFixed(0)} ms over ${edits?.length} edits`}`,
  );
  return { ...r, papers: n, medianMs: med };
}

async function caseBrowser(): Promise<Record<string, unknown>> {
  const { runBrowserCase } = await import('./browser/run-browser.js');
  const bsizes = (arg('browser-sizes') ?? '1000,10000,50000').split(',').map(Number);
  return (await runBrowserCase({
    sizes: bsizes,
    runs: runsOverride ?? 3,
    ensureCorpus,
    synthetic: argv.includes('--synthetic-only') ? 'force' : argv.includes('--synthetic') ? 'yes' : 'no',
  })) as Record<string, unknown>;
}

async function main(): Promise<void> {
  const resultsFile = join(BENCH, 'results.json');
  const previous: Results = existsSync(resultsFile)
    ? (JSON.parse(readFileSync(resultsFile, 'utf8')) as Results)
    : { cases: {} };
  const cpu = cpus();
  const machine = {
    date: new Date().toISOString(),
    cpu: cpu[0]?.model ?? 'unknown',
    cores: cpu.length,
    node: process.version,
    memGiB: Math.round(totalmem() / 2 ** 30),
    load: loadavg()
      .map((x) => x.toFixed(2))
      .join(' '),
  };
  console.log(
    `papermap bench ${machine.date} on ${machine.cpu} x${machine.cores}, node ${machine.node}, load ${machine.load}`,
  );
  const results: Results = { cases: { ...previous.cases } };
  if (cases.includes('build')) {
    const fresh = await caseBuild();
    const old = (results.cases.build?.data as BuildSizeResult[] | undefined) ?? [];
    const merged = [...old.filter((o) => !fresh.some((f) => f.papers === o.papers)), ...fresh].sort(
      (a, b) => a.papers - b.papers,
    );
    results.cases.build = { machine, data: merged };
  }
  if (cases.includes('cli')) {
    const fresh = await caseCli();
    const old = (results.cases.cli?.data as CliSizeResult[] | undefined) ?? [];
    const merged = [...old.filter((o) => !fresh.some((f) => f.papers === o.papers)), ...fresh].sort(
      (a, b) => a.papers - b.papers,
    );
    results.cases.cli = { machine, data: merged };
  }
  if (cases.includes('bigfile')) results.cases.bigfile = { machine, data: await caseBigFile() };
  if (cases.includes('adversarial')) results.cases.adversarial = { machine, data: await caseAdversarial() };
  if (cases.includes('incremental')) results.cases.incremental = { machine, data: await caseIncremental() };
  if (cases.includes('browser')) {
    const data = await caseBrowser();
    // Keep the sizes this run did not measure.
    const old = (results.cases.browser?.data as { sizes?: { papers: number }[] } | undefined)?.sizes ?? [];
    const fresh = (data.sizes as { papers: number }[] | undefined) ?? [];
    data.sizes = [...old.filter((o) => !fresh.some((f) => f.papers === o.papers)), ...fresh].sort(
      (a, b) => a.papers - b.papers,
    );
    for (const n of (data.notes as string[] | undefined) ?? []) console.log(`  note: ${n}`);
    results.cases.browser = { machine, data };
  }
  if (cases.includes('startup')) {
    const data = await runStartupCase(runsOverride ?? 3);
    if ('skipped' in data) console.log(`  startup: skipped (${data.skipped})`);
    else {
      const of = (k: keyof Omit<StartupRun, 'load'>) => median(data.runs.map((r) => r[k]));
      const medians = {
        coldMs: of('coldMs'),
        warmMs: of('warmMs'),
        warmUpMs: of('warmUpMs'),
        firstEditMs: of('firstEditMs'),
        editMs: of('editMs'),
        firstEditAtOnceMs: of('firstEditAtOnceMs'),
      };
      const s = (x: number) => `${(x / 1000).toFixed(2)} s`;
      console.log(
        `  startup medians (${data.runs.length} runs, daily-reports): cold ${s(medians.coldMs)}, warm ${s(medians.warmMs)} (+${s(medians.warmUpMs)} warm-up), first edit ${s(medians.firstEditMs)}, edit ${s(medians.editMs)}, first edit at once ${s(medians.firstEditAtOnceMs)}`,
      );
      results.cases.startup = { machine, data: { corpus: 'daily-reports', medians, runs: data.runs } };
    }
  }
  if (cases.includes('workers')) {
    const data = await runWorkersCase(runsOverride ?? 3);
    if ('skipped' in data) console.log(`  workers: skipped (${data.skipped})`);
    else {
      const medians: Record<string, number> = {};
      for (const w of [...new Set(data.runs.map((r) => r.workers))])
        medians[w] = median(data.runs.filter((r) => r.workers === w).map((r) => r.coldMs));
      console.log(
        `  workers medians (daily-reports cold start): ${Object.entries(medians)
          .map(([w, ms]) => `${w} thread(s) ${(ms / 1000).toFixed(2)} s`)
          .join(', ')}`,
      );
      results.cases.workers = { machine, data: { corpus: 'daily-reports', medians, runs: data.runs } };
    }
  }
  if (cases.includes('real')) {
    const { runRealFolder } = await import('./browser/real-folder.js');
    results.cases.real = { machine, data: await runRealFolder({ runs: runsOverride ?? 3 }) };
  }
  if (!argv.includes('--no-write')) {
    writeFileSync(resultsFile, JSON.stringify(results, null, 2) + '\n');
    const analysisFile = join(BENCH, 'analysis.md');
    const analysis = existsSync(analysisFile) ? readFileSync(analysisFile, 'utf8') : null;
    writeFileSync(join(BENCH, 'results.md'), renderResults(results, analysis));
    console.log('wrote bench/results.md and bench/results.json');
  }
}

await main();
