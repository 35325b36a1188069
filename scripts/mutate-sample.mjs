// Mutation score of a whole folder, estimated from a seeded random sample of its mutants (issue 13).
//
//   npm run mutate:sample -- --mutate 'src/links/**/*.ts' --sample 200 --seed 1 [--force] [--concurrency 2]
//   npm run mutate:sample -- --mutate 'src/links/**/*.ts' --sample 200 --seed 1 --list   (draw only)
//   npm run mutate:sample -- --mutate 'src/links/**/*.ts' --sample 200 --seed 1 --recheck Timeout --timeoutMS 60000
//     (runs again only the drawn mutants of the recorded draw that ended with that status, e.g. timeouts on a
//     busy machine, and records their new status beside the old one)
//
// 1. Lists every mutant Stryker would make in the matched files (its own instrumenter, same mutators), in a
//    fixed order, and draws `--sample` of them uniformly without replacement (mulberry32 seeded by `--seed`).
// 2. Runs Stryker (stryker.config.mjs: vitest related, perTest coverage, TypeScript checker) on exactly those
//    mutants: `--mutate` becomes one location range per drawn mutant, and the `sample` ignorer
//    (scripts/mutate-sample-ignorer.mjs) drops every mutant nested inside a drawn one, so that drawing a
//    block does not run every mutant in it. Other mutators on the very same node still run (Stryker mutates
//    a node whole); they are reported apart and left out of the estimate.
// 3. Scores the drawn mutants only: (killed + timeout) / (killed + timeout + survived), the issue's score,
//    and Stryker's total (no coverage counted as survived), each with a 95% Wilson interval. Mutants the
//    type checker rejects are not mutants of the program and leave the sample (the interval uses what is
//    left).
//
// Results: bench/mutation/samples/<folder>-seed<S>-n<N>.json (the draw, every status, the scores), and
// Stryker's incremental file bench/mutation/sample-<folder>.incremental.json, so a rerun after new tests
// only retests what changed (`--force` for a final figure: static mutants keep old results otherwise).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Instrumenter } from '@stryker-mutator/instrumenter';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT_DIR = path.join(ROOT, 'bench', 'mutation', 'samples');

function parseArgs(argv) {
  const opts = { mutate: '', sample: 200, seed: 1, list: false, scoreOnly: false, recheck: [], rest: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`mutate-sample: ${a} needs a value`);
      return v;
    };
    if (a === '--mutate') opts.mutate = value();
    else if (a === '--sample') opts.sample = Number(value());
    else if (a === '--seed') opts.seed = Number(value());
    else if (a === '--list') opts.list = true;
    else if (a === '--score-only') opts.scoreOnly = true;
    else if (a === '--recheck') opts.recheck = value().split(',');
    else opts.rest.push(a);
  }
  if (opts.mutate === '') throw new Error("mutate-sample: --mutate 'src/<folder>/**/*.ts' is required");
  if (!Number.isInteger(opts.sample) || opts.sample < 1)
    throw new Error('mutate-sample: --sample must be a positive integer');
  if (!Number.isInteger(opts.seed)) throw new Error('mutate-sample: --seed must be an integer');
  return opts;
}

/** mulberry32, as in src/graph/random.ts (kept here so the script runs without a TypeScript loader). */
function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Every mutant Stryker's instrumenter makes in `files` (0-based lines, as Stryker keeps them internally). */
async function population(files) {
  const quiet = {
    debug() {},
    info() {},
    warn: console.warn,
    error: console.error,
    isDebugEnabled: () => false,
  };
  const input = files.map((name) => ({
    name,
    mutate: true,
    content: fs.readFileSync(path.join(ROOT, name), 'utf8'),
  }));
  const { mutants } = await new Instrumenter(quiet).instrument(input, {
    plugins: null,
    excludedMutations: [],
    ignorers: [],
  });
  return mutants.map((m) => ({
    file: m.fileName,
    start: m.location.start,
    end: m.location.end,
    mutator: m.mutatorName,
    replacement: m.replacement,
  }));
}

const key = (m) =>
  `${m.file}:${m.start.line}:${m.start.column}-${m.end.line}:${m.end.column}:${m.mutator}:${m.replacement}`;

/** A uniform sample of `n` from `all`, without replacement (partial Fisher-Yates on a sorted copy). */
function draw(all, n, seed) {
  const sorted = [...all].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  const rng = mulberry32(seed);
  const k = Math.min(n, sorted.length);
  for (let i = 0; i < k; i++) {
    const j = i + Math.floor(rng() * (sorted.length - i));
    [sorted[i], sorted[j]] = [sorted[j], sorted[i]];
  }
  return sorted.slice(0, k).sort((a, b) => (key(a) < key(b) ? -1 : 1));
}

/** 95% Wilson score interval for x successes out of n. */
export function wilson(x, n, z = 1.959964) {
  if (n === 0) return [0, 1];
  const p = x / n;
  const d = 1 + (z * z) / n;
  const centre = (p + (z * z) / (2 * n)) / d;
  const half = (z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) / d;
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}

