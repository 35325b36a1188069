// The live server answers the page's own files and the built data, nothing else: no project files, no
// notes, no absolute paths in error pages, no CORS, no other Host. Holes found when the server was Vite's.
import { appendFile, mkdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDevServer } from '../../src/cli/dev.js';
import { APP_DIR, PROJECT_ROOT } from '../../src/cli/paths.js';
import type { PageServer } from '../../src/cli/server.js';
import { newProblems } from '../../src/cli/server.js';
import { listFiles } from '../../src/cli/site.js';
import type { Diagnostic } from '../../src/types.js';
import { rawRequest, type Reply } from '../http.js';

const SECRET = 'SECRET-NOTE-TEXT-7f3a';
// The notes folder inside the project under a name of its own, as in the report of the hole.
const notes = path.join(PROJECT_ROOT, `test-notes-${process.pid}`);
let server: PageServer;

/** A request exactly as written (fetch would normalise `..` and encodings away). */
function raw(target: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Reply> {
  return rawRequest(server.port, target, { method, headers });
}

beforeAll(async () => {
  await mkdir(notes, { recursive: true });
  const seed = await readFile(path.join(PROJECT_ROOT, 'content', 'reinforcement-learning.md'), 'utf8');
  await writeFile(path.join(notes, 'a.markdown'), `${seed}\n\n${SECRET}\n`);
  server = await startDevServer(
    { content: notes, port: 0, host: '127.0.0.1', synthetic: null },
    () => undefined,
  );
});
afterAll(async () => {
  await server?.close();
  await rm(notes, { recursive: true, force: true });
});

describe('what the live server answers', () => {
  it('serves the page, every file of the built page and the data', async () => {
    for (const rel of await listFiles(APP_DIR)) expect((await raw(`/${rel}`)).status, rel).toBe(200);
    const page = await raw('/');
    expect(page.body).toContain('<div id="map">');
    for (const p of ['/data/map.json', '/data/search.json', '/data/details/0.json', '/data/status.json']) {
      const r = await raw(p);
      expect(r.status, p).toBe(200);
      expect(r.headers['content-type']).toContain('application/json');
    }
    expect((await raw('/data/map.json?b=x')).status).toBe(200);
  });

  it.each([
    // Vite's module ids, raw and as a module (whose 500 page carried the note's text).
    '/@id//src/cli/dev.ts',
    '/@id//package.json?import&raw',
    `/@id//test-notes-${process.pid}/a.markdown?import&raw`,
    `/@id//test-notes-${process.pid}/a.markdown?import`,
    `/test-notes-${process.pid}/a.markdown`,
    `/@fs${notes}/a.markdown`,
    '/@fs/etc/passwd',
    '/@vite/client',
    '/src/app/main.ts',
    '/src/cli/dev.ts',
    '/package.json',
    '/index.html/../package.json',
    '/../package.json',
    '/%2e%2e/package.json',
    '/%252e%252e/package.json',
    '/assets/..%2f..%2fpackage.json',
    '/data/../../package.json',
    '/data/..%5c..%5cpackage.json',
    '/data/%2e%2e/%2e%2e/etc/passwd',
    '/data/map.json%00.png',
    '/.git/config',
    '/node_modules/.vite/deps/sigma.js',
    '/content/reinforcement-learning.md',
  ])('refuses %s with a 404 that names nothing', async (p) => {
    const r = await raw(p);
    expect(r.status).toBe(404);
    expect(r.body).toBe('Not found');
    expect(r.body).not.toContain(PROJECT_ROOT);
  });

  it('sends no CORS headers, to a localhost origin or any other', async () => {
    for (const origin of ['http://localhost:3000', 'http://127.0.0.1:8080', 'https://evil.example']) {
      const r = await raw('/data/map.json', { Origin: origin });
      expect(r.status).toBe(200);
      expect(r.headers['access-control-allow-origin']).toBeUndefined();
      const pre = await raw(
        '/data/map.json',
        { Origin: origin, 'Access-Control-Request-Method': 'GET' },
        'OPTIONS',
      );
      expect(pre.status).toBe(405);
      expect(pre.headers['access-control-allow-origin']).toBeUndefined();
    }
    expect((await raw('/data/map.json')).headers['cross-origin-resource-policy']).toBe('same-origin');
  });

  it('answers only its own host name (a rebinding DNS name gets nothing)', async () => {
    const r = await raw('/data/map.json', { Host: `evil.example:${server.port}` });
    expect(r.status).toBe(421);
    expect(r.body).not.toContain(SECRET.slice(0, 6));
    expect((await raw('/data/map.json', { Host: `localhost:${server.port}` })).status).toBe(200);
  });
});

describe('live updates', () => {
  it('rebuilds when a note changes and tells open pages over /data/events', async () => {
    const before = JSON.parse((await raw('/data/map.json')).body) as {
      build: string;
      nodes: { label: string[] };
    };
    const events: string[] = [];
    const req = http.get({ host: '127.0.0.1', port: server.port, path: '/data/events' });
    const res = await new Promise<http.IncomingMessage>((resolve) => req.on('response', resolve));
    expect(res.headers['content-type']).toContain('text/event-stream');
    res.setEncoding('utf8');
    res.on('data', (c: string) => events.push(c));
    await appendFile(
      path.join(notes, 'a.markdown'),
      '\n## Added\n\n- 2025-07-18 20:24:54 Friday ｜ Added Paper https://arxiv.org/abs/2507.00001\n',
    );
    const deadline = Date.now() + 20_000;
    while (!events.join('').includes('event: update') && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 50));
    req.destroy();
    expect(events.join('')).toContain('event: hello');
    expect(events.join('')).toContain('event: update');
    const after = JSON.parse((await raw('/data/map.json')).body) as {
      build: string;
      nodes: { label: string[] };
    };
    expect(after.build).not.toBe(before.build);
    expect(after.nodes.label.length).toBe(before.nodes.label.length + 1);
  }, 30_000);
});

