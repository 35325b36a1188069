// The build:graph command end to end, in child processes, on temporary copies of the seed notes.
import { spawn, spawnSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { SerializedGraph } from '../../src/types.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const SEED = join(ROOT, 'content/reinforcement-learning.md');
const CLI = join(ROOT, 'src/cli/build-graph.ts');

let work: string;

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'papermap-cli-'));
});
afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** `npx tsx src/cli/build-graph.ts ...`, as `npm run build:graph` runs it. */
function buildGraph(args: string[]): Run {
  const result = spawnSync('npx', ['tsx', CLI, ...args], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function folder(name: string, files: Record<string, string | Uint8Array> = {}): string {
  const dir = join(work, name);
  mkdirSync(dir, { recursive: true });
  for (const [path, data] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), data);
  }
  return dir;
}

function readGraph(path: string): SerializedGraph {
  return JSON.parse(readFileSync(path, 'utf8')) as SerializedGraph;
}

function reportValue(stdout: string, label: string): number {
  const line = stdout.split('\n').find((l) => l.trimStart().startsWith(label));
  return Number(line?.trim().slice(label.length).trim().split(/\s/)[0]);
}

/** A child build takes seconds; on a loaded machine, many. */
const BUILD_TIMEOUT = 120_000;
vi.setConfig({ testTimeout: BUILD_TIMEOUT, hookTimeout: BUILD_TIMEOUT });

const DIAGNOSTIC_LINE = /^\S.*:\d+:\d+ [a-z0-9]+(-[a-z0-9]+)* \S/;

describe('build:graph on the seed notes', () => {
  let run: Run;
  let out: string;
  beforeAll(() => {
    const content = folder('seed/content');
    copyFileSync(SEED, join(content, 'reinforcement-learning.md'));
    out = join(work, 'seed/public/graph.json');
    run = buildGraph(['--content', content, '--out', out]);
  }, BUILD_TIMEOUT);

  it('exits 0 and writes the graph', () => {
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(existsSync(out)).toBe(true);
  });

  it('prints the report: counts that match the graph, diagnostics as file:line:column rule message', () => {
    const graph = readGraph(out);
    const papers = graph.nodes.filter((n) => n.attributes.kind === 'paper');
    const concepts = graph.nodes.filter((n) => n.attributes.kind === 'concept');
    expect(reportValue(run.stdout, 'files read')).toBe(1);
    expect(reportValue(run.stdout, 'entries found')).toBe(graph.attributes.stats.entries);
    expect(reportValue(run.stdout, 'papers')).toBe(papers.length);
    expect(reportValue(run.stdout, 'merged duplicates')).toBe(graph.attributes.stats.mergedDuplicates);
    expect(reportValue(run.stdout, 'concepts')).toBe(concepts.length);
    expect(reportValue(run.stdout, 'edges')).toBe(graph.edges.length);
    const byType = graph.attributes.stats.edgesByType;
    expect(run.stdout).toContain(`builds-on ${byType['builds-on']}, critiques ${byType.critiques}`);
    const diagnosticLines = run.stdout.split('\n').filter((l) => DIAGNOSTIC_LINE.test(l));
    expect(diagnosticLines).toHaveLength(graph.attributes.diagnostics.length);
    for (const d of graph.attributes.diagnostics) {
      expect(run.stdout).toContain(`${d.file}:${d.line}:${d.column} ${d.rule} `);
    }
    expect(run.stdout).toMatch(/entries that became neither a paper nor part of one: \d+/);
  });

  it('holds every arXiv id of the seed as a titled paper, spread over hundreds of units', () => {
    const graph = readGraph(out);
    const papers = graph.nodes.filter((n) => n.attributes.kind === 'paper');
    const ids = new Set(papers.flatMap((n) => (n.attributes.kind === 'paper' && n.attributes.arxiv) || []));
    expect(ids.size).toBe(43);
    expect(papers.length).toBeGreaterThanOrEqual(50);
    for (const n of papers) expect(n.attributes.title.length).toBeGreaterThan(0);
    const xs = graph.nodes.map((n) => n.attributes.x);
    const ys = graph.nodes.map((n) => n.attributes.y);
    expect(Math.max(...xs) - Math.min(...xs)).toBeGreaterThan(600);
    expect(Math.max(...ys) - Math.min(...ys)).toBeGreaterThan(600);
    expect(graph.attributes.topics.length).toBeGreaterThan(10);
  });

  it('writes the same bytes on a second run', () => {
    const first = readFileSync(out);
    const again = buildGraph(['--content', join(work, 'seed/content'), '--out', out]);
    expect(again.status).toBe(0);
    expect(readFileSync(out).equals(first)).toBe(true);
    expect(readdirSync(dirname(out))).toEqual(['graph.json']);
  });

  it('--strict exits 0 when the seed has only info diagnostics', () => {
    const graph = readGraph(out);
    const serious = graph.attributes.diagnostics.filter((d) => d.severity !== 'info');
    const strict = buildGraph(['--content', join(work, 'seed/content'), '--out', out, '--strict']);
    expect(strict.status).toBe(serious.length > 0 ? 1 : 0);
  });
});

