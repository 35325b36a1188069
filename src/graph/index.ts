// Records + edges -> graphology graph, topic clusters, seeded layout, deterministic export. Pure: no I/O.
export {
  buildGraph,
  buildGraphDetailed,
  type GraphBuild,
  type GraphOptions,
  type GraphReuse,
} from './build-graph.js';
export { sortDiagnostics, compareDiagnostics } from './diagnostics.js';
export { iterationBudget, type LayoutMemory } from './layout.js';
export { buildTopicTree, topicKey, TOPIC_SEPARATOR, type TopicTree, type TopicNode } from './topics.js';
export { EDGE_COLORS, LAYOUT_EXTENT, NEUTRAL_COLOR } from './defaults.js';
