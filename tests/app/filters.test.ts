import { describe, expect, it } from 'vitest';
import { EDGE_TYPES } from '../../src/types.js';
import { computeVisibility, indexMap, neighbourhood } from '../../src/app/filters/index.js';
import { DEFAULT_FILTERS } from '../../src/app/state/index.js';
import type { Filters } from '../../src/app/state/index.js';
import { toViewBundle } from '../../src/view/bundle.js';
import { syntheticGraph } from '../../src/view/synthetic.js';

// Expected counts are computed from the SerializedGraph directly, not through the code under test.
const graph = syntheticGraph({ papers: 400, seed: 7 });
const { map } = toViewBundle(graph);
const index = indexMap(map);

function expected(f: Filters) {
  const visible = new Set<string>();
  for (const n of graph.nodes) {
    const a = n.attributes;
    if (a.kind !== 'paper') continue;
    const d = f.dateField === 'date' ? a.date : a.published;
    if (f.dateRange && !(d && d >= f.dateRange[0] && d <= f.dateRange[1])) continue;
    if (
      f.hiddenTopics.some(
        (h) => a.topicPath.join(' / ') === h || a.topicPath.join(' / ').startsWith(`${h} / `),
      )
    )
      continue;
    visible.add(n.key);
  }
  const papers = visible.size;
  if (f.showConcepts) {
    for (const n of graph.nodes) {
      if (n.attributes.kind !== 'concept') continue;
      const touching = graph.edges.filter((e) => e.source === n.key || e.target === n.key);
      const paperEnds = touching
        .map((e) => (e.source === n.key ? e.target : e.source))
        .filter((k) => k.startsWith('arxiv:'));
      if (paperEnds.some((k) => visible.has(k)) || paperEnds.length === 0) visible.add(n.key);
    }
  }
  const edges = graph.edges.filter(
    (e) => f.edgeTypes.includes(e.attributes.type) && visible.has(e.source) && visible.has(e.target),
  ).length;
  return { papers, nodes: visible.size, edges };
}

const cases: { name: string; f: Filters }[] = [
  { name: 'defaults', f: DEFAULT_FILTERS },
  { name: 'June by note date', f: { ...DEFAULT_FILTERS, dateRange: ['2025-06-01', '2025-06-30'] } },
  {
    name: 'spring by publication',
    f: { ...DEFAULT_FILTERS, dateField: 'published', dateRange: ['2025-03-01', '2025-05-31'] },
  },
  { name: 'one subtopic hidden', f: { ...DEFAULT_FILTERS, hiddenTopics: ['推理 / 数据'] } },
  {
    name: 'a top topic hidden, all edges',
    f: { ...DEFAULT_FILTERS, hiddenTopics: ['强化学习'], edgeTypes: EDGE_TYPES },
  },
  {
    name: 'combined, no concepts',
    f: {
      ...DEFAULT_FILTERS,
      dateRange: ['2025-02-01', '2025-09-30'],
      hiddenTopics: ['奖励模型'],
      showConcepts: false,
      edgeTypes: ['critiques'],
    },
  },
  { name: 'empty range', f: { ...DEFAULT_FILTERS, dateRange: ['2030-01-01', '2030-01-02'] } },
];

describe('computeVisibility', () => {
  it.each(cases)('$name', ({ f }) => {
    const v = computeVisibility(index, f);
    const want = expected(f);
    expect(v.visiblePapers).toBe(want.papers);
    expect(v.visibleNodes).toBe(want.nodes);
    expect(v.visibleEdges).toBe(want.edges);
    expect(v.node.reduce((s, x) => s + x, 0)).toBe(want.nodes);
  });

  it('counts papers per topic subtree under the date filter, ignoring the topic filter', () => {
    const f: Filters = {
      ...DEFAULT_FILTERS,
      hiddenTopics: ['推理'],
      dateRange: ['2025-01-01', '2025-06-30'],
    };
    const v = computeVisibility(index, f);
    map.topics.forEach((t, ti) => {
      const want = graph.nodes.filter(
        (n) =>
          n.attributes.kind === 'paper' &&
          t.path.every((p, k) => n.attributes.topicPath[k] === p) &&
          (n.attributes.date ?? '') >= '2025-01-01' &&
          (n.attributes.date ?? '') <= '2025-06-30',
      ).length;
      expect(v.topicCounts[ti]).toBe(want);
    });
  });

  it('finds a node and its neighbours', () => {
    const e = graph.edges[0]!;
    const s = index.byKey.get(e.source)!;
    const around = neighbourhood(index, s);
    expect(around.has(s)).toBe(true);
    expect(around.has(index.byKey.get(e.target)!)).toBe(true);
    const degree = new Set(
      graph.edges
        .filter((x) => x.source === e.source || x.target === e.source)
        .map((x) => (x.source === e.source ? x.target : x.source)),
    );
    expect(around.size).toBe(degree.size + 1);
  });
});
