// Louvain and the merged pairs run on node indices; these check they give what the library gives on a real
// graphology graph built from string-keyed pairs (the way the stage worked before), on generated graphs.
import { UndirectedGraph } from 'graphology';
import louvain from 'graphology-communities-louvain';
import { describe, expect, it } from 'vitest';
import { detectCommunities } from '../../src/graph/communities.js';
import { EDGE_WEIGHTS } from '../../src/graph/defaults.js';
import { mergePairs } from '../../src/graph/pairs.js';
import { createRng } from '../../src/graph/random.js';
import type { EdgeRecord } from '../../src/types.js';
import { edge, syntheticCorpus } from './make-records.js';

/** The reference: string-keyed merge, in first-edge order, weights summed in edge order. */
function referencePairs(edges: readonly EdgeRecord[]) {
  const pairs = new Map<string, { source: string; target: string; weight: number }>();
  for (const edge of edges) {
    const [a, b] = edge.source < edge.target ? [edge.source, edge.target] : [edge.target, edge.source];
    const weight = EDGE_WEIGHTS[edge.type] * (0.5 + 0.5 * Math.min(1, Math.max(0, edge.confidence)));
    const pair = pairs.get(`${a}\u0000${b}`);
    if (pair) pair.weight += weight;
    else pairs.set(`${a}\u0000${b}`, { source: a, target: b, weight });
  }
  return [...pairs.values()];
}

/** Communities the library finds on a real graph, numbered by size, ties by smallest member key. */
function referenceCommunities(keys: string[], edges: readonly EdgeRecord[], seed: number) {
  const graph = new UndirectedGraph();
  for (const key of keys) graph.addNode(key);
  for (const pair of referencePairs(edges)) graph.addEdge(pair.source, pair.target, { weight: pair.weight });
  const raw = louvain(graph, { getEdgeWeight: 'weight', rng: createRng(seed) });
  const members = new Map<number, string[]>();
  for (const key of keys) members.set(raw[key]!, [...(members.get(raw[key]!) ?? []), key]);
  const ordered = [...members.values()].sort((a, b) => b.length - a.length || (a[0]! < b[0]! ? -1 : 1));
  const rank = new Map(ordered.flatMap((list, index) => list.map((key) => [key, index] as const)));
  return new Map(keys.map((key) => [key, rank.get(key)]));
}

function indexed(keys: string[], edges: EdgeRecord[]) {
  const index = new Map(keys.map((key, i) => [key, i]));
  return {
    count: edges.length,
    list: edges,
    source: Int32Array.from(edges, (edge) => index.get(edge.source)!),
    target: Int32Array.from(edges, (edge) => index.get(edge.target)!),
  };
}

const CASES = [
  { name: '2 groups x 2 topics x 4 papers', shape: [2, 2, 4], seed: 1 },
  { name: '3 x 3 x 6, seed 7', shape: [3, 3, 6], seed: 7 },
  { name: '4 x 4 x 12', shape: [4, 4, 12], seed: 1 },
  { name: '6 x 3 x 20, seed 42', shape: [6, 3, 20], seed: 42 },
] as const;

describe('communities on node indices', () => {
  for (const { name, shape, seed } of CASES) {
    const { parsed, links } = syntheticCorpus(shape[0], shape[1], shape[2]);
    const keys = parsed.papers.map((paper) => paper.id as string).sort();
    // Every edge twice, once reversed, so pairs really merge.
    const edges = [
      ...links.edges,
      ...links.edges.map((edge) => ({ ...edge, source: edge.target, target: edge.source })),
    ];

    it(`${name}: merged pairs match a string-keyed merge`, () => {
      const pairs = mergePairs(indexed(keys, edges), keys.length);
      const got = Array.from({ length: pairs.count }, (_, p) => ({
        source: keys[pairs.source[p]!],
        target: keys[pairs.target[p]!],
        weight: pairs.weight[p],
      }));
      expect(got).toEqual(referencePairs(edges));
    });

    it(`${name}: Louvain on the index view matches Louvain on a graphology graph`, () => {
      const got = detectCommunities(keys, mergePairs(indexed(keys, edges), keys.length), seed);
      expect([...got]).toEqual([...referenceCommunities(keys, edges, seed)]);
      expect(new Set(got.values()).size).toBeGreaterThan(1);
    });
  }

  it('gives every node its own community when there are no edges', () => {
    const keys = ['a', 'b', 'c'];
    const got = detectCommunities(keys, mergePairs(indexed(keys, []), keys.length), 1);
    expect([...got]).toEqual([
      ['a', 0],
      ['b', 1],
      ['c', 2],
    ]);
  });

  it('numbers equal-sized communities by their smallest member, even when their members interleave', () => {
    const keys = ['a', 'b', 'c', 'd', 'e', 'f'];
    // {a, f} and {b, c}, {d, e}: by smallest member a < b < d, though by largest c < e < f.
    const edges = [edge('compares', 'a', 'f'), edge('compares', 'b', 'c'), edge('compares', 'd', 'e')];
    const got = detectCommunities(keys, mergePairs(indexed(keys, edges), keys.length), 1);
    expect([...got]).toEqual([
      ['a', 0],
      ['b', 1],
      ['c', 1],
      ['d', 2],
      ['e', 2],
      ['f', 0],
    ]);
  });
});