const pct = (v) => `${(100 * v).toFixed(1)}%`;

function score(counts) {
  const detected = counts.Killed + counts.Timeout;
  const n = detected + counts.Survived;
  const nTotal = n + counts.NoCoverage;
  return {
    score: n ? detected / n : null,
    ci: wilson(detected, n),
    n,
    total: nTotal ? detected / nTotal : null,
    totalCi: wilson(detected, nTotal),
    nTotal,
  };
}

function run(cmd, args, env) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: ROOT, stdio: 'inherit', env: { ...process.env, ...env } });
    child.on('error', reject);
    child.on('exit', (code) => resolve(code ?? 1));
  });
}

/** The files under ROOT a glob names (`**`, `*`, `?`, `@(a|b)`: what the mutate patterns here use). */
function glob(pattern) {
  if (!/[*?@(]/.test(pattern)) return fs.existsSync(path.join(ROOT, pattern)) ? [pattern] : [];
  const source = pattern
    .replace(/[.+^${}[\]\\]/g, '\\$&')
    .replace(/\?/g, '[^/]')
    .replace(/@\(([^)]*)\)/g, '(?:$1)')
    .replace(/\*\*\//g, '\u0000')
    .replace(/\*/g, '[^/]*')
    .replace(/\u0000/g, '(?:.*/)?');
  const re = new RegExp(`^${source}$`);
  const base = pattern.split('/').filter((part, i, parts) => !/[*?@(]/.test(parts.slice(0, i + 1).join('/')));
  const walk = (dir) =>
    fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
      const rel = path.posix.join(dir, e.name);
      return e.isDirectory() ? walk(rel) : re.test(rel) ? [rel] : [];
    });
  return walk(base.length ? base.join('/') : '.');
}

const opts = parseArgs(process.argv.slice(2));
const files = glob(opts.mutate)
  .filter((f) => !f.endsWith('.d.ts'))
  .sort();