describe('build:graph on a folder with bad files', () => {
  let run: Run;
  let out: string;
  let content: string;
  beforeAll(() => {
    content = folder('bad/content', {
      'binary.md': Uint8Array.from([0x23, 0x20, 0x78, 0x0a, 0x00, 0xff]),
      'latin1.md': Uint8Array.from([0x23, 0x20, 0x63, 0x61, 0x66, 0xe9, 0x0a]),
      'empty.md': '',
      '阅读 笔记/强化学习 notes.md':
        '# 强化学习\n\n1. 2025-07-18 20:24:54 Friday ｜ Spaces and CJK https://arxiv.org/abs/2506.08745\n',
    });
    copyFileSync(SEED, join(content, 'reinforcement-learning.md'));
    symlinkSync('..', join(content, '阅读 笔记/loop'));
    out = join(work, 'bad/public/graph.json');
    run = buildGraph(['--content', content, '--out', out]);
  }, BUILD_TIMEOUT);

  it('still exits 0, builds every readable note, and names each bad file', () => {
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^binary\.md:2:1 file-binary /m);
    expect(run.stdout).toMatch(/^latin1\.md:1:6 file-not-utf8 /m);
    expect(run.stdout).toMatch(/^阅读 笔记\/loop:1:1 symlink-loop /m);
    expect(reportValue(run.stdout, 'files read')).toBe(3);
    const graph = readGraph(out);
    const cjk = graph.nodes.find((n) => n.key === 'arxiv:2506.08745');
    expect(cjk?.attributes.sources.map((s) => s.file)).toContain('阅读 笔记/强化学习 notes.md');
  });

  it('--strict exits 1 on warnings and still writes the graph', () => {
    rmSync(out);
    const strict = buildGraph(['--content', content, '--out', out, '--strict']);
    expect(strict.status).toBe(1);
    expect(strict.stderr).toMatch(/--strict/);
    expect(existsSync(out)).toBe(true);
  });
});

describe('build:graph when nothing can be written', () => {
  it.each([
    [
      'the content folder is missing',
      () => ['--content', join(work, 'no-such-folder')],
      /content folder not found/,
    ],
    ['the content path is a file', () => ['--content', SEED], /not a folder/],
    ['--seed is not an integer', () => ['--content', join(ROOT, 'content'), '--seed', 'abc'], /--seed/],
    ['an option is unknown', () => ['--content', join(ROOT, 'content'), '--bogus'], /bogus/],
  ])('exits 2 with one line when %s, and keeps the last output', (_what, args, reason) => {
    const out = join(folder(`fail-${Math.random().toString(36).slice(2)}`), 'graph.json');
    writeFileSync(out, 'previous good graph');
    const run = buildGraph([...args(), '--out', out]);
    expect(run.status).toBe(2);
    expect(run.stderr.trim().split('\n')[0]).toMatch(reason);
    expect(readFileSync(out, 'utf8')).toBe('previous good graph');
  });

  it('exits 2 when the output cannot be written, leaving no temporary file', () => {
    const dir = folder('unwritable');
    mkdirSync(join(dir, 'graph.json'));
    const run = buildGraph(['--content', join(ROOT, 'content'), '--out', join(dir, 'graph.json')]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/cannot write .*graph\.json/);
    expect(readdirSync(dir)).toEqual(['graph.json']);
  });
});

