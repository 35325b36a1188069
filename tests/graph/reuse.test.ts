// A build handed the previous build's `reuse` (GraphOptions.previousBuild) gives exactly the graph a build
// without it gives: on a generated corpus through a warm builder (unchanged records keep their objects), after
// each kind of edit, with and without the layout; and on hand-made records with bad input.
import { describe, expect, it } from 'vitest';
import { generateCorpus } from '../../bench/corpus.js';
import { buildGraphDetailed, type GraphBuild, type GraphOptions } from '../../src/graph/index.js';
import { createBuilder } from '../../src/pipeline.js';
import type { LinkResult, ParseResult } from '../../src/types.js';
import { concept, edge, linked, paper, parsed, syntheticCorpus } from './make-records.js';

type Notes = Map<string, string>;
const nth = (notes: Notes, k: number): string => [...notes.keys()].sort()[k % notes.size]!;

function entry(date: string, title: string, arxiv: string, summary: string): string {
  return `\n\n${date} 10:00:00 Monday ｜\n\n ${title}\n **标题** ： ${title}\n **链接** ：https://arxiv.org/abs/${arxiv}\n\n **作者** ： Wei Zhang,  Lei Wang\n **摘要** ：${summary}\n`;
}

/** Edits applied in order to the same notes. */
const EDITS: { what: string; apply(notes: Notes): void }[] = [
  { what: 'nothing changed (same records, new arrays)', apply: () => {} },
  {
    what: 'reword a summary',
    apply(notes) {
      const path = nth(notes, 1);
      const text = notes.get(path)!;
      const i = text.indexOf('**摘要** ：');
      notes.set(path, `${text.slice(0, i + 8)}我们基于 GRPO 并优于 PPO。${text.slice(i + 8)}`);
    },
  },
  {
    what: 'add a paper',
    apply(notes) {
      const path = nth(notes, 2);
      notes.set(
        path,
        notes.get(path)! + entry('2025-12-01', 'EditBench: Added', '2512.90001', 'EditBench 基于 GRPO。'),
      );
    },
  },
  {
    what: 'retitle a paper',
    apply(notes) {
      const path = nth(notes, 3);
      const text = notes.get(path)!;
      const m = /^( ?)([A-Z][A-Za-z0-9+-]*): /m.exec(text)!;
      notes.set(path, text.replace(m[0], `${m[1]}${m[2]}Prime: `));
    },
  },
  {
    what: 'a paper under a new heading (new topic)',
    apply(notes) {
      const path = nth(notes, 4);
      notes.set(
        path,
        `${notes.get(path)!}\n\n## A Heading Added While Editing\n${entry('2025-12-02', 'Moved: Under A New Heading', '2512.90002', 'Moved 基于 PPO。')}`,
      );
    },
  },
  {
    what: 'a new file with a new top-level heading (new topic group, new colours)',
    apply(notes) {
      notes.set(
        'zz/new.md',
        `# A New Field\n${entry('2025-12-03', 'Fresh: A New Field', '2512.90003', 'Fresh 优于 EditBench。')}`,
      );
    },
  },
  {
    what: 'delete a file (its papers and their edges go)',
    apply(notes) {
      notes.delete(nth(notes, 5));
    },
  },
  {
    what: 'delete the paper other papers cite',
    apply(notes) {
      const path = nth(notes, 2);
      notes.set(path, notes.get(path)!.split('\n\n2025-12-01 10:00:00')[0]!);
    },
  },
];

/**
 * The records a warm builder hands over after each edit, made once for the file (parse and links are not
 * what these tests are about, and the graph builds below are redone in every test).
 */
let chainInputs: { first: [ParseResult, LinkResult]; after: [ParseResult, LinkResult][] } | null = null;

function inputs(): NonNullable<typeof chainInputs> {
  if (chainInputs) return chainInputs;
  const notes: Notes = new Map(
    generateCorpus({ papers: 160, files: 8, seed: 5 }).files.map((f) => [f.path, f.text]),
  );
  const builder = createBuilder({ layout: false });
  builder.update([...notes].map(([path, text]) => ({ path, text })));
  const result = builder.build();
  const first: [ParseResult, LinkResult] = [result.parsed, result.links];
  const after: [ParseResult, LinkResult][] = [];
  for (const { apply } of EDITS) {
    apply(notes);
    builder.update([...notes].map(([path, text]) => ({ path, text })));
    const next = builder.build();
    // New arrays around the records, as a rebuild hands them over.
    after.push([
      { ...next.parsed, papers: [...next.parsed.papers] },
      { ...next.links, edges: [...next.links.edges], concepts: [...next.links.concepts] },
    ]);
  }
  return (chainInputs = { first, after });
}

function chain(options: GraphOptions, check: (warm: GraphBuild, plain: GraphBuild) => void): void {
  const { first, after } = inputs();
  let built = buildGraphDetailed(...first, options);
  for (const input of after) {
    const previous = { ...options, previousLayout: options.layout === false ? null : built.layout };
    const warm = buildGraphDetailed(...input, { ...previous, previousBuild: built.reuse });
    check(warm, buildGraphDetailed(...input, previous));
    built = warm;
  }
}

