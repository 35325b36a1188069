// Which nodes and edges pass the filters. Pure, O(nodes + edges) per filter change; the renderer reads
// the resulting flags in its reducers, so nothing is re-laid out and nothing runs per frame.
import { EDGE_TYPES, WORK_KINDS } from '../../types.js';
import type { MapFile } from '../../view/types.js';
import { nodeKeyAt } from '../../view/bundle.js';
import type { Filters } from '../state/index.js';

/** Lookups derived once per map file. */
export interface MapIndex {
  map: MapFile;
  keys: string[];
  byKey: Map<string, number>;
  /** For each topic index, the indexes of itself and its ancestors. */
  topicAncestors: number[][];
  /** Incident edges per node (CSR layout): edges of node i are `adjEdges[adjStart[i] .. adjStart[i+1]]`. */
  adjStart: Int32Array;
  adjEdges: Int32Array;
  /** Publication date per node: the notes' own, else the first day of the arXiv id's month, else `''`. */
  published: string[];
}

/** `2506.16024` -> `2025-06-01`; `hep-th/9901001` -> `1999-01-01`; anything else `''`. */
export function arxivMonth(id: string): string {
  const m =
    /^(\d{2})(\d{2})\.\d{4,5}(?:v\d+)?$/.exec(id) ??
    /^[a-z-]+(?:\.[A-Z]{2})?\/(\d{2})(\d{2})\d{3}(?:v\d+)?$/.exec(id);
  if (!m) return '';
  const yy = Number(m[1]);
  const mm = Number(m[2]);
  if (mm < 1 || mm > 12) return '';
  return `${yy >= 91 ? 1900 + yy : 2000 + yy}-${m[2]}-01`;
}

/** Publication dates of every node: the notes' own where given, else the arXiv id's month. */
export function publishedDates(map: MapFile): string[] {
  const { published, arxiv, kind } = map.nodes;
  return published.map((p, i) => (p || kind[i] !== 0 ? (p ?? '') : arxivMonth(arxiv[i] ?? '')));
}

export function indexMap(map: MapFile): MapIndex {
  const n = map.nodes.label.length;
  const keys = Array.from({ length: n }, (_, i) => nodeKeyAt(map, i));
  const byKey = new Map(keys.map((k, i) => [k, i]));
  const topicByKey = new Map(map.topics.map((t, i) => [t.key, i]));
  const topicAncestors = map.topics.map((t) => {
    const out: number[] = [];
    for (let d = 1; d <= t.path.length; d++) {
      const a = topicByKey.get(t.path.slice(0, d).join(' / '));
      if (a !== undefined) out.push(a);
    }
    return out;
  });
  const { source, target } = map.edges;
  const deg = new Int32Array(n + 1);
  for (let e = 0; e < source.length; e++) {
    deg[source[e]!]!++;
    if (target[e] !== source[e]) deg[target[e]!]!++;
  }
  const adjStart = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) adjStart[i + 1] = adjStart[i]! + deg[i]!;
  const fill = adjStart.slice(0, n);
  const adjEdges = new Int32Array(adjStart[n]!);
  for (let e = 0; e < source.length; e++) {
    adjEdges[fill[source[e]!]!++] = e;
    if (target[e] !== source[e]) adjEdges[fill[target[e]!]!++] = e;
  }
  return { map, keys, byKey, topicAncestors, adjStart, adjEdges, published: publishedDates(map) };
}

export interface Visibility {
  node: Uint8Array;
  edge: Uint8Array;
  visibleNodes: number;
  visiblePapers: number;
  visibleEdges: number;
  /** Papers passing the date filter in each topic's subtree (the topic filter itself not applied). */
  topicCounts: Int32Array;
  /** Papers without a date in the chosen field (hidden while a date range is set). */
  undated: number;
}

