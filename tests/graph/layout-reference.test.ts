// The cold layout feeds ForceAtlas2's matrices itself (and runs a vendored copy of its iteration) instead of
// building a graphology graph with the anchors and ties in it. It must move every node exactly as
// graphology-layout-forceatlas2 does on that graph: same start, same edges merged as `mergeEdge` merges them
// (a repeated pair keeps its place and takes the new weight), same settings (inferred from the order, with
// Barnes–Hut above BARNES_HUT_THRESHOLD nodes). Checked on maps where every paper has a heading of its own, so
// the only invisible ties are paper-to-anchor ones and the reference graph can be written out here.
import { UndirectedGraph } from 'graphology';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import { describe, expect, it } from 'vitest';
import { topicGroups } from '../../src/graph/colors.js';
import { BARNES_HUT_THETA, BARNES_HUT_THRESHOLD, TOPIC_ANCHOR_WEIGHT } from '../../src/graph/defaults.js';
import {
  anchorKey,
  planLayout,
  runLayout,
  type LayoutNode,
  type LayoutOptions,
  type WeightedPair,
} from '../../src/graph/layout.js';
import { buildTopicTree } from '../../src/graph/topics.js';
import { paper } from './make-records.js';

/** `n` papers, each under its own top-level heading, and `m` distinct weighted pairs drawn by a fixed LCG. */
function map(n: number, m: number) {
  const papers = Array.from({ length: n }, (_, i) =>
    paper(`title:p${String(i).padStart(4, '0')}`, [`Heading ${i}`], {
      sources: [{ file: 'n.md', line: i + 1 }],
    }),
  );
  const nodes: LayoutNode[] = papers.map((p) => ({ key: p.id, topic: p.topicPath.join(' / ') }));
  const tree = buildTopicTree(papers);
  const groups = topicGroups(tree);
  let state = 7;
  const next = (k: number) => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state % k;
  };
  const seen = new Set<string>();
  const pairs: WeightedPair[] = [];
  while (pairs.length < m) {
    const a = next(n);
    const b = next(n);
    if (a === b || seen.has(`${Math.min(a, b)} ${Math.max(a, b)}`)) continue;
    seen.add(`${Math.min(a, b)} ${Math.max(a, b)}`);
    pairs.push({ source: nodes[a]!.key, target: nodes[b]!.key, weight: 0.25 + next(8) / 4 });
  }
  return { nodes, tree, groups, pairs };
}

function layout(m: ReturnType<typeof map>, options: LayoutOptions, pairs = m.pairs) {
  const plan = planLayout(m.nodes, m.tree, m.groups, options);
  return { plan, result: runLayout(plan, m.nodes, pairs, m.tree, m.groups, options) };
}

/** What graphology-layout-forceatlas2 does on the projection plus the anchors and their ties. */
function reference(m: ReturnType<typeof map>, seed: number, iterations: number) {
  const start = layout(m, { seed, run: false }).result.raw;
  const graph = new UndirectedGraph<{ x: number; y: number }, { weight: number }>();
  // One anchor per heading, in the order of the notes; none for papers without a heading, since there are none.
  const keys = [...m.nodes.map((n) => n.key), ...m.nodes.map((n) => anchorKey(n.topic))];
  for (const key of keys) graph.addNode(key, { x: start.get(key)![0], y: start.get(key)![1] });
  for (const pair of m.pairs) graph.mergeEdge(pair.source, pair.target, { weight: pair.weight });
  for (const node of m.nodes)
    graph.mergeEdge(node.key, anchorKey(node.topic), { weight: TOPIC_ANCHOR_WEIGHT });
  forceAtlas2.assign(graph, {
    iterations,
    getEdgeWeight: 'weight',
    settings: {
      ...forceAtlas2.inferSettings(graph.order),
      barnesHutOptimize: graph.order > BARNES_HUT_THRESHOLD,
      barnesHutTheta: BARNES_HUT_THETA,
      outboundAttractionDistribution: true,
    },
  });
  return { graph, keys };
}

function expectSamePositions(
  raw: Map<string, readonly [number, number]>,
  m: ReturnType<typeof map>,
  seed: number,
  iterations: number,
) {
  const { graph, keys } = reference(m, seed, iterations);
  let moved = 0;
  for (const key of keys) {
    const { x, y } = graph.getNodeAttributes(key);
    const [rx, ry] = raw.get(key)!;
    expect(rx, key).toBeCloseTo(x, 6);
    expect(ry, key).toBeCloseTo(y, 6);
    if (Math.hypot(rx - layoutStart(m, seed).get(key)![0], ry - layoutStart(m, seed).get(key)![1]) > 1)
      moved++;
  }
  // The comparison is worth something only if ForceAtlas2 really moved the nodes.
  expect(moved).toBeGreaterThan(keys.length / 2);
}

