// The papermap command as users run it: compiled, in child processes; the clone's npm scripts with their old
// flags; paths relative to where the command was typed; Ctrl-C / SIGTERM stopping the server.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
// @ts-expect-error: a plain ES module script without types
import { buildCli } from '../../scripts/build-cli.mjs';
import { PROJECT_ROOT } from '../../src/cli/paths.js';

const CLI = path.join(PROJECT_ROOT, 'dist-cli', 'cli', 'papermap.js');
vi.setConfig({ testTimeout: 120_000, hookTimeout: 180_000 });

let work: string;
let notes: string;
beforeAll(async () => {
  await (buildCli as () => Promise<boolean>)();
  work = mkdtempSync(path.join(tmpdir(), 'papermap-command-'));
  notes = path.join(work, 'notes');
  cpSync(path.join(PROJECT_ROOT, 'content'), notes, { recursive: true });
});
afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/** Start a long-running command; resolves once it printed a line matching `ready`. */
function start(
  cmd: string,
  args: string[],
  cwd: string,
  ready: RegExp,
): Promise<{ child: ChildProcess; out: () => string }> {
  const child = spawn(cmd, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (out += c.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`not ready: ${out}`)), 100_000);
    const check = () => {
      if (ready.test(out)) {
        clearTimeout(timer);
        resolve({ child, out: () => out });
      }
    };
    child.stdout!.on('data', check);
    child.on('exit', () => reject(new Error(`exited: ${out}`)));
  });
}

const exited = (child: ChildProcess) =>
  new Promise<number | null>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve(child.exitCode);
    else child.once('exit', (code) => resolve(code));
  });

async function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.connect(port, '127.0.0.1');
    s.once('connect', () => {
      s.destroy();
      resolve(true);
    });
    s.once('error', () => resolve(false));
  });
}

describe('papermap (compiled)', () => {
  it('answers --help and --version for the command and each subcommand', () => {
    for (const args of [['--help'], ['serve', '--help'], ['build', '-h'], ['graph', '--help']]) {
      const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });
      expect(r.status, args.join(' ')).toBe(0);
      expect(r.stdout).toContain('usage: papermap');
    }
    for (const args of [['--version'], ['build', '--version'], ['graph', '-v']]) {
      const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });
      expect(r.stdout.trim()).toBe(
        JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8')).version,
      );
    }
    const bad = spawnSync(process.execPath, [CLI, 'build', '--bogus'], { encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('usage: papermap build');
  });

  it('builds a site and a graph from paths relative to the current folder, and names what it wrote', () => {
    const r = spawnSync(process.execPath, [CLI, 'build', 'notes', '--out', 'static/map'], {
      cwd: work,
      encoding: 'utf8',
    });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('wrote the site to static/map/');
    expect(readdirSync(path.join(work, 'static/map')).sort()).toEqual(['assets', 'data', 'index.html']);
    const g = spawnSync(process.execPath, [CLI, 'graph', 'notes', '--out', 'g.gexf', '--no-layout'], {
      cwd: work,
      encoding: 'utf8',
    });
    expect(g.status, g.stderr).toBe(0);
    expect(readFileSync(path.join(work, 'g.gexf'), 'utf8')).toContain(
      'xmlns:viz="http://www.gexf.net/1.2draft/viz"',
    );
  });

  it('serves until SIGTERM or Ctrl-C, then stops the server and exits', async () => {
    for (const signal of ['SIGTERM', 'SIGINT'] as const) {
      const port = await freePort();
      const { child } = await start(
        process.execPath,
        [CLI, 'notes', '--port', String(port)],
        work,
        /open http/,
      );
      const page = await fetch(`http://127.0.0.1:${port}/`);
      expect(page.status).toBe(200);
      child.kill(signal);
      await exited(child);
      expect(await accepts(port)).toBe(false);
    }
  });
});

describe('the clone npm scripts', () => {
  it('npm run build:graph -- --content ../content from src/ reads ../content from src/', () => {
    const out = path.join(work, 'from-src.json');
    const r = spawnSync(
      'npm',
      ['run', '--silent', 'build:graph', '--', '--content', '../content', '--out', out, '--no-layout'],
      {
        cwd: path.join(PROJECT_ROOT, 'src'),
        encoding: 'utf8',
      },
    );
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8')).nodes.length).toBeGreaterThan(10);
  });

  it('npm run dev -- --content DIR --port N serves, and SIGTERM to npm stops the server', async () => {
    const port = await freePort();
    const { child } = await start(
      'npm',
      ['run', 'dev', '--', '--content', notes, '--port', String(port)],
      PROJECT_ROOT,
      /open http/,
    );
    expect((await fetch(`http://127.0.0.1:${port}/data/map.json`)).status).toBe(200);
    child.kill('SIGTERM');
    await exited(child);
    // npm is gone; the server it started must be too.
    const deadline = Date.now() + 10_000;
    while ((await accepts(port)) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    expect(await accepts(port)).toBe(false);
  });
});
