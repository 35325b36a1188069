// Seeded layout: topic circles (d3 pack) as the start, ForceAtlas2 with invisible topic anchors so papers of
// one topic stay together, then scaling to a fixed extent. Deterministic for a given input and seed.
import { hierarchy, pack } from 'd3';
import { UndirectedGraph } from 'graphology';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import { createRequire } from 'node:module';
import {
  BARNES_HUT_THETA,
  BARNES_HUT_THRESHOLD,
  ITERATION_MAX,
  ITERATION_MIN,
  ITERATION_SCALE,
  LAYOUT_EXTENT,
  COHESION_WEIGHT,
  GROUP_PARTNERS,
  SUBTOPIC_ANCHOR_WEIGHT,
  TOPIC_ANCHOR_WEIGHT,
  TOPIC_PARTNERS,
} from './defaults.js';
import { rngForKey } from './random.js';
import type { TopicTree } from './topics.js';

export interface LayoutNode {
  key: string;
  /** Topic key whose anchor the node is tied to; `''` for none. */
  topic: string;
}

/** A merged, weighted, undirected edge (parallel edges of any type summed). */
export interface WeightedPair {
  source: string;
  target: string;
  weight: number;
}

/** The weighted, undirected projection of the graph that Louvain and ForceAtlas2 work on. */
export type Projection = UndirectedGraph<{ x: number; y: number; fixed?: boolean }, { weight: number }>;

export function createProjection(keys: readonly string[], pairs: Iterable<WeightedPair>): Projection {
  const graph: Projection = new UndirectedGraph();
  for (const key of keys) graph.addNode(key, { x: 0, y: 0 });
  for (const pair of pairs) graph.addEdge(pair.source, pair.target, { weight: pair.weight });
  return graph;
}

type Point = readonly [number, number];

/** What a builder keeps between builds to warm-start the next one. Positions are in raw FA2 space. */
export interface LayoutMemory {
  signature: string;
  positions: Map<string, Point>;
  /** Topic key of each node: a paper moved to another heading is placed again, not left in its old cluster. */
  topics: Map<string, string>;
  communities: Map<string, number>;
}

export interface LayoutOptions {
  seed: number;
  /** False: keep the seeded topic positions, no ForceAtlas2. */
  run: boolean;
  /** Override the ForceAtlas2 iteration budget of a cold layout. */
  iterations?: number | null;
  previous?: LayoutMemory | null;
}

export interface LayoutPlan {
  mode: 'seeded' | 'cold' | 'warm';
  signature: string;
  /** Anchored topics, each mapped to its parent's anchor (null for groups and `''`). */
  anchors: Map<string, string | null>;
  /** Nodes the previous layout did not have (all of them when not warm). */
  newNodes: LayoutNode[];
}

export interface LayoutResult {
  mode: LayoutPlan['mode'];
  /** Scaled, rounded positions of the real nodes. */
  positions: Map<string, { x: number; y: number }>;
  /** Raw positions of nodes and anchors, for the next warm start. */
  raw: Map<string, Point>;
  iterations: number;
}

/** Above this share of new nodes a warm start is no better than a cold one. */
const WARM_NEW_NODE_SHARE = 0.25;
const WARM_ITERATIONS = 40;
/** Weight of a new node's tie to its topic anchor in a warm start (no cohesion partners there). */
const WARM_ANCHOR_WEIGHT = 3;
const ANCHOR_PREFIX = '\u0000topic:';

/**
 * ForceAtlas2 iterations for a graph of `order` nodes: ITERATION_SCALE / √n, between ITERATION_MIN and
 * ITERATION_MAX. With Barnes–Hut the total work (iterations × n log n) grows like √n log n, far slower than
 * n²; the start positions are already packed by topic, so a few dozen iterations settle a big graph.
 */
export function iterationBudget(order: number): number {
  const budget = ITERATION_SCALE / Math.sqrt(Math.max(1, order));
  return Math.round(Math.min(ITERATION_MAX, Math.max(ITERATION_MIN, budget)));
}

export function anchorKey(topic: string): string {
  return ANCHOR_PREFIX + topic;
}

