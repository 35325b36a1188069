import { createHash } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import { generateAdversarialFiles, generateBigFileCase, generateCorpus } from '../../bench/corpus.js';
import { parseNotes } from '../../src/parse/index.js';

const digest = (files: readonly { path: string; text: string }[]): string => {
  const h = createHash('sha256');
  for (const f of files) h.update(f.path).update('\0').update(f.text).update('\0');
  return h.digest('hex');
};

const ARXIV_IN_TEXT = /(?:arxiv\.org\/(?:abs|pdf|html)\/|papers\.cool\/arxiv\/|arXiv:)(\d{4}\.\d{4,5})/g;

describe('generateCorpus', () => {
  it('gives the same bytes for the same seed and size, and different bytes for another seed', () => {
    const a = generateCorpus({ papers: 300, seed: 42 });
    const b = generateCorpus({ papers: 300, seed: 42 });
    const c = generateCorpus({ papers: 300, seed: 43 });
    expect(digest(a.files)).toBe(digest(b.files));
    expect(JSON.stringify(a.truth)).toBe(JSON.stringify(b.truth));
    expect(digest(c.files)).not.toBe(digest(a.files));
  });

  it.each([
    [1, 1],
    [40, 1],
    [200, 5],
    [1000, 25],
    [1000, 7],
  ])('yields %i papers with unique arXiv ids over %i files', (papers, files) => {
    const { files: notes, truth } = generateCorpus({ papers, files, seed: 1 });
    expect(notes).toHaveLength(files);
    expect(truth.papers).toHaveLength(papers);
    expect(new Set(truth.papers.map((p) => p.arxiv)).size).toBe(papers);
    expect(new Set(notes.map((f) => f.path)).size).toBe(files);
    // The ids in the text are exactly the generated ones: no stray id, none missing.
    const seen = new Set<string>();
    for (const f of notes) for (const m of f.text.matchAll(ARXIV_IN_TEXT)) seen.add(m[1] as string);
    expect([...seen].sort()).toEqual(truth.papers.map((p) => p.arxiv).sort());
  });

  it('records where each paper is written, and the line there names it', () => {
    const { files, truth } = generateCorpus({ papers: 500, seed: 3 });
    const byPath = new Map(files.map((f) => [f.path, f.text.split('\n')]));
    for (const p of truth.papers) {
      expect(p.occurrences.length).toBeGreaterThan(0);
      for (const o of p.occurrences) {
        const lines = byPath.get(o.file);
        expect(lines, o.file).toBeDefined();
        // The entry's text (its first dozen lines) carries the paper's id.
        const entry = (lines as string[]).slice(o.line - 1, o.line + 12).join('\n');
        expect(entry, `${p.arxiv} at ${o.file}:${o.line} (${o.format})`).toContain(p.arxiv);
      }
    }
    for (const a of truth.articles) {
      const line = (byPath.get(a.file) as string[])[a.line - 1] ?? '';
      expect(line).toContain(a.headline);
      expect(line).not.toMatch(/arxiv/i);
    }
  });

  it('uses every entry format, both front-matter kinds, and several heading levels', () => {
    const { files, truth } = generateCorpus({ papers: 2000, seed: 1 });
    const formats = new Set(truth.papers.flatMap((p) => p.occurrences.map((o) => o.format)));
    expect([...formats].sort()).toEqual(
      [
        'arxiv-bare',
        'arxiv-listing',
        'bare-link',
        'digest',
        'link-then-title',
        'multi',
        'nested-fields',
        'nested-list',
        'papers-cool',
        'papers-cool-hash',
        'papers-cool-heading',
        'plain-fields',
        'repeat',
        'title-block',
        'title-inline',
        'wechat-arxiv',
      ].sort(),
    );
    const all = files.map((f) => f.text).join('\n');
    expect(all).toMatch(/^\+\+\+\ntitle = /m);
    expect(all).toMatch(/^---\ntitle: /m);
    for (const h of ['# ', '## ', '### ', '#### ']) expect(all).toContain(`\n${h}`);
    expect(all).toMatch(/\d{4}-\d\d-\d\d \d\d:\d\d:\d\d \w+day ｜/);
    expect(all).toMatch(/\d{8}｜/);
    expect(all).toContain('searchtype=author&query=');
    expect(truth.articles.length).toBeGreaterThan(0);
  });

  it('draws authors from labs, so papers share authors and labs', () => {
    const { truth } = generateCorpus({ papers: 1000, seed: 1 });
    const byAuthor = new Map<string, number>();
    for (const p of truth.papers) for (const a of p.authors) byAuthor.set(a, (byAuthor.get(a) ?? 0) + 1);
    const shared = [...byAuthor.values()].filter((n) => n >= 3).length;
    expect(shared).toBeGreaterThan(100);
    expect(truth.papers.some((p) => p.labs.length === 2)).toBe(true);
    const relations = truth.papers.flatMap((p) => p.relations);
    expect(relations.some((r) => r.targetKind === 'paper')).toBe(true);
    expect(relations.some((r) => r.target === 'GRPO' && r.type === 'builds-on')).toBe(true);
  });
});