describe('a build with previousBuild', () => {
  it('equals a fresh build after every edit, without layout (positions and communities included)', () => {
    let count = 0;
    chain({ layout: false }, (warm, fresh) => {
      expect(JSON.stringify(warm.graph)).toBe(JSON.stringify(fresh.graph));
      count++;
    });
    expect(count).toBe(EDITS.length);
  });

  it('equals a build from the same previous layout after every edit, with the warm layout', () => {
    const modes: string[] = [];
    chain({}, (warm, plain) => {
      expect(JSON.stringify(warm.graph)).toBe(JSON.stringify(plain.graph));
      expect([...warm.layout.topics]).toEqual([...plain.layout.topics]);
      expect([...warm.layout.communities]).toEqual([...plain.layout.communities]);
      modes.push(warm.layoutMode);
    });
    expect(modes).toContain('warm');
  });

  it('carries over unchanged node and edge objects, and only those', () => {
    const papers = [paper('arxiv:1', ['A']), paper('arxiv:2', ['A']), paper('arxiv:3', ['B'])];
    const edges = [edge('builds-on', 'arxiv:2', 'arxiv:1'), edge('mentions', 'arxiv:3', 'concept:ppo')];
    const first = buildGraphDetailed(parsed(papers), linked(edges, [concept('ppo')]), { layout: false });
    const reworded = { ...papers[2]!, summary: 'new words' };
    const again = buildGraphDetailed(
      parsed([papers[0]!, papers[1]!, reworded]),
      linked([...edges], [concept('ppo')]),
      {
        layout: false,
        previousBuild: first.reuse,
      },
    );
    expect(again.graph.nodes[0]).toBe(first.graph.nodes[0]);
    expect(again.graph.nodes[2]).not.toBe(first.graph.nodes[2]);
    expect(again.graph.nodes[2]!.attributes).toMatchObject({ summary: 'new words' });
    expect(again.graph.edges[0]).toBe(first.graph.edges[0]);
  });
});

describe('previousBuild with bad or reordered input', () => {
  const a = paper('arxiv:1', ['T', 'A'], { sources: [{ file: 'a.md', line: 3 }] });
  const b = paper('arxiv:2', ['T', 'A'], { sources: [{ file: 'a.md', line: 9 }] });
  const c = paper('arxiv:3', ['T', 'B'], { sources: [{ file: 'b.md', line: 1 }] });
  const twin = paper('arxiv:2', ['T', 'C'], { sources: [{ file: 'c.md', line: 4 }] });
  const e1 = edge('builds-on', 'arxiv:2', 'arxiv:1');
  const e2 = edge('critiques', 'arxiv:3', 'arxiv:2');
  const e3 = edge('mentions', 'arxiv:3', 'concept:grpo');
  const loop = edge('compares', 'arxiv:1', 'arxiv:1');
  const dangling = edge('builds-on', 'arxiv:1', 'arxiv:9');
  const clash = { ...concept('x'), id: 'arxiv:3' as never };
  const STEPS: {
    what: string;
    papers: (typeof a)[];
    edges: (typeof e1)[];
    concepts?: ReturnType<typeof concept>[];
  }[] = [
    { what: 'clean start', papers: [a, b, c], edges: [e1, e2, e3], concepts: [concept('grpo')] },
    {
      what: 'a repeated paper id and a repeated edge',
      papers: [a, b, twin, c],
      edges: [e1, e1, e2, e3],
      concepts: [concept('grpo')],
    },
    {
      what: 'a self-loop, a dangling edge, a concept with a paper id',
      papers: [a, b, c],
      edges: [e1, loop, dangling, e2, e3],
      concepts: [concept('grpo'), clash],
    },
    { what: 'input in another order', papers: [c, a, b], edges: [e3, e2, e1], concepts: [concept('grpo')] },
    {
      what: 'the paper an edge points to is gone',
      papers: [a, c],
      edges: [e1, e2, e3],
      concepts: [concept('grpo')],
    },
    { what: 'it comes back', papers: [a, b, c], edges: [e1, e2, e3], concepts: [concept('grpo')] },
    { what: 'the concept is gone', papers: [a, b, c], edges: [e1, e2, e3], concepts: [] },
  ];

  it('gives the same graph and diagnostics as a fresh build at every step', () => {
    let previous: GraphBuild | null = null;
    for (const step of STEPS) {
      const input: [ParseResult, LinkResult] = [parsed(step.papers), linked(step.edges, step.concepts ?? [])];
      const warm = buildGraphDetailed(...input, { layout: false, previousBuild: previous?.reuse ?? null });
      const fresh = buildGraphDetailed(...input, { layout: false });
      expect(JSON.stringify(warm.graph), step.what).toBe(JSON.stringify(fresh.graph));
      previous = warm;
    }
  });

  it('sees records added or replaced in the same arrays in place', () => {
    const papers = [a, b];
    const edges = [e1];
    const first = buildGraphDetailed(parsed(papers), linked(edges), { layout: false });
    papers.push(c);
    edges[0] = { ...e1, evidence: ['reworded in place'] };
    edges.push(e2, e3);
    const warm = buildGraphDetailed(parsed(papers), linked(edges, [concept('grpo')]), {
      layout: false,
      previousBuild: first.reuse,
    });
    const fresh = buildGraphDetailed(parsed(papers), linked(edges, [concept('grpo')]), { layout: false });
    expect(JSON.stringify(warm.graph)).toBe(JSON.stringify(fresh.graph));
    expect(warm.graph.edges.find((e) => e.key === e1.key)?.attributes.evidence).toEqual([
      'reworded in place',
    ]);
  });

  it('takes the reuse of a build of unrelated notes', () => {
    const other = buildGraphDetailed(parsed([a, b, c]), linked([e1, e2]), { layout: false });
    const { parsed: papers, links } = syntheticCorpus(3, 3, 6);
    const warm = buildGraphDetailed(papers, links, { previousBuild: other.reuse });
    expect(JSON.stringify(warm.graph)).toBe(JSON.stringify(buildGraphDetailed(papers, links).graph));
  });

  it('refuses something that is not a build’s reuse', () => {
    expect(() => buildGraphDetailed(parsed([a]), linked([]), { previousBuild: {} as never })).toThrow(
      /previousBuild/,
    );
  });
});
