import { hcl } from 'd3';
import Graph from 'graphology';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  buildGraph,
  buildGraphDetailed,
  EDGE_COLORS,
  LAYOUT_EXTENT,
  NEUTRAL_COLOR,
} from '../../src/graph/index.js';
import { EDGE_TYPES, type Diagnostic, type SerializedGraph, type SerializedNode } from '../../src/types.js';
import { concept, edge, linked, paper, parsed, syntheticCorpus } from './make-records.js';
import { clusterRatio } from './geometry.js';

function node(graph: SerializedGraph, key: string): SerializedNode {
  const found = graph.nodes.find((n) => n.key === key);
  if (!found) throw new Error(`no node ${key}`);
  return found;
}

function hueDistance(a: string, b: string): number {
  const d = Math.abs(hcl(a).h - hcl(b).h) % 360;
  return Math.min(d, 360 - d);
}

// Graphs are built inside the tests (beforeEach), not when the file is collected: mutation testing
// (`npm run mutate`) then knows which tests run which code and reruns only those for each mutant.
describe('topic colours', () => {
  let graph: SerializedGraph;
  beforeEach(() => {
    graph = buildGraph(
      parsed([
        paper('arxiv:6', ['RL'], { sources: [{ file: 'notes.md', line: 60 }] }),
        paper('arxiv:1', ['RL', 'Reward models'], { sources: [{ file: 'notes.md', line: 10 }] }),
        paper('arxiv:2', ['RL', 'Reward models', 'PRM'], { sources: [{ file: 'notes.md', line: 20 }] }),
        paper('arxiv:3', ['RL', 'Reward models', 'Generative RM'], {
          sources: [{ file: 'notes.md', line: 30 }],
        }),
        paper('arxiv:4', ['RL', 'Math'], { sources: [{ file: 'notes.md', line: 40 }] }),
        paper('arxiv:5', ['RL', 'Reasoning'], { sources: [{ file: 'notes.md', line: 50 }] }),
      ]),
      linked([]),
    );
  });
  const color = (key: string) => graph.attributes.topics.find((t) => t.key === key)?.color ?? 'missing';

  it('gives each topic group its own hue, one level below a heading every paper shares', () => {
    const groups = ['RL / Reward models', 'RL / Math', 'RL / Reasoning', 'RL'];
    for (let i = 0; i < groups.length; i++) {
      for (let j = i + 1; j < groups.length; j++) {
        expect(
          hueDistance(color(groups[i]!), color(groups[j]!)),
          `${groups[i]} vs ${groups[j]}`,
        ).toBeGreaterThan(60);
      }
    }
  });

  it('colours subtopics as shades of their parent, distinct from each other', () => {
    const parent = color('RL / Reward models');
    for (const child of ['RL / Reward models / PRM', 'RL / Reward models / Generative RM']) {
      expect(hueDistance(color(child), parent)).toBeLessThan(15);
    }
    expect(color('RL / Reward models / PRM')).not.toBe(color('RL / Reward models / Generative RM'));
    expect(
      Math.abs(hcl(color('RL / Reward models / PRM')).l - hcl(color('RL / Reward models / Generative RM')).l),
    ).toBeGreaterThan(10);
  });

  it('paints nodes with their innermost topic colour and topic-less nodes neutral', () => {
    expect(node(graph, 'arxiv:2').attributes.color).toBe(color('RL / Reward models / PRM'));
    expect(node(graph, 'arxiv:6').attributes.color).toBe(color('RL'));
    const loose = buildGraph(parsed([paper('arxiv:9', []), paper('arxiv:8', ['A'])]), linked([]));
    expect(node(loose, 'arxiv:9').attributes.color).toBe(NEUTRAL_COLOR);
    expect(node(loose, 'arxiv:8').attributes.color).not.toBe(NEUTRAL_COLOR);
  });

  it('lists the topic tree in the notes order with counts of papers under each path', () => {
    expect(graph.attributes.topics.map((t) => [t.key, t.count])).toEqual([
      ['RL', 6],
      ['RL / Reward models', 3],
      ['RL / Reward models / PRM', 1],
      ['RL / Reward models / Generative RM', 1],
      ['RL / Math', 1],
      ['RL / Reasoning', 1],
    ]);
    for (const topic of graph.attributes.topics) expect(topic.color).toMatch(/^#[0-9a-f]{6}$/);
  });
});

describe('topic levels', () => {
  it('are 0 above the groups, 1 for a group, and one more for each level below it', () => {
    const graph = buildGraph(
      parsed([
        paper('arxiv:1', ['T', 'A'], { sources: [{ file: 'n.md', line: 1 }] }),
        paper('arxiv:2', ['T', 'A', 'X'], { sources: [{ file: 'n.md', line: 2 }] }),
        paper('arxiv:3', ['T', 'A', 'X', 'Deep'], { sources: [{ file: 'n.md', line: 3 }] }),
        paper('arxiv:4', ['T', 'B'], { sources: [{ file: 'n.md', line: 4 }] }),
        paper('arxiv:5', ['T', 'B', 'Y'], { sources: [{ file: 'n.md', line: 5 }] }),
      ]),
      linked([]),
      { layout: false },
    );
    expect(graph.attributes.topics.map((t) => [t.key, t.level])).toEqual([
      ['T', 0],
      ['T / A', 1],
      ['T / A / X', 2],
      ['T / A / X / Deep', 3],
      ['T / B', 1],
      ['T / B / Y', 2],
    ]);
    // No heading shared by every paper: the top-level headings are the groups.
    const flat = buildGraph(
      parsed([paper('arxiv:1', ['A']), paper('arxiv:2', ['A', 'X']), paper('arxiv:3', ['B'])]),
      linked([]),
      { layout: false },
    );
    expect(flat.attributes.topics.map((t) => [t.key, t.level])).toEqual([
      ['A', 1],
      ['A / X', 2],
      ['B', 1],
    ]);
  });
});

describe('layout', () => {
  const { parsed: records, links } = syntheticCorpus(4, 3, 8);
  const cases = [
    { name: 'ForceAtlas2', build: () => buildGraph(records, links) },
    { name: 'seeded topic positions only', build: () => buildGraph(records, links, { layout: false }) },
  ];

  for (const { name, build } of cases) {
    it(`${name}: keeps papers of one topic together`, () => {
      const graph = build();
      const group = (n: SerializedNode) => n.attributes.topicPath.slice(0, 2).join('/');
      const sub = (n: SerializedNode) => n.attributes.topicPath.join('/');
      expect(clusterRatio(graph.nodes, group)).toBeLessThan(0.6);
      expect(clusterRatio(graph.nodes, sub)).toBeLessThan(0.4);
    });

    it(`${name}: spreads finite positions over hundreds of units`, () => {
      const graph = build();
      const xs = graph.nodes.map((n) => n.attributes.x);
      const ys = graph.nodes.map((n) => n.attributes.y);
      for (const v of [...xs, ...ys]) expect(Number.isFinite(v)).toBe(true);
      expect(Math.max(...xs.map(Math.abs), ...ys.map(Math.abs))).toBe(LAYOUT_EXTENT);
      expect(Math.max(...xs) - Math.min(...xs)).toBeGreaterThan(300);
      expect(Math.max(...ys) - Math.min(...ys)).toBeGreaterThan(300);
      for (const v of [...xs, ...ys]) expect(Math.round(v * 100) / 100).toBe(v);
    });
  }

  it('puts topic centres where their papers are', () => {
    const graph = cases[0]!.build();
    const topic = graph.attributes.topics.find((t) => t.key === 'Root / Group 2 / Sub 2.1')!;
    const members = graph.nodes.filter((n) => n.attributes.topic === 'Sub 2.1');
    const meanX = members.reduce((s, n) => s + n.attributes.x, 0) / members.length;
    expect(topic.x).toBeCloseTo(meanX, 1);
  });

  it('handles the degenerate graphs: empty, one node, nodes without edges', () => {
    const empty = buildGraph(parsed([]), linked([]));
    expect(empty.nodes).toEqual([]);
    expect(empty.attributes.topics).toEqual([]);
    const one = buildGraph(parsed([paper('arxiv:1', ['A'])]), linked([]));
    expect([one.nodes[0]!.attributes.x, one.nodes[0]!.attributes.y]).toEqual([0, 0]);
    const loose = buildGraph(
      parsed([paper('arxiv:1', ['A']), paper('arxiv:2', ['B']), paper('arxiv:3', [])]),
      linked([]),
    );
    for (const n of loose.nodes)
      expect(Number.isFinite(n.attributes.x) && Number.isFinite(n.attributes.y)).toBe(true);
  });

  it('warm start places a paper moved to another heading with its new topic', () => {
    const cold = buildGraphDetailed(records, links);
    const moved = records.papers.map((p) =>
      p.id === 'title:g0-s0-p4' ? { ...p, topic: 'Sub 3.2', topicPath: ['Root', 'Group 3', 'Sub 3.2'] } : p,
    );
    const warm = buildGraphDetailed({ ...records, papers: moved }, linked([]), {
      previousLayout: cold.layout,
    });
    expect(warm.layoutMode).toBe('warm');
    const at = (key: string) => node(warm.graph, key).attributes;
    const distance = (a: string, b: string) => Math.hypot(at(a).x - at(b).x, at(a).y - at(b).y);
    expect(distance('title:g0-s0-p4', 'title:g3-s2-p0')).toBeLessThan(
      distance('title:g0-s0-p4', 'title:g0-s0-p0'),
    );
  });

  it.each([
    ['a new subtopic', ['Root', 'Group 2', 'Sub 2.9'], 'title:g2-s0-p0', 'title:g0-s0-p0'],
    ['a new group', ['Root', 'Group 9', 'Sub 9.0'], null, null],
  ])('warm start after a paper under %s keeps the picture and places it', (_what, path, near, far) => {
    const cold = buildGraphDetailed(records, links);
    const added = paper('title:under-new-heading', path);
    const warm = buildGraphDetailed({ ...records, papers: [...records.papers, added] }, links, {
      previousLayout: cold.layout,
    });
    expect(warm.layoutMode).toBe('warm');
    const before = new Map(cold.graph.nodes.map((n) => [n.key, n.attributes]));
    for (const n of warm.graph.nodes) {
      const old = before.get(n.key);
      if (old) expect(Math.hypot(old.x - n.attributes.x, old.y - n.attributes.y)).toBeLessThan(120);
    }
    const at = (key: string) => node(warm.graph, key).attributes;
    const placed = at('title:under-new-heading');
    expect(Math.abs(placed.x) <= LAYOUT_EXTENT && Math.abs(placed.y) <= LAYOUT_EXTENT).toBe(true);
    if (near && far) {
      const d = (key: string) => Math.hypot(at(key).x - placed.x, at(key).y - placed.y);
      expect(d(near)).toBeLessThan(d(far));
    }
  });

  it('warm start keeps every known node where it was', () => {
    const cold = buildGraphDetailed(records, links);
    const again = buildGraphDetailed(records, links, { previousLayout: cold.layout });
    expect(again.layoutMode).toBe('warm');
    expect(JSON.stringify(again.graph)).toBe(JSON.stringify(cold.graph));

    const added = paper('title:new-one', ['Root', 'Group 1', 'Sub 1.2']);
    const grown = buildGraphDetailed(
      parsed([...records.papers, added]),
      linked([...links.edges, edge('builds-on', 'title:new-one', 'title:g1-s2-p3')]),
      { previousLayout: cold.layout },
    );
    expect(grown.layoutMode).toBe('warm');
    const before = new Map(cold.graph.nodes.map((n) => [n.key, n.attributes]));
    let moved = 0;
    for (const n of grown.graph.nodes) {
      const old = before.get(n.key);
      if (old && Math.hypot(old.x - n.attributes.x, old.y - n.attributes.y) > 25) moved++;
    }
    expect(moved).toBe(0);
    const placed = node(grown.graph, 'title:new-one').attributes;
    const neighbour = node(grown.graph, 'title:g1-s2-p3').attributes;
    expect(Math.hypot(placed.x - neighbour.x, placed.y - neighbour.y)).toBeLessThan(200);
  });
});

describe('nodes, edges and attributes', () => {
  const records = parsed([
    paper('arxiv:2506.00001', ['T', 'A'], { title: 'Hub paper', date: '2025-06-01', authors: ['X, Y'] }),
    paper('arxiv:2506.00002', ['T', 'A']),
    paper('arxiv:2506.00003', ['T', 'B']),
    paper('arxiv:2506.00004', ['T', 'B']),
    paper('title:lonely', ['T', 'B']),
  ]);
  const links = linked(
    [
      edge('builds-on', 'arxiv:2506.00002', 'arxiv:2506.00001'),
      edge('critiques', 'arxiv:2506.00003', 'arxiv:2506.00001', 0.5),
      edge('compares', 'arxiv:2506.00004', 'arxiv:2506.00001'),
      edge('same-group', 'arxiv:2506.00003', 'arxiv:2506.00004'),
      edge('mentions', 'arxiv:2506.00001', 'concept:grpo'),
      edge('mentions', 'arxiv:2506.00002', 'concept:grpo'),
      edge('mentions', 'arxiv:2506.00003', 'concept:grpo'),
      edge('mentions', 'arxiv:2506.00001', 'concept:ppo'),
    ],
    [concept('grpo'), concept('ppo'), concept('unused')],
  );
  let graph: SerializedGraph;
  beforeEach(() => {
    graph = buildGraph(records, links);
  });

  it('is a valid graphology mixed multi graph', () => {
    const imported = Graph.from(graph as never);
    expect(imported.type).toBe('mixed');
    expect(imported.multi).toBe(true);
    expect(imported.order).toBe(8);
    expect(imported.size).toBe(8);
    expect(graph.options).toEqual({ type: 'mixed', multi: true, allowSelfLoops: false });
  });

  it('is byte for byte what graphology exports for the same graph', () => {
    expect(JSON.stringify(Graph.from(graph as never).export())).toBe(JSON.stringify(graph));
  });

  it.each([
    ['builds-on', 'arxiv:2506.00002', 'arxiv:2506.00001', false],
    ['critiques', 'arxiv:2506.00003', 'arxiv:2506.00001', false],
    ['compares', 'arxiv:2506.00004', 'arxiv:2506.00001', false],
    ['mentions', 'arxiv:2506.00001', 'concept:grpo', false],
    ['same-group', 'arxiv:2506.00003', 'arxiv:2506.00004', true],
  ])('%s edge %s -> %s is undirected: %s', (type, source, target, undirected) => {
    const found = graph.edges.find((e) => e.attributes.type === type && e.source === source);
    expect(found).toBeDefined();
    expect(found!.target).toBe(target);
    expect(found!.undirected ?? false).toBe(undirected);
    expect(found!.attributes.evidence.length).toBeGreaterThan(0);
    expect(found!.attributes.color).toMatch(/^#[0-9a-f]{6}$/);
  });

  it('draws each edge type in its own colour', () => {
    const papers = parsed([paper('arxiv:1', ['A']), paper('arxiv:2', ['A'])]);
    const all = buildGraph(papers, linked(EDGE_TYPES.map((type) => edge(type, 'arxiv:1', 'arxiv:2'))), {
      layout: false,
    });
    const colours = EDGE_TYPES.map(
      (type) => all.edges.find((e) => e.attributes.type === type)?.attributes.color,
    );
    for (const colour of colours) expect(colour).toMatch(/^#[0-9a-f]{6}$/);
    expect(new Set(colours).size).toBe(EDGE_TYPES.length);
    expect(colours).toEqual(EDGE_TYPES.map((type) => EDGE_COLORS[type]));
  });

  it('sizes nodes by degree, capped', () => {
    const size = (key: string) => node(graph, key).attributes.size;
    expect(size('arxiv:2506.00001')).toBeGreaterThan(size('arxiv:2506.00002'));
    expect(size('arxiv:2506.00002')).toBeGreaterThan(size('title:lonely'));
    expect(size('title:lonely')).toBe(4);
    expect(size('concept:grpo')).toBeGreaterThan(size('concept:ppo'));
    const star = buildGraph(
      parsed([
        paper('arxiv:0', ['A']),
        ...Array.from({ length: 400 }, (_, i) => paper(`arxiv:${i + 1}`, ['A'])),
      ]),
      linked(Array.from({ length: 400 }, (_, i) => edge('builds-on', `arxiv:${i + 1}`, 'arxiv:0'))),
      { layout: false },
    );
    expect(node(star, 'arxiv:0').attributes.size).toBe(20);
  });

  it('keeps every paper field and gives concepts the topic of the papers that mention them most', () => {
    const hub = node(graph, 'arxiv:2506.00001').attributes;
    expect(hub).toMatchObject({ kind: 'paper', title: 'Hub paper', date: '2025-06-01', authors: ['X, Y'] });
    expect(hub.kind === 'paper' && hub.topicPath).toEqual(['T', 'A']);
    const grpo = node(graph, 'concept:grpo').attributes;
    expect(grpo).toMatchObject({ kind: 'concept', label: 'GRPO', topic: 'A', topicPath: ['T', 'A'] });
    expect(grpo.topics).toEqual(['T', 'A', 'B']);
    expect(node(graph, 'concept:unused').attributes.topicPath).toEqual([]);
  });

  it('counts edges by type and puts Louvain communities on every node', () => {
    expect(graph.attributes.stats).toMatchObject({
      papers: 5,
      concepts: 3,
      edges: 8,
      edgesByType: { 'builds-on': 1, critiques: 1, compares: 1, 'same-group': 1, mentions: 4 },
    });
    for (const n of graph.nodes) expect(Number.isInteger(n.attributes.community)).toBe(true);
  });

  it('separates disconnected cliques into different communities', () => {
    const ids = ['a1', 'a2', 'a3', 'a4', 'b1', 'b2', 'b3', 'b4'].map((s) => `title:${s}`);
    const clique = (members: string[]) =>
      members.flatMap((s, i) => members.slice(i + 1).map((t) => edge('compares', s, t)));
    const g = buildGraph(
      parsed(ids.map((id) => paper(id, ['X']))),
      linked([...clique(ids.slice(0, 4)), ...clique(ids.slice(4))]),
    );
    const community = (key: string) => node(g, key).attributes.community;
    expect(community('title:a1')).toBe(community('title:a4'));
    expect(community('title:b1')).toBe(community('title:b4'));
    expect(community('title:a1')).not.toBe(community('title:b1'));
  });
});

describe('bad link input becomes diagnostics, sorted', () => {
  it.each([
    ['edge-unknown-node', edge('builds-on', 'arxiv:1', 'arxiv:404'), /unknown arxiv:404/, 'warning'],
    ['edge-unknown-node', edge('builds-on', 'arxiv:404', 'arxiv:1'), /unknown arxiv:404/, 'warning'],
    [
      'edge-self-loop',
      edge('mentions', 'arxiv:1', 'arxiv:1'),
      /mentions edge from arxiv:1 to itself/,
      'info',
    ],
  ])('%s', (rule, bad, message, severity) => {
    const where = { file: 'links.md', line: 12 };
    const graph = buildGraph(
      parsed([paper('arxiv:1', ['A']), paper('arxiv:2', ['A'])]),
      linked([{ ...bad, sources: [where] }]),
    );
    expect(graph.edges).toEqual([]);
    expect(graph.attributes.diagnostics).toEqual([
      { rule, severity, file: 'links.md', line: 12, column: 1, message: expect.stringMatching(message) },
    ]);
  });

  it('drops a repeated edge key and a repeated paper id with a diagnostic', () => {
    const graph = buildGraph(
      parsed([paper('arxiv:1', ['A']), paper('arxiv:2', ['A']), paper('arxiv:2', ['B'])]),
      linked([edge('builds-on', 'arxiv:1', 'arxiv:2'), edge('builds-on', 'arxiv:1', 'arxiv:2')]),
    );
    expect(graph.nodes).toHaveLength(2);
    expect(graph.edges).toHaveLength(1);
    expect(graph.attributes.diagnostics.map((d) => d.rule).sort()).toEqual([
      'duplicate-edge-key',
      'duplicate-paper-id',
    ]);
  });

  it('drops a repeated concept id and a concept with a paper’s id, each with its own rule, at the dropped one', () => {
    const twice = { ...concept('grpo'), sources: [{ file: 'b.md', line: 7 }] };
    const clash = { ...concept('x'), id: 'arxiv:1' as never, sources: [{ file: 'c.md', line: 3 }] };
    const graph = buildGraph(parsed([paper('arxiv:1', ['A'])]), linked([], [concept('grpo'), twice, clash]));
    expect(graph.nodes.map((n) => n.key)).toEqual(['arxiv:1', 'concept:grpo']);
    expect(graph.attributes.diagnostics.map((d) => [d.rule, d.file, d.line])).toEqual([
      ['duplicate-concept-id', 'b.md', 7],
      ['concept-id-collision', 'c.md', 3],
    ]);
  });

  it('merges parse, link and extra diagnostics sorted by file, line, column', () => {
    const d = (file: string, line: number, column: number, rule: string): Diagnostic => ({
      rule,
      severity: 'warning',
      file,
      line,
      column,
      message: rule,
    });
    const records = { ...parsed([]), diagnostics: [d('b.md', 1, 1, 'x'), d('a.md', 10, 1, 'y')] };
    const links = { ...linked([]), diagnostics: [d('a.md', 2, 5, 'z'), d('a.md', 2, 1, 'w')] };
    const graph = buildGraph(records, links, {
      extraDiagnostics: [d('a.md', 10, 1, 'y'), d('', 1, 1, 'read')],
    });
    expect(graph.attributes.diagnostics.map((x) => `${x.file}:${x.line}:${x.column} ${x.rule}`)).toEqual([
      ':1:1 read',
      'a.md:2:1 w',
      'a.md:2:5 z',
      'a.md:10:1 y',
      'b.md:1:1 x',
    ]);
  });
});

describe('determinism', () => {
  const { parsed: records, links } = syntheticCorpus(3, 3, 6);
  const withConcepts = linked(
    [
      ...links.edges,
      edge('mentions', 'title:g0-s0-p0', 'concept:ppo'),
      edge('mentions', 'title:g2-s1-p2', 'concept:ppo'),
    ],
    [concept('ppo')],
  );

  function shuffled<T>(items: readonly T[], seed: number): T[] {
    const copy = [...items];
    let state = seed;
    for (let i = copy.length - 1; i > 0; i--) {
      state = (state * 1103515245 + 12345) % 2147483648;
      const j = state % (i + 1);
      [copy[i], copy[j]] = [copy[j]!, copy[i]!];
    }
    return copy;
  }

  it('gives the same bytes twice and for inputs in any order', () => {
    const first = JSON.stringify(buildGraph(records, withConcepts));
    expect(JSON.stringify(buildGraph(records, withConcepts))).toBe(first);
    for (const seed of [1, 2, 3]) {
      const reordered = buildGraph(
        { ...records, papers: shuffled(records.papers, seed) },
        { ...withConcepts, edges: shuffled(withConcepts.edges, seed + 10) },
      );
      expect(JSON.stringify(reordered)).toBe(first);
    }
  });

  it('gives the same bytes for inputs in exactly the reverse order (each list strictly descending)', () => {
    const concepts = [concept('ppo'), concept('grpo'), concept('dpo')];
    const edges = [...withConcepts.edges, edge('mentions', 'title:g1-s0-p1', 'concept:dpo')];
    const descending = <T>(items: readonly T[], key: (item: T) => string) =>
      [...items].sort((a, b) => (key(a) < key(b) ? 1 : key(a) > key(b) ? -1 : 0));
    const sorted = buildGraph(records, linked(edges, concepts));
    const reversed = buildGraph(
      { ...records, papers: descending(records.papers, (p) => p.id) },
      linked(
        descending(edges, (e) => e.key),
        descending(concepts, (c) => c.id),
      ),
    );
    expect(JSON.stringify(reversed)).toBe(JSON.stringify(sorted));
    expect(sorted.edges.map((e) => e.key)).toEqual(edges.map((e) => e.key).sort());
  });

  it('exports nodes and edges sorted by key', () => {
    const graph = buildGraph(records, withConcepts);
    const nodeKeys = graph.nodes.map((n) => n.key);
    const edgeKeys = graph.edges.map((e) => e.key);
    expect(nodeKeys).toEqual([...nodeKeys].sort());
    expect(edgeKeys).toEqual([...edgeKeys].sort());
  });

  it('changes the picture, not the content, with another seed', () => {
    const a = buildGraph(records, withConcepts, { seed: 1 });
    const b = buildGraph(records, withConcepts, { seed: 2 });
    expect(JSON.stringify(a)).not.toBe(JSON.stringify(b));
    expect(b.nodes.map((n) => n.key)).toEqual(a.nodes.map((n) => n.key));
  });
});

describe('serialized edges', () => {
  it('carry exactly the link’s fields, `via` only when the link has one', () => {
    const plain = edge('builds-on', 'arxiv:2', 'arxiv:1', 0.8);
    const named = { ...edge('same-group', 'arxiv:1', 'arxiv:2', 0.6), via: 'Qwen Team', by: 'user' as const };
    const graph = buildGraph(
      parsed([paper('arxiv:1', ['A']), paper('arxiv:2', ['A'])]),
      linked([plain, named]),
      {
        layout: false,
      },
    );
    const [first, second] = graph.edges;
    expect(first).toStrictEqual({
      key: plain.key,
      source: 'arxiv:2',
      target: 'arxiv:1',
      attributes: {
        type: 'builds-on',
        evidence: plain.evidence,
        sources: plain.sources,
        confidence: 0.8,
        size: 1.7,
        color: EDGE_COLORS['builds-on'],
      },
    });
    expect(second).toStrictEqual({
      key: named.key,
      source: 'arxiv:1',
      target: 'arxiv:2',
      attributes: {
        type: 'same-group',
        evidence: named.evidence,
        sources: named.sources,
        confidence: 0.6,
        via: 'Qwen Team',
        size: 1.4,
        color: EDGE_COLORS['same-group'],
        by: 'user',
      },
      undirected: true,
    });
  });
});

describe('rebuilds handed the same edge records', () => {
  it('give the same edges as a first build, and a changed record shows its change', () => {
    const papers = parsed([paper('arxiv:1', ['A']), paper('arxiv:2', ['A']), paper('arxiv:3', ['B'])]);
    const kept = edge('same-group', 'arxiv:1', 'arxiv:2', 0.9);
    const other = edge('builds-on', 'arxiv:3', 'arxiv:1', 0.7);
    const first = buildGraph(papers, linked([kept, other]), { layout: false });
    const again = buildGraph(papers, linked([kept, other]), { layout: false });
    expect(JSON.stringify(again.edges)).toBe(JSON.stringify(first.edges));
    const reworded = { ...other, evidence: ['a new sentence'], confidence: 0.5 };
    const changed = buildGraph(papers, linked([kept, reworded]), { layout: false });
    const serialized = changed.edges.find((e) => e.key === other.key)!;
    expect(serialized.attributes.evidence).toEqual(['a new sentence']);
    expect(serialized.attributes.confidence).toBe(0.5);
    expect(changed.edges.find((e) => e.key === kept.key)).toEqual(
      first.edges.find((e) => e.key === kept.key),
    );
  });
});
