// `papermap graph --out FILE.gexf`: the graph for Gephi, with the attributes the page's GEXF export has
// (scalar values only; lists are joined) and its positions, sizes and colours.
import Graph from 'graphology';
import { write } from 'graphology-gexf';
import type { SerializedGraph } from '../types.js';
import { fixGexfNamespaces } from '../view/gexf.js';

export function toGexf(serialized: SerializedGraph): string {
  const graph = new Graph({ type: 'mixed', multi: true });
  for (const { key, attributes: a } of serialized.nodes) {
    graph.addNode(
      key,
      defined({
        label: a.label,
        title: a.title,
        kind: a.kind,
        ...(a.kind === 'paper'
          ? {
              date: a.date,
              published: a.published,
              arxiv: a.arxiv,
              authors: a.authors.join('; '),
            }
          : { conceptKind: a.conceptKind }),
        topic: a.topic,
        community: a.community,
        x: a.x,
        y: a.y,
        size: a.size,
        color: a.color,
      }),
    );
  }
  for (const e of serialized.edges) {
    const attrs = defined({
      type: e.attributes.type,
      confidence: e.attributes.confidence,
      color: e.attributes.color,
    });
    if (e.undirected) graph.addUndirectedEdgeWithKey(e.key, e.source, e.target, attrs);
    else graph.addDirectedEdgeWithKey(e.key, e.source, e.target, attrs);
  }
  return fixGexfNamespaces(write(graph));
}

/** The attributes that have a value (the writer would write `undefined`). */
function defined(attrs: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(attrs).filter(([, v]) => v !== undefined && v !== ''));
}
