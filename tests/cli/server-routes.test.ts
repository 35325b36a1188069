// The live server's routes that tests/cli/server.test.ts does not reach: opening a note in the user's editor,
// the build status, a port already taken. Each test starts its own server (on a free port) over a temporary
// copy of real notes, so that mutation testing sees which test runs which code.
import { chmod, mkdir, mkdtemp, readFile, realpath, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { directorySource, syntheticSource } from '../../src/cli/dev.js';
import { APP_DIR, PROJECT_ROOT } from '../../src/cli/paths.js';
import { listFiles } from '../../src/cli/site.js';
import { startServer, type PageServer } from '../../src/cli/server.js';
import { syntheticGraph } from '../../src/view/synthetic.js';
import { rawRequest, type Reply } from '../http.js';

function request(
  server: PageServer,
  target: string,
  method = 'GET',
  headers: Record<string, string> = {},
): Promise<Reply> {
  return rawRequest(server.port, target, { method, headers });
}

let work: string;
let notes: string;
let server: PageServer | null = null;
const EDITOR_VARS = ['PAPERMAP_EDITOR', 'VISUAL', 'EDITOR'] as const;
let savedEnv: Partial<Record<(typeof EDITOR_VARS)[number], string>>;

beforeEach(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'papermap-routes-'));
  notes = path.join(work, 'notes');
  await mkdir(path.join(notes, 'sub'), { recursive: true });
  const seed = await readFile(path.join(PROJECT_ROOT, 'content', 'reinforcement-learning.md'), 'utf8');
  await writeFile(path.join(notes, 'sub', 'rl.md'), seed);
  await writeFile(path.join(work, 'outside.md'), '# outside\n');
  savedEnv = {};
  for (const name of EDITOR_VARS) {
    if (process.env[name] !== undefined) savedEnv[name] = process.env[name];
    delete process.env[name];
  }
});
afterEach(async () => {
  await server?.close();
  server = null;
  for (const name of EDITOR_VARS) {
    if (savedEnv[name] === undefined) delete process.env[name];
    else process.env[name] = savedEnv[name];
  }
  await rm(work, { recursive: true, force: true });
});

const start = async (port = 0) =>
  (server = await startServer({
    source: await directorySource(notes, { noCache: true }),
    host: '127.0.0.1',
    port,
  }));

