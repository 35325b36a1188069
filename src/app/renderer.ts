// sigma 4 + graphology. The graph holds data; how it looks is derived from State in the reducers, then
// `refresh({ skipIndexation: true })`. Filtering hides, it never re-lays out.
import Graph from 'graphology';
import Sigma, { DEFAULT_STYLES } from 'sigma';
import {
  extremityArrow,
  layerFill,
  layerPlain,
  pathLine,
  sdfCircle,
  sdfDiamond,
  sdfTriangle,
} from 'sigma/rendering';
import type { NodeDisplayData, EdgeDisplayData } from 'sigma/types';
import { EDGE_TYPES } from '../types.js';
import type { EdgeType } from '../types.js';
import type { MapFile } from '../view/types.js';
import {
  ARROW_TYPES,
  EDGE_COLORS,
  communityColor,
  WORK_KIND_COLORS,
  communityOutliers,
  conceptColor,
  mix,
} from './appearance/index.js';
import type { MapIndex, Visibility } from './filters/index.js';
import { neighbourhood } from './filters/index.js';
import type { State } from './state/index.js';

export interface NodeAttrs {
  i: number;
  x: number;
  y: number;
  size: number;
  label: string;
  color: string;
  shape: string;
  kind: 'paper' | 'concept';
  [k: string]: unknown;
}
export interface EdgeAttrs {
  i: number;
  type: EdgeType;
  color: string;
  size: number;
  arrow: boolean;
  [k: string]: unknown;
}

export interface Theme {
  dark: boolean;
  background: string;
  label: string;
  faded: string;
}

export function currentTheme(): Theme {
  const dark = window.matchMedia('(prefers-color-scheme: dark)').matches;
  return dark
    ? { dark, background: '#15171b', label: '#e4e6ea', faded: '#2a2d33' }
    : { dark, background: '#fbfbfa', label: '#1d1f23', faded: '#e6e6e6' };
}

/** Faded colours, memoised: maps use a few dozen colours, and hover fades every node and edge at once. */
const fadeCache = new Map<string, string>();
function fade(color: string, toward: string, t: number): string {
  const key = `${color}|${toward}|${t}`;
  let out = fadeCache.get(key);
  if (out === undefined) {
    out = mix(color, toward, t);
    if (fadeCache.size > 4096) fadeCache.clear();
    fadeCache.set(key, out);
  }
  return out;
}

/** The `aa` of `#rrggbbaa`, or `''`. */
const alphaOf = (c: string): string => (c.length === 9 ? c.slice(7) : '');

export function buildGraph(map: MapFile): Graph<NodeAttrs, EdgeAttrs> {
  const graph = new Graph<NodeAttrs, EdgeAttrs>({ type: 'mixed', multi: true, allowSelfLoops: false });
  const n = map.nodes;
  for (let i = 0; i < n.label.length; i++) {
    graph.addNode(String(i), {
      i,
      x: n.x[i]!,
      y: -n.y[i]!, // graph y grows downwards in the layout; sigma's grows upwards
      size: n.size[i]!,
      label: n.label[i]!,
      color: '#999',
      shape: n.kind[i] === 0 ? 'circle' : 'diamond',
      kind: n.kind[i] === 0 ? 'paper' : 'concept',
    });
  }
  const e = map.edges;
  // The more edges, the lighter each one, so dense maps stay readable; hover brings them back to full colour.
  const alpha = Math.round(
    255 * Math.min(1, Math.max(0.25, 2.2 - 0.45 * Math.log10(Math.max(1, e.source.length)))),
  );
  const suffix = alpha >= 255 ? '' : alpha.toString(16).padStart(2, '0');
  for (let k = 0; k < e.source.length; k++) {
    const type = EDGE_TYPES[e.type[k]!]!;
    const attrs: EdgeAttrs = {
      i: k,
      type,
      color: EDGE_COLORS[type] + suffix,
      size: type === 'mentions' || type === 'uses' ? 0.6 : ARROW_TYPES.has(type) ? 1.3 : 1,
      arrow: ARROW_TYPES.has(type),
    };
    if (type === 'same-group')
      graph.addUndirectedEdgeWithKey(String(k), String(e.source[k]), String(e.target[k]), attrs);
    else graph.addDirectedEdgeWithKey(String(k), String(e.source[k]), String(e.target[k]), attrs);
  }
  return graph;
}

/** Set each node's colour and shape for the colouring mode (once per mode change, not per frame). */
export function applyColouring(
  graph: Graph<NodeAttrs, EdgeAttrs>,
  map: MapFile,
  colorBy: State['colorBy'],
): void {
  const outliers = colorBy === 'community' ? communityOutliers(map) : null;
  graph.updateEachNodeAttributes((_key, a) => {
    const i = a.i;
    const concept = map.nodes.kind[i] === 1;
    const base =
      colorBy === 'community'
        ? communityColor(map.nodes.community[i]!)
        : colorBy === 'kind' && !concept
          ? (WORK_KIND_COLORS[map.nodes.workKind[i] || 'paper'] ?? '#999')
          : (map.colors[map.nodes.color[i]!] ?? '#999');
    a.color = concept ? conceptColor(base) : base;
    a.shape = concept ? 'diamond' : outliers?.[i] ? 'triangle' : 'circle';
    return a;
  });
}

