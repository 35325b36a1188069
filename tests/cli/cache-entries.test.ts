// The build cache's entries one by one (src/cli/cache.ts): where the cache lives, a layout written and read
// back, entries that pass every check but hold something else, and pruning. tests/cli/cache.test.ts checks
// the same cache through whole builds.
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readdir, rm, symlink, utimes, writeFile } from 'node:fs/promises';
import { homedir, tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultCacheDir, openBuildCache, openCache, type BuildCache } from '../../src/cli/cache.js';
import type { LayoutMemory } from '../../src/graph/index.js';

let work: string;
beforeEach(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'papermap-cache-entries-'));
});
afterEach(async () => {
  await rm(work, { recursive: true, force: true });
});

const layout = (signature: string, x: number): LayoutMemory => ({
  signature,
  positions: new Map([
    ['arxiv:2402.03300', [x, -2.5]],
    ['concept:grpo', [x + 1, 7]],
  ]),
  topics: new Map([['arxiv:2402.03300', '强化学习']]),
  communities: new Map([
    ['arxiv:2402.03300', 0],
    ['concept:grpo', 1],
  ]),
});

/** An entry as the cache writes it (header line with tag, code, key, length and SHA-1, then the body). */
async function writeEntry(cache: BuildCache, file: string, key: string, body: string): Promise<void> {
  const bytes = Buffer.from(body);
  const header = JSON.stringify({
    tag: 'papermap-cache/1',
    code: cache.code,
    key,
    bytes: bytes.length,
    sha1: createHash('sha1').update(bytes).digest('hex'),
  });
  await writeFile(path.join(cache.dir, file), `${header}\n${body}`);
}

describe('where the cache lives', () => {
  it('$PAPERMAP_CACHE_DIR, else $XDG_CACHE_HOME/papermap, else ~/.cache/papermap; one folder per notes folder', async () => {
    const notes = path.join(work, 'My Notes (2025)');
    await mkdir(notes);
    const name = path.basename(await defaultCacheDir(notes, {}));
    expect(name).toMatch(/^My_Notes_2025_-[0-9a-f]{12}$/);
    expect(await defaultCacheDir(notes, {})).toBe(path.join(homedir(), '.cache', 'papermap', name));
    expect(await defaultCacheDir(notes, { XDG_CACHE_HOME: '/x/cache' })).toBe(
      path.join('/x/cache', 'papermap', name),
    );
    expect(await defaultCacheDir(notes, { XDG_CACHE_HOME: '/x/cache', PAPERMAP_CACHE_DIR: '/y/pm' })).toBe(
      path.join('/y/pm', name),
    );
    // The same folder through a link: the same cache. Another folder of the same name: another one.
    await symlink(notes, path.join(work, 'link'));
    expect(await defaultCacheDir(path.join(work, 'link'), {})).toBe(await defaultCacheDir(notes, {}));
    await mkdir(path.join(work, 'other', 'My Notes (2025)'), { recursive: true });
    const other = await defaultCacheDir(path.join(work, 'other', 'My Notes (2025)'), {});
    expect(path.basename(other)).toMatch(/^My_Notes_2025_-[0-9a-f]{12}$/);
    expect(other).not.toBe(await defaultCacheDir(notes, {}));
  });

  it('opens in the folder it is given; one it cannot write to only makes builds slower', async () => {
    const cache = (await openBuildCache(work, path.join(work, 'c')))!;
    expect(cache.dir).toBe(path.join(work, 'c'));
    await cache.putParse('k', { entries: [] });
    expect(cache.stats.writes).toBe(1);
    await writeFile(path.join(work, 'file'), 'x');
    const blocked = (await openBuildCache(work, path.join(work, 'file', 'c')))!;
    await blocked.putParse('k', { entries: [] });
    expect(blocked.stats.writes).toBe(0);
    expect(await blocked.getParse('k')).toBeUndefined();
  });
});

