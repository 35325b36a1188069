// Records + edges -> graph JSON with topic colours, degree sizes, communities and a seeded layout, exported in
// sorted order so the same notes give the same bytes. A rebuild handed the previous build's `reuse` redoes
// only what the changed records touch: unchanged node and edge objects, the node index and the sorted
// diagnostics are carried over.
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
import { CONCEPT_SIZE, DEFAULT_SEED, EDGE_COLORS, NEUTRAL_COLOR, PAPER_SIZE } from './defaults.js';
import { sortDiagnostics } from './diagnostics.js';
import {
  planLayout,
  round2,
  runLayout,
  type LayoutMemory,
  type LayoutNode,
  type LayoutResult,
  type WeightedPair,
} from './layout.js';
import { clamp01, mergePairs, weightedPairs, type IndexedEdges } from './pairs.js';
import { buildTopicTree, firstSource, topicKey, type TopicNode, type TopicTree } from './topics.js';

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
  /**
   * The `reuse` of an earlier build (any earlier build, any options): what did not change since is carried
   * over instead of rebuilt. The graph is the same as without it; records must not have been mutated since
   * (the parse and link stages hand unchanged papers, concepts and edges back as the same objects).
   */
  previousBuild?: GraphReuse | null;
}

declare const opaque: unique symbol;
/** What a build keeps for the next one (`GraphOptions.previousBuild`). Opaque; read-only once made. */
export interface GraphReuse {
  readonly [opaque]: 'GraphReuse';
}

export interface GraphBuild {
  graph: SerializedGraph;
  /** Raw layout positions to pass back as `previousLayout` next time. */
  layout: LayoutMemory;
  layoutMode: LayoutResult['mode'];
  iterations: number;
  /** Pass back as `previousBuild` next time. */
  reuse: GraphReuse;
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
  const before = options?.previousBuild ? stateOf(options.previousBuild) : null;

  const records = nodeRecords(parsed.papers, links.concepts, before);
  const { papers, concepts, keys, index } = records;
  const n = keys.length;
  const edges = validEdges(links.edges, records, before);

  // Topic key of every node: a paper's own (carried over for an unchanged record), a concept's from the
  // papers it is linked to.
  const nodeTopic: string[] = new Array<string>(n);
  const pathKeys: string[] = [];
  const oldRecords = before?.records ?? null;
  for (let i = 0; i < n; i++) {
    const paper = records.paper[i];
    if (!paper) continue;
    const o = previousIndex(records, before, i);
    const key =
      o >= 0 && oldRecords?.paper[o] === paper
        ? ((before as ReuseState).nodeTopic[o] as string)
        : topicKey(paper.topicPath);
    nodeTopic[i] = key;
    pathKeys.push(key);
  }
  // The tree depends only on each paper's topic and earliest place: when no node came or went and every
  // changed paper keeps both, the previous tree, groups and colours still hold.
  const sameTree = before !== null && sameTopics(records, pathKeys, before);
  const tree = sameTree ? before.tree : buildTopicTree(papers, pathKeys);
  // One string per topic (the tree's key): the maps keyed by topic below then match on identity. A paper
  // whose record and tree are unchanged already holds it.
  for (let i = 0, p = 0; i < n; i++) {
    const paper = records.paper[i];
    if (!paper) continue;
    if (sameTree && paper === before.records.paper[i]) {
      p++;
      continue;
    }
    const key = tree.byKey.get(nodeTopic[i] as string)?.key ?? (nodeTopic[i] as string);
    nodeTopic[i] = key;
    pathKeys[p++] = key;
  }
  const groups = sameTree ? before.groups : topicGroups(tree);
  const colors = sameTree ? before.colors : assignTopicColors(tree, groups);
  const places = sameTree && edges.unchanged ? before.places : placeConcepts(records, edges, nodeTopic, tree);
  for (let i = 0; i < n; i++) {
    if (records.paper[i] === undefined) nodeTopic[i] = topicKey(places[i]?.path ?? []);
  }