const starts = new Map<string, Map<string, readonly [number, number]>>();
function layoutStart(m: ReturnType<typeof map>, seed: number) {
  const id = `${m.nodes.length} ${m.pairs.length} ${seed}`;
  let start = starts.get(id);
  if (!start) starts.set(id, (start = layout(m, { seed, run: false }).result.raw));
  return start;
}

describe('the cold layout is graphology-layout-forceatlas2 on the graph with anchors and ties', () => {
  it('below the Barnes–Hut threshold (exact repulsion)', () => {
    starts.clear();
    const m = map(40, 70);
    const { plan, result } = layout(m, { seed: 3, run: true, iterations: 60 });
    expect(plan.mode).toBe('cold');
    expect(m.nodes.length + plan.anchors.size).toBeLessThanOrEqual(BARNES_HUT_THRESHOLD);
    expect(result.iterations).toBe(60);
    expect([...plan.anchors.keys()]).toEqual(m.nodes.map((n) => n.topic));
    expect(result.raw.size).toBe(2 * m.nodes.length);
    expectSamePositions(result.raw, m, 3, 60);
  });

  it('above it (Barnes–Hut), with thousands of ties, pairs repeated after the tie table has grown', () => {
    starts.clear();
    const m = map(450, 4200);
    // Repeating a pair with its own weight changes nothing (mergeEdge keeps one edge), even once thousands
    // of ties have made the table grow and rehash.
    const repeated = [
      ...m.pairs,
      ...m.pairs.slice(0, 600).map((p) => ({ ...p, source: p.target, target: p.source })),
    ];
    const { plan, result } = layout(m, { seed: 5, run: true, iterations: 8 }, repeated);
    expect(m.nodes.length + plan.anchors.size).toBeGreaterThan(BARNES_HUT_THRESHOLD);
    expectSamePositions(result.raw, m, 5, 8);
  });

  it('merges a repeated pair as mergeEdge does: it keeps its place and takes the last weight', () => {
    const m = map(12, 20);
    const [first, second] = m.pairs as [WeightedPair, WeightedPair];
    const repeated = [
      { ...first, weight: 1 },
      ...m.pairs.slice(1),
      { source: first.target, target: first.source, weight: first.weight },
      { ...second, weight: 9 },
      { ...second, weight: second.weight },
    ];
    const once = layout(m, { seed: 1, run: true, iterations: 40 }).result.raw;
    const twice = layout(m, { seed: 1, run: true, iterations: 40 }, repeated).result.raw;
    expect([...twice]).toEqual([...once]);
    // and the weights matter: the same pairs with other weights give another picture
    const reweighted = m.pairs.map((p, i) => (i === 0 ? { ...p, weight: 9 } : p));
    expect([...layout(m, { seed: 1, run: true, iterations: 40 }, reweighted).result.raw]).not.toEqual([
      ...once,
    ]);
  });
});

describe('the seeded start', () => {
  it('puts a node whose heading the tree does not know with the nodes that have none', () => {
    const m = map(6, 4);
    const nodes: LayoutNode[] = [
      ...m.nodes,
      { key: 'title:loose-1', topic: '' },
      { key: 'title:loose-2', topic: '' },
      { key: 'title:unknown-heading', topic: 'Not / In / The Tree' },
    ];
    const options = { seed: 1, run: false };
    const plan = planLayout(nodes, m.tree, m.groups, options);
    expect(plan.anchors.get('')).toBeNull();
    const raw = runLayout(plan, nodes, [], m.tree, m.groups, options).raw;
    const point = (key: string) => raw.get(key)!;
    const d = (a: string, b: string) => Math.hypot(point(a)[0] - point(b)[0], point(a)[1] - point(b)[1]);
    const unknown = 'title:unknown-heading';
    const own = d(unknown, anchorKey(''));
    for (const topic of plan.anchors.keys()) {
      if (topic !== '') expect(own, topic).toBeLessThan(d(unknown, anchorKey(topic)));
    }
    expect(own).toBeLessThanOrEqual(
      Math.max(d('title:loose-1', anchorKey('')), d('title:loose-2', anchorKey(''))) * 2,
    );
  });
});
