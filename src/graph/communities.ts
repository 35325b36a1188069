// Louvain communities on the weighted, undirected projection of the graph, seeded and renumbered so the
// numbering does not depend on the algorithm's internal order.
import { UndirectedGraph } from 'graphology';
import louvain from 'graphology-communities-louvain';
import type { LayoutEdge } from './layout.js';
import { createRng } from './random.js';

/** Community index per node key: 0 is the largest community; ties broken by the smallest member key. */
export function detectCommunities(
  keys: readonly string[],
  edges: readonly LayoutEdge[],
  seed: number,
): Map<string, number> {
  const graph = new UndirectedGraph<Record<string, never>, { weight: number }>();
  for (const key of keys) graph.addNode(key);
  for (const edge of edges) graph.addEdge(edge.source, edge.target, { weight: edge.weight });
  const raw = louvain(graph, { getEdgeWeight: 'weight', rng: createRng(seed) });

  const members = new Map<number, string[]>();
  for (const key of keys) {
    const community = raw[key] ?? -1;
    const list = members.get(community);
    if (list) list.push(key);
    else members.set(community, [key]);
  }
  // `keys` is sorted, so each list's first member is its smallest key.
  const ordered = [...members.values()].sort(
    (a, b) => b.length - a.length || ((a[0] ?? '') < (b[0] ?? '') ? -1 : 1),
  );
  const result = new Map<string, number>();
  ordered.forEach((list, index) => {
    for (const key of list) result.set(key, index);
  });
  return result;
}
