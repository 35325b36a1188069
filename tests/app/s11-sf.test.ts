// Session 11 (sf): rules of src/app/filters and src/app/state that the seed-2036/2037 draws showed unpinned.
// Every graph is built inside its test; expected values are read from the SerializedGraph, not the code under test.
import { describe, expect, it } from 'vitest';
import {
  arxivMonth,
  computeVisibility,
  indexMap,
  neighbourhood,
  workKindCounts,
} from '../../src/app/filters/index.js';
import { DEFAULT_FILTERS, INITIAL_STATE, setCamera } from '../../src/app/state/index.js';
import type { State } from '../../src/app/state/index.js';
import { hashToState, stateToHash } from '../../src/app/state/url.js';
import type { SerializedGraph } from '../../src/types.js';
import { toViewBundle } from '../../src/view/bundle.js';
import { syntheticGraph } from '../../src/view/synthetic.js';

/** A synthetic reading log where every fourth paper's note carries no date. */
function withUndated(papers: number): { graph: SerializedGraph; undatedKeys: Set<string> } {
  const graph = syntheticGraph({ papers, seed: 11 });
  const undatedKeys = new Set<string>();
  let p = 0;
  for (const n of graph.nodes) {
    if (n.attributes.kind !== 'paper') continue;
    if (p++ % 4 === 0) {
      delete (n.attributes as { date?: string }).date;
      undatedKeys.add(n.key);
    }
  }
  return { graph, undatedKeys };
}

describe('arXiv ids that name no month', () => {
  it.each([
    // Month 00 and month 13 do not exist, in either id style.
    ['2500.00001', ''],
    ['2513.00001', ''],
    ['hep-th/9900001', ''],
    ['hep-th/9913001', ''],
    // Twelve and one are the ends of the year.
    ['2512.00001', '2025-12-01'],
    ['2501.00001', '2025-01-01'],
    // Too many digits after the dot, or trailing text, is not an arXiv id.
    ['2506.123456', ''],
    ['2506.16024v2.pdf', ''],
    ['2506.16024 ', ''],
    ['hep-th/99010012', ''],
    // Only the bare id: a prefix or a path in front of it is not read.
    ['arXiv:2506.16024', ''],
    ['abs/hep-th/9901001', ''],
    // Old-style ids began in 1991: 91 is the first year of the 1900s.
    ['hep-th/9101001', '1991-01-01'],
  ])('%s -> %j', (id, want) => {
    expect(arxivMonth(id)).toBe(want);
  });
});

describe('papers without a date', () => {
  it('are counted, and hidden by a date range even when its start is open', () => {
    const { graph, undatedKeys } = withUndated(40);
    const index = indexMap(toViewBundle(graph).map);
    const papers = graph.nodes.filter((n) => n.attributes.kind === 'paper').length;
    expect(undatedKeys.size).toBeGreaterThan(5);

    const all = computeVisibility(index, { ...DEFAULT_FILTERS, dateField: 'date' });
    expect(all.undated).toBe(undatedKeys.size);
    // No range: the undated papers are shown like any other.
    expect(all.visiblePapers).toBe(papers);

    // "Up to the end of 2099": only dated papers pass, even though the open start ('') compares <= ''.
    for (const dateRange of [
      ['', '2099-12-31'],
      ['2000-01-01', ''],
      ['2000-01-01', '2099-12-31'],
    ] as [string, string][]) {
      const v = computeVisibility(index, { ...DEFAULT_FILTERS, dateField: 'date', dateRange });
      expect(v.undated, dateRange.join('..')).toBe(undatedKeys.size);
      expect(v.visiblePapers, dateRange.join('..')).toBe(papers - undatedKeys.size);
      index.keys.forEach((k, i) => {
        if (undatedKeys.has(k)) expect(v.node[i], k).toBe(0);
      });
    }
  });
});

describe('a date range', () => {
  it('keeps exactly the papers dated inside it, both ends included', () => {
    const { graph } = withUndated(60);
    const index = indexMap(toViewBundle(graph).map);
    const paperDates = new Map<string, string>();
    for (const n of graph.nodes) {
      const a = n.attributes;
      if (a.kind === 'paper' && a.date) paperDates.set(n.key, a.date);
    }
    const dates = [...paperDates.values()].sort();
    // Bounds on real dates of the log, so both ends are hit.
    const lo = dates[Math.floor(dates.length / 4)]!;
    const hi = dates[Math.floor((3 * dates.length) / 4)]!;
    const v = computeVisibility(index, { ...DEFAULT_FILTERS, dateField: 'date', dateRange: [lo, hi] });
    const want = [...paperDates]
      .filter(([, d]) => d >= lo && d <= hi)
      .map(([k]) => k)
      .sort();
    const got = index.keys.filter((k, i) => v.node[i] && k.startsWith('arxiv:')).sort();
    expect(want.length).toBeGreaterThan(5);
    expect(want.length).toBeLessThan(dates.length - 5);
    expect(got).toEqual(want);
  });
});