describe('layout entries', () => {
  it('a layout written is read back as it was, and the last one written is the last layout', async () => {
    const cache = await openCache(path.join(work, 'c'));
    await cache.putLayout('one', layout('sig-1', 1.5));
    await cache.putLayout('two', layout('sig-2', 9));
    expect(await cache.getLayout('one')).toEqual(layout('sig-1', 1.5));
    expect(await cache.getLayout('two')).toEqual(layout('sig-2', 9));
    expect(await cache.getLayout('three')).toBeUndefined();
    const older = new Date(Date.now() - 60_000);
    await utimes(path.join(cache.dir, 'layout-one.json'), older, older);
    expect(await cache.getLastLayout()).toEqual(layout('sig-2', 9));
    await utimes(path.join(cache.dir, 'layout-two.json'), new Date(0), new Date(0));
    expect(await cache.getLastLayout()).toEqual(layout('sig-1', 1.5));
  });

  it.each([
    ['null', 'null'],
    ['a number', '42'],
    ['a string', '"layout"'],
    ['a list', '[]'],
    ['no signature', JSON.stringify({ positions: [], topics: [], communities: [] })],
    [
      'a position without y',
      JSON.stringify({ signature: 's', positions: [['a', 1]], topics: [], communities: [] }),
    ],
    [
      'a position not a number',
      JSON.stringify({ signature: 's', positions: [['a', 1, 'y']], topics: [], communities: [] }),
    ],
    [
      'a topic not a string',
      JSON.stringify({ signature: 's', positions: [], topics: [['a', 3]], communities: [] }),
    ],
    [
      'a community not whole',
      JSON.stringify({ signature: 's', positions: [], topics: [], communities: [['a', 0.5]] }),
    ],
    [
      'a position keyed by a number',
      JSON.stringify({ signature: 's', positions: [[1, 1, 2]], topics: [], communities: [] }),
    ],
    [
      'a position of four',
      JSON.stringify({ signature: 's', positions: [['a', 1, 2, 3]], topics: [], communities: [] }),
    ],
    [
      'a topic keyed by a number',
      JSON.stringify({ signature: 's', positions: [], topics: [[3, 't']], communities: [] }),
    ],
    [
      'a topic of three',
      JSON.stringify({ signature: 's', positions: [], topics: [['a', 't', 'u']], communities: [] }),
    ],
    [
      'a community keyed by a number',
      JSON.stringify({ signature: 's', positions: [], topics: [], communities: [[1, 2]] }),
    ],
    [
      'a community of three',
      JSON.stringify({ signature: 's', positions: [], topics: [], communities: [['a', 1, 2]] }),
    ],
    [
      'a row that is no list',
      JSON.stringify({ signature: 's', positions: ['a'], topics: [], communities: [] }),
    ],
    ['communities missing', JSON.stringify({ signature: 's', positions: [], topics: [] })],
  ])('an intact entry holding %s is not a layout: not used, the last good one is', async (_what, body) => {
    const cache = await openCache(path.join(work, 'c'));
    await cache.putLayout('good', layout('sig', 3));
    const older = new Date(Date.now() - 60_000);
    await utimes(path.join(cache.dir, 'layout-good.json'), older, older);
    await writeEntry(cache, 'layout-bad.json', 'bad', body);
    expect(await cache.getLayout('bad')).toBeUndefined();
    expect(await cache.getLastLayout()).toEqual(layout('sig', 3));
  });

  it('an intact entry holding a layout is used, whoever wrote it', async () => {
    const cache = await openCache(path.join(work, 'c'));
    await mkdir(cache.dir, { recursive: true });
    const body = { signature: 's', positions: [['a', 1, -2]], topics: [['a', 't']], communities: [['a', 4]] };
    await writeEntry(cache, 'layout-hand.json', 'hand', JSON.stringify(body));
    expect(await cache.getLayout('hand')).toEqual({
      signature: 's',
      positions: new Map([['a', [1, -2]]]),
      topics: new Map([['a', 't']]),
      communities: new Map([['a', 4]]),
    });
  });
});

describe('pruning', () => {
  it('keeps the parses asked for and the one graph and layout, and removes every other entry', async () => {
    const cache = await openCache(path.join(work, 'c'));
    for (const key of ['p1', 'p2', 'p3']) await cache.putParse(key, { entries: [key] });
    for (const key of ['old', 'new']) {
      await cache.putGraph(key, { nodes: [], edges: [] } as never);
      await cache.putLayout(key, layout(key, 0));
    }
    await writeFile(path.join(cache.dir, 'notes.txt'), 'not an entry');
    await cache.prune(new Set(['p1', 'p3']), 'new');
    expect((await readdir(path.join(cache.dir, 'parses'))).sort()).toEqual(['p1.json', 'p3.json']);
    expect((await readdir(cache.dir)).sort()).toEqual([
      'graph-new.json',
      'layout-new.json',
      'notes.txt',
      'parses',
    ]);
    expect(await cache.getParse('p3')).toEqual({ entries: ['p3'] });
    expect(await cache.getParse('p2')).toBeUndefined();
  });
});
