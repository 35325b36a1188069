// The data behind the list view, the links table and the local graph, on a synthetic map; expected values
// are computed from the SerializedGraph, not through the code under test.
import { describe, expect, it } from 'vitest';
import { EDGE_TYPES } from '../../src/types.js';
import type { PaperNodeAttributes } from '../../src/types.js';
import { computeVisibility, indexMap } from '../../src/app/filters/index.js';
import { linkRows } from '../../src/app/link-table/index.js';
import { linkCounts, listRows, moveInList } from '../../src/app/list/index.js';
import { localGraph, rowsFor } from '../../src/app/local/index.js';
import { DEFAULT_FILTERS } from '../../src/app/state/index.js';
import { toViewBundle } from '../../src/view/bundle.js';
import { syntheticGraph } from '../../src/view/synthetic.js';

const graph = syntheticGraph({ papers: 300, seed: 5 });
const { map } = toViewBundle(graph);
const index = indexMap(map);
const all = computeVisibility(index, DEFAULT_FILTERS);
const links = linkCounts(index, EDGE_TYPES.indexOf('mentions'));
const keyOf = (i: number) => index.keys[i]!;
const paper = (k: string) => graph.nodes.find((n) => n.key === k)!.attributes as PaperNodeAttributes;

describe('list of papers', () => {
  it('holds exactly the visible papers, newest first by default', () => {
    const rows = listRows(index, all, { by: 'date', desc: true }, '', 'date', links);
    const papers = graph.nodes.filter((n) => n.attributes.kind === 'paper');
    expect(rows).toHaveLength(papers.length);
    const dates = rows.map((i) => paper(keyOf(i)).date ?? '');
    const dated = dates.filter(Boolean);
    expect(dated).toEqual([...dated].sort().reverse());
    // Undated papers at the end.
    expect(dates.slice(dated.length).every((d) => d === '')).toBe(true);
  });

  it('follows the filters: a date range keeps only the papers inside it', () => {
    const june = computeVisibility(index, { ...DEFAULT_FILTERS, dateRange: ['2025-06-01', '2025-06-30'] });
    const rows = listRows(index, june, { by: 'title', desc: false }, '', 'date', links);
    const want = graph.nodes.filter((n) => {
      const a = n.attributes;
      return a.kind === 'paper' && a.date && a.date >= '2025-06-01' && a.date <= '2025-06-30';
    });
    expect(rows.map(keyOf).sort()).toEqual(want.map((n) => n.key).sort());
  });

  it('sorts by links (counting every link but mentions) and by title', () => {
    const byLinks = listRows(index, all, { by: 'links', desc: true }, '', 'date', links);
    const deg = (k: string) =>
      graph.edges.filter((e) => e.attributes.type !== 'mentions' && (e.source === k || e.target === k))
        .length;
    const counts = byLinks.map((i) => deg(keyOf(i)));
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    const byTitle = listRows(index, all, { by: 'title', desc: false }, '', 'date', links);
    const names = byTitle.map((i) => (map.nodes.label[i] || '').toLowerCase());
    expect(names).toEqual([...names].sort());
  });

  it('searches names, titles, ids and topics: every word must match', () => {
    const i = listRows(index, all, { by: 'date', desc: true }, '', 'date', links)[7]!;
    const id = map.nodes.arxiv[i]!;
    expect(listRows(index, all, { by: 'date', desc: true }, id, 'date', links)).toEqual([i]);
    const topic = map.topics[map.nodes.topic[i]!]!;
    const inTopic = listRows(index, all, { by: 'date', desc: true }, topic.path.join(' '), 'date', links);
    expect(inTopic).toContain(i);
    expect(listRows(index, all, { by: 'date', desc: true }, `${id} zzqx`, 'date', links)).toEqual([]);
  });

  it.each([
    [10, -1, 'ArrowDown', 0],
    [10, 3, 'ArrowDown', 4],
    [10, 9, 'ArrowDown', 9],
    [10, 0, 'ArrowUp', 0],
    [10, 5, 'PageDown', 9],
    [10, 5, 'Home', 0],
    [10, 5, 'End', 9],
    [0, 5, 'ArrowDown', -1],
  ])('moves in a list of %i from %i with %s to %i', (length, from, key, to) => {
    expect(moveInList(length, from, key, 10)).toBe(to);
  });
});