export function computeVisibility(index: MapIndex, f: Filters): Visibility {
  const { map, topicAncestors, adjStart, adjEdges } = index;
  const nodes = map.nodes;
  const n = nodes.label.length;
  const m = map.edges.source.length;
  const node = new Uint8Array(n);
  const edge = new Uint8Array(m);
  const topicCounts = new Int32Array(map.topics.length);

  const hiddenTopic = new Uint8Array(map.topics.length);
  const hiddenKeys = new Set(f.hiddenTopics);
  map.topics.forEach((t, i) => {
    if (topicAncestors[i]!.some((a) => hiddenKeys.has(map.topics[a]!.key))) hiddenTopic[i] = 1;
  });
  const topicPasses = (t: number) => t < 0 || hiddenTopic[t] === 0;
  const dates = f.dateField === 'date' ? nodes.date : index.published;
  const range = f.dateRange;
  // An open bound ('') lets every date through on its side.
  const lo = range?.[0] ?? '';
  const hi = range?.[1] || '\uffff';

  let visiblePapers = 0;
  let undated = 0;
  const hiddenKinds = f.hiddenKinds.length > 0 ? new Set(f.hiddenKinds) : null;
  const workKind = nodes.workKind;
  for (let i = 0; i < n; i++) {
    if (nodes.kind[i] !== 0) continue;
    // A hidden kind of work is as if it were not in the notes: no counts, no date.
    if (hiddenKinds?.has(workKind[i] || 'paper')) continue;
    const d = dates[i] ?? '';
    if (d === '') undated++;
    const dateOk = range === null || (d !== '' && d >= lo && d <= hi);
    if (!dateOk) continue;
    const t = nodes.topic[i]!;
    if (t >= 0) for (const a of topicAncestors[t]!) topicCounts[a]!++;
    if (topicPasses(t)) {
      node[i] = 1;
      visiblePapers++;
    }
  }
  // A concept shows when a visible paper touches it, or, with no papers around it, when its topic passes.
  let visibleNodes = visiblePapers;
  if (f.showConcepts) {
    for (let i = 0; i < n; i++) {
      if (nodes.kind[i] !== 1) continue;
      let hasPaper = false;
      let ok = false;
      for (let k = adjStart[i]!; k < adjStart[i + 1]! && !ok; k++) {
        const e = adjEdges[k]!;
        const other = map.edges.source[e] === i ? map.edges.target[e]! : map.edges.source[e]!;
        if (nodes.kind[other] === 0) {
          hasPaper = true;
          if (node[other]) ok = true;
        }
      }
      if (ok || (!hasPaper && topicPasses(nodes.topic[i]!))) {
        node[i] = 1;
        visibleNodes++;
      }
    }
  }
  const typeOn = new Uint8Array(EDGE_TYPES.length);
  for (const t of f.edgeTypes) typeOn[EDGE_TYPES.indexOf(t)] = 1;
  let visibleEdges = 0;
  for (let e = 0; e < m; e++) {
    if (typeOn[map.edges.type[e]!] && node[map.edges.source[e]!] && node[map.edges.target[e]!]) {
      edge[e] = 1;
      visibleEdges++;
    }
  }
  return { node, edge, visibleNodes, visiblePapers, visibleEdges, topicCounts, undated };
}

/**
 * How many papers and works of each other kind the map holds, papers first, then in `WORK_KINDS` order (kinds
 * the map does not have are left out).
 */
export function workKindCounts(map: MapFile): { kind: string; count: number }[] {
  const counts = new Map<string, number>();
  const { kind, workKind } = map.nodes;
  for (let i = 0; i < kind.length; i++) {
    if (kind[i] !== 0) continue;
    const k = workKind[i] || 'paper';
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  const order = ['paper', ...WORK_KINDS];
  return [...counts.keys()]
    .sort((a, b) => (order.indexOf(a) >>> 0) - (order.indexOf(b) >>> 0) || (a < b ? -1 : 1))
    .map((k) => ({ kind: k, count: counts.get(k)! }));
}

/**
 * Nodes sharing an edge with `i`, for the hover highlight: of any type, or only through the edges shown
 * (`edgeVisible`), so that what lights up is what the map links.
 */
export function neighbourhood(index: MapIndex, i: number, edgeVisible?: ArrayLike<number>): Set<number> {
  const out = new Set<number>([i]);
  const { adjStart, adjEdges, map } = index;
  for (let k = adjStart[i]!; k < adjStart[i + 1]!; k++) {
    const e = adjEdges[k]!;
    if (edgeVisible && !edgeVisible[e]) continue;
    out.add(map.edges.source[e] === i ? map.edges.target[e]! : map.edges.source[e]!);
  }
  return out;
}

/** The dates of papers, in the chosen field, for the timeline (papers without one are left out). */
export function paperDates(map: MapFile, field: Filters['dateField']): string[] {
  const src = field === 'date' ? map.nodes.date : publishedDates(map);
  const out: string[] = [];
  for (let i = 0; i < src.length; i++) if (map.nodes.kind[i] === 0 && src[i]) out.push(src[i]!);
  return out;
}
