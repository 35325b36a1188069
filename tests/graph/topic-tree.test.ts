// The topic tree the map's legend, colours and layout are built from: topics in the notes' order (depth first,
// siblings by where their first paper appears), counts, the earliest place of each topic, and the shared
// trunk of headings.
import { describe, expect, it } from 'vitest';
import { buildTopicTree, firstSource, groupPath, topicKey } from '../../src/graph/topics.js';
import type { SourceRef } from '../../src/types.js';
import { paper } from './make-records.js';

const at = (file: string, line: number): SourceRef => ({ file, line });
const p = (id: string, path: string[], ...sources: SourceRef[]) =>
  paper(id, path, { sources: sources.length ? sources : [at('notes.md', 1)] });

describe('buildTopicTree', () => {
  // Two files: b.md is read after a.md whatever the order of the records.
  const papers = [
    p('arxiv:1', ['RL', 'Reward', 'PRM'], at('b.md', 5)),
    p('arxiv:2', ['RL', 'Math'], at('a.md', 40)),
    p('arxiv:3', ['RL', 'Reward'], at('a.md', 30)),
    p('arxiv:4', ['RL', 'Reward', 'ORM'], at('a.md', 50)),
    p('arxiv:5', ['Vision'], at('a.md', 60)),
    p('arxiv:6', ['RL', 'Math'], at('b.md', 1), at('a.md', 10)),
  ];

  it('lists topics depth first, siblings in the order the notes first reach them', () => {
    const tree = buildTopicTree(papers);
    expect(tree.topics.map((t) => t.key)).toEqual([
      'RL',
      'RL / Math',
      'RL / Reward',
      'RL / Reward / ORM',
      'RL / Reward / PRM',
      'Vision',
    ]);
    expect(tree.roots).toEqual(['RL', 'Vision']);
    expect(tree.byKey.get('RL / Reward')!.children).toEqual(['RL / Reward / ORM', 'RL / Reward / PRM']);
    // Records in another order give the same tree.
    expect(buildTopicTree([...papers].reverse()).topics.map((t) => t.key)).toEqual(
      tree.topics.map((t) => t.key),
    );
  });

  it('counts the papers under each topic and exactly at it', () => {
    const tree = buildTopicTree(papers);
    const counts = Object.fromEntries(tree.topics.map((t) => [t.key, [t.count, t.direct]]));
    expect(counts).toEqual({
      RL: [5, 0],
      'RL / Math': [2, 2],
      'RL / Reward': [3, 1],
      'RL / Reward / ORM': [1, 1],
      'RL / Reward / PRM': [1, 1],
      Vision: [1, 1],
    });
  });

  it('gives every topic the earliest place of a paper under it, and its path, label and parent', () => {
    const tree = buildTopicTree(papers);
    const seen = (key: string) => tree.byKey.get(key)!.firstSeen;
    expect(seen('RL / Math')).toEqual(at('a.md', 10));
    expect(seen('RL')).toEqual(at('a.md', 10));
    expect(seen('RL / Reward')).toEqual(at('a.md', 30));
    expect(seen('RL / Reward / PRM')).toEqual(at('b.md', 5));
    const prm = tree.byKey.get('RL / Reward / PRM')!;
    expect(prm).toMatchObject({ path: ['RL', 'Reward', 'PRM'], label: 'PRM', parent: 'RL / Reward' });
    expect(tree.byKey.get('RL')).toMatchObject({ path: ['RL'], label: 'RL', parent: null });
  });

  it('an ancestor made for a deep paper takes the earliest place once a shallower paper comes first', () => {
    const tree = buildTopicTree([
      p('arxiv:1', ['A', 'B', 'C'], at('n.md', 90)),
      p('arxiv:2', ['A', 'B'], at('n.md', 20)),
      p('arxiv:3', ['A', 'B'], at('n.md', 70)),
      p('arxiv:4', ['A', 'D'], at('n.md', 50)),
    ]);
    expect(tree.byKey.get('A / B')!.firstSeen).toEqual(at('n.md', 20));
    expect(tree.byKey.get('A')!.firstSeen).toEqual(at('n.md', 20));
    expect(tree.byKey.get('A')!.children).toEqual(['A / B', 'A / D']);
  });

  it('siblings first reached at the same place are ordered by key', () => {
    const same = at('n.md', 3);
    const tree = buildTopicTree([p('arxiv:1', ['T', 'Zeta'], same), p('arxiv:2', ['T', 'Alpha'], same)]);
    expect(tree.byKey.get('T')!.children).toEqual(['T / Alpha', 'T / Zeta']);
    const roots = buildTopicTree([p('arxiv:1', ['Zeta'], same), p('arxiv:2', ['Alpha'], same)]);
    expect(roots.roots).toEqual(['Alpha', 'Zeta']);
  });

  it.each([
    ['one shared heading', [['T', 'A'], ['T', 'B', 'C'], ['T']], 1],
    [
      'two shared headings',
      [
        ['T', 'U', 'A'],
        ['T', 'U', 'B'],
      ],
      2,
    ],
    [
      'a longer first path',
      [
        ['T', 'U', 'V', 'W'],
        ['T', 'U'],
      ],
      2,
    ],
    [
      'nothing shared',
      [
        ['T', 'A'],
        ['S', 'A'],
      ],
      0,
    ],
    ['one paper', [['T', 'U']], 2],
    [
      'the shared prefix shrinks then stays',
      [
        ['T', 'U', 'A'],
        ['T', 'X'],
        ['T', 'U', 'B'],
      ],
      1,
    ],
  ])('trunk with %s', (_what, paths, trunk) => {
    const tree = buildTopicTree(paths.map((path, i) => p(`arxiv:${i}`, path, at('n.md', i))));
    expect(tree.trunk).toBe(trunk);
    expect(tree.hasUntopiced).toBe(false);
  });

  it('a paper without headings: no topic for it, trunk 0, hasUntopiced', () => {
    for (const order of [0, 1]) {
      const list = [p('arxiv:1', ['T', 'A'], at('n.md', 1)), p('arxiv:2', [], at('n.md', 2))];
      const tree = buildTopicTree(order ? list.reverse() : list);
      expect(tree.hasUntopiced).toBe(true);
      expect(tree.trunk).toBe(0);
      expect(tree.topics.map((t) => t.key)).toEqual(['T', 'T / A']);
      expect(tree.byKey.get('T')!.count).toBe(1);
    }
    expect(buildTopicTree([]).topics).toEqual([]);
  });

  it('uses the keys it is handed for the papers', () => {
    const tree = buildTopicTree([p('arxiv:1', ['T', 'A'])], ['T / A']);
    expect(tree.byKey.get('T / A')!.direct).toBe(1);
    expect(tree.byKey.get('T')!.count).toBe(1);
    expect(topicKey(['T', 'A'])).toBe('T / A');
  });
});

describe('firstSource and groupPath', () => {
  it('the earliest place of a paper: first file, then first line', () => {
    expect(firstSource(p('arxiv:1', [], at('b.md', 1), at('a.md', 9), at('a.md', 3)))).toEqual(at('a.md', 3));
    expect(firstSource(p('arxiv:1', [], at('a.md', 3), at('a.md', 9)))).toEqual(at('a.md', 3));
    expect(firstSource(p('arxiv:1', [], at('c.md', 7)))).toEqual(at('c.md', 7));
  });

  it('the group of a path is its first trunk + 1 headings', () => {
    expect(groupPath(['T', 'A', 'B'], 1)).toEqual(['T', 'A']);
    expect(groupPath(['T', 'A', 'B'], 0)).toEqual(['T']);
    expect(groupPath(['T'], 1)).toEqual(['T']);
    expect(groupPath(['T', 'A'], 5)).toEqual(['T', 'A']);
  });
});
