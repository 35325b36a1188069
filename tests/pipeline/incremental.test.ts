// A long-lived builder (the dev server's) after any sequence of edits gives what a fresh build of the same notes
// gives: the same parse result, concepts and edges, and the same graph but for positions and communities.
import { describe, expect, it } from 'vitest';
import { generateCorpus } from '../../bench/corpus.js';
import { findLinks } from '../../src/links/index.js';
import { createIncrementalMerge } from '../../src/parse/merge-incremental.js';
import { mergeFileParses, parseFile } from '../../src/parse/index.js';
import { createBuilder, type BuildResult } from '../../src/pipeline.js';
import type { NoteFile, SerializedGraph } from '../../src/types.js';

const corpus = generateCorpus({ papers: 300, files: 10, seed: 3 });
const base = corpus.files;

/** The graph without what depends on the edit history: positions and Louvain communities. */
function comparable(graph: SerializedGraph): unknown {
  return {
    ...graph,
    attributes: {
      ...graph.attributes,
      topics: graph.attributes.topics.map(({ x: _x, y: _y, ...rest }) => rest),
    },
    nodes: graph.nodes.map((n) => {
      const { x: _x, y: _y, community: _c, ...attributes } = n.attributes;
      return { key: n.key, attributes };
    }),
  };
}

function expectSame(warm: BuildResult, fresh: BuildResult): void {
  expect(JSON.stringify(warm.parsed)).toBe(JSON.stringify(fresh.parsed));
  expect(JSON.stringify(warm.links.concepts)).toBe(JSON.stringify(fresh.links.concepts));
  expect(JSON.stringify(warm.links.edges)).toBe(JSON.stringify(fresh.links.edges));
  expect(JSON.stringify(warm.links.diagnostics)).toBe(JSON.stringify(fresh.links.diagnostics));
  expect(JSON.stringify(comparable(warm.graph))).toBe(JSON.stringify(comparable(fresh.graph)));
}

/** A fresh build with none of the warm machinery: the whole merge, links without a cache. */
function freshBuild(files: NoteFile[]): BuildResult {
  const fresh = createBuilder({
    layout: false,
    stages: {
      mergeFileParses: (parses) => mergeFileParses(parses as never),
      findLinks: (papers, options) => findLinks(papers, { userLexicon: options?.userLexicon ?? null }),
    },
  });
  fresh.update(files);
  return fresh.build();
}

type Notes = Map<string, string>;
const at = (notes: Notes, k: number): string => [...notes.keys()].sort()[k % notes.size]!;
const firstAuthors = (text: string): string =>
  /\*\*作者\*\* ：(.*)/.exec(text)?.[1] ?? ' Wei Zhang,  Lei Wang';
const firstArxiv = (text: string): string =>
  /arxiv\.org\/abs\/(\d{4}\.\d{5})/.exec(text)?.[1] ?? '2401.00001';

function entry(date: string, title: string, arxiv: string, authors: string, summary: string): string {
  return `\n\n${date} 10:00:00 Monday ｜\n\n ${title}\n **标题** ： ${title}\n **链接** ：https://arxiv.org/abs/${arxiv}\n\n **作者** ：${authors}\n **摘要** ：${summary}\n`;
}

