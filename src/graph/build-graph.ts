// Records + edges -> graphology graph with topic colours, degree sizes, communities and a seeded layout,
// exported in sorted order so the same notes give the same bytes.
import type {
  ConceptNodeAttributes,
  ConceptRecord,
  Diagnostic,
  EdgeAttributes,
  EdgeRecord,
  EdgeType,
  GraphAttributes,
  LinkResult,
  NodeId,
  PaperNodeAttributes,
  PaperRecord,
  ParseResult,
  SerializedEdge,
  SerializedGraph,
  SerializedNode,
  SourceRef,
  TopicInfo,
} from '../types.js';
import { EDGE_TYPES } from '../types.js';
import { assignTopicColors, topicGroups } from './colors.js';
import { detectCommunities, inheritCommunities } from './communities.js';
import {
  CONCEPT_SIZE,
  DEFAULT_SEED,
  EDGE_COLORS,
  EDGE_WEIGHTS,
  NEUTRAL_COLOR,
  PAPER_SIZE,
  type SizeRule,
} from './defaults.js';
import { sortDiagnostics } from './diagnostics.js';
import {
  planLayout,
  round2,
  runLayout,
  type LayoutMemory,
  type LayoutResult,
  type WeightedPair,
} from './layout.js';
import { buildTopicTree, topicKey, type TopicTree } from './topics.js';

export interface GraphOptions {
  /** Seed for the layout jitter and Louvain. Default 1. */
  seed?: number | null;
  /** Skip ForceAtlas2 (positions from topic seeds only); used by benchmarks and `--no-layout`. Default true. */
  layout?: boolean | null;
  /** Override the ForceAtlas2 iteration budget of a full layout. */
  iterations?: number | null;
  /** Diagnostics from outside the pure stages (e.g. files the CLI could not read), merged and sorted in. */
  extraDiagnostics?: readonly Diagnostic[] | null;
  /** Raw positions of a previous build: warm-starts the layout (see `createBuilder`). */
  previousLayout?: LayoutMemory | null;
}

export interface GraphBuild {
  graph: SerializedGraph;
  /** Raw layout positions to pass back as `previousLayout` next time. */
  layout: LayoutMemory;
  layoutMode: LayoutResult['mode'];
  iterations: number;
  /** Milliseconds: `graph` (everything but ForceAtlas2 and seeding) and `layout`. */
  timings: { graph: number; layout: number };
}

/** Build the graph JSON (`graph.export()` of a mixed multi graph) from parser and link results. */
export function buildGraph(
  parsed: ParseResult,
  links: LinkResult,
  options?: GraphOptions | null,
): SerializedGraph {
  return buildGraphDetailed(parsed, links, options).graph;
}

