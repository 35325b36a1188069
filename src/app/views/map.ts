// The map: sigma (WebGL) over the graph, reducers reading the shared state, topic names on a canvas above.
import type { App, AppView } from '../app.js';
import { byId } from '../app.js';
import { applyColouring, buildGraph, createRenderer, currentTheme, focusOf } from '../renderer.js';
import type { View } from '../renderer.js';
import { hoverNode, selectNode, setCamera } from '../state/index.js';
import type { State } from '../state/index.js';
import { EDGE_TYPES } from '../../types.js';
import { fitLabels } from '../topic-labels.js';
import type { LabelRequest } from '../topic-labels.js';
import { createNodeLabels, labelWidth, NODE_LABEL_SIZE } from './node-labels.js';
import type { NodeLabel } from './node-labels.js';
import { createTopicNames } from './topic-names.js';

/** How much an edge type says about a neighbour, for choosing whose label to show first. */
const STRENGTH: Record<string, number> = {
  'builds-on': 3,
  critiques: 3,
  compares: 2,
  'same-group': 1,
  mentions: 0.5,
};
/** At most this many neighbour labels at once, however much room there is. */
const MAX_FOCUS_LABELS = 30;
/** At most this many paper labels on the map when nothing is focused. */
const MAX_MAP_LABELS = 120;

export interface MapView extends AppView {
  /** Animate the camera to node \`i\`, centred in the part of the map the panel leaves visible. */
  centreOn(i: number): void;
  /** The canvas of topic names, for exports. */
  overlays(): HTMLCanvasElement[];
  /** Frames sigma drew so far, and when the first one was drawn (ms from navigation start). */
  frames(): number;
  firstFrameAt(): number | null;
  /** How many neighbour labels the focus shows (null: no focus). */
  focusLabelCount(): number | null;
  /** The labels shown when nothing is focused, with their boxes on screen (null: none chosen yet). */
  mapLabels(): { id: number; x0: number; y0: number; x1: number; y1: number }[] | null;
  /** Where the topic names were drawn last. */
  topicNameBoxes(): { x0: number; y0: number; x1: number; y1: number }[];
}

/** Whether two states highlight the same: same focused node and the same set of hovered/selected nodes. */
function sameLook(a: State, b: State): boolean {
  const marked = (s: State) =>
    [...new Set([s.hovered, s.selected].filter((k) => k !== null))].sort().join('\n');
  return (a.hovered ?? a.selected) === (b.hovered ?? b.selected) && marked(a) === marked(b);
}

/** Keys of the items whose flag differs between two visibility arrays. */
function changedKeys(a: Uint8Array, b: Uint8Array): string[] {
  const out: string[] = [];
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) out.push(String(i));
  return out;
}

