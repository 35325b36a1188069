import { describe, expect, it } from 'vitest';
import { EDGE_TYPES } from '../../src/types.js';
import {
  arxivMonth,
  computeVisibility,
  indexMap,
  neighbourhood,
  publishedDates,
} from '../../src/app/filters/index.js';
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
    // Without a publication date, a new-style arXiv id (YYMM.NNNNN) gives the month.
    const fromId = a.arxiv ? `20${a.arxiv.slice(0, 2)}-${a.arxiv.slice(2, 4)}-01` : undefined;
    const d = f.dateField === 'date' ? a.date : (a.published ?? fromId);
    const [lo, hi] = f.dateRange ?? ['', ''];
    if (f.dateRange && !(d && (lo === '' || d >= lo) && (hi === '' || d <= hi))) continue;
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
  { name: 'since 15 June (no end)', f: { ...DEFAULT_FILTERS, dateRange: ['2025-06-15', ''] } },
  { name: 'until 15 June (no start)', f: { ...DEFAULT_FILTERS, dateRange: ['', '2025-06-15'] } },
  {
    name: 'since April by publication',
    f: { ...DEFAULT_FILTERS, dateField: 'published', dateRange: ['2025-04-01', ''] },
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

describe('publication dates from arXiv ids', () => {
  it.each([
    ['2506.16024', '2025-06-01'],
    ['2506.16024v2', '2025-06-01'],
    ['0704.0001', '2007-04-01'],
    ['hep-th/9901001', '1999-01-01'],
    ['math.GT/0309136', '2003-09-01'],
    ['2513.00001', ''],
    ['', ''],
    ['not-an-id', ''],
  ])('%s -> %s', (id, want) => {
    expect(arxivMonth(id)).toBe(want);
  });

  it("keeps the notes' own publication date and fills the rest from the id", () => {
    // Every synthetic paper has a publication date: drop every third one.
    const published = map.nodes.published.map((p, i) => (i % 3 === 0 ? '' : p));
    const m = { ...map, nodes: { ...map.nodes, published } };
    const dates = publishedDates(m);
    let own = 0;
    let fromId = 0;
    map.nodes.kind.forEach((k, i) => {
      if (k !== 0) return expect(dates[i]).toBe('');
      if (published[i]) {
        own++;
        expect(dates[i]).toBe(published[i]);
      } else if (map.nodes.arxiv[i]) {
        fromId++;
        expect(dates[i]).toBe(arxivMonth(map.nodes.arxiv[i]!));
      }
    });
    expect(own).toBeGreaterThan(0);
    expect(fromId).toBeGreaterThan(0);
  });

  it('counts the papers without a date in the chosen field', () => {
    const v = computeVisibility(index, { ...DEFAULT_FILTERS, dateField: 'date' });
    const want = map.nodes.kind.filter((k, i) => k === 0 && !map.nodes.date[i]).length;
    expect(v.undated).toBe(want);
  });
});
