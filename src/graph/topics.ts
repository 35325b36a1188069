// The topic tree: every heading path that has papers under it, ordered as the notes order them.
import type { PaperRecord, SourceRef } from '../types.js';

export const TOPIC_SEPARATOR = ' / ';

export interface TopicNode {
  /** `path.join(' / ')`; `''` only for the synthetic group of papers with no heading. */
  key: string;
  path: string[];
  label: string;
  parent: string | null;
  /** Child keys in order of first appearance in the notes. */
  children: string[];
  /** Papers whose topicPath starts with this path. */
  count: number;
  /** Papers whose topicPath is exactly this path. */
  direct: number;
  /** Earliest place a paper under this topic appears: orders siblings as the notes do. */
  firstSeen: SourceRef;
}

export interface TopicTree {
  /** Every topic in depth-first order, parents before children, siblings in order of appearance. */
  topics: TopicNode[];
  byKey: Map<string, TopicNode>;
  /** Top-level keys (roots of the forest), in order. */
  roots: string[];
  /**
   * Length of the heading path every paper shares (e.g. 1 when one `# Title` heads the only file). Hues are
   * given one level below it, so a file-wide title does not paint the whole map one colour.
   */
  trunk: number;
  /** Whether some paper has no heading at all (it then belongs to the synthetic group `''`). */
  hasUntopiced: boolean;
}

export function topicKey(path: readonly string[]): string {
  return path.join(TOPIC_SEPARATOR);
}

export function compareSources(a: SourceRef, b: SourceRef): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return a.line - b.line;
}

const NOWHERE: SourceRef = { file: '\uffff', line: Number.MAX_SAFE_INTEGER };

/** The earliest place a paper appears. */
export function firstSource(paper: PaperRecord): SourceRef {
  if (paper.sources.length === 1) return paper.sources[0] as SourceRef;
  let first = NOWHERE;
  for (const source of paper.sources) if (compareSources(source, first) < 0) first = source;
  return first;
}

/** The group a topic path is coloured and clustered by: its first `trunk + 1` headings. */
export function groupPath(path: readonly string[], trunk: number): string[] {
  return path.slice(0, Math.min(path.length, trunk + 1));
}

/** `keys`, when given, are the papers' `topicKey(topicPath)`, in the same order (saves joining them again). */
export function buildTopicTree(papers: readonly PaperRecord[], keys?: readonly string[] | null): TopicTree {
  const byKey = new Map<string, TopicNode>();
  let hasUntopiced = false;
  // Length of the heading path all papers share so far, measured against the first paper's path.
  let commonPath: readonly string[] | null = null;
  let common = 0;

  // Each paper only touches its own topic (`direct`, earliest place); counts and earliest places are
  // summed up the tree afterwards, once per topic rather than once per paper and level.
  for (let p = 0; p < papers.length; p++) {
    const paper = papers[p] as PaperRecord;
    const path = paper.topicPath;
    if (path.length === 0) hasUntopiced = true;
    if (commonPath === null) {
      commonPath = path;
      common = path.length;
    } else if (common > 0) {
      common = Math.min(common, sharedPrefixLength(commonPath, path));
    }
    if (path.length === 0) continue;
    const seen = firstSource(paper);
    const key = keys?.[p] ?? topicKey(path);
    let node = byKey.get(key);
    if (!node) {
      node = addTopic(byKey, path, key, seen);
    } else if (compareSources(seen, node.firstSeen) < 0) {
      node.firstSeen = seen;
    }
    node.direct++;
  }
  // Children before parents (deeper paths first) so each topic's totals are final when passed up.
  const nodes = [...byKey.values()].sort((a, b) => b.path.length - a.path.length);
  for (const node of nodes) node.count += node.direct;
  for (const node of nodes) {
    const parent = node.parent === null ? undefined : byKey.get(node.parent);
    if (!parent) continue;
    parent.count += node.count;
    if (compareSources(node.firstSeen, parent.firstSeen) < 0) parent.firstSeen = node.firstSeen;
  }

  const bySeen = (a: string, b: string): number => {
    const na = byKey.get(a) as TopicNode;
    const nb = byKey.get(b) as TopicNode;
    return compareSources(na.firstSeen, nb.firstSeen) || (a < b ? -1 : a > b ? 1 : 0);
  };
  const roots: string[] = [];
  for (const node of byKey.values()) {
    if (node.parent === null) roots.push(node.key);
    else byKey.get(node.parent)?.children.push(node.key);
  }
  roots.sort(bySeen);
  for (const node of byKey.values()) node.children.sort(bySeen);

  const topics: TopicNode[] = [];
  const visit = (key: string): void => {
    const node = byKey.get(key) as TopicNode;
    topics.push(node);
    for (const child of node.children) visit(child);
  };
  for (const root of roots) visit(root);

  return { topics, byKey, roots, trunk: hasUntopiced ? 0 : common, hasUntopiced };
}

/** A topic for `path` (known to be missing) and any missing ancestors, with no papers counted yet. */
function addTopic(
  byKey: Map<string, TopicNode>,
  path: readonly string[],
  key: string,
  seen: SourceRef,
): TopicNode {
  const depth = path.length;
  const parentKey = depth > 1 ? topicKey(path.slice(0, depth - 1)) : null;
  const node: TopicNode = {
    key,
    path: path.slice(),
    label: path[depth - 1] ?? '',
    parent: parentKey,
    children: [],
    count: 0,
    direct: 0,
    firstSeen: seen,
  };
  byKey.set(key, node);
  if (parentKey !== null && !byKey.has(parentKey)) addTopic(byKey, path.slice(0, depth - 1), parentKey, seen);
  return node;
}

function sharedPrefixLength(a: readonly string[], b: readonly string[]): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}
