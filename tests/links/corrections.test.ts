// The user's corrections file on the seed notes: reject, confirm and add edges, bad lines as located
// diagnostics, and a long-lived builder agreeing with a fresh one after the file changes.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  applyCorrections,
  applyMerges,
  applySplits,
  correctionLine,
  CORRECTIONS_FILE_NAME,
  parseCorrections,
} from '../../src/links/corrections.js';
import { findLinks } from '../../src/links/index.js';
import { parseFile, parseNotes } from '../../src/parse/index.js';
import { createBuilder } from '../../src/pipeline.js';
import type { NoteFile } from '../../src/types.js';

const seedPath = fileURLToPath(new URL('../../content/reinforcement-learning.md', import.meta.url));
const seed: NoteFile = { path: 'reinforcement-learning.md', text: readFileSync(seedPath, 'utf8') };
const file = CORRECTIONS_FILE_NAME;
// Built before each test, not at import, so that mutation testing sees which test runs which code.
let parsed: ReturnType<typeof parseNotes>;
let links: ReturnType<typeof findLinks>;
let builds: ReturnType<typeof findLinks>['edges'][number] | undefined;
let other: typeof builds;
beforeEach(() => {
  parsed = parseNotes([seed]);
  links = findLinks(parsed.papers);
  builds = links.edges.find((e) => e.key === 'builds-on:arxiv:2506.16141->concept:grpo');
  other = links.edges.find((e) => e.type === 'builds-on' && e !== builds);
});

