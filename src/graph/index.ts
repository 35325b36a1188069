// Records + edges -> graphology graph, topic clusters, seeded layout, deterministic export. Pure: no I/O.
import type { LinkResult, ParseResult, SerializedGraph } from '../types.js';

export interface GraphOptions {
  seed?: number;
  /** Skip ForceAtlas2 (positions from topic seeds only); used by benchmarks. */
  layout?: boolean;
}

export function buildGraph(_parsed: ParseResult, _links: LinkResult, _options?: GraphOptions | null): SerializedGraph {
  throw new Error('papermap/graph: not implemented yet');
}
