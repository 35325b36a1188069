// `papermap build`'s output folder is a complete site at every moment, whenever the build dies, and
// leftovers of dead builds are removed by the next one.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildFromDirectory } from '../../src/cli/build-from-directory.js';
import { PROJECT_ROOT } from '../../src/cli/paths.js';
import { listFiles, pageHtml, writeSite } from '../../src/cli/site.js';
import type { SerializedGraph } from '../../src/types.js';

let work: string;
let oldGraph: SerializedGraph;
let newGraph: SerializedGraph;

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'papermap-site-'));
  const notes = path.join(work, 'notes');
  await mkdir(notes);
  const seed = await readFile(path.join(PROJECT_ROOT, 'content', 'reinforcement-learning.md'), 'utf8');
  await writeFile(path.join(notes, 'a.md'), seed.slice(0, Math.floor(seed.length / 3)));
  oldGraph = (await buildFromDirectory(notes, { layout: false })).graph;
  await writeFile(path.join(notes, 'a.md'), seed);
  newGraph = (await buildFromDirectory(notes, { layout: false })).graph;
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

/** What a static server would serve from `out`: the page, everything it links, and the map it loads. */
async function servable(out: string): Promise<{ build: string; nodes: number }> {
  const html = await readFile(path.join(out, 'index.html'), 'utf8');
  const refs = [...html.matchAll(/(?:src|href)="\.\/([^"]+)"/g)].map((m) => m[1]!);
  expect(refs.length).toBeGreaterThan(1);
  for (const ref of refs) await readFile(path.join(out, ref));
  const map = JSON.parse(await readFile(path.join(out, 'data', 'map.json'), 'utf8'));
  await readFile(path.join(out, 'data', 'search.json'));
  for (let c = 0; c < map.chunkCount; c++) await readFile(path.join(out, 'data', 'details', `${c}.json`));
  return { build: map.build, nodes: map.nodes.label.length };
}

async function siteBytes(out: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const rel of await listFiles(out)) files[rel] = await readFile(path.join(out, rel), 'utf8');
  return files;
}

describe('writeSite', () => {
  it('keeps a servable site whichever step the build dies at, and the next build completes it', async () => {
    const fresh = path.join(work, 'fresh');
    await writeSite({ graph: newGraph, out: fresh });
    const expected = await siteBytes(fresh);
    const steps: string[] = [];
    const probe = path.join(work, 'probe');
    await writeSite({ graph: oldGraph, out: probe });
    const oldBuild = (await servable(probe)).build;
    await writeSite({ graph: newGraph, out: probe, onStep: (s) => steps.push(s) });
    expect(steps.length).toBeGreaterThan(5);

    for (const [k, at] of steps.entries()) {
      const out = path.join(work, `site-${k}`);
      await writeSite({ graph: oldGraph, out });
      const died = writeSite({
        graph: newGraph,
        out,
        onStep: (s) => {
          if (s === at) throw new Error(`killed at ${at}`);
        },
      });
      await expect(died).rejects.toThrow('killed');
      await servable(out);
      await writeSite({ graph: newGraph, out });
      expect(await siteBytes(out), at).toEqual(expected);
      expect((await readdir(work)).filter((n) => n.startsWith(`site-${k}.`))).toEqual([]);
    }
    expect((await servable(fresh)).build).not.toBe(oldBuild);
  });

  it('removes the folders a killed build left beside the site', async () => {
    const out = path.join(work, 'leftovers');
    // A pid that is surely gone: a child that has exited.
    const dead = spawnSync(process.execPath, ['-e', '0']).pid!;
    await mkdir(`${out}.tmp-${dead}/assets`, { recursive: true });
    await mkdir(`${out}.old-${dead}/data`, { recursive: true });
    await writeSite({ graph: newGraph, out });
    expect((await readdir(work)).filter((n) => n.startsWith('leftovers'))).toEqual(['leftovers']);
  });

  it('removes only its own stale files from the target', async () => {
    const out = path.join(work, 'shared-folder');
    await writeSite({ graph: oldGraph, out });
    await writeFile(path.join(out, 'robots.txt'), 'mine');
    await writeSite({ graph: newGraph, out });
    expect(await readFile(path.join(out, 'robots.txt'), 'utf8')).toBe('mine');
    const { robots: _, ...rest } = { robots: 0, ...(await siteBytes(out)) };
    expect(Object.keys(rest).filter((k) => k !== 'robots.txt')).toEqual(
      (await listFiles(path.join(work, 'fresh'))).sort(),
    );
  });
});

