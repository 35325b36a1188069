// `papermap graph` (build-graph.ts main) in process, with its output captured: arguments, exit codes, what it
// writes and where, on real notes. tests/cli/build-graph.test.ts runs the same command in child processes,
// which mutation testing cannot see into.
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildFromDirectory } from '../../src/cli/build-from-directory.js';
import { EXIT_NOT_WRITTEN, EXIT_OK, EXIT_STRICT, GRAPH_USAGE, main } from '../../src/cli/build-graph.js';
import { PROJECT_ROOT, VERSION } from '../../src/cli/paths.js';

const LISTS = path.join(import.meta.dirname, '..', 'fixtures', 'style-reading-lists', 'notes');

let work = '';
beforeAll(() => {
  work = mkdtempSync(path.join(tmpdir(), 'papermap-graph-main-'));
  const notes = path.join(work, 'notes');
  mkdirSync(notes);
  for (const name of ['04-math-for-ml.md', '09-news.md'])
    writeFileSync(path.join(notes, name), readFileSync(path.join(LISTS, name)));
  // A timestamp with nothing after it: a warning (for --strict).
  writeFileSync(
    path.join(notes, 'daily.md'),
    '# Daily\n\n2025-06-12 12:01:12 Thursday ｜ Scaling laws https://arxiv.org/abs/2001.08361\n\n' +
      '2025-06-13 09:00:00 Friday ｜\n',
  );
  const clean = path.join(work, 'clean');
  mkdirSync(clean);
  writeFileSync(path.join(clean, 'list.md'), readFileSync(path.join(LISTS, '04-math-for-ml.md')));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Runs main with relative paths taken from `work`, as npm says where a script was called from. */
async function run(args: string[], env: NodeJS.ProcessEnv = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(
    args,
    { out: (t) => out.push(t), err: (t) => err.push(t) },
    { INIT_CWD: work, npm_package_json: path.join(process.cwd(), 'package.json'), ...env },
  );
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('papermap graph: arguments', () => {
  it('--help and -h print the usage, --version and -v the version, and exit 0', async () => {
    for (const flag of ['--help', '-h'])
      expect(await run([flag])).toEqual({ code: EXIT_OK, out: GRAPH_USAGE, err: '' });
    for (const flag of ['--version', '-v'])
      expect(await run([flag])).toEqual({ code: EXIT_OK, out: VERSION, err: '' });
  });

  it.each([
    [['--bogus'], "Unknown option '--bogus'"],
    [['a', 'b'], 'one notes folder, got 2'],
    [['notes', '--content', 'notes'], 'give the notes folder once (DIR or --content)'],
  ])('%j exits 2 with the reason and the usage', async (args, reason) => {
    const r = await run(args);
    expect(r.code).toBe(EXIT_NOT_WRITTEN);
    expect(r.out).toBe('');
    expect(r.err.startsWith('papermap: ')).toBe(true);
    expect(r.err).toContain(reason);
    expect(r.err.endsWith(`\n${GRAPH_USAGE}`)).toBe(true);
  });

  it.each(['abc', '1.5', '1e3', '', '99999999999999999999'])('--seed %j is refused', async (seed) => {
    const r = await run(['notes', '--no-cache', '--seed', seed, '--out', 'never.json']);
    expect(r).toEqual({
      code: EXIT_NOT_WRITTEN,
      out: '',
      err: `papermap: --seed must be an integer, got ${JSON.stringify(seed)}`,
    });
    expect(existsSync(path.join(work, 'never.json'))).toBe(false);
  });

  it('a missing notes folder exits 2 and writes nothing', async () => {
    const r = await run(['missing', '--no-cache', '--out', 'never.json']);
    expect(r.code).toBe(EXIT_NOT_WRITTEN);
    expect(r.err).toMatch(/^papermap: .*missing.*; nothing written$/);
    expect(existsSync(path.join(work, 'never.json'))).toBe(false);
  });
});

describe('papermap graph: a build', () => {
  it('writes the graph JSON of the folder, byte for byte the build plus a newline, and prints the report', async () => {
    const r = await run(['notes', '--no-cache', '--no-layout', '--seed', '3', '--out', 'g.json']);
    expect(r.code).toBe(EXIT_OK);
    expect(r.err).toBe('');
    const expected = await buildFromDirectory(path.join(work, 'notes'), {
      seed: 3,
      layout: false,
      workers: 1,
    });
    expect(readFileSync(path.join(work, 'g.json'), 'utf8')).toBe(`${JSON.stringify(expected.graph)}\n`);
    const lines = r.out.split('\n');
    expect(lines[0]).toBe(`papermap: ${path.join(work, 'notes')} -> g.json`);
    expect(lines).toContain(`  papers            ${expected.report.papers}`);
    expect(lines.find((l) => l.startsWith('  time (ms)'))).toMatch(/read \d+, .*write \d+, gc \d+$/);
    expect(lines).toContain('  daily.md:5:1 entry-without-title ' + expected.report.unplaced[0]!.message);
  });

  it('--content is the same as DIR; the seed and --no-layout change positions only', async () => {
    await run(['--content', 'notes', '--no-cache', '--out', 'a.json', '--seed', '5']);
    await run(['notes', '--no-cache', '--out', 'b.json', '--seed', '5']);
    await run(['notes', '--no-cache', '--out', 'c.json', '--seed', '6']);
    await run(['notes', '--no-cache', '--out', 'd.json', '--seed', '5', '--no-layout']);
    const read = (name: string) => readFileSync(path.join(work, name), 'utf8');
    expect(read('a.json')).toBe(read('b.json'));
    expect(read('c.json')).not.toBe(read('b.json'));
    expect(read('d.json')).not.toBe(read('b.json'));
    const seeded = await buildFromDirectory(path.join(work, 'notes'), { seed: 5, layout: true, workers: 1 });
    expect(read('b.json')).toBe(`${JSON.stringify(seeded.graph)}\n`);
    const keys = (name: string) =>
      (JSON.parse(read(name)) as { nodes: { key: string }[] }).nodes.map((n) => n.key);
    expect(keys('d.json')).toEqual(keys('b.json'));
  });

  it('--strict exits 1 on warnings and still writes; without warnings it exits 0', async () => {
    const strict = await run(['notes', '--no-cache', '--no-layout', '--strict', '--out', 's.json']);
    expect(strict.code).toBe(EXIT_STRICT);
    expect(strict.err).toBe('papermap: --strict: 0 errors and 1 warnings (graph written to s.json)');
    expect(existsSync(path.join(work, 's.json'))).toBe(true);
    const loose = await run(['notes', '--no-cache', '--no-layout', '--out', 's.json']);
    expect(loose.code).toBe(EXIT_OK);
    const clean = await run(['clean', '--no-cache', '--no-layout', '--strict', '--out', 'clean.json']);
    expect(clean).toMatchObject({ code: EXIT_OK, err: '' });
  });

  it('writes GEXF when the file ends in .gexf, in any case', async () => {
    for (const name of ['g.gexf', 'G.GEXF']) {
      const r = await run(['notes', '--no-cache', '--no-layout', '--out', name]);
      expect(r.code).toBe(EXIT_OK);
      const text = readFileSync(path.join(work, name), 'utf8');
      expect(text.startsWith('<?xml')).toBe(true);
      expect(text).toContain('xmlns:viz="http://www.gexf.net/1.2draft/viz"');
    }
  });

  it('an output it cannot write exits 2, prints the report and leaves nothing', async () => {
    // Its folder would be inside a file: the folder cannot be made (EEXIST).
    const r = await run(['notes', '--no-cache', '--no-layout', '--out', 'clean/list.md/g.json']);
    expect(r.code).toBe(EXIT_NOT_WRITTEN);
    expect(r.err).toBe(
      `papermap: cannot write ${path.join('clean', 'list.md', 'g.json')} (EEXIST); nothing written`,
    );
    expect(r.out.split('\n')[0]).toBe(`papermap: ${path.join(work, 'notes')}`);
    expect(readdirSync(path.join(work, 'clean'))).toEqual(['list.md']);
  });

  it("run by the clone's own npm script with no folder given, builds the seed notes in content/", async () => {
    const clone = {
      npm_package_name: 'papermap',
      npm_lifecycle_event: 'build:graph',
      npm_package_json: path.join(PROJECT_ROOT, 'package.json'),
    };
    const r = await run(['--no-cache', '--no-layout', '--out', 'seed.json'], clone);
    expect(r.code).toBe(EXIT_OK);
    const content = path.join(PROJECT_ROOT, 'content');
    expect(r.out.split('\n')[0]).toBe(`papermap: ${content} -> seed.json`);
    const expected = await buildFromDirectory(content, { layout: false, workers: 1 });
    expect(readFileSync(path.join(work, 'seed.json'), 'utf8')).toBe(`${JSON.stringify(expected.graph)}\n`);
  });

  it('keeps its cache in --cache-dir, relative to where it was called, and none with --no-cache', async () => {
    const first = await run(['notes', '--no-layout', '--cache-dir', 'cache', '--out', 'k.json']);
    expect(first.code).toBe(EXIT_OK);
    expect(readdirSync(path.join(work, 'cache')).length).toBeGreaterThan(0);
    const again = await run(['notes', '--no-layout', '--cache-dir', 'cache', '--out', 'k2.json']);
    expect(again.code).toBe(EXIT_OK);
    expect(readFileSync(path.join(work, 'k2.json'), 'utf8')).toBe(
      readFileSync(path.join(work, 'k.json'), 'utf8'),
    );
  });
});
