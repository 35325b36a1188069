// Rebuilds with a cache give exactly what a fresh build gives, and re-read only what changed.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeEach, describe, expect, it } from 'vitest';
import { generateCorpus } from '../../bench/corpus.js';
import { mulberry32 } from '../../src/graph/random.js';
import { createLinkCache, findLinks } from '../../src/links/index.js';
import { parseNotes } from '../../src/parse/index.js';
import type { LinkResult, PaperId, PaperRecord } from '../../src/types.js';
import { paper } from './helpers.js';

const seedPath = fileURLToPath(new URL('../../content/reinforcement-learning.md', import.meta.url));
// Inputs are parsed inside the tests (beforeEach), not at import or in describe bodies, so that mutation
// testing sees which test runs which code; the parses are memoised (they are inputs, not the code under test).
const parsedOnce = new Map<string, PaperRecord[]>();
function parsed(key: string, make: () => PaperRecord[]): PaperRecord[] {
  let papers = parsedOnce.get(key);
  if (!papers) parsedOnce.set(key, (papers = make()));
  return papers;
}
const seedPapers = () =>
  parsed(
    'seed',
    () => parseNotes([{ path: 'reinforcement-learning.md', text: readFileSync(seedPath, 'utf8') }]).papers,
  );
const generated = (seed: number) =>
  parsed(`generated-${seed}`, () => parseNotes(generateCorpus({ papers: 160, files: 6, seed }).files).papers);
let papers: PaperRecord[] = [];
beforeEach(() => {
  papers = seedPapers();
});
const json = (x: unknown) => JSON.stringify(x);

function edit(
  list: readonly PaperRecord[],
  id: string,
  change: (p: PaperRecord) => PaperRecord,
): PaperRecord[] {
  return list.map((p) => (p.id === id ? change(p) : p));
}

