// Seeded layout: topic circles (d3 pack) as the start, ForceAtlas2 with invisible topic anchors so papers of
// one topic stay together, then scaling to a fixed extent. Deterministic for a given input and seed.
import { hierarchy, pack } from 'd3';
import { UndirectedGraph } from 'graphology';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import {
  BARNES_HUT_THRESHOLD,
  LAYOUT_EXTENT,
  SUBTOPIC_ANCHOR_WEIGHT,
  TOPIC_ANCHOR_WEIGHT,
} from './defaults.js';
import { rngForKey } from './random.js';
import type { TopicTree } from './topics.js';

export interface LayoutNode {
  key: string;
  /** Topic key whose anchor the node is tied to; `''` for none. */
  topic: string;
}

/** An undirected, merged edge of the layout projection. */
export interface LayoutEdge {
  source: string;
  target: string;
  weight: number;
}

/** What a builder keeps between builds to warm-start the next layout. Positions are in raw FA2 space. */
export interface LayoutMemory {
  signature: string;
  positions: Map<string, readonly [number, number]>;
}

export interface LayoutOptions {
  seed: number;
  /** False: keep the seeded topic positions, no ForceAtlas2. */
  run: boolean;
  /** Override the ForceAtlas2 iteration budget of a cold layout. */
  iterations?: number | null;
  previous?: LayoutMemory | null;
}

export interface LayoutResult {
  /** Scaled, rounded positions of the real nodes. */
  positions: Map<string, { x: number; y: number }>;
  memory: LayoutMemory;
  mode: 'seeded' | 'cold' | 'warm';
  iterations: number;
}

/** Above this share of new nodes a warm start is no better than a cold one. */
const WARM_NEW_NODE_SHARE = 0.25;
const WARM_ITERATIONS = 40;
const ANCHOR_PREFIX = '\u0000topic:';

/**
 * ForceAtlas2 iterations for a graph of `order` nodes: fewer for bigger graphs, so that the total work
 * (iterations × n log n with Barnes–Hut) grows far slower than n².
 */
export function iterationBudget(order: number): number {
  return Math.round(Math.min(500, Math.max(40, 12000 / Math.sqrt(Math.max(1, order)))));
}

export function anchorKey(topic: string): string {
  return ANCHOR_PREFIX + topic;
}

export function computeLayout(
  nodes: readonly LayoutNode[],
  edges: readonly LayoutEdge[],
  tree: TopicTree,
  groups: readonly string[],
  options: LayoutOptions,
): LayoutResult {
  const anchors = anchorTopics(nodes, tree, groups);
  // Order-free: a note moving earlier or later in the files must not force a cold layout.
  const signature = `${options.run ? 'fa2' : 'seeded'}|${options.seed}|${[...anchors.keys()].sort().join('\n')}`;
  const layoutGraph = new UndirectedGraph<{ x: number; y: number; fixed?: boolean }, { weight: number }>();
  for (const node of nodes) layoutGraph.addNode(node.key, { x: 0, y: 0 });
  for (const edge of edges) layoutGraph.addEdge(edge.source, edge.target, { weight: edge.weight });
  for (const [topic, parent] of anchors) {
    layoutGraph.addNode(anchorKey(topic), { x: 0, y: 0 });
    if (parent !== null) {
      layoutGraph.addEdge(anchorKey(topic), anchorKey(parent), { weight: SUBTOPIC_ANCHOR_WEIGHT });
    }
  }
  for (const node of nodes) {
    if (anchors.has(node.topic)) {
      layoutGraph.addEdge(node.key, anchorKey(node.topic), { weight: TOPIC_ANCHOR_WEIGHT });
    }
  }

  const previous = options.previous;
  let mode: LayoutResult['mode'];
  let iterations = 0;
  const newNodes = previous ? nodes.filter((node) => !previous.positions.has(node.key)) : nodes;
  if (
    previous &&
    options.run &&
    previous.signature === signature &&
    newNodes.length <= WARM_NEW_NODE_SHARE * Math.max(1, nodes.length)
  ) {
    mode = 'warm';
    iterations = warmStart(layoutGraph, newNodes, previous, options.seed);
  } else {
    seedPositions(layoutGraph, nodes, tree, groups, anchors, options.seed);
    mode = 'seeded';
    if (options.run && layoutGraph.order > 1) {
      mode = 'cold';
      iterations = options.iterations ?? iterationBudget(layoutGraph.order);
      forceAtlas2.assign(layoutGraph, {
        iterations,
        getEdgeWeight: 'weight',
        settings: fa2Settings(layoutGraph.order),
      });
    }
  }

  const memory: LayoutMemory = { signature, positions: new Map() };
  layoutGraph.forEachNode((key, attributes) => {
    memory.positions.set(key, [attributes.x, attributes.y]);
  });
  return { positions: scalePositions(layoutGraph, nodes), memory, mode, iterations };
}