export function buildGraphDetailed(
  parsed: ParseResult,
  links: LinkResult,
  options?: GraphOptions | null,
): GraphBuild {
  const started = performance.now();
  const seed = options?.seed ?? DEFAULT_SEED;
  const own: Diagnostic[] = [];

  const papers = uniqueById(parsed.papers, 'duplicate-paper-id', 'paper', own);
  const paperById = new Map(papers.map((paper) => [paper.id as string, paper]));
  const concepts = uniqueById(links.concepts, 'duplicate-concept-id', 'concept', own).filter((concept) => {
    if (!paperById.has(concept.id)) return true;
    own.push(
      at(concept.sources[0], 'concept-id-collision', `concept ${concept.id} has a paper's id; dropped`),
    );
    return false;
  });
  const nodeKeys = new Set<string>([...paperById.keys(), ...concepts.map((concept) => concept.id as string)]);
  const edges = validEdges(links.edges, nodeKeys, own);

  const tree = buildTopicTree(papers);
  const groups = topicGroups(
    tree,
    papers.map((paper) => paper.topicPath),
  );
  const colors = assignTopicColors(tree, groups);
  const paperTopic = new Map(papers.map((paper) => [paper.id as string, topicKey(paper.topicPath)]));
  const conceptTopics = placeConcepts(concepts, edges, paperTopic, tree);

  const degree = new Map<string, number>();
  for (const edge of edges) {
    degree.set(edge.source, (degree.get(edge.source) ?? 0) + 1);
    degree.set(edge.target, (degree.get(edge.target) ?? 0) + 1);
  }
  const sortedKeys = [...nodeKeys].sort(compareStrings);
  const layoutNodes = sortedKeys.map((key) => {
    const paper = paperById.get(key);
    return { key, topic: paper ? (paperTopic.get(key) ?? '') : topicKey(conceptTopics.get(key)?.path ?? []) };
  });
  const previous = options?.previousLayout ?? null;
  const layoutOptions = {
    seed,
    run: options?.layout ?? true,
    iterations: options?.iterations ?? null,
    previous,
  };
  let layoutTime = 0;
  let layoutStarted = performance.now();
  const plan = planLayout(layoutNodes, tree, groups, layoutOptions);
  layoutTime += performance.now() - layoutStarted;

  // Warm builds reuse the previous communities: Louvain and building the projection cost more than the
  // whole warm layout.
  let communities: Map<string, number>;
  let pairList: WeightedPair[];
  if (plan.mode === 'warm' && previous) {
    // Only the edges that touch new nodes matter to a warm start.
    const fresh = new Set(plan.newNodes.map((node) => node.key));
    pairList = mergePairs(edges.filter((edge) => fresh.has(edge.source) || fresh.has(edge.target)));
    communities = inheritCommunities(previous.communities, sortedKeys, pairList);
  } else {
    pairList = mergePairs(edges);
    communities = detectCommunities(sortedKeys, pairList, seed);
  }

  layoutStarted = performance.now();
  const layout = runLayout(plan, layoutNodes, pairList, tree, groups, layoutOptions);
  layoutTime += performance.now() - layoutStarted;
  pairList = []; // released before the output objects are built

  // The output is built directly in the exact shape and key order of graphology's `graph.export()` for a
  // mixed multi graph (tests check `Graph.from(g).export()` gives it back unchanged): going through a
  // Graph instance cost seconds at 100k nodes, all in adjacency bookkeeping nothing here reads.
  const nodes: SerializedNode[] = [];
  const serializedEdges: SerializedEdge[] = [];
  const display = (key: string, topic: string, sizing: SizeRule) => {
    const position = layout.positions.get(key) ?? { x: 0, y: 0 };
    const size = Math.min(sizing.max, sizing.base + sizing.perSqrtDegree * Math.sqrt(degree.get(key) ?? 0));
    return {
      x: position.x,
      y: position.y,
      size: round2(size),
      color: topic === '' ? NEUTRAL_COLOR : (colors.get(topic) ?? NEUTRAL_COLOR),
      community: communities.get(key) ?? 0,
    } satisfies Display;
  };
  const conceptById = new Map(concepts.map((concept) => [concept.id as string, concept]));
  for (const key of sortedKeys) {
    const paper = paperById.get(key);
    if (paper) {
      nodes.push({
        key: key as NodeId,
        attributes: paperAttributes(paper, display(key, paperTopic.get(key) ?? '', PAPER_SIZE)),
      });
      continue;
    }
    const concept = conceptById.get(key) as ConceptRecord;
    const place = conceptTopics.get(key) ?? { path: [], topics: [] };
    nodes.push({
      key: key as NodeId,
      attributes: conceptAttributes(concept, place, display(key, topicKey(place.path), CONCEPT_SIZE)),
    });
  }

  const edgesByType = Object.fromEntries(EDGE_TYPES.map((type) => [type, 0])) as Record<EdgeType, number>;
  for (const edge of edges) {
    edgesByType[edge.type]++;
    const known = serializedOf.get(edge);
    if (known) {
      serializedEdges.push(known);
      continue;
    }
    const attributes: EdgeAttributes =
      edge.via === undefined
        ? {
            type: edge.type,
            evidence: edge.evidence,
            sources: edge.sources,
            confidence: edge.confidence,
            size: round2(0.5 + 1.5 * clamp01(edge.confidence)),
            color: EDGE_COLORS[edge.type],
          }
        : {
            type: edge.type,
            evidence: edge.evidence,
            sources: edge.sources,
            confidence: edge.confidence,
            via: edge.via,
            size: round2(0.5 + 1.5 * clamp01(edge.confidence)),
            color: EDGE_COLORS[edge.type],
          };
    const serialized: SerializedEdge =
      edge.type === 'same-group'
        ? { key: edge.key, source: edge.source, target: edge.target, attributes, undirected: true }
        : { key: edge.key, source: edge.source, target: edge.target, attributes };
    serializedOf.set(edge, serialized);
    serializedEdges.push(serialized);
  }

  const attributes: GraphAttributes = {
    name: 'papermap',
    version: 1,
    stats: {
      files: parsed.stats.files,
      entries: parsed.stats.entries,
      papers: papers.length,
      mergedDuplicates: parsed.stats.mergedDuplicates,
      concepts: concepts.length,
      edges: edges.length,
      edgesByType,
    },
    topics: topicInfos(tree, papers, paperTopic, layout.positions, colors),
    diagnostics: sortDiagnostics([
      ...parsed.diagnostics,
      ...links.diagnostics,
      ...(options?.extraDiagnostics ?? []),
      ...own,
    ]),
  };

  const exported: SerializedGraph = {
    options: { type: 'mixed', multi: true, allowSelfLoops: false },
    attributes,
    nodes,
    edges: serializedEdges,
  };
  return {
    graph: exported,
    layout: {
      signature: plan.signature,
      positions: layout.raw,
      topics: new Map(layoutNodes.map((node) => [node.key, node.topic])),
      communities,
    },
    layoutMode: layout.mode,
    iterations: layout.iterations,
    timings: { graph: performance.now() - started - layoutTime, layout: layoutTime },
  };
}