if (files.length === 0) throw new Error(`mutate-sample: no files match ${opts.mutate}`);
const folder = opts.mutate
  .replace(/^src\//, '')
  .replace(/\/?\*\*?.*$/, '')
  .replace(/[^A-Za-z0-9]+/g, '-')
  .replace(/^-|-$/g, '');
const all = await population(files);
const sample = draw(all, opts.sample, opts.seed);
fs.mkdirSync(OUT_DIR, { recursive: true });
const samplePath = path.join(OUT_DIR, `${folder}-seed${opts.seed}-n${opts.sample}.json`);
const perFile = new Map();
for (const m of sample) perFile.set(m.file, (perFile.get(m.file) ?? 0) + 1);
console.log(
  `mutate-sample: ${files.length} files, ${all.length} mutants; drew ${sample.length} (seed ${opts.seed}): ` +
    [...perFile].map(([f, c]) => `${path.basename(f)} ${c}`).join(', '),
);
const record = {
  mutate: opts.mutate,
  seed: opts.seed,
  population: all.length,
  files: files.length,
  drawn: sample.length,
  mutants: sample,
};
if (opts.list) {
  fs.writeFileSync(samplePath, JSON.stringify(record, null, 1) + '\n');
  console.log(`mutate-sample: draw written to ${path.relative(ROOT, samplePath)}`);
  process.exit(0);
}

// --recheck: the recorded draw's mutants with one of those statuses run again; the others keep theirs.
const earlier = opts.recheck.length ? JSON.parse(fs.readFileSync(samplePath, 'utf8')) : null;
if (earlier) {
  const same =
    earlier.mutants.length === sample.length && earlier.mutants.every((m, i) => key(m) === key(sample[i]));
  if (!same)
    throw new Error(`mutate-sample: ${path.relative(ROOT, samplePath)} is not this draw (the code changed?)`);
  for (const [i, m] of sample.entries()) Object.assign(m, earlier.mutants[i]);
}
const toRun = earlier ? sample.filter((m) => opts.recheck.includes(m.status)) : sample;
if (toRun.length === 0)
  throw new Error(`mutate-sample: no drawn mutant has status ${opts.recheck.join(', ')}`);
const rangesPath = path.join(ROOT, 'reports', 'mutation', `sample-${folder}.ranges.json`);
fs.mkdirSync(path.dirname(rangesPath), { recursive: true });
fs.writeFileSync(rangesPath, JSON.stringify(toRun));
const reportPath = path.join('reports', 'mutation', `sample-${folder}.json`);
const started = Date.now();
// --score-only: score the last report of this folder again (after a rerun of some lines, say) without running.
const code = opts.scoreOnly
  ? 0
  : await run('npx', ['stryker', 'run', ...opts.rest], {
      MUTATE_SAMPLE: rangesPath,
      MUTATE_SAMPLE_NAME: folder,
    });
const seconds = Math.round((Date.now() - started) / 1000);
if (code !== 0) {
  console.error(`mutate-sample: stryker exited with ${code}`);
  process.exit(code);
}

// Stryker's JSON report: 1-based lines and columns.
const report = JSON.parse(fs.readFileSync(path.join(ROOT, reportPath), 'utf8'));
const found = new Map();
for (const [file, { mutants }] of Object.entries(report.files)) {
  for (const m of mutants) {
    const k = key({
      file: path.relative(ROOT, path.resolve(ROOT, file)),
      start: { line: m.location.start.line - 1, column: m.location.start.column - 1 },
      end: { line: m.location.end.line - 1, column: m.location.end.column - 1 },
      mutator: m.mutatorName,
      replacement: m.replacement,
    });
    found.set(k, m);
  }
}
const counts = {
  Killed: 0,
  Timeout: 0,
  Survived: 0,
  NoCoverage: 0,
  CompileError: 0,
  RuntimeError: 0,
  Ignored: 0,
  Missing: 0,
};
const extras = { Killed: 0, Timeout: 0, Survived: 0, NoCoverage: 0, CompileError: 0, RuntimeError: 0 };
const sampled = new Set(sample.map(key));
const rerun = new Set(toRun.map(key));
for (const m of sample) {
  if (rerun.has(key(m))) {
    const r = found.get(key(m));
    if (earlier) m.before = m.status;
    m.status = r ? r.status : 'Missing';
    if (r?.static) m.static = true;
  }
  counts[m.status] = (counts[m.status] ?? 0) + 1;
}
for (const [k, m] of found) if (!sampled.has(k) && m.status in extras) extras[m.status]++;
const s = score(counts);
record.commit = await new Promise((resolve) => {
  let out = '';
  const git = spawn('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT });
  git.stdout.on('data', (d) => (out += d));
  git.on('exit', () => resolve(out.trim()));
});
if (earlier) {
  record.runSeconds = earlier.runSeconds;
  record.args = earlier.args;
  record.rechecks = [
    ...(earlier.rechecks ?? []),
    { statuses: opts.recheck, mutants: toRun.length, runSeconds: seconds, args: opts.rest, extras },
  ];
} else {
  record.runSeconds = seconds;
  record.args = opts.rest;
}
record.counts = counts;
record.extras = earlier ? earlier.extras : extras;
record.score = s;
const outPath = opts.scoreOnly ? samplePath.replace(/\.json$/, '-rescored.json') : samplePath;
fs.writeFileSync(outPath, JSON.stringify(record, null, 1) + '\n');

const sourceLines = new Map();
const codeAt = (m) => {
  if (!sourceLines.has(m.file))
    sourceLines.set(m.file, fs.readFileSync(path.join(ROOT, m.file), 'utf8').split('\n'));
  return (sourceLines.get(m.file)[m.start.line] ?? '').trim().slice(0, 100);
};
const line = (m) =>
  `  ${m.file}:${m.start.line + 1}:${m.start.column + 1} ${m.mutator} -> ` +
  `${m.replacement.replace(/\s+/g, ' ').slice(0, 60)}\n      | ${codeAt(m)}`;
console.log(
  `\nmutate-sample ${opts.mutate}, seed ${opts.seed}, ${sample.length} of ${all.length} mutants, ${seconds} s`,
);
console.log(
  `  killed ${counts.Killed}, timeout ${counts.Timeout}, survived ${counts.Survived}, no coverage ${counts.NoCoverage}, ` +
    `rejected by the checker ${counts.CompileError}, runtime error ${counts.RuntimeError}, missing ${counts.Missing}`,
);
if (s.score !== null)
  console.log(`  score ${pct(s.score)} (95% CI ${pct(s.ci[0])}-${pct(s.ci[1])}, n = ${s.n})`);
if (s.total !== null)
  console.log(
    `  total ${pct(s.total)} (95% CI ${pct(s.totalCi[0])}-${pct(s.totalCi[1])}, n = ${s.nTotal}), no coverage as survived`,
  );
console.log(`  extras (other mutators on drawn nodes, not in the estimate): ${JSON.stringify(extras)}`);
// A mutant reached outside any test (a module's top level, or work a test file does in a describe body or a
// beforeAll) is "static": Stryker runs every test against it, with a reload, and credits no test. A few are
// normal (constants); many mean a test file builds its input outside its tests, which makes a draw slow.
const statics = sample.filter((m) => m.static).length;
const tested = sample.filter(
  (m) => m.status === 'Killed' || m.status === 'Survived' || m.status === 'Timeout',
).length;
if (statics > 0)
  console.log(
    `  static (reached outside any test, so every test ran against them): ${statics} of ${tested} tested` +
      (statics * 4 > tested
        ? ' -- look for a test file that parses or links in a describe body or beforeAll'
        : ''),
  );
const left = sample.filter(
  (m) => m.status === 'Survived' || m.status === 'NoCoverage' || m.status === 'Missing',
);
if (left.length)
  console.log(`survived / no coverage / missing:\n${left.map((m) => `${line(m)} [${m.status}]`).join('\n')}`);
console.log(`mutate-sample: written to ${path.relative(ROOT, outPath)}`);
