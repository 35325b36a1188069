// The local graph: one paper's neighbourhood to depth 1-3, drawn over the map in columns (earlier works it
// builds on to the left, later works building on it to the right), with a way back to the whole map.
import Graph from 'graphology';
import Sigma, { DEFAULT_STYLES } from 'sigma';
import { extremityArrow, layerFill, layerPlain, pathLine, sdfCircle } from 'sigma/rendering';
import { EDGE_TYPES } from '../../types.js';
import type { App, AppView } from '../app.js';
import { byId, el } from '../app.js';
import { ARROW_TYPES, EDGE_COLORS } from '../appearance/index.js';
import { localGraph } from '../local/index.js';
import { selectNode, showLocal } from '../state/index.js';
import type { State } from '../state/index.js';
import { fitLabels } from '../topic-labels.js';
import type { LabelRequest } from '../topic-labels.js';
import { createNodeLabels, labelWidth, NODE_LABEL_SIZE } from './node-labels.js';
import type { NodeLabel } from './node-labels.js';

export interface LocalView extends AppView {
  /** Nodes, edges and names drawn now (null when closed), for tests. */
  drawn(): { nodes: number; edges: number; cut: number; labels: number } | null;
}

export function createLocalView(app: App): LocalView {
  const view = byId('local-view');
  const bar = byId('local-bar');
  const container = byId('local-map');
  let renderer: Sigma | null = null;
  let drawn: { nodes: number; edges: number; cut: number } | null = null;

  /** Double-clicking re-roots at the same depth. */
  let depthNow = 1;
  /** The nodes drawn (map index, depth from the root), and the names shown, chosen after a frame. */
  let nodesNow: { i: number; depth: number }[] = [];
  let shown: NodeLabel[] = [];
  let labelsStale = false;
  const names = createNodeLabels({
    renderer: () => renderer,
    label: (i) => app.map.nodes.label[i] || app.index.keys[i]!,
    theme: () => app.theme,
  });

  /** The root's name on its box, then the others nearest the root first, each only where it fits. */
  function chooseLabels(r: Sigma): NodeLabel[] {
    const { width, height } = r.getDimensions();
    const requests: LabelRequest[] = [];
    const first: { x0: number; y0: number; x1: number; y1: number }[] = [];
    let root = -1;
    for (const { i, depth } of nodesNow) {
      const d = r.getNodeDisplayData(String(i));
      if (!d) continue;
      const p = r.framedGraphToViewport({ x: d.x, y: d.y });
      const radius = r.scaleSize(d.size);
      const w = labelWidth(app.map.nodes.label[i] || app.index.keys[i]!);
      if (depth === 0) {
        root = i;
        first.push({ x0: p.x + radius - 2, y0: p.y - 12, x1: p.x + radius + w + 12, y1: p.y + 12 });
        continue;
      }
      requests.push({
        id: i,
        x: p.x,
        y: p.y,
        radius,
        width: w,
        height: NODE_LABEL_SIZE + 2,
        strength: -depth,
      });
    }
    const out = fitLabels(requests, { width, height }, first, 400).map((i) => ({ i, strong: false }));
    return root < 0 ? out : [...out, { i: root, strong: true }];
  }

  function close(): void {
    // The renderer stays (hidden) for the next local graph: a new WebGL context costs more than the drawing.
    drawn = null;
    view.hidden = true;
  }

  function createLocalRenderer(graph: Graph): Sigma {
    const theme = app.theme;
    const r = new Sigma(graph, container, {
      primitives: {
        nodes: { shapes: [sdfCircle()], layers: [layerFill()] },
        edges: {
          paths: [pathLine()],
          extremities: [extremityArrow({ lengthRatio: 5, widthRatio: 4 })],
          layers: [layerPlain()],
        },
      },
      styles: {
        nodes: [
          DEFAULT_STYLES.nodes,
          { labelColor: () => theme.label, backdropColor: () => theme.background },
        ],
        edges: [DEFAULT_STYLES.edges, { when: (a) => a.arrow === true, then: { head: 'arrow' } }],
      },
      // Names on a canvas of their own, as on the map (views/node-labels.ts).
      settings: { renderLabels: false, stagePadding: 60 },
    });
    container.append(names.canvas);
    r.on('afterRender', () => {
      if (labelsStale) {
        labelsStale = false;
        shown = chooseLabels(r);
      }
      names.draw(shown);
    });
    // What fits depends on the zoom: choose again once the camera rests.
    let timer: number | undefined;
    r.getCamera().on('updated', () => {
      clearTimeout(timer);
      timer = window.setTimeout(() => {
        shown = chooseLabels(r);
        names.draw(shown);
      }, 200);
    });
    r.on('clickNode', ({ node }) => app.dispatch(selectNode(app.index.keys[Number(node)]!)));
    r.on('doubleClickNode', ({ node, preventSigmaDefault }) => {
      preventSigmaDefault();
      app.dispatch(showLocal(app.index.keys[Number(node)]!, depthNow));
    });
    return r;
  }

  function open(key: string, depth: number): void {
    const root = app.index.byKey.get(key);
    if (root === undefined) return close();
    const box = container.getBoundingClientRect();
    const aspect = box.width > 0 && box.height > 0 ? box.width / box.height : 1.6;
    const g = localGraph(app.index, root, depth, app.visibility, 400, aspect);
    const graph = new Graph({ type: 'mixed', multi: true });
    const n = app.map.nodes;
    for (const node of g.nodes) {
      const i = node.i;
      graph.addNode(String(i), {
        x: node.x,
        y: -node.y,
        size: node.depth === 0 ? 14 : node.depth === 1 ? 9 : node.depth === 2 ? 7 : 5,
        label: n.label[i] || app.index.keys[i]!,
        color: (app.graph.getNodeAttribute(String(i), 'color') as string | undefined) ?? '#888',
      });
    }
    for (const e of g.edges) {
      const type = EDGE_TYPES[app.map.edges.type[e]!]!;
      const attrs = { color: EDGE_COLORS[type], size: 1.5, arrow: ARROW_TYPES.has(type) };
      graph.addDirectedEdgeWithKey(
        String(e),
        String(app.map.edges.source[e]),
        String(app.map.edges.target[e]),
        attrs,
      );
    }
    view.hidden = false;
    depthNow = depth;
    nodesNow = g.nodes.map((node) => ({ i: node.i, depth: node.depth }));
    labelsStale = true;
    if (renderer) {
      renderer.resize();
      renderer.setGraph(graph);
      renderer.getCamera().setState({ x: 0.5, y: 0.5, ratio: 1, angle: 0 });
    } else {
      // Sigma draws its first frame in its constructor, before our frame handler: draw the names now.
      renderer = createLocalRenderer(graph);
      labelsStale = false;
      shown = chooseLabels(renderer);
      names.draw(shown);
    }
    drawn = { nodes: g.nodes.length, edges: g.edges.length, cut: g.cut };
    const title = n.label[root] || key;
    const depthButtons = [1, 2, 3].map((d) => {
      const b = el(
        'button',
        { type: 'button', 'data-depth': String(d), 'aria-pressed': String(d === depth) },
        String(d),
      );
      b.addEventListener('click', () => app.dispatch(showLocal(key, d)));
      return b;
    });
    const back = el('button', { type: 'button', id: 'local-back' }, '← Whole map');
    back.addEventListener('click', () => app.dispatch(showLocal(null)));
    bar.replaceChildren(
      back,
      el('strong', { class: 'local-title', title: n.title[root] || title }, title),
      el('span', { class: 'local-depth', role: 'group', 'aria-label': 'Depth' }, 'depth ', ...depthButtons),
      el(
        'span',
        { class: 'local-count' },
        `${g.nodes.length - 1} papers around it, ${g.edges.length} links` +
          (g.cut ? ` (${g.cut} more left out)` : ''),
      ),
      el('span', { class: 'local-axis' }, '← earlier works it builds on · later works building on it →'),
    );
  }

  return {
    drawn: () => (drawn ? { ...drawn, labels: shown.length } : null),
    update(prev: State | null, next: State) {
      const l = next.local;
      // Leave the panel's side free, so the whole neighbourhood stays in sight beside it.
      const panel = document.getElementById('panel');
      const right = l && next.selected !== null && panel ? Math.min(420, window.innerWidth * 0.46) : 0;
      if (view.style.right !== `${right}px`) {
        view.style.right = `${right}px`;
        renderer?.resize();
        renderer?.refresh();
      }
      if (prev !== null && prev.local === l && prev.filters === next.filters) return;
      if (!l) return close();
      open(l.key, l.depth);
    },
  };
}