/**
 * An edge record's serialized form, by record: a rebuild that is handed the same record (the link stage keeps
 * untouched edges' records) reuses it. Records are never changed once built, and the form depends on nothing
 * else, so this is invisible in the output.
 */
const serializedOf = new WeakMap<EdgeRecord, SerializedEdge>();

/** Parallel edges of any type merged into one weighted, undirected pair per two nodes. */
function mergePairs(edges: readonly EdgeRecord[]): WeightedPair[] {
  const pairs = new Map<string, WeightedPair>();
  for (const edge of edges) {
    const [a, b] = edge.source < edge.target ? [edge.source, edge.target] : [edge.target, edge.source];
    const pairKey = `${a}\u0000${b}`;
    const weight = EDGE_WEIGHTS[edge.type] * (0.5 + 0.5 * clamp01(edge.confidence));
    const pair = pairs.get(pairKey);
    if (pair) pair.weight += weight;
    else pairs.set(pairKey, { source: a, target: b, weight });
  }
  return [...pairs.values()];
}

type Display = Pick<PaperNodeAttributes, 'x' | 'y' | 'size' | 'color' | 'community'>;

function paperAttributes(paper: PaperRecord, display: Display): PaperNodeAttributes {
  // One object shape for every paper (absent optional fields are `undefined`, which JSON leaves out).
  return {
    kind: 'paper',
    label: paper.label,
    title: paper.title,
    altTitles: paper.altTitles,
    arxiv: paper.arxiv,
    date: paper.date,
    published: paper.published,
    authors: paper.authors,
    topic: paper.topic,
    topicPath: paper.topicPath,
    topics: paper.topics,
    summary: paper.summary,
    links: paper.links,
    sources: paper.sources,
    tags: paper.tags,
    citedOnly: paper.citedOnly,
    x: display.x,
    y: display.y,
    size: display.size,
    color: display.color,
    community: display.community,
  };
}

function conceptAttributes(
  concept: ConceptRecord,
  place: ConceptPlace,
  display: Display,
): ConceptNodeAttributes {
  return {
    kind: 'concept',
    label: concept.label,
    title: concept.label,
    aliases: concept.aliases,
    conceptKind: concept.conceptKind,
    topic: place.path[place.path.length - 1] ?? '',
    topicPath: [...place.path],
    topics: [...place.topics],
    sources: concept.sources,
    x: display.x,
    y: display.y,
    size: display.size,
    color: display.color,
    community: display.community,
  };
}

interface ConceptPlace {
  path: string[];
  topics: string[];
}

/**
 * A concept takes the topic of the papers it is linked to most (ties: the topic that comes first in the
 * notes); its `topics` are the headings of all those papers' topics, most linked first.
 */
function placeConcepts(
  concepts: readonly ConceptRecord[],
  edges: readonly EdgeRecord[],
  paperTopic: Map<string, string>,
  tree: TopicTree,
): Map<string, ConceptPlace> {
  const conceptIds = new Set(concepts.map((concept) => concept.id as string));
  const counts = new Map<string, Map<string, number>>();
  const count = (concept: string, other: string): void => {
    if (!conceptIds.has(concept)) return;
    const key = paperTopic.get(other);
    if (key === undefined) return;
    let byTopic = counts.get(concept);
    if (!byTopic) counts.set(concept, (byTopic = new Map()));
    byTopic.set(key, (byTopic.get(key) ?? 0) + 1);
  };
  for (const edge of edges) {
    count(edge.source, edge.target);
    count(edge.target, edge.source);
  }
  const order = new Map(tree.topics.map((topic, index) => [topic.key, index]));
  const places = new Map<string, ConceptPlace>();
  for (const concept of concepts) {
    const byTopic = counts.get(concept.id);
    if (!byTopic) {
      places.set(concept.id, { path: [], topics: [] });
      continue;
    }
    const ranked = [...byTopic.entries()].sort(
      (a, b) => b[1] - a[1] || (order.get(a[0]) ?? -1) - (order.get(b[0]) ?? -1),
    );
    const paths = ranked.map(([key]) => tree.byKey.get(key)?.path ?? []);
    const topics: string[] = [];
    for (const path of paths) for (const heading of path) if (!topics.includes(heading)) topics.push(heading);
    places.set(concept.id, { path: [...(paths[0] ?? [])], topics });
  }
  return places;
}