/** Decide between a warm start (previous positions, same topics, few new nodes) and a fresh layout. */
export function planLayout(
  nodes: readonly LayoutNode[],
  tree: TopicTree,
  groups: readonly string[],
  options: LayoutOptions,
): LayoutPlan {
  const anchors = anchorTopics(nodes, tree, groups);
  // New or removed headings do not force a fresh layout: new topics are placed beside what exists.
  const signature = `${options.run ? 'fa2' : 'seeded'}|${options.seed}`;
  const previous = options.previous;
  if (previous && options.run && previous.signature === signature) {
    const newNodes = nodes.filter(
      (node) => !previous.positions.has(node.key) || previous.topics.get(node.key) !== node.topic,
    );
    if (newNodes.length <= WARM_NEW_NODE_SHARE * Math.max(1, nodes.length)) {
      return { mode: 'warm', signature, anchors, newNodes };
    }
  }
  return {
    mode: options.run && nodes.length > 1 ? 'cold' : 'seeded',
    signature,
    anchors,
    newNodes: [...nodes],
  };
}

/**
 * Run the plan. A cold layout needs the projection (it adds its anchors to it); a warm one only looks at
 * the pairs that touch new nodes.
 */
export function runLayout(
  plan: LayoutPlan,
  nodes: readonly LayoutNode[],
  pairs: readonly WeightedPair[],
  tree: TopicTree,
  groups: readonly string[],
  options: LayoutOptions,
): LayoutResult {
  let raw: Map<string, Point>;
  let iterations = 0;
  if (plan.mode === 'warm' && options.previous) {
    raw = new Map(options.previous.positions);
    iterations = warmStart(raw, plan.newNodes, plan.anchors, pairs, options);
  } else {
    raw = seedPositions(nodes, tree, groups, plan.anchors, options.seed);
    if (plan.mode === 'cold') {
      iterations = options.iterations ?? iterationBudget(nodes.length + plan.anchors.size);
      forceAtlas2Run(pairs, raw, nodes, plan.anchors, iterations, options.seed);
    }
  }
  const known = new Set(nodes.map((node) => node.key));
  for (const topic of plan.anchors.keys()) known.add(anchorKey(topic));
  for (const key of [...raw.keys()]) if (!known.has(key)) raw.delete(key);
  return { mode: plan.mode, positions: scalePositions(raw, nodes), raw, iterations };
}

function fa2Settings(order: number) {
  return {
    ...forceAtlas2.inferSettings(order),
    barnesHutOptimize: order > BARNES_HUT_THRESHOLD,
    barnesHutTheta: BARNES_HUT_THETA,
    // Hubs (concepts many papers mention) are pushed to the edge of their cluster instead of its centre.
    outboundAttractionDistribution: true,
  };
}

/**
 * Run ForceAtlas2 from `raw` on the projection (`nodes` in order, then `pairs` in order: what a graph built
 * by `createProjection` iterates, without building one) plus the anchors and their ties, and read positions back.
 * The anchors and cohesion ties go straight into ForceAtlas2's typed arrays instead of into the graphology
 * graph: at 100k nodes they are half a million extra edges, each a few hundred bytes of graph bookkeeping.
 * Ties are merged as graphology's `mergeEdge` would (a repeated pair keeps its place and takes the new
 * weight), so the result is the same as running the library on the graph with those edges added.
 */
