// The persistent cache: a warm build gives the cold build's bytes; one changed note re-parses only that note;
// a truncated, corrupt or foreign cache entry is detected and rebuilt, never trusted.
import {
  appendFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCorpus } from '../../bench/corpus.js';
import { buildFromDirectory } from '../../src/cli/build-from-directory.js';
import { openCache } from '../../src/cli/cache.js';
import { directorySource } from '../../src/cli/dev.js';
import { createBuilder } from '../../src/pipeline.js';

let work: string;
let notes: string;
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'papermap-cache-'));
  notes = join(work, 'notes');
  const { files } = generateCorpus({ papers: 240, files: 8, seed: 11 });
  for (const file of files) {
    const target = join(notes, ...file.path.split('/'));
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, file.text);
  }
});
afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

const cold = async () => JSON.stringify((await buildFromDirectory(notes)).graph);

describe('the build cache', () => {
  it('a warm build reads the graph back: the cold build byte for byte, from any command path', async () => {
    const dir = join(work, 'cache-a');
    const expected = await cold();
    const first = await buildFromDirectory(notes, { cache: await openCache(dir), workers: 2 });
    expect(first.fromCache).toBeFalsy();
    expect(JSON.stringify(first.graph)).toBe(expected);

    const cache = await openCache(dir);
    const warm = await buildFromDirectory(notes, { cache });
    expect(warm.fromCache).toBe(true);
    expect(JSON.stringify(warm.graph)).toBe(expected);
    expect(cache.stats).toMatchObject({ hits: 1, rejected: 0 });

    // The dev server's long-lived builder, and a one-shot build with parses only (no whole graph).
    const dev = await buildFromDirectory(notes, { builder: createBuilder({}), cache: await openCache(dir) });
    expect(dev.fromCache).toBe(true);
    const parsesOnly = await openCache(dir);
    const rebuilt = await buildFromDirectory(notes, { cache: parsesOnly, cachedGraph: false });
    expect(JSON.stringify(rebuilt.graph)).toBe(expected);
    expect(parsesOnly.stats.misses).toBe(0);
  });

  it('one changed note is parsed again; the others come from the cache', async () => {
    const dir = join(work, 'cache-b');
    await buildFromDirectory(notes, { cache: await openCache(dir) });
    const note = readdirSync(notes, { recursive: true, encoding: 'utf8' }).find((p) => p.endsWith('.md'))!;
    appendFileSync(
      join(notes, note),
      '\n- 2025-07-18 20:24:54 Friday ｜ A New Paper https://arxiv.org/abs/2507.00042\n',
    );
    const cache = await openCache(dir);
    const warm = await buildFromDirectory(notes, { cache });
    expect(warm.fromCache).toBeFalsy();
    // The graph (1 miss: it changed) and the changed note's parse (1 miss); every other parse hits.
    expect(cache.stats.misses).toBe(2);
    expect(cache.stats.hits).toBe(readdirSync(join(dir, 'parses')).length - 1);
    expect(JSON.stringify(warm.graph)).toBe(await cold());
    // The old parse of the changed note and the old graph were pruned.
    expect(readdirSync(dir).filter((n) => n.startsWith('graph-'))).toHaveLength(1);
  });

  it.each([
    ['truncated', (text: string) => text.slice(0, Math.floor(text.length / 2))],
    [
      'corrupt (one byte changed)',
      (text: string) => {
        const at = Math.floor((text.indexOf('\n') + text.length) / 2);
        return `${text.slice(0, at)}${text[at] === '1' ? '2' : '1'}${text.slice(at + 1)}`;
      },
    ],
    ['from another papermap', (text: string) => text.replace(/"code":"[^"]*"/, '"code":"0.0.1+0000"')],
    ['empty', () => ''],
  ])('a %s graph entry is rebuilt, never trusted', async (_what, damage) => {
    const dir = join(work, `cache-damaged-${_what.split(' ')[0]}`);
    const expected = await cold();
    await buildFromDirectory(notes, { cache: await openCache(dir) });
    const graphFile = join(
      dir,
      readdirSync(dir).find((n) => n.startsWith('graph-'))!,
    );
    const parseFiles = readdirSync(join(dir, 'parses')).map((n) => join(dir, 'parses', n));
    writeFileSync(graphFile, damage(readFileSync(graphFile, 'utf8')));
    for (const f of parseFiles.slice(0, 3)) writeFileSync(f, damage(readFileSync(f, 'utf8')));
    const cache = await openCache(dir);
    const again = await buildFromDirectory(notes, { cache });
    expect(again.fromCache).toBeFalsy();
    expect(cache.stats.rejected).toBe(4);
    expect(JSON.stringify(again.graph)).toBe(expected);
    // Written again: the next build is warm.
    const next = await buildFromDirectory(notes, { cache: await openCache(dir) });
    expect(next.fromCache).toBe(true);
  });

  it('a builder warmed for a cached graph starts from its layout: the same graph, no layout run again', async () => {
    const dir = join(work, 'cache-layout');
    const expected = await cold();
    await buildFromDirectory(notes, { cache: await openCache(dir) });
    expect(readdirSync(dir).filter((n) => n.startsWith('layout-'))).toHaveLength(1);
    // As the dev server warms its builder after serving the cached graph.
    const builder = createBuilder({});
    const warmed = await buildFromDirectory(notes, {
      builder,
      cache: await openCache(dir),
      cachedGraph: false,
    });
    expect(JSON.stringify(warmed.graph)).toBe(expected);
    expect(builder.build().layoutMode).toBe('warm');
    // Without the layout entry (or with one that is not a layout) the builder lays out from its seed: the same bytes.
    const layoutFile = join(
      dir,
      readdirSync(dir).find((n) => n.startsWith('layout-'))!,
    );
    const text = readFileSync(layoutFile, 'utf8');
    writeFileSync(layoutFile, text.replace(/"signature"/, '"signatur"'));
    const other = createBuilder({});
    const laidOut = await buildFromDirectory(notes, {
      builder: other,
      cache: await openCache(dir),
      cachedGraph: false,
    });
    expect(other.build().layoutMode).toBe('cold');
    expect(JSON.stringify(laidOut.graph)).toBe(expected);
  });

  it.each([
    ['of another papermap', (text: string) => text.replace(/"code":"[^"]*"/, '"code":"0.0.1+0000"')],
    ['truncated', (text: string) => text.slice(0, 200)],
    ['intact', null],
  ])(
    'an edit saved before the warm-up: laid out from the last cached layout, unless it is %s',
    async (what, damage) => {
      const dir = join(work, `cache-last-${what.split(' ')[0]}`);
      const note = readdirSync(notes, { recursive: true, encoding: 'utf8' }).find((p) => p.endsWith('.md'))!;
      const original = readFileSync(join(notes, note), 'utf8');
      await buildFromDirectory(notes, { cache: await openCache(dir) });
      const layoutFile = join(
        dir,
        readdirSync(dir).find((n) => n.startsWith('layout-'))!,
      );
      if (damage) writeFileSync(layoutFile, damage(readFileSync(layoutFile, 'utf8')));
      appendFileSync(
        join(notes, note),
        '\n- 2025-07-20 20:24:54 Sunday ｜ A Paper Saved Early https://arxiv.org/abs/2507.00091\n',
      );
      try {
        const expected = await cold();
        const builder = createBuilder({});
        const cache = await openCache(dir);
        const built = await buildFromDirectory(notes, {
          builder,
          cache,
          cachedGraph: false,
          lastLayout: true,
        });
        if (damage) {
          // Not trusted: laid out from the seed, the cold build's bytes (and cached as the notes' graph).
          expect(builder.build().layoutMode).toBe('cold');
          expect(cache.stats.rejected).toBe(1);
          expect(JSON.stringify(built.graph)).toBe(expected);
          expect((await buildFromDirectory(notes, { cache: await openCache(dir) })).fromCache).toBe(true);
        } else {
          expect(builder.build().layoutMode).toBe('warm');
          expect(built.graph.nodes.length).toBe((JSON.parse(expected) as { nodes: unknown[] }).nodes.length);
          // Its bytes depend on the layout it started from: not cached as the notes' graph.
          expect(readdirSync(dir).filter((n) => n.startsWith('graph-'))).toHaveLength(1);
          expect((await buildFromDirectory(notes, { cache: await openCache(dir) })).fromCache).toBeFalsy();
        }
      } finally {
        writeFileSync(join(notes, note), original);
      }
    },
  );

  it('an edit saved the moment a warm restart serves the map is rebuilt as a cold-started server rebuilds it', async () => {
    const cacheDir = join(work, 'cache-early-edit');
    const coldSource = await directorySource(notes, { cacheDir, primeDelayMs: 0 });
    const first = await coldSource.build();
    // The warm-up would start a minute later: the edit comes first.
    const warmSource = await directorySource(notes, { cacheDir, primeDelayMs: 60_000 });
    expect(JSON.stringify(await warmSource.build())).toBe(JSON.stringify(first));
    const note = readdirSync(notes, { recursive: true, encoding: 'utf8' }).find((p) => p.endsWith('.md'))!;
    appendFileSync(
      join(notes, note),
      '\n- 2025-07-21 20:24:54 Monday ｜ A Paper Saved At Once https://arxiv.org/abs/2507.00093\n',
    );
    const b = await warmSource.rebuild!([join(notes, note)]);
    const a = await coldSource.rebuild!([join(notes, note)]);
    expect(b.nodes.length).toBe(first.nodes.length + 1);
    // Not laid out again from the seed: the positions of the map being shown, as after any edit.
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
    await coldSource.close?.();
    await warmSource.close?.();
  });

  it('closing the live server stops its warm-up before it builds', async () => {
    const cacheDir = join(work, 'cache-close');
    const cold = await directorySource(notes, { cacheDir });
    await cold.build();
    await cold.close?.();
    const warmed: number[] = [];
    const warm = await directorySource(notes, { cacheDir, primeDelayMs: 0, onWarm: (ms) => warmed.push(ms) });
    await warm.build();
    // Let the warm-up start (it reads the notes and the cached parses), then close.
    await new Promise((r) => setTimeout(r, 5));
    await warm.close?.();
    expect(warmed).toEqual([]);
    // Without a close it warms.
    const again = await directorySource(notes, {
      cacheDir,
      primeDelayMs: 0,
      onWarm: (ms) => warmed.push(ms),
    });
    await again.build();
    await again.rebuild!([]);
    expect(warmed).toHaveLength(1);
    await again.close?.();
  });

  it('a cache inside the notes folder (.papermap/) is not read as notes', async () => {
    const dir = join(notes, '.papermap');
    const first = await buildFromDirectory(notes, { cache: await openCache(dir) });
    const again = await buildFromDirectory(notes, { cache: await openCache(dir), cachedGraph: false });
    expect(JSON.stringify(again.graph)).toBe(JSON.stringify(first.graph));
    expect(again.graph.attributes.diagnostics.some((d) => d.file.startsWith('.papermap'))).toBe(false);
  });

  it('the live server starts from the cached graph and, once warmed, rebuilds an edit as a cold-started one does', async () => {
    const cacheDir = join(work, 'cache-dev');
    const warmed: string[] = [];
    const coldSource = await directorySource(notes, {
      cacheDir,
      primeDelayMs: 0,
      onWarm: () => warmed.push('cold'),
    });
    const first = await coldSource.build();
    // A cold start's builder is warm once it has built.
    expect(warmed).toEqual(['cold']);
    const warmSource = await directorySource(notes, {
      cacheDir,
      primeDelayMs: 0,
      onWarm: () => warmed.push('warm'),
    });
    const started = performance.now();
    const second = await warmSource.build();
    expect(JSON.stringify(second)).toBe(JSON.stringify(first));
    expect(performance.now() - started).toBeLessThan(5_000);
    // A rebuild waits for the builder to be warmed from the cached parses (here: nothing changed yet).
    expect(JSON.stringify(await warmSource.rebuild!([]))).toBe(JSON.stringify(first));
    expect(warmed).toEqual(['cold', 'warm']);

    const note = readdirSync(notes, { recursive: true, encoding: 'utf8' }).find((p) => p.endsWith('.md'))!;
    appendFileSync(
      join(notes, note),
      '\n- 2025-07-19 20:24:54 Saturday ｜ Another Paper https://arxiv.org/abs/2507.00077\n',
    );
    const [a, b] = [
      await coldSource.rebuild!([join(notes, note)]),
      await warmSource.rebuild!([join(notes, note)]),
    ];
    expect(b.nodes.length).toBe(first.nodes.length + 1);
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
    await coldSource.close?.();
    await warmSource.close?.();
  });
});