function topicInfos(
  tree: TopicTree,
  papers: readonly PaperRecord[],
  paperTopic: Map<string, string>,
  positions: Map<string, { x: number; y: number }>,
  colors: Map<string, string>,
): TopicInfo[] {
  const sums = new Map<string, { x: number; y: number; n: number }>();
  for (const paper of papers) {
    const position = positions.get(paper.id);
    if (!position || paper.topicPath.length === 0) continue;
    for (
      let key: string | null = topicKey(paper.topicPath);
      key !== null;
      key = tree.byKey.get(key)?.parent ?? null
    ) {
      const sum = sums.get(key) ?? { x: 0, y: 0, n: 0 };
      sum.x += position.x;
      sum.y += position.y;
      sum.n++;
      sums.set(key, sum);
    }
  }
  return tree.topics.map((topic) => {
    const sum = sums.get(topic.key);
    return {
      key: topic.key,
      path: [...topic.path],
      label: topic.label,
      count: topic.count,
      color: colors.get(topic.key) ?? NEUTRAL_COLOR,
      x: sum ? round2(sum.x / sum.n) : 0,
      y: sum ? round2(sum.y / sum.n) : 0,
    };
  });
}

function uniqueById<T extends { id: string; sources: readonly SourceRef[] }>(
  records: readonly T[],
  rule: string,
  what: string,
  diagnostics: Diagnostic[],
): T[] {
  const seen = new Set<string>();
  const unique: T[] = [];
  for (const record of sortedBy(records, (record) => record.id)) {
    if (seen.has(record.id)) {
      diagnostics.push(
        at(record.sources[0], rule, `${what} ${record.id} appears twice; the second is dropped`),
      );
      continue;
    }
    seen.add(record.id);
    unique.push(record);
  }
  return unique;
}

/** Edges sorted by key, without unknown ends, self-loops or repeated keys (each reported). */
function validEdges(records: readonly EdgeRecord[], nodeKeys: Set<string>, diagnostics: Diagnostic[]) {
  const valid: EdgeRecord[] = [];
  // Sorted by key, so a repeated key is always right after the kept one.
  let lastKey: string | null = null;
  for (const edge of sortedBy(records, (edge) => edge.key)) {
    const where = edge.sources[0];
    if (!nodeKeys.has(edge.source) || !nodeKeys.has(edge.target)) {
      const missing = nodeKeys.has(edge.source) ? edge.target : edge.source;
      diagnostics.push(
        at(where, 'edge-unknown-node', `${edge.type} edge ${edge.key} points to unknown ${missing}`),
      );
    } else if (edge.source === edge.target) {
      diagnostics.push(
        at(where, 'edge-self-loop', `${edge.type} edge from ${edge.source} to itself dropped`, 'info'),
      );
    } else if (edge.key === lastKey) {
      diagnostics.push(
        at(where, 'duplicate-edge-key', `edge ${edge.key} appears twice; the second is dropped`),
      );
    } else {
      lastKey = edge.key;
      valid.push(edge);
    }
  }
  return valid;
}

function at(
  source: SourceRef | undefined,
  rule: string,
  message: string,
  severity: Diagnostic['severity'] = 'warning',
): Diagnostic {
  return { rule, severity, file: source?.file ?? '', line: source?.line ?? 1, column: 1, message };
}

function clamp01(value: number): number {
  return Number.isFinite(value) ? Math.min(1, Math.max(0, value)) : 0;
}

/** `records` sorted by `key`, without copying or sorting when they already are (the usual case). */
function sortedBy<T>(records: readonly T[], key: (record: T) => string): readonly T[] {
  for (let i = 1; i < records.length; i++) {
    if (key(records[i - 1] as T) > key(records[i] as T)) {
      return [...records].sort((a, b) => compareStrings(key(a), key(b)));
    }
  }
  return records;
}

export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