  const degree = new Int32Array(n);
  for (let e = 0; e < edges.count; e++) {
    const s = edges.source[e] as number;
    const t = edges.target[e] as number;
    degree[s] = (degree[s] as number) + 1;
    degree[t] = (degree[t] as number) + 1;
  }
  // Nodes with the same keys and topics as before: the same layout input and topic map.
  const sameLayoutNodes =
    before !== null && records.keys === before.records.keys && sameList(nodeTopic, before.nodeTopic);
  let layoutNodes: LayoutNode[];
  if (sameLayoutNodes) layoutNodes = before.layoutNodes;
  else {
    layoutNodes = new Array<LayoutNode>(n);
    for (let i = 0; i < n; i++) layoutNodes[i] = { key: keys[i] as string, topic: nodeTopic[i] as string };
  }
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

  // Warm builds reuse the previous communities: Louvain costs more than the whole warm layout.
  let communities: Map<string, number>;
  let pairList: WeightedPair[];
  if (plan.mode === 'warm' && previous) {
    // Only the edges that touch new nodes matter to a warm start.
    const fresh = new Uint8Array(n);
    for (const node of plan.newNodes) fresh[index.get(node.key) as number] = 1;
    const touching = (e: number) =>
      fresh[edges.source[e] as number] === 1 || fresh[edges.target[e] as number] === 1;
    pairList = weightedPairs(mergePairs(edges, n, touching), keys);
    // Same nodes as the build that made these communities: inheriting would copy them unchanged.
    communities =
      before && records.keys === before.records.keys && previous.communities === before.communities
        ? before.communities
        : inheritCommunities(previous.communities, keys, pairList);
  } else {
    const pairs = mergePairs(edges, n);
    communities = detectCommunities(keys, pairs, seed);
    // Only ForceAtlas2 reads the pairs (a seeded layout places nodes by topic alone).
    pairList = plan.mode === 'cold' ? weightedPairs(pairs, keys) : [];
  }

  layoutStarted = performance.now();
  const layout = runLayout(plan, layoutNodes, pairList, tree, groups, layoutOptions);
  layoutTime += performance.now() - layoutStarted;
  pairList = []; // released before the output objects are built

  // The output is built directly in the exact shape and key order of graphology's `graph.export()` for a
  // mixed multi graph (tests check `Graph.from(g).export()` gives it back unchanged): going through a
  // Graph instance cost seconds at 100k nodes, all in adjacency bookkeeping nothing here reads.
  const nodes: SerializedNode[] = new Array<SerializedNode>(n);
  const oldNodes = before?.nodes ?? null;
  for (let i = 0; i < n; i++) {
    const key = keys[i] as string;
    const paper = records.paper[i];
    const topic = nodeTopic[i] as string;
    const sizing = paper ? PAPER_SIZE : CONCEPT_SIZE;
    const position = layout.positions.get(key) ?? ORIGIN;
    const display: Display = {
      x: position.x,
      y: position.y,
      size: round2(Math.min(sizing.max, sizing.base + sizing.perSqrtDegree * Math.sqrt(degree[i] as number))),
      color: topic === '' ? NEUTRAL_COLOR : (colors.get(topic) ?? NEUTRAL_COLOR),
      community: communities.get(key) ?? 0,
    };
    // The previous build's node for this key, when its record, place and display are all unchanged.
    const o = previousIndex(records, before, i);
    if (o >= 0 && oldRecords && oldNodes) {
      const oldNode = oldNodes[o] as SerializedNode;
      const same = paper
        ? oldRecords.paper[o] === paper
        : oldRecords.concept[o] === records.concept[i] &&
          samePlace(oldNode.attributes as ConceptNodeAttributes, places[i] as ConceptPlace);
      if (same && sameDisplay(oldNode.attributes, display)) {
        nodes[i] = oldNode;
        continue;
      }
    }
    nodes[i] = {
      key: key as NodeId,
      attributes: paper
        ? paperAttributes(paper, display)
        : conceptAttributes(records.concept[i] as ConceptRecord, places[i] as ConceptPlace, display),
    };
  }

  const edgesByType = before
    ? edges.unchanged
      ? before.edgesByType
      : patchCounts(before.edgesByType, before.edges, edges)
    : countByType(edges);

