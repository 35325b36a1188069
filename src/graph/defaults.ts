// Defaults for the graph stage: layout, sizes and colours in one place.
import type { EdgeType } from '../types.js';

export const DEFAULT_SEED = 1;

/** Positions are scaled so the drawing fits in [-LAYOUT_EXTENT, LAYOUT_EXTENT] on its longer side. */
export const LAYOUT_EXTENT = 500;

/**
 * ForceAtlas2 switches to Barnes–Hut above this many nodes (graphology's own `inferSettings` waits until
 * 2,000, where the exact O(n²) repulsion already costs several seconds for a few hundred iterations; at 1k
 * nodes Barnes–Hut is 2.5× faster here and the picture is the same).
 */
export const BARNES_HUT_THRESHOLD = 400;
/** Barnes–Hut opening angle: 1 (graphology's default is 0.5) is ~15% faster with the same clusters. */
export const BARNES_HUT_THETA = 1;
/** ForceAtlas2 iterations of a cold layout: ITERATION_SCALE / √nodes, clamped (see `iterationBudget`). */
export const ITERATION_SCALE = 6000;
export const ITERATION_MIN = 20;
export const ITERATION_MAX = 500;

/** How strongly edges of each type pull their ends together in the layout and weigh in communities. */
export const EDGE_WEIGHTS: Record<EdgeType, number> = {
  'builds-on': 1,
  critiques: 1,
  compares: 0.8,
  'same-group': 0.6,
  uses: 0.5,
  mentions: 0.5,
  'links-to': 0.8,
};

/**
 * Layout cohesion: each node gets invisible edges to this many seeded random nodes of its own topic and of
 * its topic group, and a light one to its topic's anchor; subtopic anchors are tied to their parent's.
 */
export const TOPIC_PARTNERS = 2;
export const GROUP_PARTNERS = 2;
export const COHESION_WEIGHT = 1;
export const TOPIC_ANCHOR_WEIGHT = 0.3;
export const SUBTOPIC_ANCHOR_WEIGHT = 2;

export const EDGE_COLORS: Record<EdgeType, string> = {
  'builds-on': '#2f6fdb',
  critiques: '#d1343b',
  compares: '#8e5bd0',
  'same-group': '#2a9d6f',
  uses: '#b08a5a',
  mentions: '#9aa0a6',
  'links-to': '#b07d2b',
};

/** Colour of nodes and topics that belong to no topic group (no heading above them). */
export const NEUTRAL_COLOR = '#8a8f98';

export interface SizeRule {
  base: number;
  perSqrtDegree: number;
  max: number;
}

/** Node size = min(max, base + perSqrtDegree * sqrt(degree)). */
export const PAPER_SIZE: SizeRule = { base: 4, perSqrtDegree: 1.5, max: 20 };
export const CONCEPT_SIZE: SizeRule = { base: 3, perSqrtDegree: 1.2, max: 16 };