function forceAtlas2Run(
  pairs: readonly WeightedPair[],
  raw: Map<string, Point>,
  nodes: readonly LayoutNode[],
  anchors: Map<string, string | null>,
  iterations: number,
  seed: number,
): void {
  const keys: string[] = [];
  const index = new Map<string, number>();
  for (const { key } of nodes) {
    index.set(key, keys.length);
    keys.push(key);
  }
  for (const topic of anchors.keys()) {
    const key = anchorKey(topic);
    if (!index.has(key)) {
      index.set(key, keys.length);
      keys.push(key);
    }
  }
  const ties = new Ties();
  for (const pair of pairs) {
    ties.merge(index.get(pair.source) as number, index.get(pair.target) as number, pair.weight);
  }
  const tie: Tie = (source, target, weight) => {
    ties.merge(index.get(source) as number, index.get(target) as number, weight);
  };
  for (const [topic, parent] of anchors) {
    if (parent !== null) tie(anchorKey(topic), anchorKey(parent), SUBTOPIC_ANCHOR_WEIGHT);
  }
  addCohesion(tie, nodes, anchors, seed);

  // The matrices of graphology-layout-forceatlas2's `graphToByteArrays`: mass is 1 + weighted degree.
  const nodeMatrix = new Float32Array(keys.length * PPN);
  keys.forEach((key, i) => {
    const point = raw.get(key) ?? [0, 0];
    nodeMatrix[i * PPN] = point[0];
    nodeMatrix[i * PPN + 1] = point[1];
    nodeMatrix[i * PPN + 6] = 1;
    nodeMatrix[i * PPN + 7] = 1;
    nodeMatrix[i * PPN + 8] = 1;
  });
  const edgeMatrix = new Float32Array(ties.count * PPE);
  for (let e = 0; e < ties.count; e++) {
    const source = ties.source[e] as number;
    const target = ties.target[e] as number;
    const weight = ties.weight[e] as number;
    nodeMatrix[source * PPN + 6] = (nodeMatrix[source * PPN + 6] as number) + weight;
    nodeMatrix[target * PPN + 6] = (nodeMatrix[target * PPN + 6] as number) + weight;
    edgeMatrix[e * PPE] = source * PPN;
    edgeMatrix[e * PPE + 1] = target * PPN;
    edgeMatrix[e * PPE + 2] = weight;
  }
  const settings = { ...FA2_DEFAULTS, ...fa2Settings(keys.length) };
  const fa2Iterate = createFa2Iterate();
  for (let i = 0; i < iterations; i++) fa2Iterate(settings, nodeMatrix, edgeMatrix);
  keys.forEach((key, i) => {
    const x = nodeMatrix[i * PPN] as number;
    const y = nodeMatrix[i * PPN + 1] as number;
    if (Number.isFinite(x) && Number.isFinite(y)) raw.set(key, [x, y]);
  });
}

// graphology-layout-forceatlas2's iteration (vendored, see below) and default settings (CommonJS files without types): the
// same code `forceAtlas2.assign` runs, fed with matrices built here.
const requireFa2 = createRequire(import.meta.url);
// The iteration is a vendored copy that reuses its Barnes-Hut region array across iterations (the library
// allocates a fresh one each time: at 100k nodes that garbage was most of the build's peak memory).
const createFa2Iterate = requireFa2('./fa2-iterate.cjs') as () => (
  settings: Record<string, unknown>,
  nodes: Float32Array,
  edges: Float32Array,
) => void;
const FA2_DEFAULTS = requireFa2('graphology-layout-forceatlas2/defaults.js') as Record<string, unknown>;

/** Properties per node and per edge in ForceAtlas2's matrices. */
const PPN = 10;
const PPE = 3;

type Tie = (source: string, target: string, weight: number) => void;

/**
 * Undirected weighted pairs in insertion order; merging a known pair replaces its weight. Typed arrays and an
 * open-addressing table of pair slots: at 100k papers there are ~900k pairs, which as a Map of numeric pair
 * keys (heap numbers past 2^31) and three growing number arrays took ~100 MB and left as much garbage.
 */
class Ties {
  source = new Int32Array(1024);
  target = new Int32Array(1024);
  weight = new Float64Array(1024);
  count = 0;
  /** Pair slot -> index of the pair + 1 (0: empty). */
  private table = new Int32Array(4096);

  merge(source: number, target: number, weight: number): void {
    // As graphology's weight getter: a missing or non-numeric weight counts as 1.
    const value = typeof weight === 'number' && !Number.isNaN(weight) ? weight : 1;
    const low = source < target ? source : target;
    const high = source < target ? target : source;
    const mask = this.table.length - 1;
    for (let slot = pairHash(low, high) & mask; ; slot = (slot + 1) & mask) {
      const known = (this.table[slot] as number) - 1;
      if (known < 0) {
        this.add(slot, source, target, value);
        return;
      }
      const s = this.source[known] as number;
      const t = this.target[known] as number;
      if ((s === low && t === high) || (s === high && t === low)) {
        this.weight[known] = value;
        return;
      }
    }
  }

