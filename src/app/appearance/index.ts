// Colours and marks derived from the map. Pure.
import type { EdgeType } from '../../types.js';
import type { MapFile } from '../../view/types.js';

export const EDGE_COLORS: Record<EdgeType, string> = {
  'builds-on': '#2b7bd6',
  critiques: '#d6452b',
  compares: '#d69a2b',
  'same-group': '#3aa35b',
  uses: '#a88a5c',
  mentions: '#9a8fb0',
  'links-to': '#b07d2b',
};

export const EDGE_LABELS: Record<EdgeType, string> = {
  'builds-on': 'builds on',
  critiques: 'critiques',
  compares: 'compares with',
  'same-group': 'same group',
  uses: 'uses',
  mentions: 'mentions',
  'links-to': 'links to',
};

/** What each kind of work is called on the page (`paper` for papers). */
export const WORK_KIND_LABELS: Readonly<Record<string, string>> = {
  paper: 'papers',
  blog: 'blog posts',
  book: 'books',
  repo: 'repositories',
  tweet: 'tweets',
  news: 'news',
  video: 'videos',
};

/** Colours of the kinds of work when the map is coloured by kind (papers a calm blue, the others apart). */
export const WORK_KIND_COLORS: Readonly<Record<string, string>> = {
  paper: '#4e79a7',
  blog: '#f28e2b',
  book: '#59a14f',
  repo: '#e15759',
  tweet: '#76b7b2',
  news: '#edc948',
  video: '#b07aa1',
};

/** One work of each kind, for a panel's heading. */
export const WORK_KIND_NAMES: Readonly<Record<string, string>> = {
  blog: 'blog post',
  book: 'book',
  repo: 'repository',
  tweet: 'tweet',
  news: 'news item',
  video: 'video',
};

/** Edge types drawn with an arrow head at the target. */
export const ARROW_TYPES: ReadonlySet<EdgeType> = new Set<EdgeType>(['builds-on', 'critiques']);

function parseHex(c: string): [number, number, number] {
  const m = /^#?([0-9a-f]{6})$/i.exec(c.trim());
  const v = m ? parseInt(m[1]!, 16) : 0x888888;
  return [(v >> 16) & 255, (v >> 8) & 255, v & 255];
}

function toHex([r, g, b]: readonly number[]): string {
  return `#${[r, g, b]
    .map((x) =>
      Math.round(Math.max(0, Math.min(255, x ?? 0)))
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')}`;
}

/** Mix a colour towards another by `t` (0 = a, 1 = b). */
export function mix(a: string, b: string, t: number): string {
  const x = parseHex(a);
  const y = parseHex(b);
  return toHex(x.map((v, i) => v + (y[i]! - v) * t));
}

/** Concepts: the topic colour, muted towards grey. */
export function conceptColor(topicColor: string): string {
  return mix(topicColor, '#9a9a9a', 0.55);
}

/** A distinct colour per community index (golden-angle hues, fixed saturation and lightness). */
export function communityColor(community: number): string {
  if (community < 0) return '#9a9a9a';
  const h = (community * 137.508 + 20) % 360;
  const s = 0.62;
  const l = community % 2 === 0 ? 0.48 : 0.38;
  const k = (n: number) => (n + h / 30) % 12;
  const a = s * Math.min(l, 1 - l);
  const f = (n: number) => 255 * (l - a * Math.max(-1, Math.min(k(n) - 3, Math.min(9 - k(n), 1))));
  return toHex([f(0), f(8), f(4)]);
}

/**
 * Papers whose Louvain community is not the one most of their top-level topic's papers fall in.
 * Returns one flag per node (concepts and papers without a community are never marked).
 */
export function communityOutliers(map: MapFile): Uint8Array {
  const n = map.nodes.label.length;
  const topTopic = map.topics.map((t) => map.topics.findIndex((u) => u.key === t.path[0]));
  const counts = new Map<number, Map<number, number>>();
  for (let i = 0; i < n; i++) {
    const t = map.nodes.topic[i]!;
    const c = map.nodes.community[i]!;
    if (map.nodes.kind[i] !== 0 || t < 0 || c < 0) continue;
    const top = topTopic[t]!;
    const m = counts.get(top) ?? new Map<number, number>();
    m.set(c, (m.get(c) ?? 0) + 1);
    counts.set(top, m);
  }
  const dominant = new Map<number, number>();
  for (const [top, m] of counts) {
    let bestC = -1;
    let bestN = -1;
    for (const [c, k] of [...m].sort((a, b) => a[0] - b[0])) if (k > bestN) [bestC, bestN] = [c, k];
    dominant.set(top, bestC);
  }
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const t = map.nodes.topic[i]!;
    const c = map.nodes.community[i]!;
    if (map.nodes.kind[i] !== 0 || t < 0 || c < 0) continue;
    if (dominant.get(topTopic[t]!) !== c) out[i] = 1;
  }
  return out;
}

/** A community as the legend shows it. */
export interface CommunityEntry {
  community: number;
  papers: number;
  /** The label of the topic most of its papers sit under ('' when none has a topic). */
  name: string;
  /** The share of its papers under that topic (0-1). */
  share: number;
  /** The label of its second most common topic ('' when none), to tell apart communities of one name. */
  second: string;
  color: string;
}

/**
 * The communities holding papers, biggest first, each named by the most common topic of its papers (ties:
 * the lower topic index), with the count of papers marked as outliers (their community is not the one
 * most of their topic's papers fall in).
 */
export function communityLegend(map: MapFile): {
  entries: CommunityEntry[];
  outliers: number;
  /** Communities of one paper (no links to group it with anything). */
  singletons: number;
} {
  const byCommunity = new Map<number, Map<number, number>>();
  const n = map.nodes.label.length;
  for (let i = 0; i < n; i++) {
    const c = map.nodes.community[i]!;
    if (map.nodes.kind[i] !== 0 || c < 0) continue;
    const t = map.nodes.topic[i]!;
    const m = byCommunity.get(c) ?? new Map<number, number>();
    m.set(t, (m.get(t) ?? 0) + 1);
    byCommunity.set(c, m);
  }
  const entries: CommunityEntry[] = [];
  for (const [community, topics] of byCommunity) {
    let papers = 0;
    let best = -1;
    let bestN = 0;
    let second = -1;
    let secondN = 0;
    for (const [t, k] of [...topics].sort((a, b) => a[0] - b[0])) {
      papers += k;
      if (t < 0) continue;
      if (k > bestN) {
        [second, secondN] = [best, bestN];
        [best, bestN] = [t, k];
      } else if (k > secondN) [second, secondN] = [t, k];
    }
    entries.push({
      community,
      papers,
      name: best >= 0 ? (map.topics[best]?.label ?? '') : '',
      share: papers ? bestN / papers : 0,
      second: second >= 0 ? (map.topics[second]?.label ?? '') : '',
      color: communityColor(community),
    });
  }
  entries.sort((a, b) => b.papers - a.papers || a.community - b.community);
  let outliers = 0;
  for (const f of communityOutliers(map)) outliers += f;
  return { entries, outliers, singletons: entries.filter((e) => e.papers === 1).length };
}