/** Edits, applied in order to the same notes; after each, warm and fresh must agree. */
const EDITS: { what: string; apply(notes: Notes): void; check?: (fresh: BuildResult) => void }[] = [
  {
    what: 'change a summary',
    apply(notes) {
      const path = at(notes, 1);
      const text = notes.get(path)!;
      const i = text.indexOf('**摘要** ：');
      notes.set(path, `${text.slice(0, i + 8)}我们基于 GRPO 并优于 PPO。${text.slice(i + 8)}`);
    },
  },
  {
    what: 'add a paper',
    apply(notes) {
      const path = at(notes, 2);
      notes.set(
        path,
        notes.get(path)! +
          entry(
            '2025-12-01',
            'EditBench: A Paper Added While Editing',
            '2512.90001',
            ' Wei Zhang,  Lei Wang',
            'EditBench 基于 GRPO，在七个数据集上优于 PPO。',
          ),
      );
    },
  },
  {
    what: 'a note mentions a name no paper has yet',
    apply(notes) {
      const path = at(notes, 1);
      const text = notes.get(path)!;
      const i = text.indexOf('**摘要** ：');
      notes.set(path, `${text.slice(0, i + 8)}我们的方法优于 Zorblax。${text.slice(i + 8)}`);
    },
  },
  {
    what: 'a paper takes that name in another note (the unchanged note now links to it)',
    apply(notes) {
      const path = at(notes, 6);
      notes.set(
        path,
        notes.get(path)! +
          entry(
            '2025-12-05',
            'Zorblax: A Name Mentioned Before It Existed',
            '2512.90005',
            ' Q R',
            'Zorblax 基于 GRPO。',
          ),
      );
    },
    check: (result) =>
      expect(result.links.edges.some((e) => e.target === 'arxiv:2512.90005' && e.type !== 'same-group')).toBe(
        true,
      ),
  },
  {
    what: 'the paper holding that name removed from its note (the unchanged note names nothing again)',
    apply(notes) {
      const path = at(notes, 6);
      const text = notes.get(path)!;
      notes.set(path, text.slice(0, text.indexOf('\n\n2025-12-05 10:00:00')));
    },
    check: (result) => expect(result.links.edges.some((e) => e.target === 'arxiv:2512.90005')).toBe(false),
  },
  {
    what: 'two new papers in two notes claim one new name alike (it names neither), another note names it',
    apply(notes) {
      for (const [k, date, arxiv] of [
        [4, '2025-12-07', '2512.90007'],
        [5, '2025-11-02', '2512.90008'],
      ] as const) {
        const path = at(notes, k);
        notes.set(
          path,
          notes.get(path)! +
            entry(date, 'Quibble: Two Papers, One Name', arxiv, ' Q R', 'Quibble 基于 PPO。'),
        );
      }
      const path = at(notes, 1);
      const text = notes.get(path)!;
      const i = text.indexOf('**摘要** ：');
      notes.set(path, `${text.slice(0, i + 8)}我们优于 Quibble。${text.slice(i + 8)}`);
    },
    check: (result) =>
      expect(result.links.edges.some((e) => e.via === 'Quibble' && e.type === 'compares')).toBe(false),
  },
  {
    what: 'one of the two removed (the other paper takes the name)',
    apply(notes) {
      const path = at(notes, 5);
      const text = notes.get(path)!;
      notes.set(path, text.slice(0, text.indexOf('\n\n2025-11-02 10:00:00')));
    },
    check: (result) =>
      expect(result.links.edges.find((e) => e.via === 'Quibble' && e.type === 'compares')?.target).toBe(
        'arxiv:2512.90007',
      ),
  },
  {
    what: 'retitle a paper (a name changes)',
    apply(notes) {
      const path = at(notes, 3);
      const text = notes.get(path)!;
      const m = /^( ?)([A-Z][A-Za-z0-9+-]*): /m.exec(text)!;
      notes.set(path, text.replace(m[0], `${m[1]}${m[2]}Prime: `));
    },
  },
  {
    what: 'delete a file',
    apply(notes) {
      notes.delete(at(notes, 4));
    },
  },
  {
    what: 'add a same-group author (a new paper by an existing paper’s authors)',
    apply(notes) {
      const path = at(notes, 5);
      const authors = firstAuthors(notes.get(at(notes, 0))!);
      notes.set(
        path,
        notes.get(path)! +
          entry(
            '2025-12-02',
            'GroupMate: Another Paper of the Same Lab',
            '2512.90002',
            authors,
            'GroupMate 基于 EditBench。',
          ),
      );
    },
  },
  {
    what: 'only an author list changes (same-group membership moves, no name changes)',
    apply(notes) {
      const path = at(notes, 3);
      const text = notes.get(path)!;
      const others = firstAuthors(notes.get(at(notes, 7))!);
      notes.set(path, text.replace(/\*\*作者\*\* ：.*/, `**作者** ：${others}`));
    },
  },
  {
    what: 'an author list shrinks to one stranger (the paper leaves its groups)',
    apply(notes) {
      const path = at(notes, 3);
      notes.set(path, notes.get(path)!.replace(/\*\*作者\*\* ：.*/, '**作者** ： Zed Nobody'));
    },
  },
  {
    what: 'the same paper in a second file (merge across files), citing another',
    apply(notes) {
      const source = notes.get(at(notes, 0))!;
      const arxiv = firstArxiv(source);
      notes.set(
        'zz/duplicate.md',
        `# Again\n${entry('2023-01-01', 'A Second Place For The Same Paper', arxiv, ' Ann Other', 'Also see arXiv:2512.90003 and 2512.90001.')}`,
      );
    },
  },
  {
    what: 'a cited-only paper gets an entry of its own',
    apply(notes) {
      const path = at(notes, 6);
      notes.set(
        path,
        notes.get(path)! +
          entry(
            '2025-12-03',
            'CitedOnce: Now With An Entry',
            '2512.90003',
            ' Wei Zhang',
            'CitedOnce 优于 GroupMate。',
          ),
      );
    },
  },
  {
    what: 'two entries with the same short title (kept apart) and a broken front matter',
    apply(notes) {
      notes.set(
        'aa/short.md',
        `---\ntitle: [unclosed\n---\n# Short\n${entry('2025-01-01', 'GRPO', '2501.90001', ' A B', 'x')}${entry('2025-01-02', 'GRPO', '2501.90002', ' C D', 'y')}`,
      );
      const path = at(notes, 7);
      const untitled = (date: string, summary: string) =>
        `\n\n${date} 10:00:00 Monday ｜\n\n Kimi K2\n **作者** ： A B\n **摘要** ：${summary}\n`;
      notes.set(
        path,
        notes.get(path)! +
          entry('2025-01-03', 'GRPO', '2501.90001', ' A B', 'again') +
          untitled('2025-01-04', 'one Kimi K2'),
      );
      const other = at(notes, 9);
      notes.set(other, notes.get(other)! + untitled('2025-01-05', 'another Kimi K2'));
    },
  },
  {
    what: 'remove the duplicate and the short titles again',
    apply(notes) {
      notes.delete('zz/duplicate.md');
      notes.delete('aa/short.md');
    },
  },
  {
    what: 'rename the new paper back (names change again) and reword another summary',
    apply(notes) {
      const path = at(notes, 3);
      notes.set(path, notes.get(path)!.replace(/Prime: /, ': '));
      const other = at(notes, 8);
      const text = notes.get(other)!;
      const i = text.lastIndexOf('**摘要** ：');
      if (i >= 0) notes.set(other, `${text.slice(0, i + 8)}RLOO 的批评。${text.slice(i + 8)}`);
    },
  },
];