  private add(slot: number, source: number, target: number, value: number): void {
    const index = this.count++;
    if (index === this.source.length) {
      this.source = grow(this.source, new Int32Array(index * 2));
      this.target = grow(this.target, new Int32Array(index * 2));
      this.weight = grow(this.weight, new Float64Array(index * 2));
    }
    this.source[index] = source;
    this.target[index] = target;
    this.weight[index] = value;
    this.table[slot] = index + 1;
    // At most half full, so probe runs stay short.
    if (this.count * 2 > this.table.length) this.rehash(this.table.length * 2);
  }

  private rehash(size: number): void {
    const table = new Int32Array(size);
    const mask = size - 1;
    for (let index = 0; index < this.count; index++) {
      const s = this.source[index] as number;
      const t = this.target[index] as number;
      let slot = pairHash(s < t ? s : t, s < t ? t : s) & mask;
      while (table[slot] !== 0) slot = (slot + 1) & mask;
      table[slot] = index + 1;
    }
    this.table = table;
  }
}

function pairHash(low: number, high: number): number {
  const h = Math.imul(low, 0x9e3779b1) ^ Math.imul(high + 0x7f4a7c15, 0x85ebca77);
  return (h ^ (h >>> 15)) >>> 0;
}

function grow<T extends Int32Array | Float64Array>(from: T, to: T): T {
  to.set(from);
  return to;
}

/**
 * Invisible edges that hold topics together: each node is tied to a few seeded random nodes of its own topic
 * and of its topic group, and lightly to its topic's anchor. Random partners make round clusters; tying
 * everything to one anchor alone made rings (the anchor's mass pushes its papers out to a fixed radius).
 */
function addCohesion(
  tie: Tie,
  nodes: readonly LayoutNode[],
  anchors: Map<string, string | null>,
  seed: number,
): void {
  const groupOf = (topic: string): string => {
    let group = anchors.has(topic) ? topic : '';
    for (let parent = anchors.get(group); parent; parent = anchors.get(group)) group = parent;
    return group;
  };
  const byTopic = new Map<string, string[]>();
  const byGroup = new Map<string, string[]>();
  for (const node of nodes) {
    const topic = anchors.has(node.topic) ? node.topic : '';
    for (const [map, key] of [
      [byTopic, topic],
      [byGroup, groupOf(topic)],
    ] as const) {
      const list = map.get(key);
      if (list) list.push(node.key);
      else map.set(key, [node.key]);
    }
  }
  for (const node of nodes) {
    const topic = anchors.has(node.topic) ? node.topic : '';
    const random = rngForKey(node.key, seed + 1);
    for (const [list, count] of [
      [byTopic.get(topic) ?? [], TOPIC_PARTNERS],
      [byGroup.get(groupOf(topic)) ?? [], GROUP_PARTNERS],
    ] as const) {
      if (list.length < 2) continue;
      for (let i = 0; i < count; i++) {
        const partner = list[Math.floor(random() * list.length)] as string;
        if (partner !== node.key) tie(node.key, partner, COHESION_WEIGHT);
      }
    }
    if (anchors.has(topic)) tie(node.key, anchorKey(topic), TOPIC_ANCHOR_WEIGHT);
  }
}

/**
 * Anchors: one invisible node per topic at or below the group level (plus `''` for nodes without a topic),
 * mapped to the anchor of its parent topic, or null for groups (groups are not tied to each other).
 */
function anchorTopics(nodes: readonly LayoutNode[], tree: TopicTree, groups: readonly string[]) {
  const groupSet = new Set(groups);
  const anchors = new Map<string, string | null>();
  const below = (key: string, parentAnchor: string | null): void => {
    const node = tree.byKey.get(key);
    if (!node) return;
    anchors.set(key, groupSet.has(key) ? null : parentAnchor);
    for (const child of node.children) below(child, key);
  };
  for (const topic of tree.topics)
    if (groupSet.has(topic.key) && !anchors.has(topic.key)) below(topic.key, null);
  if (nodes.some((node) => node.topic === '' || !anchors.has(node.topic))) anchors.set('', null);
  return anchors;
}

