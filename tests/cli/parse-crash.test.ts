// A parser bug on one note (simulated: the real parser, made to throw on one marked note) is reported against
// that note and never cached as if it were a parse; every other note still builds, from the cache the next time.
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildFromDirectory } from '../../src/cli/build-from-directory.js';
import { openCache } from '../../src/cli/cache.js';
import { PROJECT_ROOT } from '../../src/cli/paths.js';
import type { NoteFile } from '../../src/types.js';

const BUG = 'TRIGGERS-A-PARSER-BUG';

vi.mock('../../src/parse/index.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/parse/index.js')>();
  return {
    ...real,
    parseFile: (file: NoteFile) => {
      if (file.text.includes(BUG)) throw new Error('simulated parser bug');
      return real.parseFile(file);
    },
  };
});

let work: string;
let notes: string;
beforeEach(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'papermap-parse-crash-'));
  notes = path.join(work, 'notes');
  await mkdir(notes);
  await writeFile(
    path.join(notes, 'rl.md'),
    await readFile(path.join(PROJECT_ROOT, 'content', 'reinforcement-learning.md'), 'utf8'),
  );
  await writeFile(
    path.join(notes, 'broken.md'),
    `# Broken\n\n- 2025-07-20 10:00:00 Sunday ｜ ${BUG} https://arxiv.org/abs/2507.00555\n`,
  );
});
afterEach(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('a note the parser crashes on', () => {
  it('is a parser-crashed diagnostic, not a cached parse; the other notes build as without it', async () => {
    const dir = path.join(work, 'cache');
    const crashed = (d: { file: string; rule: string; severity: string }) =>
      `${d.file} ${d.rule} ${d.severity}`;
    const first = await buildFromDirectory(notes, { cache: await openCache(dir), workers: 1, layout: false });
    expect(first.graph.attributes.diagnostics.map(crashed)).toContain('broken.md parser-crashed error');
    expect(first.graph.nodes.some((n) => n.key === 'arxiv:2507.00555')).toBe(false);
    // Only the note that parsed is cached.
    expect(await readdir(path.join(dir, 'parses'))).toHaveLength(1);

    // The same graph as the folder without the broken note, but for the diagnostic.
    await rm(path.join(notes, 'broken.md'));
    const without = await buildFromDirectory(notes, { workers: 1, layout: false });
    await writeFile(path.join(notes, 'broken.md'), `# Broken\n\n- ${BUG}\n`);
    expect(first.graph.nodes.map((n) => n.key)).toEqual(without.graph.nodes.map((n) => n.key));

    // Rebuilt from the cached parses (not the cached graph): the crash is found again, the rest is the same.
    const cache = await openCache(dir);
    const again = await buildFromDirectory(notes, { cache, cachedGraph: false, workers: 1, layout: false });
    expect(again.graph.attributes.diagnostics.map(crashed)).toContain('broken.md parser-crashed error');
    expect(again.graph.nodes.map((n) => n.key)).toEqual(without.graph.nodes.map((n) => n.key));
    expect(cache.stats.hits).toBe(1);
    expect(await readdir(path.join(dir, 'parses'))).toHaveLength(1);
  });
});
