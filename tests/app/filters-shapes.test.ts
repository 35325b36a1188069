// The filters on a small graph with every shape the build gives them: papers with and without dates,
// nested topics, concepts named from papers, a concept built only on another concept (no paper of its own),
// one named from a paper and built on a concept, and one with no link at all. Expected visibility is worked
// out from the SerializedGraph itself, not through the code under test.
import { describe, expect, it } from 'vitest';
import { computeVisibility, indexMap, neighbourhood, paperDates } from '../../src/app/filters/index.js';
import type { MapIndex } from '../../src/app/filters/index.js';
import { DEFAULT_FILTERS } from '../../src/app/state/index.js';
import type { Filters } from '../../src/app/state/index.js';
import { buildGraph } from '../../src/graph/index.js';
import type { PaperRecord, SerializedGraph } from '../../src/types.js';
import { EDGE_TYPES } from '../../src/types.js';
import { toViewBundle } from '../../src/view/bundle.js';
import type { MapFile } from '../../src/view/types.js';
import { concept, edge, linked, paper, parsed } from '../graph/make-records.js';

const at = (id: string, path: string[], line: number, date?: string, published?: string): PaperRecord =>
  paper(id, path, {
    sources: [{ file: 'notes.md', line }],
    ...(date ? { date } : {}),
    ...(published ? { published } : {}),
  });

// Built inside the tests (on first use), not at import: a build or index that throws then fails the tests,
// and mutation testing sees which tests cover it.
let built: { graph: SerializedGraph; map: MapFile; index: MapIndex } | undefined;
function fixture() {
  if (built) return built;
  const graph = buildGraph(
    parsed([
      at('title:p1', ['A'], 1, '2025-06-01', '2025-05-20'),
      at('title:p2', ['A', 'A1'], 2, '2025-06-10'),
      at('title:p3', ['B'], 3, '2025-07-01', '2025-06-30'),
      at('title:p4', ['B'], 4),
    ]),
    linked(
      [
        edge('mentions', 'title:p1', 'concept:ppo'),
        edge('mentions', 'title:p3', 'concept:ppo'),
        edge('mentions', 'title:p3', 'concept:grpo'),
        edge('builds-on', 'concept:derived', 'concept:ppo'),
        edge('builds-on', 'concept:mixed', 'concept:ppo'),
        edge('mentions', 'title:p2', 'concept:mixed'),
        edge('builds-on', 'title:p2', 'title:p1'),
        edge('compares', 'title:p3', 'title:p1'),
        edge('critiques', 'title:p4', 'title:p3'),
      ],
      [concept('ppo'), concept('grpo'), concept('derived'), concept('mixed'), concept('lonely')],
    ),
    { layout: false },
  );
  const { map } = toViewBundle(graph);
  return (built = { graph, map, index: indexMap(map) });
}

const attrs = (key: string) => fixture().graph.nodes.find((n) => n.key === key)!.attributes;
const hidesPath = (hidden: readonly string[], path: readonly string[]) =>
  hidden.some((h) => path.join(' / ') === h || path.join(' / ').startsWith(`${h} / `));

/** Visible node keys and edge keys, from the graph's own attributes. */
function expected(f: Filters): { nodes: string[]; edges: string[] } {
  const { graph } = fixture();
  const visible = new Set<string>();
  for (const n of graph.nodes) {
    const a = n.attributes;
    if (a.kind !== 'paper') continue;
    const d = (f.dateField === 'date' ? a.date : a.published) ?? '';
    if (f.dateRange && !(d !== '' && f.dateRange[0] <= d && d <= f.dateRange[1])) continue;
    if (hidesPath(f.hiddenTopics, a.topicPath)) continue;
    visible.add(n.key);
  }
  if (f.showConcepts) {
    for (const n of graph.nodes) {
      if (n.attributes.kind !== 'concept') continue;
      const papers = graph.edges
        .filter((e) => e.source === n.key || e.target === n.key)
        .map((e) => (e.source === n.key ? e.target : e.source))
        .filter((k) => attrs(k).kind === 'paper');
      const shown =
        papers.length > 0
          ? papers.some((k) => visible.has(k))
          : !hidesPath(f.hiddenTopics, n.attributes.topicPath);
      if (shown) visible.add(n.key);
    }
  }
  const edges = graph.edges
    .filter((e) => f.edgeTypes.includes(e.attributes.type) && visible.has(e.source) && visible.has(e.target))
    .map((e) => e.key);
  return { nodes: [...visible].sort(), edges: edges.sort() };
}