describe('LinkCache', () => {
  it('a warm rebuild equals a fresh build and reads nothing again', () => {
    const cache = createLinkCache();
    const first = findLinks(papers, { cache });
    expect(json(first)).toBe(json(findLinks(papers)));
    expect(cache.lastRead).toBe(papers.length);
    const again = findLinks(papers, { cache });
    expect(json(again)).toBe(json(first));
    expect(cache.lastRead).toBe(0);
  });

  it('the name matcher is reused while the names are the same, and rebuilt when one changes', () => {
    const cache = createLinkCache();
    findLinks(papers, { cache });
    const matcher = cache.matcher;
    expect(matcher).not.toBeNull();
    // A reworded summary keeps every name: the same matcher.
    const target = papers.find((p) => p.label === 'CoVo') as PaperRecord;
    const reworded = edit(papers, target.id, (p) => ({
      ...p,
      text: [...p.text, { file: p.text[0]?.file ?? 'x.md', line: 998, text: 'CoVo 优于 PPO。' }],
    }));
    expect(json(findLinks(reworded, { cache }))).toBe(json(findLinks(reworded)));
    expect(cache.matcher).toBe(matcher);
    // A new name: a new matcher, which finds it in a paper that was not edited.
    const renamed = edit(reworded, target.id, (p) => ({
      ...p,
      label: 'Quuxify',
      title: 'Quuxify: A New Name',
    }));
    const citing = renamed.map((p, i) =>
      i === 0 ? { ...p, text: [...p.text, { file: 'x.md', line: 997, text: '我们优于 Quuxify。' }] } : p,
    );
    const warm = findLinks(citing, { cache });
    expect(cache.matcher).not.toBe(matcher);
    expect(json(warm)).toBe(json(findLinks(citing)));
    expect(warm.edges.some((e) => e.target === target.id && e.via === 'Quuxify')).toBe(true);
  });

  it('papers added and removed one by one: the matcher is extended or kept, and every build equals a fresh one', () => {
    const cache = createLinkCache();
    findLinks(papers, { cache });
    let current: PaperRecord[] = [...papers];
    const added: string[] = [];
    // Enough steps for the names dropped on the way to pass a quarter of the matcher's patterns: it is then
    // built again from scratch (the seed has a few hundred names).
    for (let k = 0; k < 12; k++) {
      const previous = cache.matcher;
      if (k % 3 === 2) {
        // Drop an added paper (its names stay in the matcher, unused), or one of the seed's own.
        const id = k % 2 === 0 ? (added.shift() as string) : (current[k * 7]?.id as string);
        current = current.filter((p) => p.id !== id);
      } else {
        const name = `Zorblat${k}`;
        const id = `arxiv:2599.${String(10000 + k)}` as PaperId;
        added.push(id);
        current = [
          ...current,
          // It names the paper the next step adds: that name must be found here without this paper changing.
          paper(id, {
            label: name,
            title: `${name}: A Paper Added Later`,
            text: [`我们提出了 ${name}，它基于 GRPO，并且优于 Zorblat${k + 1}。`],
          }),
        ];
      }
      const warm = findLinks(current, { cache });
      expect(json(warm)).toBe(json(findLinks(current)));
      if (k % 3 !== 2) expect(cache.matcher).not.toBe(previous);
      const before = current.find((p) => p.label === `Zorblat${k - 1}`);
      if (before && k % 3 !== 2) {
        // The new paper's name is found in the paper added before it, which was not edited.
        const edge = warm.edges.find((e) => e.source === before.id && e.via === `Zorblat${k}`);
        expect(edge?.target).toBe(`arxiv:2599.${String(10000 + k)}`);
      }
    }
    // A name dropped and then named again is found again.
    const back = [
      ...current,
      paper('arxiv:2599.20000', { label: 'Zorblat0', title: 'Zorblat0: Back Again' }),
    ];
    expect(json(findLinks(back, { cache }))).toBe(json(findLinks(back)));
  });

  it('an edited paper is read again, the rest replayed, and the result equals a fresh build', () => {
    const cache = createLinkCache();
    findLinks(papers, { cache });
    const target = papers.find((p) => p.label === 'CoVo') as PaperRecord;
    const edited = edit(papers, target.id, (p) => ({
      ...p,
      text: [...p.text, { file: p.text[0]?.file ?? 'x.md', line: 999, text: 'CoVo 基于 PPO，并优于 GRPO。' }],
    }));
    const warm = findLinks(edited, { cache });
    expect(cache.lastRead).toBe(1);
    expect(json(warm)).toBe(json(findLinks(edited)));
    expect(warm.edges.some((e) => e.key === `builds-on:${target.id}->concept:ppo`)).toBe(true);
  });

  it('a paper named elsewhere removed: only the papers whose text names it are read again', () => {
    const cache = createLinkCache();
    const before = findLinks(papers, { cache });
    const target = papers.find((p) => p.label === 'GoT') as PaperRecord;
    const citing = new Set(
      before.edges.filter((e) => e.target === target.id && e.type !== 'same-group').map((e) => e.source),
    );
    expect(citing.size).toBeGreaterThan(0);
    const rest = papers.filter((p) => p !== target);
    const warm = findLinks(rest, { cache });
    expect(json(warm)).toBe(json(findLinks(rest)));
    expect(cache.lastRead).toBeGreaterThanOrEqual(citing.size);
    expect(cache.lastRead).toBeLessThan(rest.length / 4);
    expect(warm.edges.some((e) => e.target === target.id)).toBe(false);
  });

  it('a new label no other paper uses is read alone; equal to a fresh build', () => {
    const cache = createLinkCache();
    findLinks(papers, { cache });
    const target = papers.find((p) => p.label === 'CoVo') as PaperRecord;
    const renamed = edit(papers, target.id, (p) => ({ ...p, label: 'CoVo2' }));
    const warm = findLinks(renamed, { cache });
    expect(cache.lastRead).toBe(1);
    expect(json(warm)).toBe(json(findLinks(renamed)));
  });

  it('a change to the lexicon reads everything again', () => {
    const cache = createLinkCache();
    findLinks(papers, { cache });
    const userLexicon = {
      file: 'papermap.lexicon.toml',
      text: '[[concept]]\nname = "Zeta Method"\nkind = "method"\n',
    };
    const warm = findLinks(papers, { cache, userLexicon });
    expect(cache.lastRead).toBe(papers.length);
    expect(json(warm)).toBe(json(findLinks(papers, { userLexicon })));
  });

  // The one-shot build is this index filled from empty and dropped; an index grown by edits must end where that
  // fill does. Papers arrive in a seeded shuffled order, a few at a time, so each step patches or re-resolves
  // the name table, reads new papers' readers again and regroups authors, as a dev server's edits do.
  it('an index grown a few papers at a time, in shuffled order, ends equal to the one-shot build', () => {
    const random = mulberry32(3);
    const order = [...papers].sort(() => random() - 0.5);
    const cache = createLinkCache();
    let reads = 0;
    let sizes = 0;
    for (let n = 1; n <= order.length; n += 1 + Math.floor(random() * 6)) {
      const some = order.slice(0, n);
      const warm = findLinks(some, { cache });
      reads += cache.lastRead;
      sizes += n;
      expect(json(warm), `after ${n} papers`).toBe(json(findLinks(some)));
    }
    expect(json(findLinks(papers, { cache }))).toBe(json(findLinks(papers)));
    // Most steps read a few papers, not all of them: the patching route was the one taken.
    expect(reads).toBeLessThan(sizes / 2);
  });

  it('a paper whose authors are initials is regrouped when a full name they stand for comes or goes', () => {
    // `Khalifa, M` and `Lee, H` stand for Muhammad Khalifa and Honglak Lee once a paper names them in full: two
    // shared authors then make a same-group pair, although the paper with the initials did not change.
    const initials = paper('arxiv:2599.00001', { label: 'Initials', authors: ['Khalifa, M', 'Lee, H'] });
    const other = paper('arxiv:2599.00002', { label: 'Other', authors: ['Zed Nobody', 'Ann Else'] });
    const full = paper('arxiv:2599.00003', {
      label: 'Full',
      authors: ['Muhammad Khalifa', 'Honglak Lee'],
    });
    const pairKey = 'same-group:arxiv:2599.00001--arxiv:2599.00003';
    const cache = createLinkCache();
    findLinks([initials, other], { cache });
    const joined = findLinks([initials, other, full], { cache });
    expect(joined.edges.map((e) => e.key)).toContain(pairKey);
    expect(json(joined)).toBe(json(findLinks([initials, other, full])));
    // A second full name for the same initial: `Khalifa, M` no longer says who; one shared author is left.
    const second = paper('arxiv:2599.00004', { label: 'Second', authors: ['Mei Khalifa'] });
    const split = findLinks([initials, other, full, second], { cache });
    expect(split.edges.map((e) => e.key)).not.toContain(pairKey);
    expect(json(split)).toBe(json(findLinks([initials, other, full, second])));
  });

  it('removing and adding papers stays equal to a fresh build', () => {
    const cache = createLinkCache();
    findLinks(papers, { cache });
    const fewer = papers.filter((p) => p.label !== 'GRPO-CARE');
    expect(json(findLinks(fewer, { cache }))).toBe(json(findLinks(fewer)));
    expect(json(findLinks(papers, { cache }))).toBe(json(findLinks(papers)));
  });
});