describe('corrections file', () => {
  it('the seed has the edges these tests correct', () => {
    expect(builds).toBeDefined();
    expect(other).toBeDefined();
  });

  it("reject removes exactly that edge; confirm marks it as the user's; others keep their identity", () => {
    const text = `# mine\nreject builds-on arxiv:2506.16141 -> concept:grpo\nconfirm builds-on ${other!.source} -> ${other!.target}\n`;
    const out = applyCorrections(links, parsed.papers, { file, text });
    expect(out.edges.some((e) => e.key === builds!.key)).toBe(false);
    expect(out.edges).toHaveLength(links.edges.length - 1);
    const confirmed = out.edges.find((e) => e.key === other!.key)!;
    expect(confirmed.by).toBe('user');
    expect(confirmed.evidence).toEqual(other!.evidence);
    const untouched = links.edges.find((e) => e.key !== builds!.key && e.key !== other!.key)!;
    expect(out.edges.find((e) => e.key === untouched.key)).toBe(untouched);
    expect(out.diagnostics).toEqual(links.diagnostics);
  });

  it('the last line about an edge wins', () => {
    const text = `reject ${builds!.type} ${builds!.source} -> ${builds!.target}\nconfirm ${builds!.type} ${builds!.source} -> ${builds!.target}`;
    const out = applyCorrections(links, parsed.papers, { file, text });
    expect(out.edges.find((e) => e.key === builds!.key)?.by).toBe('user');
  });

  it('add makes a new edge, named by label, cited to its line, in key order', () => {
    const a = parsed.papers[0]!;
    const b = parsed.papers[1]!;
    const text = `\nadd critiques ${a.id} -> ${b.label}\n`;
    const out = applyCorrections(links, parsed.papers, { file, text });
    const added = out.edges.find((e) => e.key === `critiques:${a.id}->${b.id}`);
    expect(added).toMatchObject({ by: 'user', sources: [{ file, line: 2 }], directed: true, confidence: 1 });
    const keys = out.edges.map((e) => e.key);
    expect(keys).toEqual([...keys].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0)));
  });

  it('bad lines are located diagnostics, never a throw, and change nothing', () => {
    const text = [
      'reject builds-on arxiv:2506.16141',
      'erase builds-on a -> b',
      'reject cites a -> b',
      'reject same-group a -> b',
      'reject builds-on arxiv:0000.00000 -> concept:grpo',
      'confirm builds-on concept:grpo -> arxiv:2506.16141',
    ].join('\n');
    const out = applyCorrections(links, parsed.papers, { file, text });
    expect(out.edges).toEqual(links.edges);
    const mine = out.diagnostics.filter((d) => d.file === file);
    expect(mine.map((d) => [d.rule, d.line])).toEqual([
      ['correction-invalid', 1],
      ['correction-invalid', 2],
      ['correction-invalid', 3],
      ['correction-invalid', 4],
      ['correction-unknown-node', 5],
      ['correction-no-edge', 6],
    ]);
  });

  it('correctionLine writes what parseCorrections reads back, and refuses anything else', () => {
    const made = correctionLine({ verb: 'reject', type: 'same-group', source: 'arxiv:1', target: 'arxiv:2' });
    expect(made).toEqual({ line: 'reject same-group arxiv:1 -- arxiv:2' });
    expect(parseCorrections((made as { line: string }).line, file).corrections).toMatchObject([
      { verb: 'reject', type: 'same-group', source: 'arxiv:1', target: 'arxiv:2', line: 1 },
    ]);
    for (const bad of [
      { verb: 'drop', type: 'uses', source: 'a', target: 'b' },
      { verb: 'reject', type: 'cites', source: 'a', target: 'b' },
      { verb: 'reject', type: 'uses', source: 'a\nadd uses x', target: 'b' },
      { verb: 'reject', type: 'uses', source: 'a -> c', target: 'b' },
      { verb: 'reject', type: 'uses', source: ' a', target: 'b' },
      { verb: 'reject', type: 'uses', source: '', target: 'b' },
      { verb: 'reject', type: 'uses', source: 1, target: 'b' },
    ])
      expect(correctionLine(bad)).toHaveProperty('error');
  });

  it('a long-lived builder agrees with a fresh one as the file is written, edited and removed', () => {
    const warm = createBuilder({ layout: false });
    warm.update([seed]);
    const before = warm.build();
    const states = [
      `reject builds-on ${builds!.source} -> ${builds!.target}\n`,
      `reject builds-on ${builds!.source} -> ${builds!.target}\nadd uses ${parsed.papers[2]!.id} -> concept:grpo\n`,
      null,
    ];
    for (const text of states) {
      const corrections = text === null ? null : { file, text };
      warm.update({ corrections });
      const w = warm.build();
      const fresh = createBuilder({ layout: false });
      fresh.update({ changed: [seed], corrections, replaceAll: true });
      const f = fresh.build();
      expect(JSON.stringify(w.links.edges)).toBe(JSON.stringify(f.links.edges));
      expect(JSON.stringify(w.graph.edges)).toBe(JSON.stringify(f.graph.edges));
      expect(w.graph.edges.some((e) => e.key === builds!.key)).toBe(text === null);
      if (text?.includes('add'))
        expect(
          w.graph.edges.find((e) => e.key === `uses:${parsed.papers[2]!.id}->concept:grpo`)?.attributes.by,
        ).toBe('user');
    }
    expect(JSON.stringify(warm.build().links.edges)).toBe(JSON.stringify(before.links.edges));
  });

  it('merge folds one paper into another before links are found; names that fit no paper are diagnosed', () => {
    // Two papers of the seed with edges of their own (the second's become the first's).
    const withEdges = (id: string) => links.edges.filter((e) => e.source === id && e.type !== 'mentions');
    const [a, b] = parsed.papers.filter((p) => withEdges(p.id).length > 0 && !p.citedOnly);
    const text = `merge ${a!.id} <- ${b!.label}\nmerge nobody <- ${a!.id}\nmerge ${a!.id} <- ${b!.id}\n`;
    const out = applyMerges(parsed, { file, text });
    expect(out.papers).toHaveLength(parsed.papers.length - 1);
    expect(out.papers.some((p) => p.id === b!.id)).toBe(false);
    const joined = out.papers.find((p) => p.id === a!.id)!;
    expect(joined.label).toBe(a!.label);
    expect(joined.corrections).toEqual([{ file, line: 1 }]);
    expect(joined.altTitles).toContain(b!.title);
    expect(joined.sources).toEqual(expect.arrayContaining([...a!.sources, ...b!.sources]));
    expect(out.diagnostics.filter((d) => d.file === file).map((d) => [d.rule, d.line])).toEqual([
      ['correction-unknown-node', 2],
      ['correction-no-edge', 3],
    ]);
    const relinked = findLinks(out.papers);
    for (const e of withEdges(b!.id))
      if (e.target !== a!.id)
        expect(relinked.edges.some((x) => x.source === a!.id && x.target === e.target)).toBe(true);
    expect(relinked.edges.some((x) => x.source === b!.id || x.target === b!.id)).toBe(false);
    expect(parseCorrections(text, file).diagnostics).toEqual([]);
  });

  it('a merged work is dated by the earlier note, even when that is the one merged in', () => {
    const dated = parsed.papers
      .filter((p) => p.date !== undefined && !p.citedOnly)
      .sort((x, y) => (x.date! < y.date! ? -1 : x.date! > y.date! ? 1 : 0));
    const early = dated[0]!;
    const late = dated.at(-1)!;
    expect(early.date! < late.date!).toBe(true);
    const out = applyMerges(parsed, { file, text: `merge ${late.id} <- ${early.id}\n` });
    expect(out.papers.find((p) => p.id === late.id)!.date).toBe(early.date);
  });

  it("a note's link to the work merged into it goes (a work does not link to itself)", () => {
    const [a, b, c] = parsed.papers.filter((p) => !p.citedOnly);
    const at = { file: 'n.md', line: 1 };
    const linked = {
      ...parsed,
      papers: parsed.papers.map((p) =>
        p.id === a!.id
          ? {
              ...p,
              noteLinks: [
                { target: b!.id, source: at, text: 'see [[B]]' },
                { target: c!.id, source: at, text: 'see [[C]]' },
              ],
            }
          : p,
      ),
    };
    const out = applyMerges(linked, { file, text: `merge ${a!.id} <- ${b!.id}\n` });
    expect(out.papers.find((p) => p.id === a!.id)!.noteLinks!.map((l) => l.target)).toEqual([c!.id]);
  });

  it('a long-lived builder agrees with a fresh one when a merge is added and removed', () => {
    const [a, b] = parsed.papers.filter((p) => !p.citedOnly);
    const warm = createBuilder({ layout: false });
    warm.update([seed]);
    warm.build();
    for (const text of [`merge ${a!.id} <- ${b!.id}\n`, null]) {
      const corrections = text === null ? null : { file, text };
      warm.update({ corrections });
      const w = warm.build();
      const fresh = createBuilder({ layout: false });
      fresh.update({ changed: [seed], corrections, replaceAll: true });
      const f = fresh.build();
      expect(JSON.stringify(w.parsed)).toBe(JSON.stringify(f.parsed));
      expect(JSON.stringify(w.links.edges)).toBe(JSON.stringify(f.links.edges));
      expect(JSON.stringify(w.graph.edges)).toBe(JSON.stringify(f.graph.edges));
      expect(w.graph.nodes.some((n) => n.key === b!.id)).toBe(text === null);
    }
  });

  describe('split', () => {
    // Two works the seed's merge joined: the POLARIS article at line 12 and a paragraph about it at 121 (same
    // name), and the arXiv paper 2506.23235 at 189 with the WeChat article about it at 240.
    let parses: ReturnType<typeof parseFile>[] = [];
    let polaris: (typeof parsed.papers)[number];
    let paper: (typeof parsed.papers)[number];
    beforeEach(() => {
      parses = [parseFile(seed)];
      polaris = parsed.papers.find((p) => p.label === 'POLARIS')!;
      paper = parsed.papers.find((p) => p.id === 'arxiv:2506.23235')!;
    });
    const article = '周志华团队新作：LLM中存在奖励模型，首次理论证明RL对LLM有效性';
    const place = (l: number) => ({ file: seed.path, line: l });

    it('the seed has the merged papers these tests split', () => {
      expect(polaris.sources).toEqual([place(12), place(121)]);
      expect(paper.sources).toEqual([place(189), place(240)]);
      expect(paper.altTitles).toContain(article);
    });

    it('a place given as file:line becomes a paper of its own; the rest keeps the id', () => {
      const text = `split ${polaris.id} | reinforcement-learning.md:121\n`;
      const out = applySplits(parsed, parses, { file, text });
      expect(out.papers).toHaveLength(parsed.papers.length + 1);
      const kept = out.papers.find((p) => p.id === polaris.id)!;
      expect(kept.sources).toEqual([place(12)]);
      expect(kept.label).toBe('POLARIS');
      // Both are marked as made by the user's line (the panel shows it as theirs).
      expect(kept.corrections).toEqual([{ file, line: 1 }]);
      const away = out.papers.find((p) => p.sources.some((s) => s.line === 121))!;
      expect(away).not.toBe(kept);
      expect(away.sources).toEqual([place(121)]);
      expect(away.corrections).toEqual([{ file, line: 1 }]);
      expect(away.summary).not.toBe('');
      expect(polaris.summary).toContain(away.summary);
      expect(kept.summary).not.toContain(away.summary);
      // Every other paper is the same object, and the list stays in id order.
      for (const p of parsed.papers) if (p !== polaris) expect(out.papers).toContain(p);
      const ids = out.papers.map((p) => p.id);
      expect(ids).toEqual([...ids].sort());
      expect(out.diagnostics).toEqual(parsed.diagnostics);
      expect(out.stats.papers).toBe(out.papers.length);
      expect(out.stats.mergedDuplicates).toBe(parsed.stats.mergedDuplicates - 1);
    });

    it('a part named by its title: the article leaves the arXiv paper, which keeps its id', () => {
      const out = applySplits(parsed, parses, { file, text: `split ${paper.label} | ${article}` });
      expect(out.papers).toHaveLength(parsed.papers.length + 1);
      const kept = out.papers.find((p) => p.id === paper.id)!;
      expect(kept.sources).toEqual([place(189)]);
      expect(kept.arxiv).toBe('2506.23235');
      expect(kept.altTitles).not.toContain(article);
      const away = out.papers.find((p) => p.altTitles.includes(article))!;
      expect(away.sources).toEqual([place(240)]);
      expect(away.title).toBe('GENERALIST REWARD MODELS: FOUND INSIDE LARGE LANGUAGE MODELS');
      // The article links the paper; the arXiv id (and the node it names) stays with the paper.
      expect(away.arxiv).toBeUndefined();
      expect(away.id.startsWith('title:')).toBe(true);
      expect(away.links.map((l) => l.url)).toContain('https://mp.weixin.qq.com/s/OOoAqaT_hnfh2rcKkxrZWw');
      // The node named by id, and the part by its place: the same bytes.
      const again = applySplits(parsed, parses, {
        file,
        text: `split ${paper.id} | reinforcement-learning.md:240`,
      });
      expect(JSON.stringify(again)).toBe(JSON.stringify(out));
    });

    it('lines that name no paper, a paper of one place, no place or every place change nothing', () => {
      const single = parsed.papers.find((p) => p.sources.length === 1 && !p.citedOnly)!;
      const text = [
        `split nobody | ${article}`,
        `split ${single.id} | ${single.title}`,
        `split ${polaris.id} | reinforcement-learning.md:13`,
        `split ${polaris.id} | reinforcement-learning.md`,
        `split ${paper.id} | arxiv:2506.23235`,
        `split ${polaris.id}`,
      ].join('\n');
      const out = applySplits(parsed, parses, { file, text });
      expect(out.papers).toEqual(parsed.papers);
      expect(out.diagnostics.filter((d) => d.file === file).map((d) => [d.rule, d.line])).toEqual([
        ['correction-unknown-node', 1],
        ['correction-no-edge', 2],
        ['correction-no-edge', 3],
        ['correction-no-edge', 4],
        ['correction-no-edge', 5],
      ]);
      expect(parseCorrections(text, file).diagnostics.map((d) => [d.rule, d.line])).toEqual([
        ['correction-invalid', 6],
      ]);
      // What the user reads: which paper, and why the line does nothing.
      const [nobody, one] = out.diagnostics.filter((d) => d.file === file);
      expect(nobody).toMatchObject({
        severity: 'warning',
        message:
          'no paper is called "nobody" (only papers can be split: an id like arxiv:2501.00001 or an exact label)',
      });
      expect(one).toMatchObject({
        severity: 'info',
        message: `${single.id} is one place in the notes (${single.sources[0]!.file}:${single.sources[0]!.line}); nothing to split`,
      });
    });

    it('the split paper gets its own edges, and a long-lived builder agrees with a fresh one', () => {
      const warm = createBuilder({ layout: false });
      warm.update([seed]);
      const before = warm.build();
      for (const text of [
        `split ${paper.id} | ${article}\nsplit POLARIS | reinforcement-learning.md:121\n`,
        null,
      ]) {
        const corrections = text === null ? null : { file, text };
        warm.update({ corrections });
        const w = warm.build();
        const fresh = createBuilder({ layout: false });
        fresh.update({ changed: [seed], corrections, replaceAll: true });
        const f = fresh.build();
        expect(JSON.stringify(w.parsed)).toBe(JSON.stringify(f.parsed));
        expect(JSON.stringify(w.links.edges)).toBe(JSON.stringify(f.links.edges));
        expect(JSON.stringify(w.graph)).toBe(JSON.stringify(f.graph));
        expect(w.graph.nodes.length).toBe(before.graph.nodes.length + (text === null ? 0 : 2));
        const away = w.graph.nodes.find(
          (n) =>
            n.attributes.kind === 'paper' && n.attributes.altTitles.includes(article) && n.key !== paper.id,
        );
        expect(away === undefined).toBe(text === null);
      }
      expect(JSON.stringify(warm.build().graph)).toBe(JSON.stringify(before.graph));
    });

    it('a split part can then be merged elsewhere: splits apply before merges', () => {
      const target = parsed.papers.find((p) => p.label === 'ReasonGRM')!;
      const text = `split ${paper.id} | ${article}\nmerge ${target.id} <- GENERALIST REWARD MODELS\n`;
      const out = applyMerges(applySplits(parsed, parses, { file, text }), { file, text });
      expect(out.papers.find((p) => p.id === target.id)!.altTitles).toContain(article);
      expect(out.papers.some((p) => p.label === 'GENERALIST REWARD MODELS')).toBe(false);
      expect(out.papers.find((p) => p.id === paper.id)!.sources).toEqual([place(189)]);
      expect(out.diagnostics).toEqual(parsed.diagnostics);
    });
  });

  it('correctionLine writes merge and split lines that read back the same', () => {
    expect(correctionLine({ verb: 'merge', into: 'arxiv:1', from: 'CPGD' })).toEqual({
      line: 'merge arxiv:1 <- CPGD',
    });
    expect(correctionLine({ verb: 'split', node: 'arxiv:1', part: 'a.md:12' })).toEqual({
      line: 'split arxiv:1 | a.md:12',
    });
    expect(parseCorrections('split arxiv:1 | a.md:12', file).splits).toEqual([
      { node: 'arxiv:1', part: 'a.md:12', line: 1 },
    ]);
    for (const bad of [
      { verb: 'merge', into: 'a', from: 'b\nadd uses x -> y' },
      { verb: 'merge', into: 'a <- c', from: 'b' },
      { verb: 'merge', into: 'a', from: 2 },
      { verb: 'split', node: 'a | b', part: 'c' },
      { verb: 'split', node: 'a', part: ' c' },
      { verb: 'split', node: '', part: 'c' },
      { verb: 'split', node: 'a' },
    ])
      expect(correctionLine(bad), JSON.stringify(bad)).toHaveProperty('error');
  });
});
