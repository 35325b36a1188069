// Topic names at cluster centres, on a 2D canvas over the map (one label per topic: no per-node work).
import type { App } from '../app.js';
import {
  distinctTopicNames,
  nodeGrid,
  placeNames,
  type Box,
  type NameRequest,
  type NodeGrid,
} from '../topic-labels.js';
import { labelWidth, NODE_LABEL_SIZE } from './node-labels.js';
import { FONT, overlayContext } from './overlay.js';

/** Boxes (relative to the map) of what sits over the map and must stay readable: zoom buttons, status, panel. */
function controlBoxes(): Box[] {
  const map = document.getElementById('map');
  if (!map) return [];
  const origin = map.getBoundingClientRect();
  const out: Box[] = [];
  for (const sel of ['#map-wrap .zoom', '#map-status', '#panel', '#local-bar']) {
    const e = document.querySelector<HTMLElement>(sel);
    if (!e || e.hidden || e.offsetParent === null) continue;
    const r = e.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) continue;
    out.push({
      x0: r.left - origin.left - 4,
      y0: r.top - origin.top - 4,
      x1: r.right - origin.left + 4,
      y1: r.bottom - origin.top + 4,
    });
  }
  return out;
}

export interface TopicNames {
  canvas: HTMLCanvasElement;
  /** Recompute what depends on the map (after an install). */
  reset(): void;
  draw(focused: boolean): void;
  /** Where the names were drawn last (viewport boxes), for the paper names to keep off. */
  boxes(): Box[];
}

export function createTopicNames(app: App): TopicNames {
  const canvas = document.createElement('canvas');
  canvas.id = 'topic-labels';
  /** Depth of the first heading level with more than one topic (1 unless everything sits under one title). */
  let labelBase = 1;
  /** Nodes by place (graph coordinates, as sigma has them), and their label widths once measured. */
  let grid: NodeGrid = nodeGrid([], []);
  let labelWidths = new Float32Array(0);
  /** What each topic is called on the map: its label, with parents where two topics share one. */
  let names: string[] = [];
  let drawn: Box[] = [];

  /**
   * What a topic name must not cover near viewport point (x, y): the nodes there and their labels (to the
   * right of each node, as the node labels are drawn), whether or not that label shows at this zoom.
   */
  function labelObstacles(x: number, y: number, w: number, h: number): Box[] {
    const r = app.renderer!;
    const a = r.viewportToGraph({ x: x - w - 240, y: y - 6 * h });
    const b = r.viewportToGraph({ x: x + w + 20, y: y + 6 * h });
    const near = grid.query(
      { x0: Math.min(a.x, b.x), y0: Math.min(a.y, b.y), x1: Math.max(a.x, b.x), y1: Math.max(a.y, b.y) },
      250,
    );
    const nodes = app.map.nodes;
    const out: Box[] = [];
    for (const i of near) {
      if (!app.visibility.node[i]) continue;
      const p = r.graphToViewport({ x: nodes.x[i]!, y: -nodes.y[i]! });
      const radius = r.scaleSize(nodes.size[i]!);
      out.push({ x0: p.x - radius, y0: p.y - radius, x1: p.x + radius, y1: p.y + radius });
      if (labelWidths[i]! < 0) labelWidths[i] = labelWidth(nodes.label[i]!);
      if (labelWidths[i]! > 0) {
        const x0 = p.x + radius + 4;
        out.push({
          x0,
          y0: p.y - NODE_LABEL_SIZE / 2,
          x1: x0 + labelWidths[i]!,
          y1: p.y + NODE_LABEL_SIZE / 2,
          weight: 4,
        });
      }
    }
    return out;
  }

  function topicLabelBase(): number {
    const { map } = app;
    for (let d = 1; d < 6; d++) {
      const at = map.topics.filter((t) => t.path.length === d && t.count > 0).length;
      if (at > 1) return d;
      if (at === 0) return Math.max(1, d - 1);
    }
    return 1;
  }

  return {
    canvas,
    reset() {
      labelBase = topicLabelBase();
      names = distinctTopicNames(app.map.topics);
      grid = nodeGrid(
        app.map.nodes.x,
        Float64Array.from(app.map.nodes.y, (y) => -y),
      );
      labelWidths = new Float32Array(app.map.nodes.label.length).fill(-1);
    },
    boxes: () => drawn,
    draw(focused) {
      const renderer = app.renderer;
      if (!renderer) return;
      const { map, index, state, theme } = app;
      const { width, height } = renderer.getDimensions();
      const ctx = overlayContext(canvas, width, height);
      const zoom = renderer.getCamera().getState().ratio;
      const hidden = new Set(state.filters.hiddenTopics);
      ctx.textAlign = 'center';
      ctx.textBaseline = 'middle';
      ctx.lineJoin = 'round';
      // A topic holding every paper says nothing about where things are; start one level below it.
      const total = map.stats.papers;
      const requests: NameRequest[] = [];
      const style = new Map<number, { size: number; weight: number }>();
      map.topics.forEach((t, ti) => {
        // The build says which topics are the map's clusters (level 1); older data: count from the top.
        const depth = t.level ?? t.path.length - (labelBase - 1);
        if (t.path.length === 0 || t.count === 0 || depth < 1) return;
        if (map.topics.length > 1 && t.count >= total && (t.level !== undefined || t.path.length < labelBase))
          return;
        // Level of detail: top-level names zoomed out, subtopics as you zoom in.
        if (depth > 1 && zoom > 0.55) return;
        if (depth > 2 && zoom > 0.25) return;
        // Nothing of this topic on the map now (date range, hidden topic): no name.
        if ((app.visibility.topicCounts[ti] ?? 0) === 0) return;
        if (index.topicAncestors[ti]!.some((a) => hidden.has(map.topics[a]!.key))) return;
        const p = renderer.graphToViewport({ x: t.x, y: -t.y });
        if (p.x < 0 || p.y < 0 || p.x > width || p.y > height) return;
        const size = depth === 1 ? 16 : 13;
        const weight = depth === 1 ? 700 : 600;
        ctx.font = `${weight} ${size}px ${FONT}`;
        style.set(ti, { size, weight });
        requests.push({
          id: ti,
          x: p.x,
          y: p.y,
          width: ctx.measureText(names[ti] ?? t.label).width + 8,
          height: size + 6,
          priority: (app.visibility.topicCounts[ti] ?? 0) + (depth === 1 ? 1e7 : depth === 2 ? 1e5 : 0),
        });
      });
      // Off the papers' own labels when there is room nearby; never over another name or the controls.
      const placed = placeNames(requests, { width, height }, controlBoxes(), (r) =>
        labelObstacles(r.x, r.y, r.width, r.height),
      );
      ctx.lineWidth = 4;
      ctx.strokeStyle = theme.background;
      // While a node is focused its neighbours' labels matter more than where topics are.
      ctx.globalAlpha = focused ? 0.18 : 0.9;
      drawn = [];
      for (const { id, x, y } of placed) {
        const t = map.topics[id]!;
        const { size, weight } = style.get(id)!;
        ctx.font = `${weight} ${size}px ${FONT}`;
        const name = names[id] ?? t.label;
        const w = ctx.measureText(name).width / 2 + 4;
        drawn.push({ x0: x - w, y0: y - size / 2 - 3, x1: x + w, y1: y + size / 2 + 3 });
        ctx.strokeText(name, x, y);
        ctx.fillStyle = theme.dark ? '#ffffff' : t.color;
        ctx.fillText(name, x, y);
      }
      ctx.globalAlpha = 1;
    },
  };
}
