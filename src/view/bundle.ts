// SerializedGraph -> the files the page loads. Pure and deterministic: same graph, same bytes.
import { EDGE_TYPES } from '../types.js';
import type { EdgeType, NodeAttributes, SerializedGraph } from '../types.js';
import { MAP_FORMAT } from './types.js';
import type {
  DetailChunk,
  EdgeDetail,
  MapFile,
  NodeDetail,
  NoteCount,
  NoteExcerpt,
  SearchFile,
  ViewFiles,
} from './types.js';

export interface BundleOptions {
  /** Nodes per detail chunk. */
  chunkSize?: number;
  /**
   * The lines of a note (path relative to the content folder, as in `SourceRef.file`), or undefined when it
   * cannot be read. When given, each paper's detail carries a few lines around its entry (`excerpt`).
   */
  noteLines?: ((file: string) => readonly string[] | undefined) | null;
}

const defaults: Required<BundleOptions> = { chunkSize: 64, noteLines: null };

/** Lines of an excerpt: one before the entry's line and four after; each cut at 200 characters. */
const EXCERPT_BEFORE = 1;
const EXCERPT_AFTER = 4;
const EXCERPT_WIDTH = 200;

/** The few lines around `line` of `file` (small: they ride in every detail chunk). */
export function noteExcerpt(
  file: string,
  line: number,
  noteLines: (file: string) => readonly string[] | undefined,
): NoteExcerpt | undefined {
  const all = noteLines(file);
  if (!all || line < 1 || line > all.length) return undefined;
  const from = Math.max(1, line - EXCERPT_BEFORE);
  const to = Math.min(all.length, line + EXCERPT_AFTER);
  const lines = all
    .slice(from - 1, to)
    .map((l) => (l.length > EXCERPT_WIDTH ? `${l.slice(0, EXCERPT_WIDTH)}…` : l));
  return { file, from, line, lines };
}

export interface ViewBundle {
  map: MapFile;
  search: SearchFile;
  chunks: DetailChunk[];
}

/** The topic key of a path, as in `TopicInfo.key`. */
export function topicKey(path: readonly string[]): string {
  return path.join(' / ');
}

