// The map: sigma (WebGL) over the graph, reducers reading the shared state, topic names on a canvas above.
import type { App, AppView } from '../app.js';
import { byId } from '../app.js';
import { applyColouring, buildGraph, createRenderer, currentTheme, focusOf } from '../renderer.js';
import type { View } from '../renderer.js';
import { hoverNode, selectNode, setCamera } from '../state/index.js';
import type { State } from '../state/index.js';
import { createTopicNames } from './topic-names.js';

export interface MapView extends AppView {
  /** Animate the camera to node \`i\`, centred in the part of the map the panel leaves visible. */
  centreOn(i: number): void;
  /** The canvas of topic names, for exports. */
  overlays(): HTMLCanvasElement[];
  /** Frames sigma drew so far, and when the first one was drawn (ms from navigation start). */
  frames(): number;
  firstFrameAt(): number | null;
}

/** Keys of the items whose flag differs between two visibility arrays. */
function changedKeys(a: Uint8Array, b: Uint8Array): string[] {
  const out: string[] = [];
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) out.push(String(i));
  return out;
}

export function createMapView(app: App): MapView {
  const names = createTopicNames(app);
  let focus: Set<number> | null = null;
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
    overlays: () => [names.canvas],
    frames: () => frames,
    firstFrameAt: () => firstFrameAt,
    install() {
      app.graph = buildGraph(app.map);
      names.reset();
      focus = focusOf(app.index, app.state);
      applyColouring(app.graph, app.map, app.state.colorBy);
      refreshView();
      if (app.renderer) {
        app.renderer.setGraph(app.graph);
        return;
      }
      // Sigma processes and draws synchronously in its constructor: that is the first frame.
      const renderer = createRenderer(
        app.graph,
        byId('map'),
        () => app.index,
        () => current,
      );
      app.renderer = renderer;
      frames++;
      firstFrameAt = performance.now();
      byId('map-wrap').append(names.canvas);
      names.draw(focus !== null);
      renderer.on('afterRender', () => {
        frames++;
        names.draw(focus !== null);
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
        partial = null;
        focus = focusOf(app.index, next);
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