function filesOf(notes: Notes): NoteFile[] {
  return [...notes].map(([path, text]) => ({ path, text }));
}

describe('warm builder equals a fresh build after each edit', () => {
  // One long-lived builder through every edit, made inside the tests (not in the describe body) so that
  // mutation testing sees which test runs which code. Run alone (a filtered run), a test first replays the
  // edits before it, so it checks the same state as in the full run.
  let notes: Notes = new Map();
  let warm = createBuilder({ layout: false });
  let first: BuildResult | undefined;
  let done = -1;
  function warmAt(k: number): void {
    if (done < 0 || done > k) {
      notes = new Map(base.map((f) => [f.path, f.text]));
      warm = createBuilder({ layout: false });
      warm.update(filesOf(notes));
      first = warm.build();
      done = 0;
    }
    for (; done < k; done++) {
      const before = new Map(notes);
      EDITS[done]!.apply(notes);
      const changed = filesOf(notes).filter((f) => before.get(f.path) !== f.text);
      warm.update({ changed, removed: [...before.keys()].filter((p) => !notes.has(p)) });
      warm.build();
    }
  }

  it('starts equal', () => {
    warmAt(0);
    if (!first) throw new Error('no first build');
    expectSame(first, freshBuild(filesOf(notes)));
    const oneShot = createBuilder({ layout: false, incremental: false });
    oneShot.update(filesOf(notes));
    const plain = oneShot.build();
    expect(plain.mergeMode).toBe('custom');
    expectSame(plain, first);
    expect(first.parsed.papers.length).toBeGreaterThan(250);
    expect(first.links.edges.some((e) => e.type === 'same-group')).toBe(true);
  });

  for (const [k, edit] of EDITS.entries()) {
    it(edit.what, () => {
      warmAt(k);
      done = k + 1;
      const before = new Map(notes);
      edit.apply(notes);
      const changed = filesOf(notes).filter((f) => before.get(f.path) !== f.text);
      const removed = [...before.keys()].filter((p) => !notes.has(p));
      expect(changed.length + removed.length).toBeGreaterThan(0);
      warm.update({ changed, removed });
      const result = warm.build();
      expect(result.parsedFiles).toBe(changed.length);
      expect(result.mergeMode).toBe('incremental');
      const fresh = freshBuild(filesOf(notes));
      edit.check?.(fresh);
      expectSame(result, fresh);
    });
  }
});