/** Every record of `next` whose content equals the record with the same key in `previous` is that object. */
function expectKeptIdentity(previous: LinkResult, next: LinkResult): number {
  const edges = new Map(previous.edges.map((e) => [e.key, e]));
  const concepts = new Map(previous.concepts.map((c) => [c.id, c]));
  let kept = 0;
  for (const e of next.edges) {
    const old = edges.get(e.key);
    if (old && json(old) === json(e)) {
      expect(e).toBe(old);
      kept++;
    }
  }
  for (const c of next.concepts) {
    const old = concepts.get(c.id);
    if (old && json(old) === json(c)) expect(c).toBe(old);
  }
  return kept;
}

describe('LinkCache on a generated corpus: every kind of edit, warm equals fresh', () => {
  let corpus: PaperRecord[] = [];
  let labelled: PaperRecord[] = [];
  let authored: PaperRecord[] = [];
  beforeEach(() => {
    corpus = generated(11);
    labelled = corpus.filter((p) => /^[A-Z][A-Za-z0-9-]{2,}$/.test(p.label));
    authored = corpus.filter((p) => p.authors.length > 0);
  });
  const userLexicon = { file: 'papermap.lexicon.toml', text: '[[concept]]\nname = "Zeta Method"\n' };
  const withText = (p: PaperRecord, text: string): PaperRecord => ({
    ...p,
    text: [...p.text, { file: p.sources[0]?.file ?? 'x.md', line: 9000 + p.text.length, text }],
  });

  /** Edits as input -> expected: each returns the next papers (and lexicon). */
  const EDITS: {
    what: string;
    apply(list: PaperRecord[]): { papers: PaperRecord[]; lexicon?: typeof userLexicon | null };
  }[] = [
    {
      what: 'reword a summary to cite another paper by name',
      apply: (list) => ({
        papers: edit(list, list[3]!.id, (p) =>
          withText(p, `本文基于 ${labelled[1]!.label}，并优于 ${labelled[2]!.label}。`),
        ),
      }),
    },
    {
      what: 'add a paper whose name an unchanged paper already mentions',
      apply: (list) => {
        const citing = edit(list, list[5]!.id, (p) => withText(p, '我们的方法优于 Zorblax。'));
        const added = withText(
          {
            ...list[7]!,
            id: 'arxiv:2512.90001' as PaperId,
            arxiv: '2512.90001',
            label: 'Zorblax',
            title: 'Zorblax: New',
          },
          'Zorblax 基于 GRPO-Zorblax 与 PPO。',
        );
        return { papers: [...citing, added] };
      },
    },
    {
      what: 'retitle a paper whose name others mention',
      apply: (list) => ({
        papers: edit(list, labelled[1]!.id, (p) => ({
          ...p,
          label: `${p.label}Prime`,
          title: `${p.label}Prime: Retitled`,
        })),
      }),
    },
    {
      what: 'remove a paper others mention',
      apply: (list) => ({ papers: list.filter((p) => p.id !== labelled[2]!.id) }),
    },
    {
      what: 'give a paper the authors of another (same-group appears)',
      apply: (list) => ({
        papers: edit(list, list[9]!.id, (p) => ({ ...p, authors: [...authored[0]!.authors] })),
      }),
    },
    {
      what: 'an author known only by an initial joins, then the full name goes away',
      apply: (list) => {
        const full = authored[0]!.authors[0]!;
        const parts = full.trim().split(/\s+/);
        const initial = `${parts[parts.length - 1]}, ${parts[0]![0]}`;
        return {
          papers: edit(list, list[11]!.id, (p) => ({ ...p, authors: [initial, 'Zed Nobody'] })),
        };
      },
    },
    {
      what: 'the same-group paper leaves (authors to one stranger)',
      apply: (list) => ({
        papers: edit(list, list[9]!.id, (p) => ({ ...p, authors: ['Zed Nobody'] })),
      }),
    },
    {
      what: 'edit the user lexicon (a concept named in the notes)',
      apply: (list) => ({
        papers: edit(list, list[4]!.id, (p) => withText(p, '基于 Zeta Method 与 GRPO。')),
        lexicon: userLexicon,
      }),
    },
    {
      what: 'remove the user lexicon and delete a whole file',
      apply: (list) => {
        const file = list[0]!.sources[0]!.file;
        return { papers: list.filter((p) => p.sources.every((s) => s.file !== file)), lexicon: null };
      },
    },
    {
      what: 'define an acronym, then a second paper mentions it (an acronym concept appears)',
      apply: (list) => ({
        papers: edit(
          edit(list, list[2]!.id, (p) => withText(p, '采用了 Quantized Widget Rollout（QWR）来加速。')),
          list[6]!.id,
          (p) => withText(p, 'QWR 也被使用。'),
        ),
      }),
    },
  ];

  it('after each edit, in sequence', () => {
    const cache = createLinkCache();
    let list = [...corpus];
    let lexicon: typeof userLexicon | null = null;
    let previous = findLinks(list, { cache });
    expect(json(previous)).toBe(json(findLinks(list)));
    for (const e of EDITS) {
      const next = e.apply(list);
      list = next.papers;
      if (next.lexicon !== undefined) lexicon = next.lexicon;
      const warm = findLinks(list, { cache, userLexicon: lexicon });
      expect(json(warm), e.what).toBe(json(findLinks(list, { userLexicon: lexicon })));
      expectKeptIdentity(previous, warm);
      previous = warm;
    }
  });

  it('an edit that touches one paper keeps almost every record object', () => {
    const cache = createLinkCache();
    const before = findLinks(corpus, { cache });
    const after = findLinks(
      edit(corpus, corpus[3]!.id, (p) => withText(p, '本文优于 PPO。')),
      { cache },
    );
    expect(expectKeptIdentity(before, after)).toBeGreaterThan(before.edges.length - 10);
  });

  it('a random sequence of edits (seeded) stays equal to a fresh build', () => {
    const random = mulberry32(7);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)] as T;
    const cache = createLinkCache();
    let list = [...corpus];
    let lexicon: typeof userLexicon | null = null;
    findLinks(list, { cache });
    for (let step = 0; step < 40; step++) {
      const kind = Math.floor(random() * 7);
      const target = pick(list);
      const other = pick(list);
      if (kind === 0)
        list = edit(list, target.id, (p) => withText(p, `${p.label} 基于 ${other.label}，优于 GRPO。`));
      else if (kind === 1)
        list = [
          ...list,
          withText(
            {
              ...target,
              id: `arxiv:2599.${String(step).padStart(5, '0')}` as PaperId,
              label: `Gen${step}X`,
              title: `Gen${step}X: Added`,
              arxiv: undefined,
            },
            `Gen${step}X 基于 ${other.label}。`,
          ),
        ];
      else if (kind === 2 && list.length > 20) list = list.filter((p) => p.id !== target.id);
      else if (kind === 3)
        list = edit(list, target.id, (p) => ({
          ...p,
          label: other.label,
          title: `${other.label}: Same Name`,
        }));
      else if (kind === 4) list = edit(list, target.id, (p) => ({ ...p, authors: [...other.authors] }));
      else if (kind === 5) lexicon = lexicon ? null : userLexicon;
      else list = edit(list, target.id, (p) => ({ ...p, date: other.date ?? '2020-01-01' }));
      const warm = findLinks(list, { cache, userLexicon: lexicon });
      expect(json(warm), `step ${step} kind ${kind}`).toBe(json(findLinks(list, { userLexicon: lexicon })));
    }
  });
});

