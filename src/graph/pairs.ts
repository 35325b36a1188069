// Parallel edges of any type merged into one weighted, undirected pair per two nodes, on node indices.
import type { EdgeRecord, EdgeType } from '../types.js';
import { EDGE_WEIGHTS } from './defaults.js';
import type { WeightedPair } from './layout.js';

/**
 * Merged pairs as parallel arrays: `source[p] < target[p]` are node indices (indices into the sorted keys, so
 * the smaller index is the smaller key), pairs in order of their first edge.
 */
export interface PairArrays {
  count: number;
  source: Int32Array;
  target: Int32Array;
  weight: Float64Array;
}

/** The edges a pair list is made from: `count` records with the node indices of their ends. */
export interface IndexedEdges {
  count: number;
  list: readonly EdgeRecord[];
  source: Int32Array;
  target: Int32Array;
}

/**
 * Merge parallel edges without string keys: edges are bucketed by their smaller end, and within a bucket a
 * marker per other end finds a repeat. Pairs keep the order of their first edge and sum their weights in edge
 * order, as a map keyed by `a\0b` did.
 */
export function mergePairs(
  edges: IndexedEdges,
  order: number,
  include?: (edge: number) => boolean,
): PairArrays {
  const m = edges.count;
  const low = new Int32Array(m);
  const high = new Int32Array(m);
  const starts = new Int32Array(order + 1);
  let kept = 0;
  for (let e = 0; e < m; e++) {
    if (include && !include(e)) {
      low[e] = -1;
      continue;
    }
    const s = edges.source[e] as number;
    const t = edges.target[e] as number;
    const a = s < t ? s : t;
    low[e] = a;
    high[e] = s < t ? t : s;
    starts[a + 1] = (starts[a + 1] as number) + 1;
    kept++;
  }
  for (let i = 0; i < order; i++) starts[i + 1] = (starts[i + 1] as number) + (starts[i] as number);
  const bucket = new Int32Array(kept);
  const fill = starts.slice(0, order);
  for (let e = 0; e < m; e++) {
    const a = low[e] as number;
    if (a >= 0) bucket[fill[a]!++] = e;
  }
  // first[e]: the first edge of e's pair (itself when e is the first).
  const first = new Int32Array(m).fill(-1);
  const mark = new Int32Array(order).fill(-1);
  const seenAt = new Int32Array(order);
  for (let a = 0; a < order; a++) {
    for (let k = starts[a] as number; k < (starts[a + 1] as number); k++) {
      const e = bucket[k] as number;
      const b = high[e] as number;
      if (mark[b] === a) first[e] = seenAt[b] as number;
      else {
        mark[b] = a;
        seenAt[b] = e;
        first[e] = e;
      }
    }
  }
  const pairOf = new Int32Array(m);
  const pairs: PairArrays = {
    count: 0,
    source: new Int32Array(kept),
    target: new Int32Array(kept),
    weight: new Float64Array(kept),
  };
  for (let e = 0; e < m; e++) {
    const f = first[e] as number;
    if (f < 0) continue;
    const edge = edges.list[e] as EdgeRecord;
    const weight = edgeWeight(edge.type, edge.confidence);
    if (f === e) {
      const p = pairs.count++;
      pairOf[e] = p;
      pairs.source[p] = low[e] as number;
      pairs.target[p] = high[e] as number;
      pairs.weight[p] = weight;
    } else {
      const p = pairOf[f] as number;
      pairOf[e] = p;
      pairs.weight[p] = (pairs.weight[p] as number) + weight;
    }
  }
  return pairs;
}

/** The pairs as the layout takes them, with node keys. */
export function weightedPairs(pairs: PairArrays, keys: readonly string[]): WeightedPair[] {
  const list: WeightedPair[] = new Array<WeightedPair>(pairs.count);
  for (let p = 0; p < pairs.count; p++) {
    list[p] = {
      source: keys[pairs.source[p] as number] as string,
      target: keys[pairs.target[p] as number] as string,
      weight: pairs.weight[p] as number,
    };
  }
  return list;
}

function edgeWeight(type: EdgeType, confidence: number): number {
  return EDGE_WEIGHTS[type] * (0.5 + 0.5 * clamp01(confidence));
}

export function clamp01(value: number): number {
  return Number.isFinite(value) ? Math.min(1, Math.max(0, value)) : 0;
}