const ALL: Filters = { ...DEFAULT_FILTERS, edgeTypes: [...EDGE_TYPES] };
const cases: [string, Filters][] = [
  ['everything', ALL],
  ['one day', { ...ALL, dateRange: ['2025-06-01', '2025-06-01'] }],
  ['June', { ...ALL, dateRange: ['2025-06-01', '2025-06-30'] }],
  ['by publication', { ...ALL, dateField: 'published', dateRange: ['2025-05-01', '2025-06-30'] }],
  ['first topic hidden', { ...ALL, hiddenTopics: ['A'] }],
  ['subtopic hidden', { ...ALL, hiddenTopics: ['A / A1'] }],
  ['last topic hidden, July', { ...ALL, hiddenTopics: ['B'], dateRange: ['2025-07-01', '2025-07-31'] }],
  ['no concepts', { ...ALL, showConcepts: false }],
  ['only critiques', { ...ALL, edgeTypes: ['critiques'] }],
];

describe('computeVisibility on every shape of node', () => {
  it.each(cases)('%s', (_, f) => {
    const { graph, index } = fixture();
    const v = computeVisibility(index, f);
    const want = expected(f);
    const nodes = index.keys.filter((_k, i) => v.node[i] === 1).sort();
    const edges = graph.edges.filter((_e, i) => v.edge[i] === 1).map((e) => e.key);
    expect(nodes).toEqual(want.nodes);
    expect(edges.sort()).toEqual(want.edges);
    expect(v.visibleNodes).toBe(want.nodes.length);
    expect(v.visibleEdges).toBe(want.edges.length);
    expect(v.visiblePapers).toBe(want.nodes.filter((k) => attrs(k).kind === 'paper').length);
  });

  it('a concept built only on another concept shows by its own topic; one with a hidden paper hides', () => {
    const { index } = fixture();
    const v = computeVisibility(index, { ...ALL, dateRange: ['2025-06-01', '2025-06-01'] });
    const shown = (key: string) => v.node[index.byKey.get(key)!] === 1;
    expect(shown('concept:derived')).toBe(true);
    expect(shown('concept:lonely')).toBe(true);
    expect(shown('concept:ppo')).toBe(true);
    expect(shown('concept:mixed')).toBe(false);
    expect(shown('concept:grpo')).toBe(false);
  });

  it('counts papers per topic subtree under the date filter, the topic filter not applied', () => {
    const { map, index } = fixture();
    const f: Filters = { ...ALL, hiddenTopics: ['A'], dateRange: ['2025-06-01', '2025-07-31'] };
    const v = computeVisibility(index, f);
    expect(map.topics.map((t, i) => `${t.key}:${v.topicCounts[i]}`)).toEqual(['A:2', 'A / A1:1', 'B:1']);
  });
});

describe('neighbourhood', () => {
  it('is each node with every node it shares an edge with', () => {
    const { graph, index } = fixture();
    for (const [key, i] of index.byKey) {
      const want = new Set([key]);
      for (const e of graph.edges) {
        if (e.source === key) want.add(e.target);
        if (e.target === key) want.add(e.source);
      }
      expect([...neighbourhood(index, i)].map((j) => index.keys[j]).sort()).toEqual([...want].sort());
    }
  });

  it('only through the edges shown, when given which are', () => {
    const { graph, index } = fixture();
    // Every other edge hidden.
    const shown = Uint8Array.from(graph.edges, (_, e) => (e % 2 === 0 ? 1 : 0));
    let cut = 0;
    for (const [key, i] of index.byKey) {
      const want = new Set([key]);
      graph.edges.forEach((e, k) => {
        if (!shown[k]) return;
        if (e.source === key) want.add(e.target);
        if (e.target === key) want.add(e.source);
      });
      const got = [...neighbourhood(index, i, shown)].map((j) => index.keys[j]).sort();
      expect(got).toEqual([...want].sort());
      if (got.length < neighbourhood(index, i).size) cut++;
    }
    expect(cut).toBeGreaterThan(0);
  });
});

describe('paperDates', () => {
  it('lists the dates of papers in the chosen field, leaving out papers without one and concepts', () => {
    const { map } = fixture();
    expect(paperDates(map, 'date').sort()).toEqual(['2025-06-01', '2025-06-10', '2025-07-01']);
    expect(paperDates(map, 'published').sort()).toEqual(['2025-05-20', '2025-06-30']);
  });
});
