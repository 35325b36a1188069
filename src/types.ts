// The build-to-browser contract. Everything the build writes and the app reads is typed here.
// src/app imports from this file with `import type` only.

/** A paper node's key: `arxiv:2506.08745`, or `title:<normalised title>` when no arXiv id is known. */
export type PaperId = string & { __brand: 'PaperId' };
/** A concept node's key: `concept:<normalised name>` (e.g. `concept:grpo`). */
export type ConceptId = string & { __brand: 'ConceptId' };
export type NodeId = PaperId | ConceptId;

/** A place in the notes. `file` is relative to the content folder, with `/` separators. Lines are 1-based. */
export interface SourceRef {
  file: string;
  line: number;
}

export interface Link {
  label: string;
  url: string;
}

export type Severity = 'error' | 'warning' | 'info';

/** A problem in the content, located. Never thrown: reported, and every other note still builds. */
export interface Diagnostic {
  /** Stable kebab-case rule name, e.g. `front-matter-invalid`, `entry-without-title`, `file-not-utf8`. */
  rule: string;
  severity: Severity;
  file: string;
  line: number;
  column: number;
  message: string;
}

// ---------------------------------------------------------------------------------------------
// Parser output (src/parse): one record per distinct paper, already merged across places.
// ---------------------------------------------------------------------------------------------

/** A piece of an entry's plain text with its location, used by the link finder to cite evidence. */
export interface TextSpan {
  file: string;
  /** 1-based line where this span starts. */
  line: number;
  text: string;
  /** For a list item: the width of its indent, which says which item it is nested under. */
  indent?: number;
}

/** Identifiers of a work beyond arXiv, normalised (DOI lower-cased without resolver, ACL id as in the URL). */
export interface WorkIds {
  doi?: string;
  citekey?: string;
  openreview?: string;
  acl?: string;
  s2?: string;
}

/** What a work is when it is not a paper. Papers leave `workKind` out. */
export type WorkKind = 'blog' | 'book' | 'repo' | 'tweet' | 'news' | 'video';
export const WORK_KINDS: readonly WorkKind[] = ['blog', 'book', 'repo', 'tweet', 'news', 'video'];

/** A link from one work's note to another work's note (`[[Other Note]]`), resolved. */
export interface NoteLink {
  target: PaperId;
  source: SourceRef;
  /** The sentence around the link. */
  text: string;
}

export interface PaperRecord {
  id: PaperId;
  /** Short display name: `CoVo`, `PAG`, `GRPO-CARE`, or a shortened title. */
  label: string;
  /** Full title, English where known. */
  title: string;
  /** Other titles (e.g. the Chinese translation), without duplicates of `title`. */
  altTitles: string[];
  /** Bare arXiv id without version, e.g. `2506.08745` or `hep-th/9901001`. */
  arxiv?: string;
  /** `YYYY-MM-DD`: the note's timestamp for the entry (earliest when merged). */
  date?: string;
  /** `YYYY-MM-DD`: publication date when the notes give one. */
  published?: string;
  /** Authors as display strings; the Latin name from an arXiv author-search link wins (`Khalifa, M`). */
  authors: string[];
  /** Innermost heading above the (first) entry; `''` at the top of a file with no heading. */
  topic: string;
  /** Heading path of the first place it appears, outermost first. */
  topicPath: string[];
  /** Every heading on every path where it appears, deduplicated, in order of appearance. */
  topics: string[];
  /** The entry's own markdown (abstract and notes), unrendered. Untrusted: the app sanitizes it. */
  summary: string;
  links: Link[];
  /** One per place the paper appears. */
  sources: SourceRef[];
  /** File-level tags/categories from front matter. */
  tags: string[];
  /** True when the paper has no entry of its own: it is only cited inside another entry. */
  citedOnly: boolean;
  /** Plain text of the entry (title lines, summary, notes) split into located spans, for link finding. */
  text: TextSpan[];
  /** DOI, citekey, OpenReview / ACL Anthology / Semantic Scholar ids, when known. */
  ids?: WorkIds;
  /** Journal, conference or container title. */
  venue?: string;
  /** Zotero / CSL item type (`journalArticle`, `conferencePaper`, `article-journal` …). */
  itemType?: string;
  /** Set for works that are not papers (blog posts, books, repositories, tweets, news, videos). */
  workKind?: WorkKind;
  /** Publication date at the precision known: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
  issued?: string;
  /** Links from this work's notes to other works' notes (`[[Other Note]]`), for the link finder. */
  noteLinks?: NoteLink[];
  /** Concepts the notes link this work to (keyword and tag pages). */
  concepts?: string[];
  /** The lines of the user's corrections file that made this paper (a `merge` into it, a `split` of it). */
  corrections?: SourceRef[];
}

export interface ParseStats {
  files: number;
  entries: number;
  papers: number;
  mergedDuplicates: number;
}

export interface ParseResult {
  papers: PaperRecord[];
  diagnostics: Diagnostic[];
  stats: ParseStats;
}

// ---------------------------------------------------------------------------------------------
// Links output (src/links)
// ---------------------------------------------------------------------------------------------

export type ConceptKind =
  'method' | 'algorithm' | 'dataset' | 'benchmark' | 'framework' | 'model' | 'concept';