export interface View {
  state: State;
  visibility: Visibility;
  /** Node indexes around the hovered or selected node, or null. */
  focus: Set<number> | null;
  theme: Theme;
}

export function focusOf(index: MapIndex, state: State, visibility: Visibility): Set<number> | null {
  const key = state.hovered ?? state.selected;
  if (key === null) return null;
  const i = index.byKey.get(key);
  return i === undefined ? null : neighbourhood(index, i, visibility.edge);
}

export function createRenderer(
  graph: Graph<NodeAttrs, EdgeAttrs>,
  container: HTMLElement,
  index: () => MapIndex,
  view: () => View,
  /** A big map: only its biggest papers named at first, and nodes that grow slowly as you zoom in. */
  big = false,
): Sigma<NodeAttrs, EdgeAttrs> {
  const selectedIndex = (): number => {
    const s = view().state.selected;
    return s === null ? -1 : (index().byKey.get(s) ?? -1);
  };
  const hoveredIndex = (): number => {
    const s = view().state.hovered;
    return s === null ? -1 : (index().byKey.get(s) ?? -1);
  };

  return new Sigma<NodeAttrs, EdgeAttrs>(graph, container, {
    primitives: {
      nodes: { shapes: [sdfCircle(), sdfDiamond(), sdfTriangle()], layers: [layerFill()] },
      edges: {
        paths: [pathLine()],
        extremities: [extremityArrow({ lengthRatio: 5, widthRatio: 4 })],
        layers: [layerPlain()],
      },
    },
    styles: {
      nodes: [
        DEFAULT_STYLES.nodes,
        {
          shape: { attribute: 'shape', defaultValue: 'circle' },
          labelColor: () => view().theme.label,
          backdropColor: () => view().theme.background,
        },
      ],
      edges: [DEFAULT_STYLES.edges, { when: (a) => a.arrow === true, then: { head: 'arrow' } }],
    },
    settings: {
      // Names are drawn on a canvas of their own (views/node-labels.ts): sigma's glyph atlas holds too few
      // characters for a map of Chinese titles.
      renderLabels: false,
      // Zoomed out only the biggest papers are named; zooming in grows every node past it (the map view
      // reads it when choosing which names fit).
      labelRenderedSizeThreshold: big ? 6 : 4,
      minCameraRatio: 0.05,
      maxCameraRatio: 4,
      stagePadding: 40,
      hideEdgesOnMove: false,
      // On a big map nodes grow slowly as you zoom in (sigma's default, the square root, turns a dense
      // cluster into one blot): zooming spreads the papers apart and gives their labels room. A small map
      // keeps the default, which names more of its papers at once.
      ...(big ? { zoomToSizeRatioFunction: (ratio: number) => Math.pow(ratio, 0.15) } : {}),
    },
    nodeReducer: (_key, data: NodeDisplayData, attrs: NodeAttrs): Partial<NodeDisplayData> => {
      const v = view();
      const i = attrs.i;
      if (!v.visibility.node[i]) return { ...data, visibility: 'hidden', label: null };
      const sel = selectedIndex();
      const hov = hoveredIndex();
      if (i === sel || i === hov) return { ...data, zIndex: 3, highlighted: true };
      if (v.focus) {
        if (v.focus.has(i)) return { ...data, zIndex: 2 };
        return { ...data, color: fade(data.color, v.theme.faded, 0.8), label: null };
      }
      return data;
    },
    edgeReducer: (_key, data: EdgeDisplayData, attrs: EdgeAttrs): Partial<EdgeDisplayData> => {
      const v = view();
      if (!v.visibility.edge[attrs.i]) return { ...data, visibility: 'hidden' };
      if (v.focus) {
        const m = index().map;
        const s = m.edges.source[attrs.i]!;
        const t = m.edges.target[attrs.i]!;
        const f = v.state.hovered !== null ? hoveredIndex() : selectedIndex();
        if (s === f || t === f)
          return { ...data, color: EDGE_COLORS[attrs.type], size: (data.size ?? 1) * 2, zIndex: 2 };
        // A big map hides the other links while a node is focused: thousands of faded lines add nothing
        // to read and cost most of the redraw.
        if (big) return { ...data, visibility: 'hidden' };
        return {
          ...data,
          color: fade(EDGE_COLORS[attrs.type], v.theme.faded, 0.85) + alphaOf(data.color),
          zIndex: 0,
        };
      }
      return data;
    },
  });
}
