// Louvain communities on the weighted, undirected projection of the graph, seeded and renumbered so the
// numbering does not depend on the algorithm's internal order.
import type { AbstractGraph } from 'graphology-types';
import louvain from 'graphology-communities-louvain';
import type { PairArrays } from './pairs.js';
import { createRng } from './random.js';

/**
 * Community index per node key: 0 is the largest community; ties broken by the smallest member key.
 * `keys` are sorted and `pairs` index into them.
 */
export function detectCommunities(
  keys: readonly string[],
  pairs: PairArrays,
  seed: number,
): Map<string, number> {
  const raw = louvain(projectionView(keys, pairs) as unknown as AbstractGraph, {
    getEdgeWeight: 'weight',
    rng: createRng(seed),
  });

  // Louvain numbers communities 0..C-1; count members and note each one's first (smallest) member.
  const n = keys.length;
  const ofNode = new Int32Array(n);
  let top = 0;
  for (let i = 0; i < n; i++) {
    const community = raw[keys[i] as string] ?? -1;
    ofNode[i] = community;
    top = Math.max(top, community + 2);
  }
  const size = new Int32Array(top);
  const firstMember = new Int32Array(top).fill(-1);
  for (let i = 0; i < n; i++) {
    const c = (ofNode[i] as number) + 1; // -1 (none) becomes slot 0
    size[c] = (size[c] as number) + 1;
    if (firstMember[c] === -1) firstMember[c] = i;
  }
  const used: number[] = [];
  for (let c = 0; c < top; c++) if ((size[c] as number) > 0) used.push(c);
  used.sort(
    (a, b) =>
      (size[b] as number) - (size[a] as number) || (firstMember[a] as number) - (firstMember[b] as number),
  );
  const rank = new Int32Array(top);
  used.forEach((c, index) => {
    rank[c] = index;
  });
  const result = new Map<string, number>();
  for (let i = 0; i < n; i++) result.set(keys[i] as string, rank[(ofNode[i] as number) + 1] as number);
  return result;
}

/**
 * The few members of a graphology graph that graphology-communities-louvain (2.x) and its index read, served
 * straight from the sorted keys and merged pairs. It walks nodes and edges in the order an UndirectedGraph
 * built from them (keys in order, one edge per pair in order) would, so the communities are the library's
 * own for that graph (a test compares); building that graph cost most of the stage at 100k nodes, all in
 * adjacency bookkeeping Louvain never reads.
 */
function projectionView(keys: readonly string[], pairs: PairArrays) {
  const degree = new Int32Array(keys.length);
  for (let p = 0; p < pairs.count; p++) {
    const s = pairs.source[p] as number;
    const t = pairs.target[p] as number;
    degree[s] = (degree[s] as number) + 1;
    degree[t] = (degree[t] as number) + 1;
  }
  let current = -1;
  const attributes = { weight: 0 };
  return {
    type: 'undirected',
    multi: false,
    order: keys.length,
    size: pairs.count,
    selfLoopCount: 0,
    directedSize: 0,
    undirectedSize: pairs.count,
    addUndirectedEdgeWithKey(): never {
      throw new Error('papermap: the Louvain projection view is read-only');
    },
    dropNode(): never {
      throw new Error('papermap: the Louvain projection view is read-only');
    },
    forEachNode(callback: (node: string) => void): void {
      for (current = 0; current < keys.length; current++) callback(keys[current] as string);
      current = -1;
    },
    // Only asked for the node forEachNode is visiting.
    undirectedDegreeWithoutSelfLoops(node: string): number {
      if (keys[current] !== node) throw new Error('papermap: unexpected degree query on the Louvain view');
      return degree[current] as number;
    },
    forEachEdge(
      callback: (edge: string, attr: { weight: number }, source: string, target: string) => void,
    ): void {
      for (let p = 0; p < pairs.count; p++) {
        attributes.weight = pairs.weight[p] as number;
        callback(
          '', // the index never reads edge keys
          attributes,
          keys[pairs.source[p] as number] as string,
          keys[pairs.target[p] as number] as string,
        );
      }
    },
  };
}

/**
 * Warm builds keep the previous communities: known nodes keep theirs, a new node joins the community most of
 * its neighbours are in (the smaller index on ties), or a new one of its own.
 */
export function inheritCommunities(
  previous: ReadonlyMap<string, number>,
  keys: readonly string[],
  pairs: readonly { source: string; target: string }[],
): Map<string, number> {
  let next = 0;
  for (const value of previous.values()) next = Math.max(next, value + 1);
  const fresh = new Map<string, number>();
  for (const key of keys) if (!previous.has(key)) fresh.set(key, -1);
  if (fresh.size > 0) {
    const votes = new Map<string, Map<number, number>>([...fresh.keys()].map((key) => [key, new Map()]));
    for (const pair of pairs) {
      for (const [self, other] of [
        [pair.source, pair.target],
        [pair.target, pair.source],
      ] as const) {
        const tally = votes.get(self);
        const community = previous.get(other);
        if (tally && community !== undefined) tally.set(community, (tally.get(community) ?? 0) + 1);
      }
    }
    for (const key of fresh.keys()) {
      let best = -1;
      let bestVotes = 0;
      for (const [community, count] of votes.get(key) ?? []) {
        if (count > bestVotes || (count === bestVotes && community < best)) {
          best = community;
          bestVotes = count;
        }
      }
      fresh.set(key, best >= 0 ? best : next++);
    }
  }
  // In key order, as detectCommunities gives them.
  const result = new Map<string, number>();
  for (const key of keys) result.set(key, previous.get(key) ?? (fresh.get(key) as number));
  return result;
}
