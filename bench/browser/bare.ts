// Bare sigma: the same map.json the papermap page loads, drawn with sigma's defaults and nothing else.
// The reference for the browser case: first frame, and a date filter as a nodeReducer + refresh().
import Graph from 'graphology';
import Sigma from 'sigma';
import type { MapFile } from '../../src/view/types.js';

interface BareHook {
  frames: number;
  /** performance.now() (from navigation start) at the end of the first render. */
  firstFrameAt: number | null;
  nodes: number;
  edges: number;
  /** Hide nodes whose note date is outside [from, to] (null: show all), then refresh(). */
  setRange: (range: [string, string] | null) => void;
}

const hook: BareHook = { frames: 0, firstFrameAt: null, nodes: 0, edges: 0, setRange: () => undefined };
(window as unknown as { __bare: BareHook }).__bare = hook;

async function boot(): Promise<void> {
  const map = (await (await fetch('./data/map.json')).json()) as MapFile;
  const graph = new Graph({ type: 'directed', multi: true, allowSelfLoops: true });
  const n = map.nodes.label.length;
  for (let i = 0; i < n; i++) {
    graph.addNode(String(i), {
      x: map.nodes.x[i],
      y: map.nodes.y[i],
      size: map.nodes.size[i],
      color: map.colors[map.nodes.color[i] as number],
      label: map.nodes.label[i],
    });
  }
  const m = map.edges.source.length;
  for (let e = 0; e < m; e++) graph.addEdge(String(map.edges.source[e]), String(map.edges.target[e]));
  hook.nodes = n;
  hook.edges = m;
  const dates = map.nodes.date;
  let range: [string, string] | null = null;
  const renderer = new Sigma(graph, document.getElementById('map') as HTMLElement, {
    nodeReducer: (node, data) => {
      if (!range) return data;
      const d = dates[Number(node)] ?? '';
      return d && d >= range[0] && d <= range[1] ? data : { ...data, hidden: true };
    },
  });
  renderer.on('afterRender', () => {
    hook.frames++;
    if (hook.firstFrameAt === null) hook.firstFrameAt = performance.now();
  });
  // The constructor draws synchronously, before the listener existed.
  if (hook.frames === 0) {
    hook.frames = 1;
    hook.firstFrameAt = performance.now();
  }
  hook.setRange = (next) => {
    range = next;
    renderer.refresh();
  };
}

void boot();