  const diagnostics = mergedDiagnostics(
    [
      parsed.diagnostics,
      links.diagnostics,
      options?.extraDiagnostics ?? [],
      records.diagnostics,
      edges.diagnostics,
    ],
    before,
  );
  const attributes: GraphAttributes = {
    name: 'papermap',
    version: 1,
    stats: {
      files: parsed.stats.files,
      entries: parsed.stats.entries,
      papers: papers.length,
      mergedDuplicates: parsed.stats.mergedDuplicates,
      concepts: concepts.length,
      edges: edges.count,
      edgesByType: { ...edgesByType },
    },
    topics: topicInfos(tree, papers, pathKeys, layout.positions, colors, groups),
    diagnostics: diagnostics.sorted.slice(),
  };

  // The arrays are the caller's; the node and edge objects in them are shared with later builds (read-only).
  const exported: SerializedGraph = {
    options: { type: 'mixed', multi: true, allowSelfLoops: false },
    attributes,
    nodes: nodes.slice(),
    edges: edges.serialized.slice(),
  };
  const layoutTopics = sameLayoutNodes
    ? before.layoutTopics
    : new Map(layoutNodes.map((node) => [node.key, node.topic]));
  const state: ReuseState = {
    marker: REUSE_MARKER,
    records,
    edges,
    nodeTopic,
    tree,
    groups,
    colors,
    places,
    edgesByType,
    layoutNodes,
    layoutTopics,
    communities,
    nodes,
    diagnostics,
  };
  return {
    graph: exported,
    layout: {
      signature: plan.signature,
      positions: layout.raw,
      topics: layoutTopics,
      communities,
    },
    layoutMode: layout.mode,
    iterations: layout.iterations,
    reuse: state as unknown as GraphReuse,
    timings: { graph: performance.now() - started - layoutTime, layout: layoutTime },
  };
}

interface ReuseState {
  marker: typeof REUSE_MARKER;
  records: NodeRecords;
  edges: ValidEdges;
  nodeTopic: string[];
  tree: TopicTree;
  groups: string[];
  colors: Map<string, string>;
  places: (ConceptPlace | undefined)[];
  edgesByType: Record<EdgeType, number>;
  layoutNodes: LayoutNode[];
  layoutTopics: Map<string, string>;
  communities: Map<string, number>;
  nodes: SerializedNode[];
  diagnostics: MergedDiagnostics;
}

const REUSE_MARKER = 'papermap-graph-reuse';

function stateOf(reuse: GraphReuse): ReuseState {
  const state = reuse as unknown as ReuseState;
  if (state.marker !== REUSE_MARKER) throw new TypeError('papermap: previousBuild is not a GraphBuild.reuse');
  return state;
}

const ORIGIN = { x: 0, y: 0 };

/** Papers and concepts, deduplicated, as one list of nodes sorted by key. */
interface NodeRecords {
  papers: readonly PaperRecord[];
  concepts: readonly ConceptRecord[];
  keys: readonly string[];
  /** Per node: its paper record, or undefined for a concept. */
  paper: (PaperRecord | undefined)[];
  concept: (ConceptRecord | undefined)[];
  index: Map<string, number>;
  /** Node index -> the previous build's index of the same key (-1: new); null when the keys did not change. */
  fromPrevious: Int32Array | null;
  /** Previous build's index -> this build's (-1: gone); null when the keys did not change. */
  toCurrent: Int32Array | null;
  diagnostics: Diagnostic[];
}

function nodeRecords(
  papersIn: readonly PaperRecord[],
  conceptsIn: readonly ConceptRecord[],
  before: ReuseState | null,
): NodeRecords {
  const old = before?.records ?? null;
  const diagnostics: Diagnostic[] = [];
  const papers = uniqueById(papersIn, 'duplicate-paper-id', 'paper', diagnostics);
  const unique = uniqueById(conceptsIn, 'duplicate-concept-id', 'concept', diagnostics);
  // Both lists are sorted: one merge finds concepts that collide with a paper and orders all keys.
  const concepts: ConceptRecord[] = [];
  const keys: string[] = [];
  const paper: (PaperRecord | undefined)[] = [];
  const concept: (ConceptRecord | undefined)[] = [];
  let p = 0;
  for (let c = 0; c <= unique.length; c++) {
    const next = unique[c];
    while (
      p < papers.length &&
      (next === undefined || (papers[p] as PaperRecord).id <= (next.id as string))
    ) {
      const record = papers[p++] as PaperRecord;
      keys.push(record.id);
      paper.push(record);
      concept.push(undefined);
    }
    if (next === undefined) break;
    if (keys.length > 0 && keys[keys.length - 1] === next.id && paper[paper.length - 1] !== undefined) {
      diagnostics.push(
        at(next.sources[0], 'concept-id-collision', `concept ${next.id} has a paper's id; dropped`),
      );
      continue;
    }
    concepts.push(next);
    keys.push(next.id);
    paper.push(undefined);
    concept.push(next);
  }

  let fromPrevious: Int32Array | null = null;
  let toCurrent: Int32Array | null = null;
  let index: Map<string, number>;
  let sharedKeys: readonly string[] = keys;
  if (old && sameList(old.keys, keys)) {
    index = old.index;
    sharedKeys = old.keys;
  } else {
    index = new Map();
    for (let i = 0; i < keys.length; i++) index.set(keys[i] as string, i);
    if (old) [fromPrevious, toCurrent] = matchSorted(old.keys, keys);
  }
  return {
    papers,
    concepts,
    keys: sharedKeys,
    paper,
    concept,
    index,
    fromPrevious,
    toCurrent,
    diagnostics,
  };
}

