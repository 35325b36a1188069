// SerializedGraph -> the files the page loads. Pure and deterministic: same graph, same bytes.
import { EDGE_TYPES } from '../types.js';
import type { EdgeType, NodeAttributes, SerializedGraph } from '../types.js';
import { MAP_FORMAT } from './types.js';
import type { DetailChunk, EdgeDetail, MapFile, NodeDetail, SearchFile, ViewFiles } from './types.js';

export interface BundleOptions {
  /** Nodes per detail chunk. */
  chunkSize?: number;
}

const defaults: Required<BundleOptions> = { chunkSize: 64 };

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

/** FNV-1a (32-bit, two passes with different seeds) as 16 hex digits; enough to tell builds apart. */
export function contentHash(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995) ^ (b >>> 15);
  }
  return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0');
}

function arxivKey(attrs: NodeAttributes): string | undefined {
  return attrs.kind === 'paper' && attrs.arxiv ? `arxiv:${attrs.arxiv}` : undefined;
}

export function toViewBundle(graph: SerializedGraph, options?: BundleOptions | null): ViewBundle {
  const { chunkSize } = { ...defaults, ...options };
  if (!Number.isInteger(chunkSize) || chunkSize < 1)
    throw new Error('papermap/view: chunkSize must be a positive integer');

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
    },
    edges: { source: [], target: [], type: [] },
  };
  const search: SearchFile = { build: '', altTitles: [], authors: [], aliases: [] };
  const details: NodeDetail[] = [];

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

    search.altTitles.push(a.kind === 'paper' ? a.altTitles : []);
    search.authors.push(a.kind === 'paper' ? a.authors : []);
    search.aliases.push(a.kind === 'concept' ? a.aliases : []);

    details.push({
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
      edges: [],
    });
  });

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
    const a = edge.attributes;
    const detail: EdgeDetail = {
      edge: e,
      evidence: a.evidence,
      sources: a.sources,
      confidence: a.confidence,
      ...(a.via !== undefined ? { via: a.via } : {}),
    };
    details[s]!.edges.push(detail);
    if (t !== s) details[t]!.edges.push(detail);
  });

  const chunks: DetailChunk[] = [];
  details.forEach((d, i) => {
    const c = Math.floor(i / chunkSize);
    const chunk = (chunks[c] ??= { build: '', nodes: {} });
    chunk.nodes[String(i)] = d;
  });

  // The build id covers everything the page may load, so a stale chunk is never mixed with a new map.
  const build = contentHash(JSON.stringify([map, search, chunks]));
  map.build = build;
  search.build = build;
  for (const c of chunks) c.build = build;
  return { map, search, chunks };
}

/** The bundle as files under the data folder. */
export function toViewFiles(graph: SerializedGraph, options?: BundleOptions | null): ViewFiles {
  const { map, search, chunks } = toViewBundle(graph, options);
  const files: ViewFiles = new Map();
  files.set('map.json', JSON.stringify(map));
  files.set('search.json', JSON.stringify(search));
  chunks.forEach((c, i) => files.set(`details/${i}.json`, JSON.stringify(c)));
  return files;
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
