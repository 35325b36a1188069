// `papermap graph --out FILE.gexf` on the seed notes: every node and edge of the graph is in the GEXF with its
// attributes (lists joined, empty values left out), position, size and colour, and undirected edges stay so.
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { buildFromDirectory } from '../../src/cli/build-from-directory.js';
import { toGexf } from '../../src/cli/gexf.js';
import type { SerializedGraph } from '../../src/types.js';

const CONTENT = path.join(import.meta.dirname, '..', '..', 'content');

const unescape = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

interface GexfElement {
  id: string;
  head: string;
  body: string;
  values: Record<string, string>;
}

function elements(xml: string, tag: 'node' | 'edge'): Map<string, GexfElement> {
  const found = new Map<string, GexfElement>();
  const re = new RegExp(`<${tag} id="([^"]*)"([^>]*?)(?:/>|>([\\s\\S]*?)</${tag}>)`, 'g');
  for (const m of xml.matchAll(re)) {
    const body = m[3] ?? '';
    const values: Record<string, string> = {};
    for (const v of body.matchAll(/<attvalue for="([^"]*)" value="([^"]*)"\/>/g))
      values[v[1]!] = unescape(v[2]!);
    found.set(unescape(m[1]!), { id: unescape(m[1]!), head: m[2]!, body, values });
  }
  return found;
}

const attr = (head: string, name: string) => {
  const m = new RegExp(`\\b${name}="([^"]*)"`).exec(head);
  return m ? unescape(m[1]!) : undefined;
};

let graph: SerializedGraph;
let xml: string;
beforeEach(async () => {
  graph = (await buildFromDirectory(CONTENT, { workers: 1 })).graph;
  xml = toGexf(graph);
});

describe('toGexf on the seed notes', () => {
  it('writes a GEXF 1.2 document with the viz namespace', () => {
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<gexf version="1.2"')).toBe(true);
    expect(xml).toContain('xmlns:viz="http://www.gexf.net/1.2draft/viz"');
  });

  it('has every node with its attributes, lists joined, nothing empty or undefined', () => {
    const nodes = elements(xml, 'node');
    expect([...nodes.keys()].sort()).toEqual(graph.nodes.map((n) => n.key).sort());
    let papersWithAuthors = 0;
    let concepts = 0;
    for (const { key, attributes: a } of graph.nodes) {
      const own = nodes.get(key)!;
      expect(attr(own.head, 'label'), key).toBe(a.label);
      const expected: Record<string, string> = {};
      const put = (name: string, value: unknown) => {
        if (value !== undefined && value !== '') expected[name] = String(value);
      };
      put('title', a.title);
      put('kind', a.kind);
      if (a.kind === 'paper') {
        put('date', a.date);
        put('published', a.published);
        put('arxiv', a.arxiv);
        put('authors', a.authors.join('; '));
        if (a.authors.length > 1) papersWithAuthors++;
      } else {
        put('conceptKind', a.conceptKind);
        concepts++;
      }
      put('topic', a.topic);
      put('community', a.community);
      expect(own.values, key).toEqual(expected);
      expect(own.body).not.toContain('value="undefined"');
      expect(own.body).not.toContain('value=""');
    }
    expect(papersWithAuthors).toBeGreaterThan(10);
    expect(concepts).toBeGreaterThan(3);
    expect(xml).toContain('<attvalue for="published"');
    expect(xml).toContain('<attvalue for="conceptKind"');
  });

  it('puts each node at its position, with its size and colour', () => {
    const nodes = elements(xml, 'node');
    for (const { key, attributes: a } of graph.nodes) {
      const body = nodes.get(key)!.body;
      expect(body, key).toContain(`<viz:position x="${a.x}" y="${a.y}"/>`);
      expect(body, key).toContain(`<viz:size value="${a.size}"/>`);
      const hex = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(a.color)!;
      const [r, g, b] = [hex[1], hex[2], hex[3]].map((h) => parseInt(h!, 16));
      expect(body, key).toContain(`<viz:color r="${r}" g="${g}" b="${b}"/>`);
    }
    // The seed is laid out: positions are not all at the origin.
    expect(new Set(graph.nodes.map((n) => n.attributes.x)).size).toBeGreaterThan(10);
  });

  it('has every edge with its ends, type and confidence; same-group edges are undirected', () => {
    const edges = elements(xml, 'edge');
    expect([...edges.keys()].sort()).toEqual(graph.edges.map((e) => e.key).sort());
    let undirected = 0;
    for (const e of graph.edges) {
      const own = edges.get(e.key)!;
      expect(attr(own.head, 'source'), e.key).toBe(e.source);
      expect(attr(own.head, 'target'), e.key).toBe(e.target);
      expect(attr(own.head, 'type'), e.key).toBe(e.undirected ? 'undirected' : undefined);
      if (e.undirected) undirected++;
      expect(own.values.type, e.key).toBe(e.attributes.type);
      expect(Number(own.values.confidence), e.key).toBe(e.attributes.confidence);
    }
    expect(undirected).toBeGreaterThan(0);
    expect(undirected).toBe(graph.edges.filter((e) => e.attributes.type === 'same-group').length);
  });
});
