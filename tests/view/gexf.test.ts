// GEXF export (the page's GEXF button and `papermap graph --out FILE.gexf`): namespaces Gephi and XML tools accept.
import Graph from 'graphology';
import { write } from 'graphology-gexf';
import { describe, expect, it } from 'vitest';
import { fixGexfNamespaces } from '../../src/view/gexf.js';

const graph = new Graph();
graph.addNode('a', { label: 'A', x: 1, y: 2, size: 3, color: '#ff0000' });
graph.addNode('b', { label: 'B', x: 4, y: 5, size: 6, color: '#00ff00' });
graph.addEdge('a', 'b');

describe('GEXF export', () => {
  it('declares the viz namespace with a well-formed URI (graphology-gexf writes three slashes)', () => {
    const raw = write(graph);
    expect(raw).toContain('http:///'); // the library's output, which this fixes (fails once graphology-gexf does)
    const xml = fixGexfNamespaces(raw);
    expect(xml).toContain('xmlns="http://www.gexf.net/1.2draft"');
    expect(xml).toContain('xmlns:viz="http://www.gexf.net/1.2draft/viz"');
    expect(xml).not.toContain('http:///');
    expect(xml).toContain('<viz:color r="255" g="0" b="0"/>');
  });
});
