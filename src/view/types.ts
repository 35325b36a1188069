// What the page loads. The build's SerializedGraph is split into a compact map file (drawn at once) and
// detail chunks (summaries, authors, evidence) fetched when a node is opened. Columnar arrays keep the
// map small: one array per field, one slot per node or edge, indexes instead of repeated strings.
import type { BuildStats, ConceptKind, Diagnostic, EdgeType, Link, SourceRef, TopicInfo } from '../types.js';

export const MAP_FORMAT = 'papermap-map';

export interface MapNodes {
  /** Node key, or `''` when it is `arxiv:<arxiv>` (derivable, so not repeated). */
  key: string[];
  /** 0 = paper, 1 = concept. */
  kind: (0 | 1)[];
  label: string[];
  /** Full title, or `''` when equal to the label. */
  title: string[];
  x: number[];
  y: number[];
  size: number[];
  /** Index into `MapFile.colors`. */
  color: number[];
  /** Index into `MapFile.topics` of the node's own topic path, -1 for none. */
  topic: number[];
  /** `YYYY-MM-DD` or `''`. */
  date: string[];
  published: string[];
  arxiv: string[];
  /** Louvain community, -1 when unknown. */
  community: number[];
  /** 1 when the paper has no entry of its own. */
  citedOnly: (0 | 1)[];
  /** A work that is not a paper: `blog`, `book`, `repo`, `tweet`, `news`, `video`; `''` for papers and concepts. */
  workKind: string[];
}

/** What one note gave: places that became papers, of which works of another kind, and papers it only cites. */
export interface NoteCount {
  file: string;
  entries: number;
  works: number;
  cited: number;
}

export interface MapEdges {
  source: number[];
  target: number[];
  /** Index into `EDGE_TYPES`. */
  type: number[];
}

export interface MapFile {
  format: typeof MAP_FORMAT;
  version: 1;
  /** Short content hash of the whole bundle, used to cache-bust chunk URLs after a rebuild. */
  build: string;
  stats: BuildStats;
  topics: TopicInfo[];
  diagnostics: Diagnostic[];
  /** Per note that gave any: how many places became papers (`entries`), of which works of another kind. */
  notes: NoteCount[];
  /** Nodes per detail chunk: node `i` lives in chunk `Math.floor(i / chunkSize)`. */
  chunkSize: number;
  colors: string[];
  nodes: MapNodes;
  edges: MapEdges;
}

/** Text for search beyond what the map holds: other titles, authors, aliases. Parallel to map nodes. */
export interface SearchFile {
  build: string;
  altTitles: string[][];
  authors: string[][];
  aliases: string[][];
}

export interface EdgeDetail {
  /** Index into the map's edges. */
  edge: number;
  evidence: string[];
  sources: SourceRef[];
  confidence: number;
  via?: string;
  /** Confirmed or added by the user in the corrections file. */
  by?: 'user';
}

export interface NodeDetail {
  key: string;
  title: string;
  altTitles: string[];
  authors: string[];
  topicPath: string[];
  topics: string[];
  summary: string;
  links: Link[];
  sources: SourceRef[];
  tags: string[];
  aliases: string[];
  conceptKind?: ConceptKind;
  /** Every edge touching this node, with its evidence. */
  edges: EdgeDetail[];
  /** The lines of the user's corrections file that made this paper (merged into it, split from it). */
  corrections?: SourceRef[];
  /** The note's lines around where the paper's entry starts (its first source), when the build could read them. */
  excerpt?: NoteExcerpt;
}

export interface NoteExcerpt {
  file: string;
  /** 1-based line of `lines[0]`. */
  from: number;
  /** The entry's own line (1-based). */
  line: number;
  lines: string[];
}

export interface DetailChunk {
  build: string;
  /** Keyed by node index. */
  nodes: Record<string, NodeDetail>;
}

/** Files of a view bundle, by path relative to the data folder (`map.json`, `details/0.json`, ...). */
export type ViewFiles = Map<string, string>;

export type { EdgeType };