describe('links table', () => {
  it('lists every drawn link once, by type', () => {
    const rows = linkRows(index, all, [], '', () => '');
    const want = graph.edges.filter((e) => DEFAULT_FILTERS.edgeTypes.includes(e.attributes.type)).length;
    expect(rows).toHaveLength(want);
    expect(new Set(rows).size).toBe(rows.length);
    const types = rows.map((e) => map.edges.type[e]!);
    expect(types).toEqual([...types].sort((a, b) => a - b));
  });

  it('filters by type and searches the ends and the evidence', () => {
    const compares = linkRows(index, all, ['compares'], '', () => '');
    expect(compares.length).toBe(graph.edges.filter((e) => e.attributes.type === 'compares').length);
    const e = compares[0]!;
    const evidence = (k: number) => (k === e ? 'a sentence that names zzqx' : '');
    expect(linkRows(index, all, [], 'zzqx', evidence)).toEqual([e]);
    const s = map.nodes.label[map.edges.source[e]!]!;
    expect(linkRows(index, all, ['compares'], s, () => '')).toContain(e);
  });
});

describe('local graph', () => {
  // The paper with the most builds-on links.
  const counts = new Map<string, number>();
  for (const e of graph.edges)
    if (e.attributes.type === 'builds-on')
      for (const k of [e.source, e.target]) counts.set(k, (counts.get(k) ?? 0) + 1);
  const hub = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]![0];
  const root = index.byKey.get(hub)!;

  it('puts the works it builds on to the left and those building on it to the right', () => {
    const g = localGraph(index, root, 1);
    const col = new Map(g.nodes.map((n) => [keyOf(n.i), n]));
    expect(col.get(hub)!.col).toBe(0);
    for (const e of graph.edges) {
      const t = e.attributes.type;
      if (e.source === hub && (t === 'builds-on' || t === 'critiques'))
        expect(col.get(e.target)?.col).toBe(-1);
      if (e.target === hub && (t === 'builds-on' || t === 'critiques'))
        expect(col.get(e.source)?.col).toBe(1);
      if ((e.source === hub || e.target === hub) && (t === 'compares' || t === 'same-group')) {
        const other = e.source === hub ? e.target : e.source;
        expect(col.has(other)).toBe(true);
      }
      if ((e.source === hub || e.target === hub) && t === 'mentions') {
        const other = e.source === hub ? e.target : e.source;
        if (
          !graph.edges.some((f) => f.attributes.type !== 'mentions' && [f.source, f.target].includes(other))
        )
          expect(col.has(other)).toBe(false);
      }
    }
    // Every edge drawn joins two nodes of the local graph.
    const inside = new Set(g.nodes.map((n) => n.i));
    for (const e of g.edges)
      expect(inside.has(map.edges.source[e]!) && inside.has(map.edges.target[e]!)).toBe(true);
  });

  it('grows with the depth and gives each node its distance', () => {
    const sizes = [1, 2, 3].map((d) => localGraph(index, root, d).nodes.length);
    expect(sizes[0]).toBeLessThan(sizes[1]!);
    expect(sizes[1]).toBeLessThanOrEqual(sizes[2]!);
    const g = localGraph(index, root, 2);
    expect(Math.max(...g.nodes.map((n) => n.depth))).toBe(2);
    expect(g.nodes.filter((n) => n.depth === 0).map((n) => n.i)).toEqual([root]);
  });

  it('stops at the limit and says how many it left out', () => {
    const g = localGraph(index, root, 3, null, 10);
    expect(g.nodes).toHaveLength(10);
    expect(g.cut).toBeGreaterThan(0);
  });

  it('places no two nodes on the same spot', () => {
    const g = localGraph(index, root, 3);
    const spots = new Set(g.nodes.map((n) => `${n.x},${n.y}`));
    expect(spots.size).toBe(g.nodes.length);
  });
});

describe('local graph shape', () => {
  it.each([
    [[200], 1.6],
    [[80, 1, 80], 1.6],
    [[5, 5], 1.6],
    [[300, 300, 10, 40], 1],
  ])('columns %j fill a view of aspect %f', (sizes, aspect) => {
    const rows = rowsFor(sizes, aspect);
    const err = (r: number) => {
      const width = sizes.reduce((w, n) => w + (Math.ceil(n / r) - 1) * 330 + 150 + 330, 0);
      const height = Math.min(r, Math.max(...sizes)) * 36;
      return Math.abs(Math.log(width / height / aspect));
    };
    // No other row count between 6 and 200 comes closer to the aspect.
    for (let r = 6; r <= 200; r++) expect(err(rows)).toBeLessThanOrEqual(err(r) + 1e-9);
  });
});