function sameList<T>(a: readonly T[], b: readonly T[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Index maps between two sorted, duplicate-free key lists. */
function matchSorted(before: readonly string[], after: readonly string[]): [Int32Array, Int32Array] {
  const fromBefore = new Int32Array(after.length).fill(-1);
  const toAfter = new Int32Array(before.length).fill(-1);
  let i = 0;
  for (let j = 0; j < after.length; j++) {
    const key = after[j] as string;
    while (i < before.length && (before[i] as string) < key) i++;
    if (i < before.length && before[i] === key) {
      fromBefore[j] = i;
      toAfter[i] = j;
      i++;
    }
  }
  return [fromBefore, toAfter];
}

/** Edges sorted by key, without unknown ends, self-loops or repeated keys (each reported), with end indices. */
interface ValidEdges extends IndexedEdges {
  list: EdgeRecord[];
  /** The same kept edges, in the same order and with the same end indices, as the previous build's. */
  unchanged: boolean;
  /** Per kept edge: the previous build's index of the same kept record, or -1. */
  fromOld: Int32Array;
  /** The input, sorted by key. */
  input: readonly EdgeRecord[];
  /** Per input edge: its index among the valid edges, or -1. */
  slot: Int32Array;
  serialized: SerializedEdge[];
  diagnostics: Diagnostic[];
}

function validEdges(
  records: readonly EdgeRecord[],
  nodes: NodeRecords,
  before: ReuseState | null,
): ValidEdges {
  // With a previous build, try the input as it comes (the link stage sorts it); the walk checks the order.
  const valid =
    (before ? walkEdges(records, nodes, before.edges) : null) ??
    (walkEdges(
      sortedBy(records, (edge) => edge.key),
      nodes,
      null,
    ) as ValidEdges);
  // The next build compares against this list: a copy, should the caller reuse its array.
  if (valid.input === records) valid.input = records.slice();
  return valid;
}

/**
 * One pass over `input`, sorted by key (null if it turns out not to be, which only a walk with `old` checks).
 * An edge record the previous build kept, whose ends are still there, keeps its end indices and serialized
 * form; in a run of such records, order and repeated keys need no string comparison either.
 */
function walkEdges(
  input: readonly EdgeRecord[],
  nodes: NodeRecords,
  old: ValidEdges | null,
): ValidEdges | null {
  const m = input.length;
  const valid: ValidEdges = {
    count: 0,
    list: [],
    source: new Int32Array(m),
    target: new Int32Array(m),
    input,
    slot: new Int32Array(m).fill(-1),
    serialized: [],
    diagnostics: [],
    unchanged: false,
    fromOld: new Int32Array(m).fill(-1),
  };
  const remap = nodes.toCurrent;
  let reusedKept = 0;
  let i = 0;
  // Index in `old.input` that the previous record matched by identity, else -1.
  let previous = -1;
  // Sorted by key, so a repeated key is always right after the kept one.
  let lastKey: string | null = null;
  for (let j = 0; j < m; j++) {
    const edge = input[j] as EdgeRecord;
    let matched = -1;
    if (old !== null) {
      if (old.input[i] !== edge) i = skipBelow(old.input, i, edge.key);
      if (old.input[i] === edge) matched = i++;
    }
    // Right after its predecessor in the old (sorted) input, and both kept there: in order, and its key
    // differs from the last kept one. Its ends and serialized form carry over unless an end is gone.
    const follows = matched > 0 && previous === matched - 1;
    previous = matched;
    if (follows && old !== null) {
      const reused = old.slot[matched] as number;
      if (reused >= 0 && old.slot[matched - 1] !== -1) {
        let s = old.source[reused] as number;
        let t = old.target[reused] as number;
        if (remap !== null) {
          s = remap[s] as number;
          t = remap[t] as number;
        }
        if (s >= 0 && t >= 0) {
          lastKey = edge.key;
          valid.fromOld[valid.count] = reused;
          keep(valid, j, edge, s, t, old.serialized[reused] as SerializedEdge);
          reusedKept++;
          continue;
        }
      }
    }
    if (old !== null && !follows && j > 0 && (input[j - 1] as EdgeRecord).key > edge.key) return null;
    const reused = matched >= 0 && old !== null ? (old.slot[matched] as number) : -1;
    if (check(valid, j, edge, nodes, lastKey, reused >= 0 ? (old as ValidEdges) : null, reused)) {
      lastKey = edge.key;
      if (reused >= 0 && valid.serialized[valid.count - 1] === old?.serialized[reused]) {
        valid.fromOld[valid.count - 1] = reused;
        reusedKept++;
      }
    }
  }
  valid.unchanged = old !== null && remap === null && reusedKept === valid.count && valid.count === old.count;
  return valid;
}

/** The first index at or after `from` whose key is not below `key`. */
function skipBelow(input: readonly EdgeRecord[], from: number, key: string): number {
  let i = from;
  while (i < input.length && (input[i] as EdgeRecord).key < key) i++;
  return i;
}

function keep(
  valid: ValidEdges,
  j: number,
  edge: EdgeRecord,
  s: number,
  t: number,
  serialized: SerializedEdge,
) {
  const e = valid.count++;
  valid.slot[j] = e;
  valid.list.push(edge);
  valid.source[e] = s;
  valid.target[e] = t;
  valid.serialized.push(serialized);
}

/**
 * The full checks for one edge (ends known, no self-loop, key not a repeat); keeps it and returns true, or
 * reports why not. `old`/`reused`: the previous build kept this same record there (its ends may be gone).
 */
function check(
  valid: ValidEdges,
  j: number,
  edge: EdgeRecord,
  nodes: NodeRecords,
  lastKey: string | null,
  old: ValidEdges | null,
  reused: number,
): boolean {
  let s = -1;
  let t = -1;
  if (old !== null) {
    s = old.source[reused] as number;
    t = old.target[reused] as number;
    if (nodes.toCurrent !== null) {
      s = nodes.toCurrent[s] as number;
      t = nodes.toCurrent[t] as number;
    }
  }
  if (s < 0 || t < 0) {
    old = null;
    s = nodes.index.get(edge.source) ?? -1;
    t = nodes.index.get(edge.target) ?? -1;
  }
  const where = edge.sources[0];
  if (s < 0 || t < 0) {
    const missing = s >= 0 ? edge.target : edge.source;
    valid.diagnostics.push(
      at(where, 'edge-unknown-node', `${edge.type} edge ${edge.key} points to unknown ${missing}`),
    );
    return false;
  }
  if (s === t) {
    valid.diagnostics.push(
      at(where, 'edge-self-loop', `${edge.type} edge from ${edge.source} to itself dropped`, 'info'),
    );
    return false;
  }
  if (edge.key === lastKey) {
    valid.diagnostics.push(
      at(where, 'duplicate-edge-key', `edge ${edge.key} appears twice; the second is dropped`),
    );
    return false;
  }
  keep(valid, j, edge, s, t, old !== null ? (old.serialized[reused] as SerializedEdge) : serializeEdge(edge));
  return true;
}

function serializeEdge(edge: EdgeRecord): SerializedEdge {
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
  if (edge.by === 'user') attributes.by = 'user';
  return edge.type === 'same-group'
    ? { key: edge.key, source: edge.source, target: edge.target, attributes, undirected: true }
    : { key: edge.key, source: edge.source, target: edge.target, attributes };
}

interface MergedDiagnostics {
  inputs: Diagnostic[];
  sorted: Diagnostic[];
}

/** All diagnostics sorted; the previous build's list when the inputs are the same objects in the same order. */
function mergedDiagnostics(
  lists: readonly (readonly Diagnostic[])[],
  before: ReuseState | null,
): MergedDiagnostics {
  const inputs: Diagnostic[] = [];
  for (const list of lists) for (const diagnostic of list) inputs.push(diagnostic);
  const old = before?.diagnostics;
  if (old && sameList(old.inputs, inputs)) return { inputs, sorted: old.sorted };
  return { inputs, sorted: sortDiagnostics(inputs) };
}

type Display = Pick<PaperNodeAttributes, 'x' | 'y' | 'size' | 'color' | 'community'>;

function sameDisplay(attributes: Display, display: Display): boolean {
  return (
    attributes.x === display.x &&
    attributes.y === display.y &&
    attributes.size === display.size &&
    attributes.color === display.color &&
    attributes.community === display.community
  );
}

/** The previous build's index of node `i`, or -1. */
function previousIndex(records: NodeRecords, before: ReuseState | null, i: number): number {
  if (!before) return -1;
  return records.fromPrevious ? (records.fromPrevious[i] as number) : i;
}

/**
 * Whether the topic tree can be carried over: the same node keys, and each paper whose record changed keeps
 * its topic (`keys` holds the new records' topic keys, paper order) and its earliest place.
 */
function sameTopics(records: NodeRecords, keys: readonly string[], before: ReuseState): boolean {
  if (records.keys !== before.records.keys) return false;
  const old = before.records;
  for (let i = 0, p = 0; i < records.keys.length; i++) {
    const paper = records.paper[i];
    const was = old.paper[i];
    if (paper === undefined) {
      if (was !== undefined) return false;
      continue;
    }
    const key = keys[p++];
    if (paper === was) continue;
    if (was === undefined || key !== before.nodeTopic[i]) return false;
    const a = firstSource(paper);
    const b = firstSource(was);
    if (a.file !== b.file || a.line !== b.line) return false;
  }
  return true;
}

/** The previous counts, less the previous kept edges not carried over, plus the kept edges that are new. */
function patchCounts(
  counts: Record<EdgeType, number>,
  old: ValidEdges,
  edges: ValidEdges,
): Record<EdgeType, number> {
  const patched = { ...counts };
  const carried = new Uint8Array(old.count);
  for (let e = 0; e < edges.count; e++) {
    const from = edges.fromOld[e] as number;
    if (from >= 0) carried[from] = 1;
    else patched[(edges.list[e] as EdgeRecord).type]++;
  }
  for (let e = 0; e < old.count; e++) if (carried[e] === 0) patched[(old.list[e] as EdgeRecord).type]--;
  return patched;
}

function countByType(edges: ValidEdges): Record<EdgeType, number> {
  const counts = Object.fromEntries(EDGE_TYPES.map((type) => [type, 0])) as Record<EdgeType, number>;
  for (let e = 0; e < edges.count; e++) counts[(edges.list[e] as EdgeRecord).type]++;
  return counts;
}

function samePlace(attributes: ConceptNodeAttributes, place: ConceptPlace): boolean {
  return sameList(attributes.topicPath, place.path) && sameList(attributes.topics, place.topics);
}

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
    ids: paper.ids,
    venue: paper.venue,
    itemType: paper.itemType,
    workKind: paper.workKind,
    issued: paper.issued,
    corrections: paper.corrections,
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
 * notes); its `topics` are the headings of all those papers' topics, most linked first. Places by node index
 * (undefined for papers).
 */
function placeConcepts(
  records: NodeRecords,
  edges: ValidEdges,
  nodeTopic: readonly (string | undefined)[],
  tree: TopicTree,
): (ConceptPlace | undefined)[] {
  const counts: (Map<string, number> | undefined)[] = new Array<Map<string, number> | undefined>(
    records.keys.length,
  );
  const count = (concept: number, other: number): void => {
    if (records.concept[concept] === undefined || records.paper[other] === undefined) return;
    const key = nodeTopic[other] as string;
    let byTopic = counts[concept];
    if (!byTopic) counts[concept] = byTopic = new Map();
    byTopic.set(key, (byTopic.get(key) ?? 0) + 1);
  };
  for (let e = 0; e < edges.count; e++) {
    count(edges.source[e] as number, edges.target[e] as number);
    count(edges.target[e] as number, edges.source[e] as number);
  }
  const places: (ConceptPlace | undefined)[] = new Array<ConceptPlace | undefined>(records.keys.length);
  let order: Map<string, number> | null = null;
  for (let i = 0; i < records.keys.length; i++) {
    if (records.concept[i] === undefined) continue;
    const byTopic = counts[i];
    if (!byTopic) {
      places[i] = { path: [], topics: [] };
      continue;
    }
    order ??= new Map(tree.topics.map((topic, index) => [topic.key, index]));
    const ranked: { key: string; count: number; rank: number }[] = [];
    for (const [key, count] of byTopic) ranked.push({ key, count, rank: order.get(key) ?? -1 });
    ranked.sort((a, b) => b.count - a.count || a.rank - b.rank);
    const paths = ranked.map(({ key }) => tree.byKey.get(key)?.path ?? []);
    const seen = new Set<string>();
    const topics: string[] = [];
    for (const path of paths) {
      for (const heading of path) {
        if (seen.has(heading)) continue;
        seen.add(heading);
        topics.push(heading);
      }
    }
    places[i] = { path: [...(paths[0] ?? [])], topics };
  }
  return places;
}

/** Each topic's centre: the mean position of the papers under it. */
function topicInfos(
  tree: TopicTree,
  papers: readonly PaperRecord[],
  pathKeys: readonly string[],
  positions: Map<string, { x: number; y: number }>,
  colors: Map<string, string>,
  groups: readonly string[],
): TopicInfo[] {
  const groupSet = new Set(groups);
  const levelOf = (topic: TopicNode): number => {
    for (let k = topic.path.length; k >= 1; k--) {
      const key = k === topic.path.length ? topic.key : topicKey(topic.path.slice(0, k));
      if (groupSet.has(key)) return topic.path.length - k + 1;
    }
    return 0;
  };
  const slot = new Map<string, number>();
  tree.topics.forEach((topic, index) => slot.set(topic.key, index));
  const parent = new Int32Array(tree.topics.length);
  tree.topics.forEach((topic, index) => {
    parent[index] = topic.parent === null ? -1 : (slot.get(topic.parent) ?? -1);
  });
  const sumX = new Float64Array(tree.topics.length);
  const sumY = new Float64Array(tree.topics.length);
  const count = new Int32Array(tree.topics.length);
  papers.forEach((paper, p) => {
    const position = positions.get(paper.id);
    if (!position || paper.topicPath.length === 0) return;
    for (let t = slot.get(pathKeys[p] as string) ?? -1; t >= 0; t = parent[t] as number) {
      sumX[t] = (sumX[t] as number) + position.x;
      sumY[t] = (sumY[t] as number) + position.y;
      count[t] = (count[t] as number) + 1;
    }
  });
  return tree.topics.map((topic, t) => {
    const n = count[t] as number;
    return {
      key: topic.key,
      path: [...topic.path],
      label: topic.label,
      count: topic.count,
      color: colors.get(topic.key) ?? NEUTRAL_COLOR,
      x: n > 0 ? round2((sumX[t] as number) / n) : 0,
      y: n > 0 ? round2((sumY[t] as number) / n) : 0,
      level: levelOf(topic),
    };
  });
}

function uniqueById<T extends { id: string; sources: readonly SourceRef[] }>(
  records: readonly T[],
  rule: string,
  what: string,
  diagnostics: Diagnostic[],
): T[] {
  const unique: T[] = [];
  // Sorted (stably), so a repeated id is always right after the kept one.
  let last: string | null = null;
  for (const record of sortedBy(records, (record) => record.id)) {
    if (record.id === last) {
      diagnostics.push(
        at(record.sources[0], rule, `${what} ${record.id} appears twice; the second is dropped`),
      );
      continue;
    }
    last = record.id;
    unique.push(record);
  }
  return unique;
}

function at(
  source: SourceRef | undefined,
  rule: string,
  message: string,
  severity: Diagnostic['severity'] = 'warning',
): Diagnostic {
  return { rule, severity, file: source?.file ?? '', line: source?.line ?? 1, column: 1, message };
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