describe('LinkCache: edits that move one edge between outputs', () => {
  const a = paper('arxiv:2501.00001', {
    label: 'Alpha',
    title: 'Alpha: First',
    authors: ['Wei Zhang', 'Lei Wang'],
    text: ['Alpha 的实验中也提到了 Beta 和 GRPO++。', 'Alpha 基于 GRPO++。'],
  });
  const b = paper('arxiv:2501.00002', {
    label: 'Beta',
    title: 'Beta: Second',
    authors: ['Ann Other'],
    text: ['Beta 是一个方法。'],
  });
  /** Steps as input -> the edges expected between the two papers. */
  const STEPS: { what: string; papers: PaperRecord[]; expected: string[] }[] = [
    { what: 'a bare mention', papers: [a, b], expected: ['mentions:arxiv:2501.00001->arxiv:2501.00002'] },
    {
      what: 'same authors: the same-group edge replaces the mention',
      papers: [a, { ...b, authors: ['Zhang, W', 'Lei Wang'] }],
      expected: ['same-group:arxiv:2501.00001--arxiv:2501.00002'],
    },
    {
      what: 'authors part again: the mention is back',
      papers: [a, { ...b, authors: ['Ann Other'] }],
      expected: ['mentions:arxiv:2501.00001->arxiv:2501.00002'],
    },
  ];
  it('warm equals fresh at each step', () => {
    const cache = createLinkCache();
    for (const step of STEPS) {
      const warm = findLinks(step.papers, { cache });
      expect(json(warm), step.what).toBe(json(findLinks(step.papers)));
      const between = warm.edges.filter((e) => e.source === a.id && e.target === b.id).map((e) => e.key);
      expect(between, step.what).toEqual(step.expected);
      expect(warm.edges.some((e) => e.key === `builds-on:${a.id}->concept:grpo`)).toBe(true);
    }
  });
});