export interface ConceptRecord {
  id: ConceptId;
  label: string;
  /** Other names it is known by (lexicon aliases, long forms). */
  aliases: string[];
  conceptKind: ConceptKind;
  /** Places it is mentioned. */
  sources: SourceRef[];
}

/**
 * `uses`: the paper runs with the target without changing it (a base model, a benchmark it is evaluated on,
 * training data, an algorithm applied as is). Real, but not lineage; off by default in the map like `mentions`.
 */
/** `links-to`: the user's own link from one work's note to another's (`[[Other Note]]`), with no cue saying more. */
export type EdgeType =
  'builds-on' | 'critiques' | 'same-group' | 'compares' | 'uses' | 'mentions' | 'links-to';
export const EDGE_TYPES: readonly EdgeType[] = [
  'builds-on',
  'critiques',
  'compares',
  'same-group',
  'uses',
  'mentions',
  'links-to',
];
export const DIRECTED_EDGE_TYPES: readonly EdgeType[] = [
  'builds-on',
  'critiques',
  'compares',
  'uses',
  'mentions',
  'links-to',
];

export interface EdgeRecord {
  /** Deterministic key: `${type}:${source}->${target}` (`--` for undirected). */
  key: string;
  type: EdgeType;
  source: NodeId;
  target: NodeId;
  /** False only for `same-group`. */
  directed: boolean;
  /** The sentences or lines that produced the edge, trimmed; parallel to `sources`. */
  evidence: string[];
  sources: SourceRef[];
  /** 0..1 */
  confidence: number;
  /** For same-group: the shared author or lab; for others: the name matched in the text. */
  via?: string;
  /** `'user'`: confirmed or added by the user in the corrections file (`papermap.corrections.txt`). */
  by?: 'user';
}

export interface LinkResult {
  concepts: ConceptRecord[];
  edges: EdgeRecord[];
  diagnostics: Diagnostic[];
}

// ---------------------------------------------------------------------------------------------
// Graph JSON (src/graph): graphology's serialized form, `graph.export()`.
// ---------------------------------------------------------------------------------------------

interface NodeDisplay {
  /** Layout position, seeded; spread over a range of hundreds of units. */
  x: number;
  y: number;
  /** Display size, from degree. */
  size: number;
  /** Topic colour (`#rrggbb`). */
  color: string;
  /** Louvain community index (seeded). */
  community?: number;
}

export interface PaperNodeAttributes extends NodeDisplay {
  kind: 'paper';
  label: string;
  title: string;
  altTitles: string[];
  arxiv?: string;
  date?: string;
  published?: string;
  authors: string[];
  topic: string;
  topicPath: string[];
  topics: string[];
  summary: string;
  links: Link[];
  sources: SourceRef[];
  tags: string[];
  citedOnly: boolean;
  ids?: WorkIds;
  venue?: string;
  itemType?: string;
  workKind?: WorkKind;
  issued?: string;
  /** The lines of the user's corrections file that made this paper (merged into it, split from it). */
  corrections?: SourceRef[];
}

export interface ConceptNodeAttributes extends NodeDisplay {
  kind: 'concept';
  label: string;
  title: string;
  aliases: string[];
  conceptKind: ConceptKind;
  /** Topic of the papers that mention it most (for colour and clustering). */
  topic: string;
  topicPath: string[];
  topics: string[];
  sources: SourceRef[];
}

export type NodeAttributes = PaperNodeAttributes | ConceptNodeAttributes;

export interface EdgeAttributes {
  type: EdgeType;
  evidence: string[];
  sources: SourceRef[];
  confidence: number;
  via?: string;
  /** `'user'`: confirmed or added by the user in the corrections file. */
  by?: 'user';
  size?: number;
  color?: string;
}

/** One node of the topic tree (heading paths). */
export interface TopicInfo {
  /** Path joined with ` / `. */
  key: string;
  path: string[];
  label: string;
  /** Papers whose topicPath starts with this path. */
  count: number;
  color: string;
  /** Cluster centre after layout, for drawing the topic name. */
  x: number;
  y: number;
  /**
   * Level of the name on the map: 1 for a topic group (its own hue and cluster), 2, 3… for subtopics below
   * it, 0 for a heading above the groups (a file-wide title, a container split into its subtopics).
   */
  level?: number;
}

export interface BuildStats extends ParseStats {
  concepts: number;
  edges: number;
  edgesByType: Record<EdgeType, number>;
}

export interface GraphAttributes {
  name: 'papermap';
  /** Bumped when this contract changes incompatibly. */
  version: 1;
  stats: BuildStats;
  topics: TopicInfo[];
  diagnostics: Diagnostic[];
}

export interface SerializedNode {
  key: NodeId;
  attributes: NodeAttributes;
}

export interface SerializedEdge {
  key: string;
  source: NodeId;
  target: NodeId;
  undirected?: boolean;
  attributes: EdgeAttributes;
}

/** The file `build:graph` writes: exactly `graph.export()` of a mixed multi graph. */
export interface SerializedGraph {
  options: { type: 'mixed'; multi: true; allowSelfLoops: false };
  attributes: GraphAttributes;
  nodes: SerializedNode[];
  edges: SerializedEdge[];
}

// ---------------------------------------------------------------------------------------------
// Pipeline input
// ---------------------------------------------------------------------------------------------

/** One note as read by the CLI: path relative to the content folder (`/` separators), decoded text. */
export interface NoteFile {
  path: string;
  text: string;
}