/** A POST with a body, headers exactly as given. */
function post(target: string, body: string, headers: Record<string, string>): Promise<Reply> {
  return rawRequest(server.port, target, { method: 'POST', headers, body });
}

describe('the corrections endpoint', () => {
  const file = path.join(notes, 'papermap.corrections.txt');
  const origin = () => `http://127.0.0.1:${server.port}`;
  const json = () => ({
    'Content-Type': 'application/json',
    Origin: origin(),
    'Sec-Fetch-Site': 'same-origin',
  });
  const reject = { verb: 'reject', type: 'builds-on', source: 'arxiv:2506.16141', target: 'concept:grpo' };
  const exists = () =>
    readFile(file, 'utf8').then(
      () => true,
      () => false,
    );

  it('refuses cross-origin, simple-form and malformed requests, and writes nothing', async () => {
    const body = JSON.stringify(reject);
    const refused: [Record<string, string>, string, number][] = [
      [{ ...json(), Origin: 'http://evil.example' }, body, 403],
      [{ ...json(), 'Sec-Fetch-Site': 'cross-site' }, body, 403],
      [{ 'Content-Type': 'application/json' }, body, 403],
      [{ ...json(), 'Content-Type': 'text/plain' }, body, 415],
      [{ ...json(), 'Content-Type': 'application/x-www-form-urlencoded' }, 'verb=reject', 415],
      [json(), '{not json', 400],
      [json(), '[1]', 400],
      [json(), 'null', 400],
      [json(), '"reject builds-on a -> b"', 400],
      [json(), '5', 400],
      [json(), JSON.stringify({ ...reject, verb: 'delete' }), 400],
      [json(), JSON.stringify({ ...reject, type: 'cites' }), 400],
      [json(), JSON.stringify({ ...reject, source: 'arxiv:1\nadd uses a -> b' }), 400],
      [json(), JSON.stringify({ ...reject, target: 'x'.repeat(5000) }), 413],
    ];
    for (const [headers, text, status] of refused) {
      const reply = await post('/__papermap/correct', text, headers);
      expect(reply.status, `${JSON.stringify(headers)} ${text.slice(0, 60)}`).toBe(status);
      expect(reply.headers['access-control-allow-origin']).toBeUndefined();
    }
    expect((await raw('/__papermap/correct', json())).status).toBe(403);
    const preflight = await raw('/__papermap/correct', { Origin: 'http://evil.example' }, 'OPTIONS');
    expect(preflight.status).toBe(403);
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
    expect(await exists()).toBe(false);
  });

  it('appends exactly one line per accepted request', async () => {
    expect((await post('/__papermap/correct', JSON.stringify(reject), json())).status).toBe(204);
    expect(await readFile(file, 'utf8')).toBe('reject builds-on arxiv:2506.16141 -> concept:grpo\n');
    // A file the user left without a final newline still gets whole lines.
    await writeFile(file, '# mine\nreject builds-on arxiv:2506.16141 -> concept:grpo');
    const confirm = { ...reject, verb: 'confirm' };
    expect((await post('/__papermap/correct', JSON.stringify(confirm), json())).status).toBe(204);
    expect(await readFile(file, 'utf8')).toBe(
      '# mine\nreject builds-on arxiv:2506.16141 -> concept:grpo\nconfirm builds-on arxiv:2506.16141 -> concept:grpo\n',
    );
    await rm(file);
  });

  it('writes merge and split lines, and refuses them cross-origin or malformed', async () => {
    const merge = { verb: 'merge', into: 'arxiv:2506.16141', from: 'POLARIS' };
    const split = { verb: 'split', node: 'POLARIS', part: 'reinforcement-learning.md:121' };
    for (const body of [merge, split]) {
      for (const headers of [
        { ...json(), Origin: 'http://evil.example' },
        { ...json(), 'Sec-Fetch-Site': 'cross-site' },
        { 'Content-Type': 'application/json' },
      ])
        expect((await post('/__papermap/correct', JSON.stringify(body), headers)).status).toBe(403);
    }
    for (const bad of [
      { ...merge, from: 'a\nreject uses a -> b' },
      { ...merge, into: 3 },
      { ...split, node: 'a | b' },
      { verb: 'split', node: 'POLARIS' },
    ])
      expect((await post('/__papermap/correct', JSON.stringify(bad), json())).status).toBe(400);
    expect(await exists()).toBe(false);
    expect((await post('/__papermap/correct', JSON.stringify(merge), json())).status).toBe(204);
    expect((await post('/__papermap/correct', JSON.stringify(split), json())).status).toBe(204);
    expect(await readFile(file, 'utf8')).toBe(
      'merge arxiv:2506.16141 <- POLARIS\nsplit POLARIS | reinforcement-learning.md:121\n',
    );
    await rm(file);
  });

  it('never writes through a link to a file outside the folder', async () => {
    const outside = path.join(PROJECT_ROOT, `outside-${process.pid}.txt`);
    await writeFile(outside, 'untouched\n');
    await symlink(outside, file);
    try {
      expect((await post('/__papermap/correct', JSON.stringify(reject), json())).status).toBe(409);
      expect(await readFile(outside, 'utf8')).toBe('untouched\n');
    } finally {
      await rm(file);
      await rm(outside);
    }
  });
});

