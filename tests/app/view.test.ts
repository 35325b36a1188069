import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { EDGE_TYPES } from '../../src/types.js';
import { nodeKeyAt, toLazyViewFiles, toViewBundle, toViewFiles } from '../../src/view/bundle.js';
import { syntheticGraph } from '../../src/view/synthetic.js';

describe('view bundle', () => {
  const graph = syntheticGraph({ papers: 500, seed: 3 });
  const bundle = toViewBundle(graph, { chunkSize: 50 });

  it('keeps every node and edge, in order, with what the map draws', () => {
    const { map } = bundle;
    expect(map.nodes.label).toHaveLength(graph.nodes.length);
    graph.nodes.forEach((node, i) => {
      const a = node.attributes;
      expect(nodeKeyAt(map, i)).toBe(node.key);
      expect(map.nodes.label[i]).toBe(a.label);
      expect(map.nodes.title[i] || map.nodes.label[i]).toBe(a.title);
      expect(map.colors[map.nodes.color[i]!]).toBe(a.color);
      expect(map.nodes.x[i]).toBeCloseTo(a.x, 1);
      expect(map.topics[map.nodes.topic[i]!]?.path).toEqual(a.topicPath);
      expect(map.nodes.kind[i]).toBe(a.kind === 'paper' ? 0 : 1);
    });
    graph.edges.forEach((edge, e) => {
      expect(map.nodes.label[map.edges.source[e]!]).toBe(
        graph.nodes.find((n) => n.key === edge.source)!.attributes.label,
      );
      expect(EDGE_TYPES[map.edges.type[e]!]).toBe(edge.attributes.type);
    });
  });

  it('leaves summaries and evidence out of the map and puts them in the chunks', () => {
    const mapText = JSON.stringify(bundle.map);
    const paper = graph.nodes.find((n) => n.attributes.kind === 'paper')!;
    expect(paper.attributes.kind === 'paper' && mapText.includes(paper.attributes.summary)).toBe(false);
    expect(mapText).not.toContain(graph.edges[0]!.attributes.evidence[0]);
    const i = graph.nodes.indexOf(paper);
    const detail = bundle.chunks[Math.floor(i / 50)]!.nodes[String(i)]!;
    expect(paper.attributes.kind === 'paper' && detail.summary).toBe(
      paper.attributes.kind === 'paper' && paper.attributes.summary,
    );
    // Each edge's evidence is with both of its ends.
    for (const [e, edge] of graph.edges.entries()) {
      for (const end of [edge.source, edge.target]) {
        const j = graph.nodes.findIndex((n) => n.key === end);
        const d = bundle.chunks[Math.floor(j / 50)]!.nodes[String(j)]!;
        expect(d.edges.find((x) => x.edge === e)?.evidence).toEqual(edge.attributes.evidence);
      }
    }
  });

  it('is deterministic and changes its build id when the graph changes', () => {
    const again = toViewFiles(syntheticGraph({ papers: 500, seed: 3 }), { chunkSize: 50 });
    const files = toViewFiles(graph, { chunkSize: 50 });
    expect([...again]).toEqual([...files]);
    const other = toViewBundle(syntheticGraph({ papers: 500, seed: 4 }), { chunkSize: 50 });
    expect(other.map.build).not.toBe(bundle.map.build);
    expect(bundle.chunks.every((c) => c.build === bundle.map.build)).toBe(true);
  });

  it('keeps the map within 200 gzipped bytes per node (issue 6 target)', () => {
    const big = toViewFiles(syntheticGraph({ papers: 5000, seed: 1 }));
    const nodes = 5000 + Math.round(5000 / 6);
    const perNode = gzipSync(big.get('map.json')!).length / nodes;
    expect(perNode).toBeLessThan(200);
  });

  it('serves the same files lazily for the dev server, under a build id that changes with the salt', () => {
    const files = toViewFiles(graph, { chunkSize: 50 });
    const lazy = toLazyViewFiles(graph, 'build 1', { chunkSize: 50 });
    const eagerBuild = (JSON.parse(files.get('map.json')!) as { build: string }).build;
    expect(lazy.build).toMatch(/^[0-9a-f]{16}$/);
    expect(lazy.build).not.toBe(eagerBuild);
    const chunkNames = [...files.keys()].filter((name) => name.startsWith('details/'));
    expect(chunkNames.length).toBe(Math.ceil(graph.nodes.length / 50));
    // Every file the eager bundle has, byte for byte apart from the build id; nothing else.
    for (const [name, text] of files) {
      expect(lazy.get(name), name).toBe(text.replace(`"build":"${eagerBuild}"`, `"build":"${lazy.build}"`));
    }
    for (const name of [
      `details/${chunkNames.length}.json`,
      'details/01.json',
      'details/-1.json',
      'graph.json',
    ])
      expect(lazy.get(name), name).toBeUndefined();
    expect(toLazyViewFiles(graph, 'build 2', { chunkSize: 50 }).build).not.toBe(lazy.build);
    expect(toLazyViewFiles(graph, 'build 1', { chunkSize: 50 }).build).toBe(lazy.build);
  });

  it('refuses edges to missing nodes (a programmer error)', () => {
    const broken = structuredClone(graph);
    broken.edges[0]!.target = 'arxiv:missing' as never;
    expect(() => toViewBundle(broken)).toThrow(/missing node/);
  });
});