/** Coordinates are rounded: sub-0.01 precision is invisible and costs bytes. */
function round(n: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

/** FNV-1a-style hash (32-bit, two lanes with different seeds) fed piece by piece, as 16 hex digits. */
function createHasher(): { update(text: string): void; digest(): string } {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  return {
    update(text: string): void {
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        a = Math.imul(a ^ c, 0x01000193);
        b = Math.imul(b ^ c, 0x5bd1e995) ^ (b >>> 15);
      }
    },
    digest: () => (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0'),
  };
}

/** The hash of `text` as 16 hex digits; enough to tell builds apart. */
export function contentHash(text: string): string {
  const hash = createHasher();
  hash.update(text);
  return hash.digest();
}

function arxivKey(attrs: NodeAttributes): string | undefined {
  return attrs.kind === 'paper' && attrs.arxiv ? `arxiv:${attrs.arxiv}` : undefined;
}

/** The map and search files of a graph (build ids empty), and each node's edges for its detail. */
interface ViewParts {
  map: MapFile;
  search: SearchFile;
  /** Edges of node `i`, in edge order: `incident.slice(start[i], start[i + 1])`. */
  start: Int32Array;
  incident: Int32Array;
  /** Map index of each edge's source and target. */
  ends: Int32Array;
  chunkCount: number;
}

function checkChunkSize(chunkSize: number): void {
  if (!Number.isInteger(chunkSize) || chunkSize < 1)
    throw new Error('papermap/view: chunkSize must be a positive integer');
}

function viewParts(graph: SerializedGraph, chunkSize: number): ViewParts {
  checkChunkSize(chunkSize);
  const topics = graph.attributes.topics;
  const topicIndex = new Map<string, number>();
  topics.forEach((t, i) => topicIndex.set(t.key, i));

  const colorIndex = new Map<string, number>();
  const colors: string[] = [];
  const colorOf = (c: string): number => {
    let i = colorIndex.get(c);
    if (i === undefined) {
      i = colors.length;
      colors.push(c);
      colorIndex.set(c, i);
    }
    return i;
  };

  const nodeIndex = new Map<string, number>();
  const map: MapFile = {
    format: MAP_FORMAT,
    version: 1,
    build: '',
    stats: graph.attributes.stats,
    topics,
    diagnostics: graph.attributes.diagnostics,
    notes: perNoteCounts(graph),
    chunkSize,
    colors,
    nodes: {
      key: [],
      kind: [],
      label: [],
      title: [],
      x: [],
      y: [],
      size: [],
      color: [],
      topic: [],
      date: [],
      published: [],
      arxiv: [],
      community: [],
      citedOnly: [],
      workKind: [],
    },
    edges: { source: [], target: [], type: [] },
  };
  const search: SearchFile = { build: '', altTitles: [], authors: [], aliases: [] };

  const n = map.nodes;
  graph.nodes.forEach((node, i) => {
    const a = node.attributes;
    nodeIndex.set(node.key, i);
    n.key.push(arxivKey(a) === node.key ? '' : node.key);
    n.kind.push(a.kind === 'paper' ? 0 : 1);
    n.label.push(a.label);
    n.title.push(a.title === a.label ? '' : a.title);
    n.x.push(round(a.x, 2));
    n.y.push(round(a.y, 2));
    n.size.push(round(a.size, 2));
    n.color.push(colorOf(a.color));
    const t = topicIndex.get(topicKey(a.topicPath));
    n.topic.push(t ?? -1);
    n.date.push(a.kind === 'paper' ? (a.date ?? '') : '');
    n.published.push(a.kind === 'paper' ? (a.published ?? '') : '');
    n.arxiv.push(a.kind === 'paper' ? (a.arxiv ?? '') : '');
    n.community.push(a.community ?? -1);
    n.citedOnly.push(a.kind === 'paper' && a.citedOnly ? 1 : 0);
    n.workKind.push(a.kind === 'paper' ? (a.workKind ?? '') : '');

    search.altTitles.push(a.kind === 'paper' ? a.altTitles : []);
    search.authors.push(a.kind === 'paper' ? a.authors : []);
    search.aliases.push(a.kind === 'concept' ? a.aliases : []);
  });

  const order = graph.nodes.length;
  const ends = new Int32Array(graph.edges.length * 2);
  const degree = new Int32Array(order + 1);
  graph.edges.forEach((edge, e) => {
    const s = nodeIndex.get(edge.source);
    const t = nodeIndex.get(edge.target);
    if (s === undefined || t === undefined) {
      throw new Error(`papermap/view: edge ${edge.key} names a missing node`);
    }
    const type = EDGE_TYPES.indexOf(edge.attributes.type as EdgeType);
    if (type < 0) throw new Error(`papermap/view: edge ${edge.key} has unknown type ${edge.attributes.type}`);
    map.edges.source.push(s);
    map.edges.target.push(t);
    map.edges.type.push(type);
    ends[2 * e] = s;
    ends[2 * e + 1] = t;
    degree[s + 1]!++;
    if (t !== s) degree[t + 1]!++;
  });
  // Compressed adjacency: each node's edges in edge order, as the detail lists them.
  const start = new Int32Array(order + 1);
  for (let i = 0; i < order; i++) start[i + 1] = start[i]! + degree[i + 1]!;
  const fill = start.slice(0, order);
  const incident = new Int32Array(start[order]!);
  for (let e = 0; e < graph.edges.length; e++) {
    const s = ends[2 * e]!;
    const t = ends[2 * e + 1]!;
    incident[fill[s]!++] = e;
    if (t !== s) incident[fill[t]!++] = e;
  }
  return { map, search, start, incident, ends, chunkCount: Math.ceil(order / chunkSize) };
}

type NoteLines = BundleOptions['noteLines'];

function nodeDetail(graph: SerializedGraph, parts: ViewParts, i: number, noteLines: NoteLines): NodeDetail {
  const node = graph.nodes[i]!;
  const a = node.attributes;
  const edges: EdgeDetail[] = [];
  for (let k = parts.start[i]!; k < parts.start[i + 1]!; k++) {
    const e = parts.incident[k]!;
    const ea = graph.edges[e]!.attributes;
    edges.push({
      edge: e,
      evidence: ea.evidence,
      sources: ea.sources,
      confidence: ea.confidence,
      ...(ea.via !== undefined ? { via: ea.via } : {}),
      ...(ea.by === 'user' ? { by: ea.by } : {}),
    });
  }
  const first = a.sources[0];
  const excerpt =
    noteLines && a.kind === 'paper' && first ? noteExcerpt(first.file, first.line, noteLines) : undefined;
  return {
    key: node.key,
    title: a.title,
    altTitles: a.kind === 'paper' ? a.altTitles : [],
    authors: a.kind === 'paper' ? a.authors : [],
    topicPath: a.topicPath,
    topics: a.topics,
    summary: a.kind === 'paper' ? a.summary : '',
    links: a.kind === 'paper' ? a.links : [],
    sources: a.sources,
    tags: a.kind === 'paper' ? a.tags : [],
    aliases: a.kind === 'concept' ? a.aliases : [],
    ...(a.kind === 'concept' ? { conceptKind: a.conceptKind } : {}),
    ...(a.kind === 'paper' && a.corrections ? { corrections: a.corrections } : {}),
    edges,
    ...(excerpt ? { excerpt } : {}),
  };
}

function detailChunk(
  graph: SerializedGraph,
  parts: ViewParts,
  c: number,
  build: string,
  noteLines: NoteLines = null,
): DetailChunk {
  const chunk: DetailChunk = { build, nodes: {} };
  const size = parts.map.chunkSize;
  const end = Math.min(graph.nodes.length, (c + 1) * size);
  for (let i = c * size; i < end; i++) chunk.nodes[String(i)] = nodeDetail(graph, parts, i, noteLines);
  return chunk;
}

export function toViewBundle(graph: SerializedGraph, options?: BundleOptions | null): ViewBundle {
  const { chunkSize, noteLines } = { ...defaults, ...options };
  const parts = viewParts(graph, chunkSize);
  const { map, search } = parts;
  const chunks: DetailChunk[] = [];
  for (let c = 0; c < parts.chunkCount; c++) chunks.push(detailChunk(graph, parts, c, '', noteLines));
  // The build id covers everything the page may load, so a stale chunk is never mixed with a new map.
  const build = contentHash(JSON.stringify([map, search, chunks]));
  map.build = build;
  search.build = build;
  for (const c of chunks) c.build = build;
  return { map, search, chunks };
}

/** `JSON.stringify` of a file whose first member is `build: ''` (map, search, chunk), with the id put in. */
function withBuild(json: string, build: string): string {
  const empty = '"build":""';
  const at = json.indexOf(empty);
  if (at < 0 || at > 64) throw new Error('papermap/view: no build field to fill');
  return `${json.slice(0, at)}"build":${JSON.stringify(build)}${json.slice(at + empty.length)}`;
}

/**
 * The bundle as files under the data folder. Each file is serialized once; the build id is the same
 * content hash `toViewBundle` computes, taken over the serialized pieces.
 */
export function toViewFiles(graph: SerializedGraph, options?: BundleOptions | null): ViewFiles {
  const { chunkSize, noteLines } = { ...defaults, ...options };
  const parts = viewParts(graph, chunkSize);
  const mapJson = JSON.stringify(parts.map);
  const searchJson = JSON.stringify(parts.search);
  const chunkJson: string[] = [];
  for (let c = 0; c < parts.chunkCount; c++)
    chunkJson.push(JSON.stringify(detailChunk(graph, parts, c, '', noteLines)));
  // Same bytes as JSON.stringify([map, search, chunks]), hashed piece by piece.
  const hash = createHasher();
  hash.update('[');
  hash.update(mapJson);
  hash.update(',');
  hash.update(searchJson);
  hash.update(',[');
  chunkJson.forEach((text, c) => {
    if (c > 0) hash.update(',');
    hash.update(text);
  });
  hash.update(']]');
  const build = hash.digest();
  const files: ViewFiles = new Map();
  files.set('map.json', withBuild(mapJson, build));
  files.set('search.json', withBuild(searchJson, build));
  chunkJson.forEach((text, c) => files.set(`details/${c}.json`, withBuild(text, build)));
  return files;
}

/** The files of a view, served one by one: detail chunks are serialized when first asked for. */
export interface LazyViewFiles {
  readonly build: string;
  get(name: string): string | undefined;
}

/**
 * The page's files for a dev server, where a rebuild must be quick: only `map.json` and `search.json`
 * are serialized at once, each detail chunk on its first request. The build id is not a content hash of
 * the details (that would mean serializing all of them): it hashes the map, the search file and
 * `salt`, which the caller makes differ between builds (a build counter), so a page never mixes chunks
 * of two builds. Static sites use `toViewFiles`, whose id is a pure content hash.
 */
export function toLazyViewFiles(
  graph: SerializedGraph,
  salt: string,
  options?: BundleOptions | null,
): LazyViewFiles {
  const { chunkSize, noteLines } = { ...defaults, ...options };
  const parts = viewParts(graph, chunkSize);
  const mapJson = JSON.stringify(parts.map);
  const searchJson = JSON.stringify(parts.search);
  const hash = createHasher();
  hash.update(salt);
  hash.update('\u0000');
  hash.update(mapJson);
  hash.update(searchJson);
  const build = hash.digest();
  const files = new Map<string, string>([
    ['map.json', withBuild(mapJson, build)],
    ['search.json', withBuild(searchJson, build)],
  ]);
  const CHUNK = /^details\/(0|[1-9][0-9]{0,8})\.json$/;
  return {
    build,
    get(name: string): string | undefined {
      const known = files.get(name);
      if (known !== undefined) return known;
      const m = CHUNK.exec(name);
      if (!m) return undefined;
      const c = Number(m[1]);
      if (c >= parts.chunkCount) return undefined;
      const text = JSON.stringify(detailChunk(graph, parts, c, build, noteLines));
      files.set(name, text);
      return text;
    },
  };
}

/** The key of node `i` of a map file (keys equal to `arxiv:<id>` are stored as `''`). */
export function nodeKeyAt(map: MapFile, i: number): string {
  const k = map.nodes.key[i] ?? '';
  return k !== '' ? k : `arxiv:${map.nodes.arxiv[i] ?? ''}`;
}

/** The detail chunk holding node `i`. */
export function chunkOf(map: MapFile, i: number): number {
  return Math.floor(i / map.chunkSize);
}

/**
 * Per note (and library file): the places that became papers (`entries`), how many of those are works of
 * another kind (blog, book …), and the papers it only cites (an arXiv id with no entry of its own anywhere). The
 * build report and the page's problems list both show it.
 */
export function perNoteCounts(graph: SerializedGraph): NoteCount[] {
  const counts = new Map<string, { entries: number; works: number; cited: number }>();
  for (const node of graph.nodes) {
    const a = node.attributes;
    if (a.kind !== 'paper') continue;
    for (const source of a.sources) {
      let c = counts.get(source.file);
      if (!c) counts.set(source.file, (c = { entries: 0, works: 0, cited: 0 }));
      if (a.citedOnly) c.cited++;
      else {
        c.entries++;
        if (a.workKind) c.works++;
      }
    }
  }
  return [...counts.keys()].sort().map((file) => ({ file, ...counts.get(file)! }));
}
