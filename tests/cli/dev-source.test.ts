// The live map's graph source (`directorySource`, `startDevServer`): the options it is given reach every build
// it makes, and a rebuild reads only the files it is told changed. In-process, on copies of real-shaped notes,
// so that mutation testing sees these tests run the code.
import { cp, mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { directorySource, startDevServer } from '../../src/cli/dev.js';
import { PROJECT_ROOT } from '../../src/cli/paths.js';
import type { SerializedGraph } from '../../src/types.js';

const CITEKEY = join(PROJECT_ROOT, 'tests', 'fixtures', 'style-citekey-bib', 'notes');
/** Items of the fixture's libraries that no note mentions (tests/parse/library-all.test.ts). */
const UNMENTIONED = [
  'Very Deep Convolutional Networks for Large-Scale Image Recognition',
  'Going Deeper with Convolutions',
  'Layer Normalization',
];

const labels = (graph: SerializedGraph) => graph.nodes.map((n) => n.attributes.title ?? '');

let work: string;
beforeEach(async () => {
  work = await mkdtemp(join(tmpdir(), 'papermap-dev-source-'));
});
afterEach(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('directorySource', () => {
  it('draws every library item in the first build and in rebuilds when asked, and only then', async () => {
    const notes = join(work, 'notes');
    await cp(CITEKEY, notes, { recursive: true });
    const all = await directorySource(notes, { libraryAll: true, noCache: true });
    const some = await directorySource(notes, { noCache: true });
    try {
      const first = await all.build();
      for (const title of UNMENTIONED) expect(labels(first)).toContain(title);
      const log = join(notes, 'Reading log.md');
      await writeFile(log, `${await readFile(log, 'utf8')}\n`);
      const rebuilt = await all.rebuild!([log]);
      for (const title of UNMENTIONED) expect(labels(rebuilt)).toContain(title);
      const without = await some.build();
      for (const title of UNMENTIONED) expect(labels(without)).not.toContain(title);
      expect(without.nodes.length).toBeLessThan(first.nodes.length);
    } finally {
      await all.close?.();
      await some.close?.();
    }
  });

  it('does not follow a link out of the notes folder unless told to', async () => {
    const notes = join(work, 'notes');
    await mkdir(notes);
    const seed = await readFile(join(PROJECT_ROOT, 'content', 'reinforcement-learning.md'), 'utf8');
    await writeFile(join(notes, 'rl.md'), seed);
    await writeFile(
      join(work, 'elsewhere.md'),
      '# Elsewhere\n\n- 2025-07-20 10:00:00 Sunday ｜ Outside Paper https://arxiv.org/abs/2507.00321\n',
    );
    await symlink(join(work, 'elsewhere.md'), join(notes, 'elsewhere.md'));
    const plain = await directorySource(notes, { noCache: true });
    const following = await directorySource(notes, { noCache: true, followExternalLinks: true });
    try {
      const skipped = await plain.build();
      expect(skipped.nodes.some((n) => n.key === 'arxiv:2507.00321')).toBe(false);
      expect(skipped.attributes.diagnostics.map((d) => `${d.file} ${d.rule}`)).toContain(
        'elsewhere.md symlink-outside',
      );
      // A rebuild of that note alone makes the same choice.
      const again = await plain.rebuild!([join(notes, 'elsewhere.md')]);
      expect(again.nodes.some((n) => n.key === 'arxiv:2507.00321')).toBe(false);
      const followed = await following.build();
      expect(followed.nodes.some((n) => n.key === 'arxiv:2507.00321')).toBe(true);
    } finally {
      await plain.close?.();
      await following.close?.();
    }
  });

  it('a rebuild reads only the notes it is told changed; a changed folder reads them all', async () => {
    const notes = join(work, 'notes');
    await mkdir(join(notes, 'sub'), { recursive: true });
    const seed = await readFile(join(PROJECT_ROOT, 'content', 'reinforcement-learning.md'), 'utf8');
    const cut = seed.indexOf('\n## 奖励模型');
    await writeFile(join(notes, 'a.md'), seed.slice(0, cut));
    await writeFile(join(notes, 'sub', 'b.md'), `# 强化学习\n${seed.slice(cut)}`);
    const warm: number[] = [];
    const source = await directorySource(notes, { noCache: true, onWarm: (ms) => warm.push(ms) });
    try {
      const first = await source.build();
      // Built by the long-lived builder itself: warm at once, and only once.
      expect(warm).toHaveLength(1);
      const line = (n: number, day: string) =>
        `\n- 2025-07-2${n} 10:00:00 ${day} ｜ Paper ${n} https://arxiv.org/abs/2507.0040${n}\n`;
      await writeFile(join(notes, 'a.md'), seed.slice(0, cut) + line(1, 'Monday'));
      await writeFile(join(notes, 'sub', 'b.md'), `# 强化学习\n${seed.slice(cut)}${line(2, 'Tuesday')}`);
      // The watcher reported a.md only (b.md's event is still to come): b.md is not read yet.
      const partial = await source.rebuild!([join(notes, 'a.md')]);
      const has = (g: SerializedGraph, n: number) => g.nodes.some((x) => x.key === `arxiv:2507.0040${n}`);
      expect([has(partial, 1), has(partial, 2)]).toEqual([true, false]);
      expect(partial.nodes.length).toBe(first.nodes.length + 1);
      // A folder event (sub/ renamed, added, removed): the whole folder is read again.
      const whole = await source.rebuild!([join(notes, 'sub')]);
      expect([has(whole, 1), has(whole, 2)]).toEqual([true, true]);
      expect(warm).toHaveLength(1);
    } finally {
      await source.close?.();
    }
  });
});

describe('startDevServer', () => {
  it('says when the builder is ready for edits', async () => {
    const notes = join(work, 'notes');
    await mkdir(notes);
    await writeFile(
      join(notes, 'a.md'),
      await readFile(join(PROJECT_ROOT, 'content', 'reinforcement-learning.md'), 'utf8'),
    );
    const lines: string[] = [];
    const cacheDir = join(work, 'cache');
    const server = await startDevServer(
      { content: notes, port: 0, host: '127.0.0.1', synthetic: null, noCache: true, cacheDir },
      (line) => lines.push(line),
    );
    try {
      expect(lines.some((l) => /^papermap: ready for edits \(builder warm in \d+ ms\)$/.test(l))).toBe(true);
      // --no-cache wins over --cache-dir: nothing is written there.
      expect(await readdir(cacheDir).catch(() => [])).toEqual([]);
    } finally {
      await server.close();
    }
  });
});