describe('atomic output', () => {
  /** Enough distinct papers that a build takes seconds and its JSON megabytes. */
  function bigContent(): string {
    const files: Record<string, string> = {};
    for (let f = 0; f < 6; f++) {
      let text = `# Topic ${f}\n\n`;
      for (let s = 0; s < 5; s++) {
        text += `## Sub ${f}.${s}\n\n`;
        for (let i = 0; i < 100; i++) {
          const n = f * 500 + s * 100 + i;
          const id = `2507.${String(10000 + n).padStart(5, '0')}`;
          text += `${i + 1}. 2025-07-18 20:24:54 Friday ｜ Paper ${n} on GRPO https://arxiv.org/abs/${id}\n\n`;
        }
      }
      files[`notes-${f}.md`] = text;
    }
    return folder('big/content', files);
  }

  /**
   * Run a build in its own node process (not through the npx/tsx wrappers, so the kill reaches the builder);
   * without layout, to keep the test short: the write is the same.
   */
  function startBuild(content: string, out: string) {
    return spawn(
      process.execPath,
      ['--import', 'tsx', CLI, '--content', content, '--out', out, '--no-layout'],
      {
        cwd: ROOT,
        stdio: 'ignore',
      },
    );
  }

  function exited(child: ReturnType<typeof spawn>): Promise<string | null> {
    return new Promise((done) => child.on('exit', (_code, signal) => done(signal)));
  }

  it('a build killed mid-run, or mid-write, leaves the previous graph byte for byte', async () => {
    const content = bigContent();
    const outDir = folder('big/public');
    const out = join(outDir, 'graph.json');
    const previous = JSON.stringify({ previous: 'good graph', filler: 'x'.repeat(10_000) });
    writeFileSync(out, previous);

    // 1. Killed while reading and parsing.
    const early = startBuild(content, out);
    await new Promise((r) => setTimeout(r, 1000));
    early.kill('SIGKILL');
    expect(await exited(early)).toBe('SIGKILL');
    expect(readFileSync(out, 'utf8')).toBe(previous);

    // 2. Killed the moment its temporary file appears, i.e. while the new graph is being written. On a busy
    // machine this process may not look while the child writes the whole file, or the kill may land just after
    // its rename: the file is then the whole new graph (never a part), and it is tried again over the previous
    // graph (up to five times) until a kill lands mid-write.
    let killedMidWrite = false;
    for (let attempt = 0; attempt < 5 && !killedMidWrite; attempt++) {
      writeFileSync(out, previous);
      const late = startBuild(content, out);
      const done = exited(late);
      let finished = false;
      void done.then(() => (finished = true));
      let sawTemp = false;
      while (!finished && !sawTemp) {
        sawTemp = readdirSync(outDir).some((name) => name.endsWith('.tmp'));
        if (sawTemp) late.kill('SIGKILL');
        else await new Promise((r) => setImmediate(r));
      }
      await done;
      const now = readFileSync(out, 'utf8');
      killedMidWrite = sawTemp && now === previous;
      if (!killedMidWrite) expect(readGraph(out).nodes.length).toBeGreaterThanOrEqual(3000);
    }
    expect(killedMidWrite).toBe(true);
    expect(readFileSync(out, 'utf8')).toBe(previous);
    for (const name of readdirSync(outDir))
      expect(name === 'graph.json' || /^\.graph\.json\.\d+\.[0-9a-f]+\.tmp$/.test(name)).toBe(true);

    // 3. The next build succeeds, replaces the graph whole, and clears the dead build's temporary file.
    const next = startBuild(content, out);
    expect(await exited(next)).toBe(null);
    expect(readdirSync(outDir)).toEqual(['graph.json']);
    expect(readGraph(out).nodes.length).toBeGreaterThanOrEqual(3000);
  }, 240_000);
});