function fa2Settings(order: number) {
  return {
    ...forceAtlas2.inferSettings(order),
    barnesHutOptimize: order > BARNES_HUT_THRESHOLD,
    // Hubs (concepts many papers mention) are pushed to the edge of their cluster instead of its centre.
    outboundAttractionDistribution: true,
  };
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
  graph: UndirectedGraph<{ x: number; y: number }, { weight: number }>,
  nodes: readonly LayoutNode[],
  tree: TopicTree,
  groups: readonly string[],
  anchors: Map<string, string | null>,
  seed: number,
): void {
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
  for (const topic of anchors.keys()) {
    const circle = circles.get(topic) ?? circles.get(`${topic}\u0000self`) ?? { x: 0, y: 0, r: 1 };
    graph.mergeNodeAttributes(anchorKey(topic), { x: circle.x, y: circle.y });
  }
  for (const node of nodes) {
    const topic = anchors.has(node.topic) ? node.topic : '';
    const circle = circles.get(`${topic}\u0000self`) ?? { x: 0, y: 0, r: 1 };
    const random = rngForKey(node.key, seed);
    const radius = circle.r * 0.9 * Math.sqrt(random());
    const angle = 2 * Math.PI * random();
    graph.mergeNodeAttributes(node.key, {
      x: circle.x + radius * Math.cos(angle),
      y: circle.y + radius * Math.sin(angle),
    });
  }
}

/**
 * Warm start: every known node and anchor keeps its place; new nodes start at the centre of their known
 * neighbours (or their topic anchor) and settle in a few ForceAtlas2 iterations run on their neighbourhood
 * only, with everything else fixed. Cost grows with the change, not with the corpus.
 */
function warmStart(
  graph: UndirectedGraph<{ x: number; y: number; fixed?: boolean }, { weight: number }>,
  newNodes: readonly LayoutNode[],
  previous: LayoutMemory,
  seed: number,
): number {
  graph.forEachNode((key) => {
    const known = previous.positions.get(key);
    if (known) graph.mergeNodeAttributes(key, { x: known[0], y: known[1] });
  });
  if (newNodes.length === 0) return 0;

  const spread = Math.sqrt(previous.positions.size) * 2;
  const isNew = new Set(newNodes.map((node) => node.key));
  const local = new UndirectedGraph<{ x: number; y: number; fixed?: boolean }, { weight: number }>();
  for (const node of newNodes) {
    let sumX = 0;
    let sumY = 0;
    let known = 0;
    graph.forEachNeighbor(node.key, (neighbor) => {
      const position = previous.positions.get(neighbor);
      if (!position) return;
      sumX += position[0];
      sumY += position[1];
      known++;
    });
    const random = rngForKey(node.key, seed);
    const x = (known > 0 ? sumX / known : 0) + (random() - 0.5) * spread;
    const y = (known > 0 ? sumY / known : 0) + (random() - 0.5) * spread;
    graph.mergeNodeAttributes(node.key, { x, y });
  }
  for (const key of isNew) {
    local.mergeNode(key, { ...graph.getNodeAttributes(key), fixed: false });
    graph.forEachEdge(key, (_edge, attributes, source, target) => {
      for (const end of [source, target]) {
        if (!local.hasNode(end))
          local.addNode(end, { ...graph.getNodeAttributes(end), fixed: !isNew.has(end) });
      }
      if (!local.hasEdge(source, target)) local.addEdge(source, target, { weight: attributes.weight });
    });
  }
  forceAtlas2.assign(local, {
    iterations: WARM_ITERATIONS,
    getEdgeWeight: 'weight',
    settings: fa2Settings(graph.order),
  });
  for (const key of isNew) {
    const { x, y } = local.getNodeAttributes(key);
    if (Number.isFinite(x) && Number.isFinite(y)) graph.mergeNodeAttributes(key, { x, y });
  }
  return WARM_ITERATIONS;
}

/** Centre the real nodes' bounding box on 0 and scale its longer side to ±LAYOUT_EXTENT; round to 0.01. */
function scalePositions(
  graph: UndirectedGraph<{ x: number; y: number }, { weight: number }>,
  nodes: readonly LayoutNode[],
): Map<string, { x: number; y: number }> {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const node of nodes) {
    const { x, y } = graph.getNodeAttributes(node.key);
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
    const { x, y } = graph.getNodeAttributes(node.key);
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