describe('topics nest', () => {
  it('hiding a top-level topic hides the papers of its subtopics, and its count holds its subtree', () => {
    const graph = syntheticGraph({ papers: 80, seed: 5 });
    const { map } = toViewBundle(graph);
    const index = indexMap(map);
    const papers = graph.nodes.filter((n) => n.attributes.kind === 'paper');
    const nested = papers.find((n) => (n.attributes.topicPath?.length ?? 0) >= 2)!;
    expect(nested).toBeDefined();
    const top = nested.attributes.topicPath![0]!;
    const inTop = papers.filter((n) => n.attributes.topicPath?.[0] === top);
    expect(inTop.some((n) => n.attributes.topicPath!.length >= 2)).toBe(true);

    const counts = computeVisibility(index, DEFAULT_FILTERS).topicCounts;
    for (const [i, t] of map.topics.entries()) {
      const want = papers.filter((n) => {
        const path = n.attributes.topicPath ?? [];
        return t.path.every((seg, d) => path[d] === seg);
      }).length;
      expect(counts[i], t.key).toBe(want);
    }

    const v = computeVisibility(index, { ...DEFAULT_FILTERS, hiddenTopics: [top] });
    expect(v.visiblePapers).toBe(papers.length - inTop.length);
    for (const n of inTop) expect(v.node[index.byKey.get(n.key)!], n.key).toBe(0);
  });
});

describe('neighbourhood of every node', () => {
  it('is the node and the other end of each of its edges, in either direction', () => {
    const graph = syntheticGraph({ papers: 30, seed: 3 });
    const index = indexMap(toViewBundle(graph).map);
    let checked = 0;
    for (const n of graph.nodes) {
      const want = new Set([n.key]);
      for (const e of graph.edges) {
        if (e.source === n.key) want.add(e.target);
        if (e.target === n.key) want.add(e.source);
      }
      const got = [...neighbourhood(index, index.byKey.get(n.key)!)].map((j) => index.keys[j]);
      expect(got.sort(), n.key).toEqual([...want].sort());
      if (want.size > 1) checked++;
    }
    expect(checked).toBeGreaterThan(10);
  });
});

describe('kinds of work this build does not know', () => {
  it('come after the known ones, in name order', () => {
    const graph = syntheticGraph({ papers: 6, seed: 2 });
    const { map } = toViewBundle(graph);
    // A map written by a newer papermap may name kinds this one lacks.
    const extra = ['dataset', 'zine', 'podcast', 'zine', 'podcast', ''];
    let p = 0;
    const workKind = map.nodes.kind.map((k) => (k === 0 ? extra[p++ % extra.length]! : ''));
    const counts = workKindCounts({ ...map, nodes: { ...map.nodes, workKind } });
    expect(counts).toEqual([
      { kind: 'paper', count: 1 },
      { kind: 'dataset', count: 1 },
      { kind: 'podcast', count: 2 },
      { kind: 'zine', count: 2 },
    ]);
  });
});

describe('the camera', () => {
  it('clearing an already clear camera changes nothing', () => {
    const s: State = { ...INITIAL_STATE, camera: null };
    expect(setCamera(null)(s)).toBe(s);
    const moved = setCamera({ x: 1, y: 2, ratio: 1 })(s);
    expect(setCamera(null)(moved)).toEqual({ ...moved, camera: null });
  });

  it.each([
    ['x', { x: 0.5, y: 0, ratio: 1 }],
    ['y', { x: 0, y: 0.5, ratio: 1 }],
    ['ratio', { x: 0, y: 0, ratio: 1.5 }],
  ])('a real move along %s is remembered', (_axis, cam) => {
    const s: State = { ...INITIAL_STATE, camera: { x: 0, y: 0, ratio: 1 } };
    expect(setCamera(cam)(s).camera).toEqual(cam);
    // A move under 0.1% of the view is not.
    expect(setCamera({ x: 0.0005, y: 0.0005, ratio: 1.0005 })(s)).toBe(s);
  });
});

describe('the address', () => {
  it('names the depth of a local view only when it is not 1', () => {
    const one: State = { ...INITIAL_STATE, local: { key: 'arxiv:2506.16024', depth: 1 } };
    expect(stateToHash(one)).not.toContain('depth');
    expect(hashToState(stateToHash(one)).local).toEqual(one.local);
    const two: State = { ...one, local: { key: 'arxiv:2506.16024', depth: 2 } };
    expect(stateToHash(two)).toContain('depth=2');
    expect(hashToState(stateToHash(two)).local).toEqual(two.local);
  });

  it.each([
    ['#sort=date-', { by: 'date', desc: true }],
    ['#sort=links-', { by: 'links', desc: true }],
    ['#sort=title%2B', { by: 'title', desc: false }],
  ])('reads the list order from %s', (hash, want) => {
    expect(hashToState(hash).listSort).toEqual(want);
  });
});