export function createMapView(app: App): MapView {
  const names = createTopicNames(app);
  const labels = createNodeLabels(
    { renderer: () => app.renderer, label: (i) => app.map.nodes.label[i] ?? '', theme: () => app.theme },
    'node-labels',
  );
  let focus: Set<number> | null = null;
  let focusLabels: Set<number> | null = null;
  /** The papers named while nothing is focused: the biggest whose labels fit without touching. */
  let mapLabels: LabelRequest[] | null = null;
  /** Set when the map or what it shows changed: the next frame chooses the labels again. */
  let labelsStale = true;
  let frames = 0;
  let firstFrameAt: number | null = null;

  // One object, refreshed on each change: the reducers read it for every node and edge on each refresh.
  const current = {} as View;
  const refreshView = (): void => {
    current.state = app.state;
    current.visibility = app.visibility;
    current.focus = focus;
    current.theme = app.theme;
  };

  byId('zoom-in').addEventListener('click', () => void app.renderer?.getCamera().zoomIn({ duration: 250 }));
  byId('zoom-out').addEventListener('click', () => void app.renderer?.getCamera().zoomOut({ duration: 250 }));
  byId('zoom-fit').addEventListener('click', () => void app.renderer?.getCamera().reset({ duration: 300 }));
  window.matchMedia('(prefers-color-scheme: dark)').addEventListener('change', () => {
    app.theme = currentTheme();
    refreshView();
    app.renderer?.refresh();
  });

  /**
   * The neighbours of the hovered or selected node whose labels fit on screen now, strongest link first
   * (then biggest node); the others show as the user zooms in.
   */
  function chooseFocusLabels(): Set<number> | null {
    const renderer = app.renderer;
    const key = app.state.hovered ?? app.state.selected;
    const f = key === null ? undefined : app.index.byKey.get(key);
    if (!renderer || !focus || f === undefined) return null;
    const { map, index, visibility } = app;
    const strength = new Map<number, number>();
    for (let k = index.adjStart[f]!; k < index.adjStart[f + 1]!; k++) {
      const e = index.adjEdges[k]!;
      if (!visibility.edge[e]) continue;
      const other = map.edges.source[e] === f ? map.edges.target[e]! : map.edges.source[e]!;
      const type = EDGE_TYPES[map.edges.type[e]!]!;
      strength.set(other, (strength.get(other) ?? 0) + (STRENGTH[type] ?? 1));
    }
    const { width, height } = renderer.getDimensions();
    const requests: LabelRequest[] = [];
    const first: { x0: number; y0: number; x1: number; y1: number }[] = [];
    const place = (i: number) => {
      const d = renderer.getNodeDisplayData(String(i));
      if (!d) return null;
      const p = renderer.framedGraphToViewport({ x: d.x, y: d.y });
      return { p, radius: renderer.scaleSize(d.size) };
    };
    const own = place(f);
    if (own) {
      const x0 = own.p.x + own.radius + 2;
      first.push({
        x0: own.p.x - own.radius,
        y0: own.p.y - 9,
        x1: x0 + labelWidth(map.nodes.label[f]!),
        y1: own.p.y + 9,
      });
    }
    for (const [i, s] of strength) {
      if (!visibility.node[i]) continue;
      const at = place(i);
      if (!at) continue;
      requests.push({
        id: i,
        x: at.p.x,
        y: at.p.y,
        radius: at.radius,
        width: labelWidth(map.nodes.label[i]!),
        height: NODE_LABEL_SIZE + 2,
        strength: s * 100 + map.nodes.size[i]!,
      });
    }
    return new Set(fitLabels(requests, { width, height }, first, MAX_FOCUS_LABELS));
  }

  /**
   * With nothing focused, the papers to name: of those in view and big enough on screen for the zoom, the
   * biggest first, each only if its label touches no label kept before it. Sigma's
   * label grid alone lets long labels of neighbouring cells run into each other when zoomed in.
   */
  function chooseMapLabels(): LabelRequest[] | null {
    const renderer = app.renderer;
    if (!renderer) return null;
    const { map, visibility } = app;
    const { width, height } = renderer.getDimensions();
    // Zoomed out only nodes big on screen (sigma's threshold); zooming in lowers the bar, so that close up
    // even a paper without links is named where its name fits.
    const ratio = renderer.getCamera().getState().ratio;
    const threshold = renderer.getSetting('labelRenderedSizeThreshold') * Math.min(1, ratio / 0.3);
    const requests: LabelRequest[] = [];
    for (let i = 0; i < map.nodes.label.length; i++) {
      if (!visibility.node[i] || !map.nodes.label[i]) continue;
      const d = renderer.getNodeDisplayData(String(i));
      if (!d) continue;
      const radius = renderer.scaleSize(d.size);
      if (radius < threshold) continue;
      const p = renderer.framedGraphToViewport({ x: d.x, y: d.y });
      if (p.x < -radius - 400 || p.x > width + radius || p.y < -radius || p.y > height + radius) continue;
      requests.push({
        id: i,
        x: p.x,
        y: p.y,
        radius,
        width: labelWidth(map.nodes.label[i]!),
        height: NODE_LABEL_SIZE + 2,
        strength: map.nodes.size[i]!,
      });
    }
    // Off the topic names too (they are placed off every paper's name, shown or not).
    const kept = new Set(fitLabels(requests, { width, height }, names.boxes(), MAX_MAP_LABELS));
    return requests.filter((r) => kept.has(r.id));
  }

  /** The names to draw now: the chosen ones, then the hovered and selected nodes' on top. */
  function labelList(): NodeLabel[] {
    const marked = new Set<number>();
    for (const key of [app.state.selected, app.state.hovered]) {
      const i = key === null ? undefined : app.index.byKey.get(key);
      if (i !== undefined) marked.add(i);
    }
    const chosen = focus ? [...(focusLabels ?? [])] : (mapLabels ?? []).map((r) => r.id);
    return [
      ...chosen.filter((i) => !marked.has(i)).map((i) => ({ i, strong: false })),
      ...[...marked].map((i) => ({ i, strong: true })),
    ];
  }

  function centreOn(i: number): void {
    const renderer = app.renderer;
    if (!renderer) return;
    const d = renderer.getNodeDisplayData(String(i));
    if (!d) return;
    const camera = renderer.getCamera();
    const now = camera.getState();
    const ratio = Math.min(now.ratio, 0.6);
    // The panel covers the right of the map: aim at the middle of what it leaves, not the middle of the map.
    const panel = document.getElementById('panel');
    const covered = panel && !panel.hidden ? panel.offsetWidth : 0;
    const a = renderer.viewportToFramedGraph({ x: 0, y: 0 });
    const b = renderer.viewportToFramedGraph({ x: 1, y: 0 });
    const shift = (covered / 2) * (ratio / now.ratio);
    void camera.animate(
      { x: d.x + shift * (b.x - a.x), y: d.y + shift * (b.y - a.y), ratio },
      { duration: 400 },
    );
  }

  return {
    centreOn,
    overlays: () => [labels.canvas, names.canvas],
    frames: () => frames,
    focusLabelCount: () => (focusLabels ? focusLabels.size : null),
    topicNameBoxes: () => names.boxes(),
    mapLabels: () =>
      mapLabels?.map((r) => {
        const x0 = r.x + r.radius + 2;
        return { id: r.id, x0, y0: r.y - r.height / 2, x1: x0 + r.width, y1: r.y + r.height / 2 };
      }) ?? null,
    firstFrameAt: () => firstFrameAt,
    install() {
      labelsStale = true;
      app.graph = buildGraph(app.map);
      names.reset();
      focus = focusOf(app.index, app.state, app.visibility);
      applyColouring(app.graph, app.map, app.state.colorBy);
      refreshView();
      // A small map names most of its papers at once; a big one only its biggest until zoomed in.
      const big = app.map.nodes.label.length > 1000;
      if (app.renderer) {
        app.renderer.setGraph(app.graph);
        app.renderer.setSetting('labelRenderedSizeThreshold', big ? 6 : 4);
        app.renderer.setSetting(
          'zoomToSizeRatioFunction',
          big ? (r: number) => Math.pow(r, 0.15) : Math.sqrt,
        );
        return;
      }
      // Sigma processes and draws synchronously in its constructor: that is the first frame.
      const renderer = createRenderer(
        app.graph,
        byId('map'),
        () => app.index,
        () => current,
        big,
      );
      app.renderer = renderer;
      frames++;
      firstFrameAt = performance.now();
      byId('map-wrap').append(labels.canvas, names.canvas);
      labels.draw(labelList());
      names.draw(focus !== null);
      renderer.on('afterRender', () => {
        frames++;
        labels.draw(labelList());
        names.draw(focus !== null);
        // Labels are chosen from where sigma drew the nodes, so after a frame of a new map or filter.
        if (labelsStale && !focus) {
          labelsStale = false;
          mapLabels = chooseMapLabels();
          refreshView();
          renderer.refresh({ skipIndexation: true });
        }
      });
      renderer.on('enterNode', ({ node }) => app.dispatch(hoverNode(app.index.keys[Number(node)]!), 'none'));
      renderer.on('leaveNode', () => app.dispatch(hoverNode(null), 'none'));
      renderer.on('clickNode', ({ node }) => app.dispatch(selectNode(app.index.keys[Number(node)]!)));
      renderer.on('clickStage', () => app.dispatch(selectNode(null)));
      // The camera goes to the address bar once it rests (replacing the entry: moving is not a step back).
      let cameraTimer: number | undefined;
      renderer.getCamera().on('updated', () => {
        clearTimeout(cameraTimer);
        cameraTimer = window.setTimeout(() => {
          const c = renderer.getCamera();
          if (c.isAnimating()) return;
          // What fits (around the focused node, or anywhere) depends on the zoom: choose again.
          if (focus) focusLabels = chooseFocusLabels();
          else mapLabels = chooseMapLabels();
          refreshView();
          renderer.refresh({ skipIndexation: true });
          const { x, y, ratio } = c.getState();
          const home = Math.abs(x - 0.5) < 1e-3 && Math.abs(y - 0.5) < 1e-3 && Math.abs(ratio - 1) < 1e-3;
          app.dispatch(setCamera(home ? null : { x, y, ratio }), 'replace');
        }, 250);
      });
      if (app.state.camera) renderer.getCamera().setState(app.state.camera);
    },
    update(prev: State | null, next: State) {
      const all = prev === null;
      // A camera from the URL (a pasted link, Back/Forward): move there unless already there.
      if (!all && prev.camera !== next.camera && app.renderer) {
        const camera = app.renderer.getCamera();
        const now = camera.getState();
        const want = next.camera ?? { x: 0.5, y: 0.5, ratio: 1 };
        const far =
          Math.abs(now.x - want.x) + Math.abs(now.y - want.y) > 1e-3 * now.ratio ||
          Math.abs(now.ratio - want.ratio) > 1e-3 * now.ratio;
        if (far && !camera.isAnimating()) void camera.animate(want, { duration: 300 });
      }
      if (
        !all &&
        prev.filters === next.filters &&
        prev.colorBy === next.colorBy &&
        prev.hovered === next.hovered &&
        prev.selected === next.selected
      )
        return;
      let partial: { nodes: string[]; edges: string[] } | null = null;
      if (!all && prev.filters !== next.filters) labelsStale = true;
      if (!all && prev.filters !== next.filters && app.visibilityBefore) {
        partial = {
          nodes: changedKeys(app.visibilityBefore.node, app.visibility.node),
          edges: changedKeys(app.visibilityBefore.edge, app.visibility.edge),
        };
      }
      if (!all && prev.colorBy !== next.colorBy) {
        partial = null;
        applyColouring(app.graph, app.map, next.colorBy);
      }
      if (all || prev.hovered !== next.hovered || prev.selected !== next.selected) {
        // Clicking the hovered node selects what is already highlighted: nothing on the map changes, so
        // no refresh (a full one costs as much as sigma's own refresh of the whole graph).
        if (!all && prev.filters === next.filters && prev.colorBy === next.colorBy && sameLook(prev, next))
          return;
        partial = null;
        focus = focusOf(app.index, next, app.visibility);
        focusLabels = chooseFocusLabels();
      } else if (focus && prev.filters !== next.filters) {
        // What is linked to the focused node, on the map, follows the filters.
        partial = null;
        focus = focusOf(app.index, next, app.visibility);
        focusLabels = chooseFocusLabels();
      }
      refreshView();
      const renderer = app.renderer;
      if (!renderer || all) {
        renderer?.refresh({ skipIndexation: true });
        return;
      }
      const graph = app.graph;
      // A filter change only touches what appeared or disappeared: no re-layout, no full reprocessing.
      if (partial && partial.nodes.length + partial.edges.length < (graph.order + graph.size) / 4) {
        try {
          renderer.refresh({ partialGraph: partial, skipIndexation: true });
          return;
        } catch {
          // An item sigma has not indexed yet: fall back to a full refresh.
        }
      }
      renderer.refresh({ skipIndexation: true });
    },
  };
}