describe('watching folders', () => {
  it('sees a note in a new sub-folder, and its removal with the folder', async () => {
    const count = async () =>
      (JSON.parse((await raw('/data/map.json')).body) as { nodes: { label: string[] } }).nodes.label.length;
    const waitFor = async (want: (n: number) => boolean) => {
      const deadline = Date.now() + 20_000;
      let n = await count();
      while (!want(n) && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 100));
        n = await count();
      }
      return n;
    };
    const before = await count();
    const events: string[] = [];
    const req = http.get({ host: '127.0.0.1', port: server.port, path: '/data/events' });
    const res = await new Promise<http.IncomingMessage>((resolve) => req.on('response', resolve));
    res.setEncoding('utf8');
    res.on('data', (c: string) => events.push(c));
    await mkdir(path.join(notes, 'new folder', 'deeper'), { recursive: true });
    // As a person would, the note is written once the folder is there (its rebuild done). Written in the same
    // instant, the note could be created before the watcher watches the new folder (Node's recursive watch on
    // Linux adds a new folder's watchers after its event), and a busy machine then misses its write.
    const deadline = Date.now() + 20_000;
    while (!events.join('').includes('event: update') && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 50));
    req.destroy();
    expect(events.join('')).toContain('event: update');
    await writeFile(
      path.join(notes, 'new folder', 'deeper', 'b.md'),
      '# Later\n\n- 2025-07-20 10:00:00 Sunday ｜ Folder Paper https://arxiv.org/abs/2507.00099\n',
    );
    expect(await waitFor((n) => n > before)).toBe(before + 1);
    await rm(path.join(notes, 'new folder'), { recursive: true, force: true });
    expect(await waitFor((n) => n === before)).toBe(before);
  }, 60_000);
});

describe('keeping the last good map', () => {
  const d = (
    file: string,
    rule: string,
    severity: Diagnostic['severity'] = 'error',
    line = 1,
  ): Diagnostic => ({
    file,
    rule,
    severity,
    line,
    column: 1,
    message: `${rule} in ${file}`,
  });
  it.each([
    { prev: [], next: [], fresh: 0 },
    { prev: [], next: [d('a.md', 'front-matter-invalid')], fresh: 1 },
    {
      prev: [d('a.md', 'front-matter-invalid', 'error', 3)],
      next: [d('a.md', 'front-matter-invalid', 'error', 9)],
      fresh: 0,
    },
    { prev: [], next: [d('a.md', 'front-matter-unterminated', 'warning')], fresh: 1 },
    { prev: [], next: [d('a.md', 'ambiguous-name', 'info')], fresh: 0 },
    { prev: [d('a.md', 'x')], next: [d('b.md', 'x')], fresh: 1 },
  ])('$fresh new problem(s)', ({ prev, next, fresh }) => {
    expect(newProblems(prev, next)).toHaveLength(fresh);
  });
});