describe('adversarial and big-file inputs', () => {
  it('builds the two slow inputs of issue 5 at their stated sizes', () => {
    const [line, deep] = generateAdversarialFiles();
    expect(line?.text.split('\n')).toHaveLength(2);
    expect(line?.text.length).toBeGreaterThanOrEqual(800_000);
    expect(deep?.text.split('\n').filter(Boolean)).toHaveLength(1000);
    expect(deep?.text.length).toBeGreaterThan(900_000);
  });

  it('makes one note holding the text of the separate notes', () => {
    const { small, big } = generateBigFileCase({ count: 5, bytesEach: 20_000 });
    const smallBytes = small.reduce((n, f) => n + Buffer.byteLength(f.text), 0);
    expect(small).toHaveLength(5);
    expect(Buffer.byteLength(big.text)).toBeGreaterThan(smallBytes * 0.95);
    expect(Buffer.byteLength(big.text)).toBeLessThanOrEqual(smallBytes + 5);
    expect(big.text.match(/^\+\+\+$|^---$/gm)?.length ?? 0).toBeLessThanOrEqual(2);
  });
});

describe('the parser on a generated corpus (ground truth from the generator)', () => {
  const { files, truth } = generateCorpus({ papers: 200, seed: 11 });
  // Parsed before each test, not in the describe body, so that mutation testing sees which test runs which code.
  let parsed: ReturnType<typeof parseNotes>;
  beforeEach(() => {
    parsed = parseNotes(files);
  });

  it('finds every generated paper by its arXiv id', () => {
    const found = new Set(parsed.papers.map((p) => p.arxiv).filter(Boolean));
    const missing = truth.papers
      .filter((p) => !found.has(p.arxiv))
      .map(
        (p) => `${p.arxiv} (${p.occurrences.map((o) => `${o.format} at ${o.file}:${o.line}`).join(', ')})`,
      );
    expect(missing).toEqual([]);
  });

  it('makes a node of every timestamped WeChat item without an arXiv link', () => {
    const at = new Set(parsed.papers.flatMap((p) => p.sources.map((s) => `${s.file}:${s.line}`)));
    const stamped = truth.articles.filter((a) => a.stamped);
    expect(stamped.length).toBeGreaterThan(0);
    expect(stamped.filter((a) => !at.has(`${a.file}:${a.line}`)).map((a) => `${a.file}:${a.line}`)).toEqual(
      [],
    );
  });

  it('keeps each paper where the notes put it: source lines and merged repeats', () => {
    const byId = new Map(parsed.papers.map((p) => [p.arxiv, p]));
    for (const p of truth.papers) {
      const got = byId.get(p.arxiv);
      const where = p.occurrences.map((o) => `${o.file}:${o.line}`);
      // Every place the generator wrote the paper is within a few lines of a source the parser reports.
      for (const o of p.occurrences) {
        const near = got?.sources.some((s) => s.file === o.file && Math.abs(s.line - o.line) <= 8);
        expect(
          near,
          `${p.arxiv} at ${o.file}:${o.line} (${o.format}); parser: ${JSON.stringify(got?.sources)}`,
        ).toBe(true);
      }
      expect(got?.sources.length ?? 0, `${p.arxiv} ${where.join(' ')}`).toBeGreaterThanOrEqual(
        new Set(where).size,
      );
    }
  });
});
