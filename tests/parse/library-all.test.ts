// A library's items that no note mentions are not drawn unless asked (`libraryAll`, `--library-all`): on the
// citekey fixture (a Better BibTeX `.bib` and a CSL-JSON export beside citekey-named notes).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/build-graph.js';
import { createBuilder } from '../../src/pipeline.js';
import { parseNotes } from '../../src/parse/index.js';
import type { PaperRecord, SerializedGraph } from '../../src/types.js';
import { FIXTURES, readNotes } from './helpers.js';

const DIR = join(FIXTURES, 'style-citekey-bib', 'notes');

/** The items of the fixture's library that no note mentions, with the fields each library gives them. */
const UNMENTIONED = [
  {
    title: 'Very Deep Convolutional Networks for Large-Scale Image Recognition',
    authors: ['Karen Simonyan', 'Andrew Zisserman'],
    issued: '2015',
    arxiv: '1409.1556',
    file: 'My Library.bib',
    line: 122,
  },
  {
    title: 'Going Deeper with Convolutions',
    authors: ['Christian Szegedy', 'Wei Liu'],
    issued: '2015',
    doi: '10.1109/cvpr.2015.7298594',
    file: 'My Library.bib',
    line: 134,
  },
  {
    title: 'Layer Normalization',
    authors: ['Jimmy Lei Ba', 'Jamie Ryan Kiros', 'Geoffrey E. Hinton'],
    issued: '2016-07-21',
    arxiv: '1607.06450',
    file: 'My Library.json',
  },
];

const titles = (papers: readonly PaperRecord[]) => papers.map((p) => p.title).sort();

describe('the library beside the notes', () => {
  const notes = readNotes(DIR);
  // Parsed before each test, not in the describe body, so that mutation testing sees which test runs which code.
  let some: ReturnType<typeof parseNotes>;
  let all: ReturnType<typeof parseNotes>;
  beforeEach(() => {
    some = parseNotes(notes);
    all = parseNotes(notes, null, { libraryAll: true });
  });

  it('draws only the mentioned items by default', () => {
    for (const item of UNMENTIONED) expect(titles(some.papers)).not.toContain(item.title);
  });

  it('draws every item when asked, each once, with the library’s fields, placed at its library line', () => {
    for (const item of UNMENTIONED) {
      const found = all.papers.filter((p) => p.title === item.title);
      expect(found, item.title).toHaveLength(1);
      const p = found[0]!;
      expect(p.authors).toEqual(item.authors);
      expect(p.issued).toBe(item.issued);
      if (item.arxiv) expect(p.arxiv).toBe(item.arxiv);
      if (item.doi) expect(p.ids?.doi).toBe(item.doi);
      expect(p.sources.map((s) => s.file)).toEqual([item.file]);
      if (item.line) expect(p.sources[0]!.line).toBe(item.line);
    }
    // Nothing else changes: the mentioned items are the same records, not drawn a second time.
    expect(titles(all.papers)).toEqual([...titles(some.papers), ...UNMENTIONED.map((i) => i.title)].sort());
    const byTitle = new Map(all.papers.map((p) => [p.title, p]));
    for (const p of some.papers) expect(byTitle.get(p.title)?.sources).toEqual(p.sources);
  });

  it('gives the same result from the pipeline’s warm (incremental) builder as from a fresh merge', () => {
    const builder = createBuilder({ libraryAll: true, layout: false });
    builder.update(notes);
    const first = builder.build();
    expect(titles(first.parsed.papers)).toEqual(titles(all.papers));
    // An edit to a note keeps the unmentioned items drawn.
    const edited = notes.map((f) =>
      f.path === 'Reading log.md' ? { ...f, text: `${f.text}\n- more\n` } : f,
    );
    builder.update(edited);
    expect(titles(builder.build().parsed.papers)).toEqual(titles(all.papers));
  });
});

describe('papermap graph --library-all', () => {
  const work = mkdtempSync(join(tmpdir(), 'papermap-library-all-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));
  const run = async (extra: string[]) => {
    const out = join(work, `${extra.length}.json`);
    const lines: string[] = [];
    const io = { out: (t: string) => lines.push(t), err: (t: string) => lines.push(t) };
    const code = await main([DIR, '--out', out, '--no-layout', '--no-cache', ...extra], io);
    expect(code, lines.join('\n')).toBe(0);
    const graph = JSON.parse(readFileSync(out, 'utf8')) as SerializedGraph;
    return { report: lines.join('\n'), labels: graph.nodes.map((n) => n.attributes.title ?? '') };
  };

  it('is in the usage, and draws the library’s unmentioned items only with the flag', async () => {
    const help: string[] = [];
    await main(['--help'], { out: (t) => help.push(t), err: (t) => help.push(t) });
    expect(help.join('\n')).toContain('--library-all');
    const without = await run([]);
    const withAll = await run(['--library-all']);
    for (const item of UNMENTIONED) {
      expect(without.labels).not.toContain(item.title);
      expect(withAll.labels).toContain(item.title);
    }
    // The report counts what each library file gave, and says what the library held.
    expect(without.report).toContain(
      'My Library.bib:1:1 library-read a library of 12 items: 10 named by the notes, 2 not drawn (--library-all draws them)',
    );
    expect(withAll.report).toContain(
      'My Library.json:1:1 library-read a library of 4 items: 3 named by the notes, 1 more drawn as asked (--library-all)',
    );
    expect(withAll.report).toMatch(/My Library\.bib {2}2\b/);
    expect(withAll.report).toMatch(/My Library\.json {2}1\b/);
    expect(without.report).not.toMatch(/My Library\.bib {2}\d/);
  });
});