interface PackDatum {
  key: string;
  value: number;
  children: PackDatum[];
}

/** Cold start: topics as packed circles sized by their node counts; nodes jittered inside their circle. */
function seedPositions(
  nodes: readonly LayoutNode[],
  tree: TopicTree,
  groups: readonly string[],
  anchors: Map<string, string | null>,
  seed: number,
): Map<string, Point> {
  const perTopic = new Map<string, number>();
  for (const node of nodes) {
    const topic = anchors.has(node.topic) ? node.topic : '';
    perTopic.set(topic, (perTopic.get(topic) ?? 0) + 1);
  }
  const groupSet = new Set(groups);
  const datum = (key: string): PackDatum => {
    const children: PackDatum[] = [];
    const own = perTopic.get(key) ?? 0;
    if (own > 0) children.push({ key: `${key}\u0000self`, value: own, children: [] });
    for (const child of tree.byKey.get(key)?.children ?? []) {
      if (!groupSet.has(child)) children.push(datum(child));
    }
    return { key, value: 0, children };
  };
  const roots: PackDatum[] = [];
  for (const [topic, parent] of anchors) if (parent === null) roots.push(datum(topic));
  const root = hierarchy<PackDatum>({ key: '\u0000root', value: 0, children: roots }, (d) => d.children)
    .sum((d) => d.value)
    .sort((a, b) => (b.value ?? 0) - (a.value ?? 0));
  // Roughly the extent ForceAtlas2 settles at, so the first iterations do not have to inflate the drawing.
  const diameter = 60 * Math.sqrt(nodes.length + anchors.size);
  const packed = pack<PackDatum>()
    .size([diameter, diameter])
    .padding(diameter / 200)(root);

  const circles = new Map<string, { x: number; y: number; r: number }>();
  for (const circle of packed.descendants()) {
    circles.set(circle.data.key, { x: circle.x - diameter / 2, y: circle.y - diameter / 2, r: circle.r });
  }
  const positions = new Map<string, Point>();
  for (const topic of anchors.keys()) {
    const circle = circles.get(topic) ?? circles.get(`${topic}\u0000self`) ?? { x: 0, y: 0, r: 1 };
    positions.set(anchorKey(topic), [circle.x, circle.y]);
  }
  for (const node of nodes) {
    const topic = anchors.has(node.topic) ? node.topic : '';
    const circle = circles.get(`${topic}\u0000self`) ?? { x: 0, y: 0, r: 1 };
    const random = rngForKey(node.key, seed);
    const radius = circle.r * 0.9 * Math.sqrt(random());
    const angle = 2 * Math.PI * random();
    positions.set(node.key, [circle.x + radius * Math.cos(angle), circle.y + radius * Math.sin(angle)]);
  }
  return positions;
}

/**
 * Warm start: every known node and anchor keeps its place; new nodes start at the centre of their known
 * neighbours (or their topic anchor) and settle in a few ForceAtlas2 iterations run on their neighbourhood
 * only, with everything else fixed. Cost grows with the change, not with the corpus.
 */
