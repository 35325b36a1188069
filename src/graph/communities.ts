// Louvain communities on the weighted, undirected projection of the graph, seeded and renumbered so the
// numbering does not depend on the algorithm's internal order.
import louvain from 'graphology-communities-louvain';
import { createProjection, type WeightedPair } from './layout.js';
import { createRng } from './random.js';

/**
 * Community index per node key: 0 is the largest community; ties broken by the smallest member key.
 * The graphology graph Louvain needs is built here and dropped on return: at 100k papers it is several
 * hundred megabytes, and nothing after Louvain reads it (the layout works from `keys` and `pairs`).
 */
export function detectCommunities(
  keys: readonly string[],
  pairs: readonly WeightedPair[],
  seed: number,
): Map<string, number> {
  const raw = louvain(createProjection(keys, pairs), { getEdgeWeight: 'weight', rng: createRng(seed) });

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

/**
 * Warm builds keep the previous communities: known nodes keep theirs, a new node joins the community most of
 * its neighbours are in (the smaller index on ties), or a new one of its own.
 */
export function inheritCommunities(
  previous: ReadonlyMap<string, number>,
  keys: readonly string[],
  pairs: readonly { source: string; target: string }[],
): Map<string, number> {
  const result = new Map<string, number>();
  let next = 0;
  for (const value of previous.values()) next = Math.max(next, value + 1);
  const fresh: string[] = [];
  for (const key of keys) {
    const known = previous.get(key);
    if (known === undefined) fresh.push(key);
    else result.set(key, known);
  }
  if (fresh.length === 0) return result;
  const votes = new Map<string, Map<number, number>>(fresh.map((key) => [key, new Map()]));
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
  for (const key of fresh) {
    let best = -1;
    let bestVotes = 0;
    for (const [community, count] of votes.get(key) ?? []) {
      if (count > bestVotes || (count === bestVotes && community < best)) {
        best = community;
        bestVotes = count;
      }
    }
    result.set(key, best >= 0 ? best : next++);
  }
  return result;
}