describe('incremental merge equals mergeFileParses', () => {
  it('re-merges only the files that changed and keeps unchanged records', () => {
    const parses = base.map((f) => parseFile(f));
    const merger = createIncrementalMerge();
    const first = merger.merge(parses);
    expect(JSON.stringify(first)).toBe(JSON.stringify(mergeFileParses(parses)));
    const text = base[2]!.text + entry('2025-12-04', 'Solo: One More', '2512.90009', ' X Y', 'z');
    const edited = [...parses];
    edited[2] = parseFile({ path: base[2]!.path, text });
    const second = merger.merge(edited);
    expect(JSON.stringify(second)).toBe(JSON.stringify(mergeFileParses(edited)));
    expect(merger.lastMerged).toBe(1);
    expect(merger.lastMode).toBe('incremental');
    const untouched = first.papers.find((p) => p.sources.every((s) => s.file === base[0]!.path))!;
    expect(second.papers.find((p) => p.id === untouched.id)).toBe(untouched);
    expect(second.papers.some((p) => p.id === 'arxiv:2512.90009')).toBe(true);
  });
});

describe('warm builder: lexicon edits and record identity', () => {
  const lexicon = {
    file: 'papermap.lexicon.toml',
    text: '[[concept]]\nname = "Zeta Method"\nkind = "method"\n\n[rename]\nGRPO = "Group Relative PO"\n',
  };
  function freshWith(files: NoteFile[], userLexicon: typeof lexicon | null): BuildResult {
    const fresh = createBuilder({
      layout: false,
      stages: {
        mergeFileParses: (parses) => mergeFileParses(parses as never),
        findLinks: (papers, options) => findLinks(papers, { userLexicon: options?.userLexicon ?? null }),
      },
    });
    fresh.update({ changed: files, replaceAll: true, lexicon: userLexicon });
    return fresh.build();
  }

  it('adding, editing and removing the user lexicon matches a fresh build each time', () => {
    const notes: Notes = new Map(base.map((f) => [f.path, f.text]));
    const path = at(notes, 2);
    notes.set(path, `${notes.get(path)!}\n补充：本文基于 Zeta Method。\n`);
    const warm = createBuilder({ layout: false });
    warm.update(filesOf(notes));
    warm.build();
    const steps: (typeof lexicon | null)[] = [
      lexicon,
      { ...lexicon, text: lexicon.text.replace('Group Relative PO', 'GRPO (renamed)') },
      null,
    ];
    for (const step of steps) {
      warm.update({ lexicon: step });
      const result = warm.build();
      expectSame(result, freshWith(filesOf(notes), step));
    }
  });

  it('a reworded summary keeps every untouched edge and concept record object', () => {
    const notes: Notes = new Map(base.map((f) => [f.path, f.text]));
    const warm = createBuilder({ layout: false });
    warm.update(filesOf(notes));
    const before = warm.build();
    const path = at(notes, 1);
    const text = notes.get(path)!;
    const i = text.indexOf('**摘要** ：');
    notes.set(path, `${text.slice(0, i + 8)}（修订）${text.slice(i + 8)}`);
    warm.update({ changed: [{ path, text: notes.get(path)! }] });
    const after = warm.build();
    expect(after.linkedPapers).toBe(1);
    const edges = new Map(before.links.edges.map((e) => [e.key, e]));
    let same = 0;
    for (const e of after.links.edges) {
      const old = edges.get(e.key);
      if (old && JSON.stringify(old) === JSON.stringify(e)) {
        expect(e).toBe(old);
        same++;
      }
    }
    expect(same).toBeGreaterThan(before.links.edges.length - 10);
    const concepts = new Map(before.links.concepts.map((c) => [c.id, c]));
    for (const c of after.links.concepts) {
      const old = concepts.get(c.id);
      if (old && JSON.stringify(old) === JSON.stringify(c)) expect(c).toBe(old);
    }
  });
});
