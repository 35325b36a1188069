// The seed notes through a warm builder, edited the way a user edits notes (retitle a paper, add a link
// sentence, rename a heading, rename, add and delete a note): at every step the graph built with the previous
// build's `reuse` is byte for byte the graph built without it, with and without the layout.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildGraphDetailed, type GraphBuild, type GraphOptions } from '../../src/graph/index.js';
import { createBuilder } from '../../src/pipeline.js';
import type { LinkResult, ParseResult } from '../../src/types.js';

type Notes = Map<string, string>;
const seedPath = fileURLToPath(new URL('../../content/reinforcement-learning.md', import.meta.url));

function replaceIn(notes: Notes, path: string, from: string, to: string): void {
  const text = notes.get(path);
  if (text === undefined || !text.includes(from)) throw new Error(`${path}: no "${from}" to edit`);
  notes.set(path, text.replace(from, to));
}

const EDITS: { what: string; apply(notes: Notes): void }[] = [
  { what: 'nothing changed', apply: () => {} },
  {
    what: 'retitle a paper',
    apply: (notes) => replaceIn(notes, 'a.md', 'ProRL，成功将RL扩展到2000步', 'ProRL：把RL扩展到3000步'),
  },
  {
    what: 'add a link sentence',
    apply: (notes) =>
      replaceIn(
        notes,
        'a.md',
        '论文链接：https://arxiv.org/abs/2505.24864',
        '论文链接：https://arxiv.org/abs/2505.24864\n\nProRL 基于 GRPO，并优于 DAPO。',
      ),
  },
  { what: 'rename a heading', apply: (notes) => replaceIn(notes, 'c.md', '## 数学\n', '## 数学推理\n') },
  {
    what: 'rename a note',
    apply(notes) {
      notes.set('reward-models.md', notes.get('b.md')!);
      notes.delete('b.md');
    },
  },
  {
    what: 'add a note with a new top-level heading',
    apply: (notes) =>
      notes.set(
        'new.md',
        '# 新方向\n\n1. 2025-08-01 10:00:00 Friday ｜ FooRL：一种新的强化学习方法 https://arxiv.org/abs/2508.99999\n\nFooRL 基于 GRPO 并优于 PPO。\n',
      ),
  },
  { what: 'delete a note', apply: (notes) => notes.delete('c.md') },
];

let chainInputs: { first: [ParseResult, LinkResult]; after: [ParseResult, LinkResult][] } | null = null;

/** Parser and link results after each edit, made once for the file (they are not what is tested here). */
function inputs(): NonNullable<typeof chainInputs> {
  if (chainInputs) return chainInputs;
  const seed = readFileSync(seedPath, 'utf8');
  const cut = [seed.indexOf('\n## 奖励模型'), seed.indexOf('\n## 数学')];
  const notes: Notes = new Map([
    ['a.md', seed.slice(0, cut[0])],
    ['b.md', seed.slice(cut[0], cut[1])],
    ['c.md', seed.slice(cut[1])],
  ]);
  const builder = createBuilder({ layout: false });
  const build = (): [ParseResult, LinkResult] => {
    builder.update([...notes].map(([path, text]) => ({ path, text })));
    const { parsed, links } = builder.build();
    return [
      { ...parsed, papers: [...parsed.papers] },
      { ...links, edges: [...links.edges], concepts: [...links.concepts] },
    ];
  };
  const first = build();
  const after = EDITS.map(({ apply }) => {
    apply(notes);
    return build();
  });
  return (chainInputs = { first, after });
}

function chain(options: GraphOptions, check: (warm: GraphBuild, plain: GraphBuild, what: string) => void) {
  const { first, after } = inputs();
  let built = buildGraphDetailed(...first, options);
  after.forEach((input, k) => {
    const base = { ...options, previousLayout: options.layout === false ? null : built.layout };
    const warm = buildGraphDetailed(...input, { ...base, previousBuild: built.reuse });
    check(warm, buildGraphDetailed(...input, base), EDITS[k]!.what);
    built = warm;
  });
}

describe('the seed notes, edited through a warm builder', () => {
  it('each edit changes the records', () => {
    const { first, after } = inputs();
    const papers = [first, ...after].map(([parsed]) =>
      JSON.stringify(parsed.papers.map((p) => [p.id, p.title, p.topicPath, p.sources])),
    );
    const edges = [first, ...after].map(([, links]) => links.edges.length);
    for (let k = 2; k < papers.length; k++) {
      expect(papers[k] !== papers[k - 1] || edges[k] !== edges[k - 1], EDITS[k - 1]!.what).toBe(true);
    }
  });

  it('a rebuild gives the bytes of a build from scratch after every edit (no layout)', () => {
    chain({ layout: false }, (warm, fresh, what) => {
      expect(JSON.stringify(warm.graph), what).toBe(JSON.stringify(fresh.graph));
    });
  });

  it('a rebuild gives the bytes of a build from the same previous layout after every edit (warm layout)', () => {
    const modes: string[] = [];
    chain({ iterations: 40 }, (warm, plain, what) => {
      expect(JSON.stringify(warm.graph), what).toBe(JSON.stringify(plain.graph));
      modes.push(warm.layoutMode);
    });
    expect(modes).toContain('warm');
  });
});