describe('writeSite over a bigger site', () => {
  it('a smaller build removes the data files the bigger one had, and keeps what is not its own', async () => {
    const out = path.join(work, 'shrinking');
    await writeSite({ graph: newGraph, out });
    const big = await listFiles(out);
    await writeFile(path.join(out, 'CNAME'), 'notes.example');
    await writeSite({ graph: oldGraph, out });
    const small = path.join(work, 'small-fresh');
    await writeSite({ graph: oldGraph, out: small });
    const expected = await listFiles(small);
    // The bigger map had data files the smaller one does not make: they are gone.
    expect(big.filter((f) => !expected.includes(f)).length).toBeGreaterThan(0);
    expect(await listFiles(out)).toEqual([...expected, 'CNAME'].sort());
    expect(await siteBytes(small)).toEqual(
      Object.fromEntries(Object.entries(await siteBytes(out)).filter(([k]) => k !== 'CNAME')),
    );
    expect((await servable(out)).build).toBe((await servable(small)).build);
  });
});

describe('builds beside this one', () => {
  it('leaves the folders of a build still running alone', async () => {
    const out = path.join(work, 'running');
    // Another build, alive: a child process that waits to be ended.
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
    try {
      await mkdir(`${out}.tmp-${other.pid}/data`, { recursive: true });
      await writeSite({ graph: oldGraph, out });
      expect((await readdir(work)).filter((n) => n.startsWith('running')).sort()).toEqual([
        'running',
        `running.tmp-${other.pid}`,
      ]);
    } finally {
      other.kill('SIGKILL');
      await new Promise((r) => other.once('exit', r));
    }
    // Once it is gone, the next build removes them.
    await writeSite({ graph: oldGraph, out });
    expect((await readdir(work)).filter((n) => n.startsWith('running'))).toEqual(['running']);
  });

  it('a page that is not built: the build fails and leaves nothing beside the target', async () => {
    const app = path.join(work, 'half-built-app');
    await mkdir(path.join(app, 'assets'), { recursive: true });
    await writeFile(path.join(app, 'assets', 'main.js'), '');
    const out = path.join(work, 'no-page');
    await expect(writeSite({ graph: oldGraph, out, appDir: app })).rejects.toThrow(/ENOENT/);
    expect((await readdir(work)).filter((n) => n.startsWith('no-page'))).toEqual([]);
  });
});

describe('the written page', () => {
  it('lets summaries load images from other sites only when asked', async () => {
    const out = path.join(work, 'remote-images');
    await writeSite({ graph: oldGraph, out, remoteImages: true });
    const allowed = await readFile(path.join(out, 'index.html'), 'utf8');
    expect(allowed).toMatch(/img-src 'self' blob: https:;/);
    await writeSite({ graph: oldGraph, out });
    const blocked = await readFile(path.join(out, 'index.html'), 'utf8');
    expect(blocked).toMatch(/img-src 'self' blob:;/);
    // A static site has no update stream to follow.
    expect(blocked).not.toContain('papermap-live');
  });
});

describe('pageHtml', () => {
  const html = execFileSync('cat', [path.join(PROJECT_ROOT, 'index.html')], { encoding: 'utf8' });
  it('keeps images from other sites out of the page unless allowed', () => {
    expect(pageHtml(html)).toMatch(/img-src 'self' blob:;/);
    expect(pageHtml(html, { remoteImages: true })).toMatch(/img-src 'self' blob: https:;/);
  });
});