function warmStart(
  raw: Map<string, Point>,
  newNodes: readonly LayoutNode[],
  anchors: Map<string, string | null>,
  pairs: readonly WeightedPair[],
  options: LayoutOptions,
): number {
  placeNewAnchors(raw, anchors, options.seed);
  if (newNodes.length === 0) return 0;
  const isNew = new Map(newNodes.map((node) => [node.key, node]));
  const local: Projection = new UndirectedGraph();
  const touch = (key: string): void => {
    if (local.hasNode(key)) return;
    const point = raw.get(key) ?? [0, 0];
    local.addNode(key, { x: point[0], y: point[1], fixed: !isNew.has(key) });
  };
  const spread = Math.sqrt(raw.size) * 2;
  for (const node of newNodes) {
    touch(node.key);
    if (anchors.has(node.topic)) {
      touch(anchorKey(node.topic));
      // Stands in for the cohesion edges a cold layout would give the node.
      local.mergeEdge(node.key, anchorKey(node.topic), { weight: WARM_ANCHOR_WEIGHT });
    }
  }
  for (const pair of pairs) {
    if (!isNew.has(pair.source) && !isNew.has(pair.target)) continue;
    touch(pair.source);
    touch(pair.target);
    local.mergeEdge(pair.source, pair.target, { weight: pair.weight });
  }
  // Start each new node at the mean of its placed neighbours, jittered by its own seeded generator.
  for (const node of newNodes) {
    let sumX = 0;
    let sumY = 0;
    let placed = 0;
    local.forEachNeighbor(node.key, (neighbor) => {
      const point = raw.get(neighbor);
      if (!point || isNew.has(neighbor)) return;
      sumX += point[0];
      sumY += point[1];
      placed++;
    });
    const random = rngForKey(node.key, options.seed);
    local.mergeNodeAttributes(node.key, {
      x: (placed > 0 ? sumX / placed : 0) + (random() - 0.5) * spread,
      y: (placed > 0 ? sumY / placed : 0) + (random() - 0.5) * spread,
    });
  }
  forceAtlas2.assign(local, {
    iterations: WARM_ITERATIONS,
    getEdgeWeight: 'weight',
    settings: fa2Settings(raw.size),
  });
  for (const key of isNew.keys()) {
    const { x, y } = local.getNodeAttributes(key);
    raw.set(key, Number.isFinite(x) && Number.isFinite(y) ? [x, y] : [0, 0]);
  }
  return WARM_ITERATIONS;
}

/**
 * Topics that appeared since the last build get an anchor: a subtopic next to its parent's, a new group on
 * the rim of the existing drawing, at a seeded angle.
 */
function placeNewAnchors(raw: Map<string, Point>, anchors: Map<string, string | null>, seed: number): void {
  let sumX = 0;
  let sumY = 0;
  for (const [x, y] of raw.values()) {
    sumX += x;
    sumY += y;
  }
  const cx = raw.size > 0 ? sumX / raw.size : 0;
  const cy = raw.size > 0 ? sumY / raw.size : 0;
  let radius = 1;
  for (const [x, y] of raw.values()) radius = Math.max(radius, Math.hypot(x - cx, y - cy));
  const near = Math.sqrt(raw.size) * 2;
  // Parents come before their children in `anchors` (depth-first), so a parent is placed first.
  for (const [topic, parent] of anchors) {
    const key = anchorKey(topic);
    if (raw.has(key)) continue;
    const random = rngForKey(key, seed);
    const angle = 2 * Math.PI * random();
    const base = parent !== null ? raw.get(anchorKey(parent)) : undefined;
    raw.set(
      key,
      base
        ? [base[0] + near * Math.cos(angle), base[1] + near * Math.sin(angle)]
        : [cx + radius * 1.15 * Math.cos(angle), cy + radius * 1.15 * Math.sin(angle)],
    );
  }
}

/** Centre the real nodes' bounding box on 0 and scale its longer side to ±LAYOUT_EXTENT; round to 0.01. */
function scalePositions(
  raw: Map<string, Point>,
  nodes: readonly LayoutNode[],
): Map<string, { x: number; y: number }> {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const node of nodes) {
    const [x, y] = raw.get(node.key) ?? [NaN, NaN];
    if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
    minX = Math.min(minX, x);
    maxX = Math.max(maxX, x);
    minY = Math.min(minY, y);
    maxY = Math.max(maxY, y);
  }
  const half = Math.max(maxX - minX, maxY - minY) / 2;
  const scale = Number.isFinite(half) && half > 1e-9 ? LAYOUT_EXTENT / half : 0;
  const cx = Number.isFinite(minX) ? (minX + maxX) / 2 : 0;
  const cy = Number.isFinite(minY) ? (minY + maxY) / 2 : 0;
  const positions = new Map<string, { x: number; y: number }>();
  for (const node of nodes) {
    const [x, y] = raw.get(node.key) ?? [NaN, NaN];
    positions.set(node.key, {
      x: Number.isFinite(x) ? round2((x - cx) * scale) : 0,
      y: Number.isFinite(y) ? round2((y - cy) * scale) : 0,
    });
  }
  return positions;
}

export function round2(value: number): number {
  const rounded = Math.round(value * 100) / 100;
  return rounded === 0 ? 0 : rounded; // no -0 in the JSON
}
