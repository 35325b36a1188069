// `papermap build` and `papermap serve` run in process (`run`), on a temporary copy of real notes: the site
// written, the lines printed, a served map, and how a signal ends the server (exit codes). tests/cli/command.test.ts
// runs the compiled command in child processes, which mutation testing cannot see into.
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { run } from '../../src/cli/papermap.js';
import { PROJECT_ROOT } from '../../src/cli/paths.js';

let work: string;
let notes: string;
let logged: string[];
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
let listeners: Map<NodeJS.Signals, NodeJS.SignalsListener[]>;

beforeEach(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'papermap-commands-'));
  notes = path.join(work, 'notes');
  await mkdir(notes);
  await writeFile(
    path.join(notes, 'rl.md'),
    await readFile(path.join(PROJECT_ROOT, 'content', 'reinforcement-learning.md'), 'utf8'),
  );
  logged = [];
  vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void logged.push(a.join(' ')));
  vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void logged.push(a.join(' ')));
  listeners = new Map(SIGNALS.map((s) => [s, process.listeners(s) as NodeJS.SignalsListener[]]));
});
afterEach(async () => {
  vi.restoreAllMocks();
  // The signal handlers `serve` left (the one a signal ran is gone already).
  for (const s of SIGNALS)
    for (const l of process.listeners(s)) if (!listeners.get(s)!.includes(l)) process.off(s, l);
  await rm(work, { recursive: true, force: true });
});

/**
 * As if the process got `signal`: runs the handler `serve` installed for it (and only that one: process.emit
 * would also run the test runner's own handlers).
 */
function signalServe(signal: NodeJS.Signals): void {
  const added = process.listeners(signal).filter((l) => !listeners.get(signal)!.includes(l));
  expect(added).toHaveLength(1);
  added[0]!(signal);
}

describe('papermap build', () => {
  it('writes the site of the notes and says where and how to serve it', async () => {
    const out = path.join(work, 'site');
    expect(await run(['build', notes, '--out', out, '--no-cache'], {})).toBe(0);
    expect((await readdir(out)).sort()).toEqual(['assets', 'data', 'index.html']);
    const map = JSON.parse(await readFile(path.join(out, 'data', 'map.json'), 'utf8')) as {
      nodes: { label: string[] };
    };
    expect(map.nodes.label.length).toBeGreaterThan(50);
    expect(await readFile(path.join(out, 'index.html'), 'utf8')).toMatch(/img-src 'self' blob:;/);
    const shown = path.relative(process.cwd(), out);
    expect(logged).toHaveLength(2);
    expect(logged[0]).toMatch(new RegExp(`^papermap: wrote the site to ${shown}/ in \\d+ ms$`));
    expect(logged[1]).toBe(
      `papermap: serve the folder ${shown}/ with any static file server, e.g. \`python3 -m http.server -d ${shown}\``,
    );
  });

  it('with no other argument, builds the folder it was typed in into papermap-site/ there', async () => {
    // As npm says where a script was called from (INIT_CWD): the notes folder.
    const env = {
      INIT_CWD: notes,
      npm_package_json: path.join(process.cwd(), 'package.json'),
      PAPERMAP_CACHE_DIR: path.join(work, 'cache'),
    };
    expect(await run(['build'], env)).toBe(0);
    expect(await readdir(path.join(notes, 'papermap-site'))).toContain('index.html');
    expect(logged[0]).toMatch(/^papermap: wrote the site to papermap-site\/ in \d+ ms$/);
  });

  it('into the folder it was typed in (--out .), and says so', async () => {
    const here = path.join(work, 'here');
    await mkdir(here);
    const env = { INIT_CWD: here, npm_package_json: path.join(process.cwd(), 'package.json') };
    expect(await run(['build', notes, '--out', '.', '--no-cache'], env)).toBe(0);
    expect(await readdir(here)).toContain('index.html');
    expect(logged[0]).toMatch(/^papermap: wrote the site to \.\/ in \d+ ms$/);
    expect(logged[1]).toContain('python3 -m http.server -d .`');
  });

  it('--remote-images lets the written page show images from other sites', async () => {
    const out = path.join(work, 'site');
    expect(await run(['build', notes, '--out', out, '--no-cache', '--remote-images'], {})).toBe(0);
    expect(await readFile(path.join(out, 'index.html'), 'utf8')).toMatch(/img-src 'self' blob: https:;/);
  });
});

describe('papermap serve', () => {
  /** Runs serve until it says where it is, then returns its URL and the exit to come. */
  async function serve(args: string[]) {
    const exit = run(['serve', notes, '--port', '0', '--no-cache', ...args], {});
    const deadline = Date.now() + 30_000;
    let url: string | undefined;
    while (!url && Date.now() < deadline) {
      url = logged.map((l) => /^papermap: open (http:\S+)\s+\(Ctrl-C to stop\)$/.exec(l)?.[1]).find(Boolean);
      if (!url) await new Promise((r) => setTimeout(r, 20));
    }
    return { url: url!, exit };
  }

  it.each([
    ['SIGTERM', 0],
    ['SIGHUP', 0],
    ['SIGINT', 130],
  ] as const)('serves the map until %s, then stops and exits %i', async (signal, code) => {
    const { url, exit } = await serve([]);
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const serving = `papermap: serving ${path.relative(process.cwd(), notes)} (ready in `;
    expect(logged.filter((l) => l.startsWith(serving) && / \d+ ms\)$/.test(l))).toHaveLength(1);
    const map = await fetch(`${url}data/map.json`);
    expect(map.status).toBe(200);
    signalServe(signal);
    expect(await exit).toBe(code);
    // Stopped: nothing answers any more.
    await expect(fetch(`${url}data/map.json`)).rejects.toThrow();
  });

  it('--host and --synthetic: a synthetic map of that many papers on that address', async () => {
    const { url, exit } = await serve(['--host', 'localhost', '--synthetic', '40']);
    expect(url).toMatch(/^http:\/\/localhost:\d+\/$/);
    expect(
      logged.some((l) => /^papermap: serving a synthetic graph of 40 papers \(ready in \d+ ms\)$/.test(l)),
    ).toBe(true);
    const map = (await (await fetch(`${url}data/map.json`)).json()) as { nodes: { kind: number[] } };
    expect(map.nodes.kind.filter((k) => k === 0)).toHaveLength(40);
    signalServe('SIGTERM');
    expect(await exit).toBe(0);
  });
});
