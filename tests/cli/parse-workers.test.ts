// How many threads parse the notes (one per core for large notes, none for small ones, or what the user set),
// in which order, and a big note read in parts on several threads: the whole-file parse, byte for byte.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { generateCorpus } from '../../bench/corpus.js';
import {
  defaultWorkers,
  groupChunks,
  parseInWorkers,
  parseOne,
  partChars,
  sendOrder,
} from '../../src/cli/parse-workers.js';
import { isFileStart, startFile } from '../../src/parse/index.js';
import type { Diagnostic, NoteFile } from '../../src/types.js';
import type { FileParse } from '../../src/parse/types.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const DAILY = join(ROOT, '..', 'shared', 'corpora', 'daily-reports');

const note = (chars: number, i = 0) => ({ path: `n${i}.md`, text: 'x'.repeat(chars) });
const large = Array.from({ length: 8 }, (_, i) => note(1 << 20, i));

describe('parse worker count', () => {
  it('is one per core for large notes (no cap below the cores), one for small notes or few files', () => {
    expect(defaultWorkers(large, {})).toBe(availableParallelism());
    expect(defaultWorkers([note(1000), note(1000, 1), note(1000, 2), note(1000, 3)], {})).toBe(1);
    expect(defaultWorkers([note(8 << 20)], {})).toBe(1);
  });

  it('$PAPERMAP_WORKERS sets it; a value that is not a whole number of threads is ignored', () => {
    expect(defaultWorkers(large, { PAPERMAP_WORKERS: '1' })).toBe(1);
    expect(defaultWorkers([note(10)], { PAPERMAP_WORKERS: '3' })).toBe(3);
    expect(defaultWorkers(large, { PAPERMAP_WORKERS: '0' })).toBe(availableParallelism());
    expect(defaultWorkers(large, { PAPERMAP_WORKERS: 'many' })).toBe(availableParallelism());
  });
});

describe('the order notes go to the workers in', () => {
  it.each([
    { sizes: [10, 300, 20, 5000, 300], order: [3, 1, 4, 2, 0] },
    // daily-reports' shape: the largest note sorts last by name.
    { sizes: [15502, 2069, 211980, 1428729, 104562, 1482082, 470], order: [5, 3, 2, 4, 0, 1, 6] },
    { sizes: [7, 7, 7], order: [0, 1, 2] },
    { sizes: [], order: [] },
  ])('longest first, ties in folder order: $sizes', ({ sizes, order }) => {
    expect(sendOrder(sizes.map((n, i) => note(n, i)))).toEqual(order);
  });
});

describe('parts of a big note', () => {
  const chunk = (chars: number) => ({ source: 'x'.repeat(chars), tables: false, offset: 0, start: 0 });
  it.each([
    { chunks: [5, 5, 5, 5, 5], size: 10, parts: [[5, 5], [5, 5], [5]] },
    // A tail of less than half a part joins the part before it.
    {
      chunks: [5, 5, 5, 5, 4],
      size: 10,
      parts: [
        [5, 5],
        [5, 5, 4],
      ],
    },
    { chunks: [5, 5, 5, 5, 6], size: 10, parts: [[5, 5], [5, 5], [6]] },
    { chunks: [30, 1, 1], size: 10, parts: [[30, 1, 1]] },
    { chunks: [3], size: 10, parts: [[3]] },
    { chunks: [], size: 10, parts: [] },
  ])('consecutive chunks of at least $size characters: $chunks', ({ chunks, size, parts }) => {
    expect(groupChunks(chunks.map(chunk), size).map((p) => p.map((c) => c.source.length))).toEqual(parts);
  });

  it("a task is a quarter of each worker's share, at least 128 Ki characters", () => {
    expect(partChars([note(8 << 20), note(8 << 20, 1)], 2)).toBe(2 << 20);
    expect(partChars([note(8 << 20), note(8 << 20, 1)], 16)).toBe(256 << 10);
    expect(partChars([note(1000)], 2)).toBe(128 << 10);
  });
});

/** Real-shaped big notes: the fixture notes strung together (tables, front matter, lists, quotes), a line too long, CRLF. */
function bigNotes(): NoteFile[] {
  const fixtures = join(ROOT, 'tests', 'fixtures');
  const texts: string[] = [];
  for (const name of readdirSync(fixtures, { recursive: true, encoding: 'utf8' }).sort())
    if (name.endsWith('.md')) texts.push(readFileSync(join(fixtures, name), 'utf8'));
  const body = texts.map((t) => t.replace(/^(---|\+\+\+)\n[\s\S]*?\n\1\n/, '')).join('\n\n');
  const long = `- 2025-06-12 ｜ A Very Long Line ${'word '.repeat(2400)} [link](https://arxiv.org/abs/2506.08745) arXiv:2506.11111`;
  const { files } = generateCorpus({ papers: 240, files: 2, seed: 3 });
  return [
    { path: 'strung.md', text: `---\ntitle: Strung\ntags: [a, b]\n---\n${body}\n\n${long}\n\n${body}` },
    { path: 'crlf.md', text: `${body.replace(/\n/g, '\r\n')}\n${body}` },
    ...files,
  ];
}

async function inParts(files: NoteFile[], size: number): Promise<(FileParse | Diagnostic)[]> {
  const out: (FileParse | Diagnostic)[] = [];
  await parseInWorkers([...files], 2, (i, r) => (out[i] = r), { partChars: size });
  return out;
}

describe('a big note read in parts on workers', () => {
  it('gives the whole-file parse byte for byte: entries, file:line sources, diagnostics', async () => {
    const files = bigNotes();
    // Every one of them is read in several parts.
    for (const file of files) {
      const started = startFile(file);
      expect(isFileStart(started) && groupChunks(started.chunks, 8000).length).toBeGreaterThan(2);
    }
    const parts = await inParts(files, 8000);
    files.forEach((file, i) => {
      const whole = parseOne(file) as FileParse;
      expect(JSON.stringify(parts[i])).toBe(JSON.stringify(whole));
      expect(whole.entries.length).toBeGreaterThan(20);
    });
    const rules = files.flatMap((f, i) => (parts[i] as FileParse).diagnostics.map((d) => d.rule));
    expect(rules).toEqual(expect.arrayContaining(['line-too-long', 'mixed-line-endings']));
  });

  it.skipIf(!existsSync(DAILY))('daily-reports notes read in parts give the whole-file parse', async () => {
    const files = ['2025-01-26.md', '2025-08-05.md', 'arxiv_daily_report_2025-02-01.md'].map((path) => ({
      path,
      text: readFileSync(join(DAILY, path), 'utf8'),
    }));
    const parts = await inParts(files, 16_000);
    files.forEach((file, i) => expect(JSON.stringify(parts[i])).toBe(JSON.stringify(parseOne(file))));
  });
});