describe('LinkCache: a name table patched for names no other paper claims', () => {
  let corpus: PaperRecord[] = [];
  let labelled: PaperRecord[] = [];
  let mentioning: PaperRecord[] = [];
  beforeEach(() => {
    corpus = generated(23);
    labelled = corpus.filter((p) => /^[A-Z][A-Za-z0-9-]{2,}$/.test(p.label));
    // Ten papers name Zorblax before any paper goes by it.
    mentioning = [...corpus];
    for (const p of corpus.slice(10, 20))
      mentioning = edit(mentioning, p.id, (x) => withText(x, `本文基于 Zorblax，优于 GRPO。`));
  });
  const withText = (p: PaperRecord, text: string): PaperRecord => ({
    ...p,
    text: [...p.text, { file: p.sources[0]?.file ?? 'x.md', line: 9000 + p.text.length, text }],
  });
  const newPaper = (id: string, label: string, date: string, text: string): PaperRecord =>
    paper(`arxiv:${id}`, {
      label,
      title: `${label}: A New Paper`,
      date,
      arxiv: id,
      sources: [{ file: 'new.md', line: 1 }],
      text: [text],
    });
  const zorblax = newPaper('2599.00001', 'Zorblax', '2025-01-02', '我们提出了 Zorblax，它基于 PPO。');

  /** Steps as input -> expected: the papers after the step, and how the name table must come about. */
  const steps: {
    name: string;
    papers: (list: PaperRecord[]) => PaperRecord[];
    names: 'kept' | 'patched' | 'resolved';
  }[] = [
    {
      name: 'a new paper whose name ten others already mention',
      papers: (list) => [...list, zorblax],
      names: 'patched',
    },
    {
      name: 'it takes a second name of its own (an edit of its claims)',
      papers: (list) =>
        edit(list, zorblax.id, (p) => ({ ...p, title: 'Quuxbench: A Second Name for Zorblax' })),
      names: 'patched',
    },
    {
      name: 'a paper competing for that name, dated earlier: it wins the name',
      papers: (list) => [...list, newPaper('2599.00002', 'Zorblax', '2024-06-01', 'Zorblax 的另一篇。')],
      names: 'resolved',
    },
    {
      name: 'the winner removed: the name goes back to the first claimant',
      papers: (list) => list.filter((p) => p.id !== 'arxiv:2599.00002'),
      names: 'resolved',
    },
    {
      name: 'a paper competing for it, dated later: it loses the claim',
      papers: (list) => [...list, newPaper('2599.00003', 'Zorblax', '2026-01-01', 'Zorblax 的后来者。')],
      names: 'resolved',
    },
    {
      name: 'the loser removed',
      papers: (list) => list.filter((p) => p.id !== 'arxiv:2599.00003'),
      names: 'resolved',
    },
    {
      name: 'a new paper claiming an existing paper’s label',
      papers: (list) => [
        ...list,
        newPaper('2599.00004', labelled[2]!.label, '2020-01-01', `${labelled[2]!.label} 的新版本。`),
      ],
      names: 'resolved',
    },
    {
      name: 'a new paper named after a lexicon concept',
      papers: (list) => [...list, newPaper('2599.00005', 'GRPO', '2020-01-01', '我们提出了 GRPO。')],
      names: 'resolved',
    },
    {
      name: 'the paper that took over the lexicon name (and its aliases) removed',
      papers: (list) => list.filter((p) => p.id !== 'arxiv:2599.00005'),
      names: 'resolved',
    },
    {
      name: 'a new paper that defines an acronym',
      papers: (list) => [
        ...list,
        newPaper(
          '2599.00006',
          'Blorpnet',
          '2025-02-01',
          '我们提出了 Quantized Widget Rollout（QWR）来加速。',
        ),
      ],
      names: 'resolved',
    },
    {
      name: 'a paper names the next one by its arXiv id, then it is added',
      papers: (list) =>
        edit(list, corpus[30]!.id, (p) => withText(p, 'Snarfle arxiv: https://arxiv.org/abs/2599.00007')),
      names: 'resolved',
    },
    {
      name: 'the paper that arXiv line names, added',
      papers: (list) => [...list, newPaper('2599.00007', 'Snarfle', '2025-03-01', 'Snarfle 基于 GRPO。')],
      names: 'resolved',
    },
    {
      name: 'a new paper with a name no one uses, mentioning the others',
      papers: (list) => [
        ...list,
        newPaper('2599.00008', 'Wibblet', '2025-04-01', '我们提出了 Wibblet，基于 Zorblax 与 Quuxbench。'),
      ],
      names: 'patched',
    },
    {
      name: 'the paper that held Zorblax removed: the ten mentions lose their target',
      papers: (list) => list.filter((p) => p.id !== zorblax.id),
      names: 'patched',
    },
    {
      name: 'a new paper takes the name back',
      papers: (list) => [...list, { ...zorblax, id: 'arxiv:2599.00009' as PaperId, arxiv: '2599.00009' }],
      names: 'patched',
    },
    {
      name: 'a paper renamed to a name no one uses',
      papers: (list) =>
        edit(list, labelled[5]!.id, (p) => ({ ...p, label: 'Frobozz', title: 'Frobozz: Renamed' })),
      names: 'patched',
    },
  ];

  it('each step equals a fresh build, and the table is patched exactly where it can be', () => {
    const cache = createLinkCache();
    let list = [...mentioning];
    findLinks(list, { cache });
    for (const step of steps) {
      list = step.papers(list);
      const warm = findLinks(list, { cache });
      expect(json(warm), step.name).toBe(json(findLinks(list)));
      expect(cache.lastNames, step.name).toBe(step.names);
    }
  });

  it('the ten papers that mention a new name link to it (read again although their text did not change)', () => {
    const cache = createLinkCache();
    findLinks(mentioning, { cache });
    const warm = findLinks([...mentioning, zorblax], { cache });
    expect(cache.lastNames).toBe('patched');
    expect(cache.lastRead).toBe(11);
    const sources = warm.edges.filter((e) => e.target === zorblax.id).map((e) => e.source);
    expect(new Set(sources)).toEqual(new Set(corpus.slice(10, 20).map((p) => p.id)));
  });

  it('a random sequence of name edits (seeded) stays equal to a fresh build', () => {
    const random = mulberry32(31);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)] as T;
    const cache = createLinkCache();
    let list = [...mentioning];
    findLinks(list, { cache });
    const added: string[] = [];
    const seen = { patched: 0, resolved: 0, kept: 0 };
    for (let step = 0; step < 60; step++) {
      const kind = Math.floor(random() * 6);
      const target = pick(list);
      const other = pick(list);
      const name = `Zx${Math.floor(random() * 12)}q`;
      if (kind <= 1) {
        const id = `2599.${String(100 + step).padStart(5, '0')}`;
        added.push(`arxiv:${id}`);
        const date = `2025-0${1 + Math.floor(random() * 9)}-01`;
        list = [...list, newPaper(id, name, date, `我们提出了 ${name}，它基于 ${other.label}。`)];
      } else if (kind === 2 && added.length > 0) {
        const id = added.splice(Math.floor(random() * added.length), 1)[0] as string;
        list = list.filter((p) => p.id !== id);
      } else if (kind === 3) list = edit(list, target.id, (p) => withText(p, `本文优于 ${name}。`));
      else if (kind === 4)
        list = edit(list, target.id, (p) => ({ ...p, label: name, title: `${name}: Renamed` }));
      else if (kind === 5 && list.length > 100) list = list.filter((p) => p.id !== target.id);
      const warm = findLinks(list, { cache });
      expect(json(warm), `step ${step} kind ${kind}`).toBe(json(findLinks(list)));
      seen[cache.lastNames]++;
    }
    // Both ways were taken many times.
    expect(seen.patched).toBeGreaterThan(10);
    expect(seen.resolved).toBeGreaterThan(5);
  });
});
