// build:graph's one-shot build (texts released after parsing, notes parsed in worker threads) gives the
// same graph and report as the dev server's builder.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCorpus } from '../../bench/corpus.js';
import { buildOnce } from '../../src/cli/build-graph.js';
import { buildFromDirectory } from '../../src/cli/build-from-directory.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

let work: string;
let corpus: string;
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'papermap-once-'));
  corpus = join(work, 'corpus');
  const { files } = generateCorpus({ papers: 300, files: 12, seed: 7 });
  for (const file of files) {
    const target = join(corpus, ...file.path.split('/'));
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, file.text);
  }
  // A note that is not UTF-8: a read diagnostic that must reach the graph the same way.
  writeFileSync(join(corpus, 'broken.md'), Buffer.from([0x23, 0x20, 0xff, 0xfe, 0x0a]));
});
afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

const CASES = [
  { name: 'the seed notes, in this thread', dir: () => join(ROOT, 'content'), workers: 1, layout: true },
  { name: 'a generated corpus, in this thread', dir: () => corpus, workers: 1, layout: false },
  { name: 'a generated corpus, on two workers', dir: () => corpus, workers: 2, layout: true },
  { name: 'the seed notes, on three workers', dir: () => join(ROOT, 'content'), workers: 3, layout: false },
];

describe('buildOnce', () => {
  it.each(CASES)('$name: same graph bytes and report as buildFromDirectory', async (c) => {
    const once = await buildOnce(c.dir(), { layout: c.layout, workers: c.workers });
    const builder = await buildFromDirectory(c.dir(), { layout: c.layout });
    expect(once.graph.nodes.length).toBeGreaterThan(50);
    expect(JSON.stringify(once.graph)).toBe(JSON.stringify(builder.graph));
    expect(once.report).toEqual(builder.report);
    expect(Object.keys(once.timings).sort()).toEqual(Object.keys(builder.timings).sort());
  });
});