describe('POST /__papermap/open', () => {
  it('opens the note at its line in the configured editor, for the page only and for notes only', async () => {
    // An "editor" that writes down how it was called.
    const called = path.join(work, 'called.txt');
    const editor = path.join(work, 'my-editor');
    await writeFile(editor, `#!/bin/sh\nprintf '%s\\n' "$@" > '${called}'\n`);
    await chmod(editor, 0o755);
    const s = await start();
    const page = { Origin: `http://127.0.0.1:${s.port}`, 'Sec-Fetch-Site': 'same-origin' };

    // No editor configured: the page is told so (it then shows the lines itself).
    expect((await request(s, '/__papermap/open?file=sub/rl.md&line=12', 'POST', page)).status).toBe(501);

    process.env.PAPERMAP_EDITOR = editor;
    for (const [target, headers] of [
      ['/__papermap/open?file=sub/rl.md&line=12', { ...page, Origin: 'http://evil.example' }],
      ['/__papermap/open?file=sub/rl.md&line=12', { ...page, 'Sec-Fetch-Site': 'cross-site' }],
      ['/__papermap/open?file=../outside.md&line=1', page],
      ['/__papermap/open?file=sub/rl.md&line=0', page],
      ['/__papermap/open?file=sub/rl.md&line=2.5', page],
    ] as const)
      expect((await request(s, target, 'POST', headers)).status, `${target} ${JSON.stringify(headers)}`).toBe(
        403,
      );
    // A link to it, or a GET: never an action.
    expect((await request(s, '/__papermap/open?file=sub/rl.md&line=12', 'GET', page)).status).toBe(403);

    const reply = await request(s, '/__papermap/open?file=sub/rl.md&line=12', 'POST', page);
    expect(reply.status).toBe(204);
    const deadline = Date.now() + 10_000;
    let args = '';
    while (Date.now() < deadline) {
      args = await readFile(called, 'utf8').catch(() => '');
      if (args.endsWith('\n') && args.split('\n').length === 3) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(args).toBe(`+12\n${await realpath(path.join(notes, 'sub', 'rl.md'))}\n`);
  });

  it('a map with no notes folder (synthetic) has nothing to open', async () => {
    server = await startServer({ source: syntheticSource(20), host: '127.0.0.1', port: 0 });
    process.env.PAPERMAP_EDITOR = 'true';
    const origin = `http://127.0.0.1:${server.port}`;
    expect(
      (await request(server, '/__papermap/open?file=a.md&line=1', 'POST', { Origin: origin })).status,
    ).toBe(405);
  });
});

describe('the page files', () => {
  it('each with the type of its kind (the page sends nosniff: a script served as anything else is not run)', async () => {
    const s = await start();
    const types: Record<string, string> = {
      '.html': 'text/html; charset=utf-8',
      '.js': 'text/javascript; charset=utf-8',
      '.css': 'text/css; charset=utf-8',
      '.svg': 'image/svg+xml',
      '.png': 'image/png',
      '.ico': 'image/x-icon',
      '.woff2': 'font/woff2',
    };
    const seen = new Set<string>();
    for (const rel of await listFiles(APP_DIR)) {
      const reply = await fetch(`${s.url}${rel}`);
      const ext = path.extname(rel);
      if (types[ext]) {
        expect(reply.headers.get('content-type'), rel).toBe(types[ext]);
        seen.add(ext);
      }
      expect(reply.headers.get('x-content-type-options')).toBe('nosniff');
      await reply.arrayBuffer();
    }
    expect([...seen]).toEqual(expect.arrayContaining(['.html', '.js', '.css']));
    expect((await fetch(s.url)).headers.get('content-type')).toBe('text/html; charset=utf-8');
  });
});

describe('the build status', () => {
  it('is good after the first build', async () => {
    const s = await start();
    const reply = await request(s, '/data/status.json');
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toEqual({ ok: true, message: '', diagnostics: [] });
  });
});

describe('the Host a loopback server answers', () => {
  it('every loopback name, with or without a port, IPv6 in brackets; no other name', async () => {
    const s = await start();
    for (const host of [
      `127.0.0.1:${s.port}`,
      `localhost:${s.port}`,
      `[::1]:${s.port}`,
      '[::1]',
      'localhost',
    ])
      expect((await request(s, '/data/status.json', 'GET', { Host: host })).status, host).toBe(200);
    for (const host of [`evil.example:${s.port}`, `[::2]:${s.port}`, `127.0.0.2:${s.port}`, `[::1`])
      expect((await request(s, '/data/status.json', 'GET', { Host: host })).status, host).toBe(421);
  });
});

describe('build ids', () => {
  it('a restart over the same notes gives the map a new build id, so an open page never mixes the two', async () => {
    const first = await start();
    const map = async (s: PageServer) =>
      JSON.parse((await request(s, '/data/map.json')).body) as { build: string };
    const before = (await map(first)).build;
    const chunk = JSON.parse((await request(first, '/data/details/0.json')).body) as { build: string };
    expect(chunk.build).toBe(before);
    await first.close();
    await new Promise((r) => setTimeout(r, 5));
    const second = await start();
    const after = (await map(second)).build;
    expect(after).not.toBe(before);
    expect(
      (JSON.parse((await request(second, '/data/details/0.json')).body) as { build: string }).build,
    ).toBe(after);
  });
});

describe('a rebuild with new problems', () => {
  it('keeps the last good map, says how many problems and which, and shows the map again once fixed', async () => {
    const s = await start();
    const status = async () =>
      JSON.parse((await request(s, '/data/status.json')).body) as {
        ok: boolean;
        message: string;
        diagnostics: { file: string; rule: string }[];
      };
    const build = async () =>
      (JSON.parse((await request(s, '/data/map.json')).body) as { build: string }).build;
    const until = async (done: () => Promise<boolean>) => {
      const deadline = Date.now() + 20_000;
      while (!(await done()) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    };
    const good = await build();
    const broken = '---\ntitle: "never closed\ndate: 2025-07-01\n---\n\n# Notes\n';
    await writeFile(path.join(notes, 'sub', 'x.md'), broken);
    await until(async () => !(await status()).ok);
    const one = await status();
    expect(one.ok).toBe(false);
    expect(one.message).toBe('A note has a new problem; showing the last good map until it is fixed.');
    expect(one.diagnostics.map((d) => d.file)).toEqual(['sub/x.md']);
    expect(await build()).toBe(good);

    await writeFile(path.join(notes, 'y.md'), broken);
    await until(async () => (await status()).diagnostics.length === 2);
    const two = await status();
    expect(two.message).toBe('A note has 2 new problems; showing the last good map until it is fixed.');
    expect(two.diagnostics.map((d) => d.file).sort()).toEqual(['sub/x.md', 'y.md']);
    expect(await build()).toBe(good);

    await rm(path.join(notes, 'sub', 'x.md'));
    await rm(path.join(notes, 'y.md'));
    await until(async () => (await status()).ok);
    expect(await status()).toEqual({ ok: true, message: '', diagnostics: [] });
  }, 60_000);
});

describe('rebuilds one at a time', () => {
  it('a change during a slow rebuild is built after it, so the map ends with the newest notes', async () => {
    // A source whose first rebuild is held until the test lets it finish (as a big folder is slow to build).
    const graphs = [
      syntheticGraph({ papers: 10 }),
      syntheticGraph({ papers: 20 }),
      syntheticGraph({ papers: 30 }),
    ];
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    const calls: string[][] = [];
    server = await startServer({
      source: {
        contentDir: notes,
        build: async () => graphs[0]!,
        rebuild: async (changed) => {
          calls.push(changed.map((f) => path.basename(f)));
          if (calls.length === 1) {
            await held;
            return graphs[1]!;
          }
          return graphs[2]!;
        },
      },
      host: '127.0.0.1',
      port: 0,
      debounceMs: 20,
    });
    const s = server;
    const papers = async () =>
      (
        JSON.parse((await request(s, '/data/map.json')).body) as { nodes: { kind: number[] } }
      ).nodes.kind.filter((k) => k === 0).length;
    const until = async (done: () => boolean | Promise<boolean>) => {
      const deadline = Date.now() + 20_000;
      while (!(await done()) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    };
    await writeFile(path.join(notes, 'first.md'), '# First\n');
    await until(() => calls.length === 1);
    await writeFile(path.join(notes, 'second.md'), '# Second\n');
    // Long enough for the second change's rebuild to start, were it not waiting for the first.
    await new Promise((r) => setTimeout(r, 400));
    expect(calls).toHaveLength(1);
    release();
    await until(async () => calls.length === 2 && (await papers()) === 30);
    await new Promise((r) => setTimeout(r, 200));
    expect(calls[1]).toContain('second.md');
    expect(await papers()).toBe(30);
  }, 60_000);
});

describe('the port', () => {
  it('takes the next free port when the one asked for is taken', async () => {
    const other = http.createServer((_req, res) => res.end('other'));
    await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
    const taken = (other.address() as AddressInfo).port;
    try {
      const s = await start(taken);
      expect(s.port).toBeGreaterThan(taken);
      expect(s.port).toBeLessThanOrEqual(taken + 50);
      expect(s.url).toBe(`http://127.0.0.1:${s.port}/`);
      expect((await request(s, '/data/status.json')).status).toBe(200);
    } finally {
      await new Promise<void>((resolve) => other.close(() => resolve()));
    }
  });
});
