// The page: wires data, state, renderer and controls. State changes only through named actions
// (src/app/state); everything on screen is derived from it in `sync`.
import Graph from 'graphology';
import type Sigma from 'sigma';
import { EDGE_TYPES } from '../types.js';
import type { Diagnostic } from '../types.js';
import type { MapFile } from '../view/types.js';
import { EDGE_COLORS, EDGE_LABELS } from './appearance/index.js';
import { DetailStore, loadMap } from './data.js';
import { download, exportPng, gexfOf, snapshot } from './export.js';
import { computeVisibility, indexMap, paperDates } from './filters/index.js';
import type { MapIndex, Visibility } from './filters/index.js';
import { renderPanel } from './panel/index.js';
import { applyColouring, buildGraph, createRenderer, currentTheme, focusOf } from './renderer.js';
import type { EdgeAttrs, NodeAttrs, Theme, View } from './renderer.js';
import { buildSearchIndex, search } from './search/index.js';
import type { SearchIndex, SearchResult } from './search/index.js';
import {
  INITIAL_STATE,
  hoverNode,
  resetFilters,
  restore,
  selectNode,
  setColorBy,
  setDateField,
  setDateRange,
  setShowConcepts,
  setTopicVisible,
  toggleEdgeType,
} from './state/index.js';
import type { Action, State } from './state/index.js';
import { hashToState, stateToHash } from './state/url.js';
import { createTimeline } from './timeline.js';
import { nodeGrid, placeLabel, type Box, type NodeGrid } from './topic-labels.js';

const byId = <T extends HTMLElement>(id: string): T => {
  const e = document.getElementById(id);
  if (!e) throw new Error(`papermap: #${id} missing from index.html`);
  return e as T;
};

type HistoryMode = 'push' | 'replace' | 'none';

let map: MapFile;
let index: MapIndex;
let graph: Graph<NodeAttrs, EdgeAttrs>;
let renderer: Sigma<NodeAttrs, EdgeAttrs> | null = null;
let store: DetailStore;
let searchIndex: SearchIndex;
let visibility: Visibility;
let theme: Theme = currentTheme();
let state: State = restore(hashToState(location.hash))(INITIAL_STATE);
let focus: Set<number> | null = null;
let firstFrameMs: number | null = null;
/** Milliseconds from navigation start to the first frame sigma drew. */
let firstFrameAt: number | null = null;
let frames = 0;
const startedAt = performance.now();

// One object, refreshed in `sync`: the reducers read it for every node and edge on each refresh.
const current = {} as View;
const view = (): View => current;
const refreshView = (): void => {
  current.state = state;
  current.visibility = visibility;
  current.focus = focus;
  current.theme = theme;
};

const topicCanvas = document.createElement('canvas');
topicCanvas.id = 'topic-labels';

// ------------------------------------------------------------------------------------------------
// Dispatch

function dispatch(action: Action, mode: HistoryMode = 'push'): void {
  const prev = state;
  const next = action(prev);
  if (next === prev) return;
  state = next;
  sync(prev, next);
  if (mode !== 'none') {
    const hash = stateToHash(next);
    if (hash !== (location.hash === '#' ? '' : location.hash)) {
      const url = hash || location.pathname + location.search;
      if (mode === 'push') history.pushState(null, '', url);
      else history.replaceState(null, '', url);
    }
  }
}

/** Keys of the items whose flag differs between two visibility arrays. */
function changedKeys(a: Uint8Array, b: Uint8Array): string[] {
  const out: string[] = [];
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) out.push(String(i));
  return out;
}

function sync(prev: State | null, next: State): void {
  const all = prev === null;
  let partial: { nodes: string[]; edges: string[] } | null = null;
  if (all || prev.filters !== next.filters) {
    const before = visibility;
    visibility = computeVisibility(index, next.filters);
    if (!all && before)
      partial = {
        nodes: changedKeys(before.node, visibility.node),
        edges: changedKeys(before.edge, visibility.edge),
      };
    syncFilterControls();
  }
  if (all || prev.colorBy !== next.colorBy) {
    partial = null;
    applyColouring(graph, map, next.colorBy);
    byId<HTMLSelectElement>('color-by').value = next.colorBy;
    renderLegend();
  }
  if (all || prev.hovered !== next.hovered || prev.selected !== next.selected) {
    partial = null;
    focus = focusOf(index, next);
  }
  if (all || prev.selected !== next.selected) syncPanel();
  refreshView();
  if (!renderer) return;
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
}

// ------------------------------------------------------------------------------------------------
// Controls

const timeline = createTimeline(document.getElementById('timeline') as unknown as SVGSVGElement, (range) =>
  dispatch(setDateRange(range)),
);

let timelineKey = '';
function syncFilterControls(): void {
  const f = state.filters;
  const n = map.nodes;
  // Timeline: grey = every paper with a date; accent = those also passing the topic filter.
  // The bars depend on the date field and the topic filter only; moving the brush redraws nothing else.
  const barsKey = `${map.build}\n${f.dateField}\n${f.hiddenTopics.join('\n')}`;
  if (barsKey !== timelineKey) {
    timelineKey = barsKey;
    const allDates = paperDates(map, f.dateField);
    const onDates: string[] = [];
    const dates = f.dateField === 'date' ? n.date : n.published;
    const noDateFilter = computeVisibility(index, { ...f, dateRange: null, showConcepts: false });
    for (let i = 0; i < dates.length; i++) if (noDateFilter.node[i] && dates[i]) onDates.push(dates[i]!);
    timeline.update(allDates, onDates, f.dateRange);
  } else timeline.setRange(f.dateRange);
  for (const r of document.querySelectorAll<HTMLInputElement>('input[name="date-field"]'))
    r.checked = r.value === f.dateField;
  byId<HTMLInputElement>('date-from').value = f.dateRange?.[0] ?? '';
  byId<HTMLInputElement>('date-to').value = f.dateRange?.[1] ?? '';
  byId<HTMLInputElement>('show-concepts').checked = f.showConcepts;
  for (const cb of document.querySelectorAll<HTMLInputElement>('#edge-types input')) {
    cb.checked = f.edgeTypes.includes(cb.value as never);
  }
  // Topic tree: checked unless hidden; indeterminate when something below is hidden.
  const hidden = new Set(f.hiddenTopics);
  map.topics.forEach((t, ti) => {
    const cb = document.querySelector<HTMLInputElement>(`#topic-tree input[data-topic="${ti}"]`);
    if (!cb) return;
    const self = index.topicAncestors[ti]!.some((a) => hidden.has(map.topics[a]!.key));
    cb.checked = !self;
    cb.indeterminate = !self && f.hiddenTopics.some((h) => h.startsWith(`${t.key} / `));
    const count = cb.parentElement?.querySelector('.count');
    if (count) count.textContent = String(visibility.topicCounts[ti] ?? 0);
  });
  const papers = n.kind.filter((k) => k === 0).length;
  byId('counts').textContent =
    `${visibility.visiblePapers} of ${papers} papers · ${visibility.visibleNodes - visibility.visiblePapers} concepts · ` +
    `${visibility.visibleEdges} links shown`;
}

function buildControls(): void {
  // Edge types.
  const counts = new Array<number>(EDGE_TYPES.length).fill(0);
  for (const t of map.edges.type) counts[t]!++;
  byId('edge-types').replaceChildren(
    ...EDGE_TYPES.map((type, k) => {
      const cb = document.createElement('input');
      cb.type = 'checkbox';
      cb.value = type;
      cb.addEventListener('change', () => dispatch(toggleEdgeType(type)));
      const sw = document.createElement('span');
      sw.className = 'swatch line';
      sw.style.background = EDGE_COLORS[type];
      const name = document.createElement('span');
      name.className = 'name';
      name.textContent = EDGE_LABELS[type] + (type === 'builds-on' || type === 'critiques' ? ' →' : '');
      const count = document.createElement('span');
      count.className = 'count';
      count.textContent = String(counts[k]);
      const label = document.createElement('label');
      label.append(cb, sw, name, count);
      const li = document.createElement('li');
      li.append(label);
      return li;
    }),
  );
  // Topic tree.
  byId('topic-tree').replaceChildren(
    ...map.topics.map((t, ti) => {
      const cb = document.createElement('input');
      cb.type = 'checkbox';
      cb.dataset.topic = String(ti);
      cb.addEventListener('change', () => dispatch(setTopicVisible(t.key, cb.checked, map.topics)));
      const sw = document.createElement('span');
      sw.className = 'swatch';
      sw.style.background = t.color;
      const name = document.createElement('span');
      name.className = 'name';
      name.textContent = t.label || '(no heading)';
      name.title = t.path.join(' › ');
      const count = document.createElement('span');
      count.className = 'count';
      const label = document.createElement('label');
      label.style.paddingLeft = `${Math.max(0, t.path.length - 1) * 14}px`;
      label.append(cb, sw, name, count);
      const li = document.createElement('li');
      li.append(label);
      return li;
    }),
  );
  // Diagnostics from the build.
  renderDiagnostics(map.diagnostics);
}

function renderDiagnostics(diags: readonly Diagnostic[]): void {
  const block = byId('diagnostics-block');
  block.hidden = diags.length === 0;
  byId('diagnostics').replaceChildren(
    ...diags.slice(0, 200).map((d) => {
      const li = document.createElement('li');
      li.className = `sev-${d.severity}`;
      li.textContent = `${d.file}:${d.line}:${d.column} ${d.rule} — ${d.message}`;
      return li;
    }),
  );
}

function legendItem(svg: string, text: string): HTMLLIElement {
  const li = document.createElement('li');
  const ns = 'http://www.w3.org/2000/svg';
  const s = document.createElementNS(ns, 'svg');
  s.setAttribute('width', '14');
  s.setAttribute('height', '14');
  s.setAttribute('viewBox', '0 0 14 14');
  const shape = document.createElementNS(ns, svg === 'circle' ? 'circle' : 'polygon');
  if (svg === 'circle') {
    shape.setAttribute('cx', '7');
    shape.setAttribute('cy', '7');
    shape.setAttribute('r', '6');
  } else shape.setAttribute('points', svg === 'diamond' ? '7,0 14,7 7,14 0,7' : '7,1 13,13 1,13');
  shape.setAttribute('fill', svg === 'diamond' ? '#a7a7a7' : '#6b8fc2');
  s.append(shape);
  const span = document.createElement('span');
  span.textContent = text;
  li.append(s, span);
  return li;
}

function renderLegend(): void {
  const items = [
    legendItem('circle', 'paper (size: number of links)'),
    legendItem('diamond', 'concept (muted colour)'),
  ];
  if (state.colorBy === 'community')
    items.push(legendItem('triangle', 'paper whose community differs from its topic'));
  const note = document.createElement('li');
  note.textContent =
    state.colorBy === 'community'
      ? 'Colour: detected community (Louvain).'
      : 'Colour: topic (heading); subtopics are shades of it.';
  items.push(note);
  byId('legend').replaceChildren(...items);
}

// ------------------------------------------------------------------------------------------------
// Panel

let panelToken = 0;
function syncPanel(): void {
  const panel = byId('panel');
  const key = state.selected;
  const i = key === null ? undefined : index.byKey.get(key);
  if (i === undefined) {
    panel.hidden = true;
    panel.replaceChildren();
    return;
  }
  const token = ++panelToken;
  const handlers = {
    close: () => dispatch(selectNode(null)),
    open: (j: number) => {
      dispatch(selectNode(index.keys[j]!));
      centreOn(j);
    },
  };
  const wasHidden = panel.hidden;
  panel.hidden = false;
  // Keep the open node in sight: the panel covers the right of the map.
  const d = renderer?.getNodeDisplayData(String(i));
  if (renderer && d) {
    const p = renderer.framedGraphToViewport({ x: d.x, y: d.y });
    const { width } = renderer.getDimensions();
    if (p.x > width - panel.offsetWidth - 24) centreOn(i);
  }
  renderPanel(panel, map, index.keys, i, undefined, handlers);
  panel.scrollTop = 0;
  if (wasHidden) panel.focus({ preventScroll: true });
  store
    .detail(i)
    .then((d) => {
      if (token === panelToken) renderPanel(panel, map, index.keys, i, d, handlers);
    })
    .catch((e: unknown) => {
      if (token === panelToken) panel.append(String(e));
    });
}

function centreOn(i: number): void {
  if (!renderer) return;
  const d = renderer.getNodeDisplayData(String(i));
  if (!d) return;
  const camera = renderer.getCamera();
  void camera.animate({ x: d.x, y: d.y, ratio: Math.min(camera.getState().ratio, 0.6) }, { duration: 400 });
}

// ------------------------------------------------------------------------------------------------
// Search

const input = byId<HTMLInputElement>('search-input');
const results = byId<HTMLUListElement>('search-results');
let found: SearchResult[] = [];
let active = -1;

const FIELD_NAMES: Record<SearchResult['field'], string> = {
  label: 'name',
  arxiv: 'arXiv',
  title: 'title',
  altTitle: 'title',
  author: 'author',
  alias: 'alias',
};

function showResults(): void {
  results.replaceChildren(
    ...found.map((r, k) => {
      const li = document.createElement('li');
      li.id = `search-result-${k}`;
      li.setAttribute('role', 'option');
      li.setAttribute('aria-selected', String(k === active));
      const name = document.createElement('span');
      name.textContent = map.nodes.label[r.index] || index.keys[r.index]!;
      const what = document.createElement('span');
      what.className = 'what';
      what.textContent = `${FIELD_NAMES[r.field]}: ${r.match}`;
      li.append(name, what);
      li.addEventListener('mousedown', (ev) => {
        ev.preventDefault();
        choose(k);
      });
      return li;
    }),
  );
  if (found.length === 0 && input.value.trim() !== '' && document.activeElement === input) {
    const li = document.createElement('li');
    // Until the other titles and authors are in, an empty list is not yet an answer.
    const pending = extrasRequested && !extrasLoaded;
    li.className = pending ? 'empty pending' : 'empty';
    li.textContent = pending ? 'Searching other titles and authors…' : 'No match';
    results.append(li);
  }
  results.hidden = results.childElementCount === 0;
  input.setAttribute('aria-expanded', String(!results.hidden));
  if (active >= 0) input.setAttribute('aria-activedescendant', `search-result-${active}`);
  else input.removeAttribute('aria-activedescendant');
}

function runSearch(): void {
  found = search(searchIndex, input.value, 12);
  active = found.length ? 0 : -1;
  showResults();
}

function choose(k: number): void {
  const r = found[k];
  if (!r) return;
  if (!visibility.node[r.index]) dispatch(resetFilters(), 'replace');
  dispatch(selectNode(index.keys[r.index]!));
  centreOn(r.index);
  found = [];
  active = -1;
  showResults();
}

let extrasRequested = false;
let extrasLoaded = false;
/** Settles when the search extras (other titles, authors, aliases) are in the index. */
let extrasReady: Promise<void> | null = null;
function loadSearchExtras(): void {
  if (extrasRequested) return;
  extrasRequested = true;
  const forMap = map;
  extrasReady = store
    .search()
    .then((extra) => {
      if (map !== forMap) return;
      searchIndex = buildSearchIndex(map, extra);
      extrasLoaded = true;
      if (input.value) runSearch();
    })
    .catch(() => {
      extrasRequested = false;
      if (map === forMap) showResults();
    });
}

input.addEventListener('focus', loadSearchExtras);
input.addEventListener('input', runSearch);
input.addEventListener('keydown', (ev) => {
  if (ev.key === 'ArrowDown' || ev.key === 'ArrowUp') {
    if (!found.length) return;
    ev.preventDefault();
    active = (active + (ev.key === 'ArrowDown' ? 1 : found.length - 1)) % found.length;
    showResults();
  } else if (ev.key === 'Enter') {
    ev.preventDefault();
    // Enter before the authors and other titles arrived would pick from a partial list: wait for them.
    if (extrasReady) void extrasReady.then(() => choose(Math.max(0, active)));
    else choose(Math.max(0, active));
  } else if (ev.key === 'Escape' && found.length) {
    ev.stopPropagation();
    found = [];
    showResults();
  }
});
input.addEventListener('blur', () => {
  found = [];
  showResults();
});

// ------------------------------------------------------------------------------------------------
// Static listeners

for (const r of document.querySelectorAll<HTMLInputElement>('input[name="date-field"]')) {
  r.addEventListener('change', () => dispatch(setDateField(r.value === 'published' ? 'published' : 'date')));
}
const dateInputs = () => {
  const a = byId<HTMLInputElement>('date-from').value;
  const b = byId<HTMLInputElement>('date-to').value;
  if (a && b) dispatch(setDateRange([a, b]));
};
byId('date-from').addEventListener('change', dateInputs);
byId('date-to').addEventListener('change', dateInputs);
byId('date-clear').addEventListener('click', () => dispatch(setDateRange(null)));
byId<HTMLInputElement>('show-concepts').addEventListener('change', (ev) =>
  dispatch(setShowConcepts((ev.target as HTMLInputElement).checked)),
);
byId('topics-all').addEventListener('click', () =>
  dispatch((s) => ({ ...s, filters: { ...s.filters, hiddenTopics: [] } })),
);
byId<HTMLSelectElement>('color-by').addEventListener('change', (ev) =>
  dispatch(setColorBy((ev.target as HTMLSelectElement).value === 'community' ? 'community' : 'topic')),
);
byId('toggle-filters').addEventListener('click', () => {
  const side = byId('filters');
  side.classList.toggle('collapsed');
  byId('toggle-filters').setAttribute('aria-expanded', String(!side.classList.contains('collapsed')));
  renderer?.resize();
  renderer?.refresh();
});
byId('zoom-in').addEventListener('click', () => void renderer?.getCamera().zoomIn({ duration: 250 }));
byId('zoom-out').addEventListener('click', () => void renderer?.getCamera().zoomOut({ duration: 250 }));
byId('zoom-fit').addEventListener('click', () => void renderer?.getCamera().reset({ duration: 300 }));
byId('export-png').addEventListener('click', () => {
  if (!renderer) return;
  void exportPng(renderer, [topicCanvas], theme.background).then((b) => download('papermap.png', b));
});
const exportGraph = (): Graph => {
  const out = new Graph({ type: 'mixed', multi: true });
  graph.forEachNode((_k, a) => {
    const i = a.i;
    if (!visibility.node[i]) return;
    const n = map.nodes;
    out.addNode(index.keys[i]!, {
      label: n.label[i],
      title: n.title[i] || n.label[i],
      kind: a.kind,
      date: n.date[i] || undefined,
      published: n.published[i] || undefined,
      arxiv: n.arxiv[i] || undefined,
      topic: map.topics[n.topic[i]!]?.key ?? '',
      community: n.community[i],
      x: n.x[i],
      y: n.y[i],
      size: n.size[i],
      color: a.color,
    });
  });
  graph.forEachEdge((_k, a) => {
    if (!visibility.edge[a.i]) return;
    const s = index.keys[map.edges.source[a.i]!]!;
    const t = index.keys[map.edges.target[a.i]!]!;
    const attrs = { type: a.type, color: a.color };
    if (a.type === 'same-group') out.addUndirectedEdge(s, t, attrs);
    else out.addDirectedEdge(s, t, attrs);
  });
  return out;
};
byId('export-gexf').addEventListener('click', () =>
  download('papermap.gexf', new Blob([gexfOf(exportGraph())], { type: 'application/xml' })),
);
byId('export-json').addEventListener('click', () =>
  download('papermap.json', new Blob([JSON.stringify(exportGraph().export())], { type: 'application/json' })),
);
document.addEventListener('keydown', (ev) => {
  if (ev.key === 'Escape' && state.selected !== null) dispatch(selectNode(null));
  else if (ev.key === '/' && document.activeElement !== input && !(ev.target instanceof HTMLInputElement)) {
    ev.preventDefault();
    input.focus();
  }
});
let resizeTimer: number | undefined;
window.addEventListener('resize', () => {
  clearTimeout(resizeTimer);
  resizeTimer = window.setTimeout(() => {
    if (!map) return;
    timelineKey = '';
    syncFilterControls();
  }, 150);
});
window.addEventListener('popstate', () => dispatch(restore(hashToState(location.hash)), 'none'));
window.matchMedia('(prefers-color-scheme: dark)').addEventListener('change', () => {
  theme = currentTheme();
  refreshView();
  renderer?.refresh();
});

// ------------------------------------------------------------------------------------------------
// Topic names at cluster centres, on a 2D canvas over the map (one label per topic: no per-node work).

/** Depth of the first heading level with more than one topic (1 unless everything sits under one title). */
let labelBase = 1;
/** Nodes by place (graph coordinates, as sigma has them), and their label widths once measured. */
let grid: NodeGrid = nodeGrid([], []);
let labelWidths = new Float32Array(0);
/** The height of sigma's node labels (its default style: 12px sans-serif). */
const NODE_LABEL_HEIGHT = 14;

/** About how wide sigma draws a label at 12px: wide (CJK, fullwidth) characters 12px, others 6.7px. */
function labelWidth(label: string): number {
  let w = 0;
  for (let k = 0; k < label.length; k++) w += label.charCodeAt(k) >= 0x2e80 ? 12 : 6.7;
  return w;
}

/**
 * What a topic name must not cover near viewport point (x, y): the nodes there and their labels (to the right
 * of each node, as sigma draws them), whether or not sigma shows that label at this zoom.
 */
function labelObstacles(x: number, y: number, w: number, h: number): Box[] {
  const r = renderer!;
  const a = r.viewportToGraph({ x: x - w - 240, y: y - 6 * h });
  const b = r.viewportToGraph({ x: x + w + 20, y: y + 6 * h });
  const near = grid.query(
    { x0: Math.min(a.x, b.x), y0: Math.min(a.y, b.y), x1: Math.max(a.x, b.x), y1: Math.max(a.y, b.y) },
    250,
  );
  const nodes = map.nodes;
  const out: Box[] = [];
  for (const i of near) {
    if (!visibility.node[i]) continue;
    const p = r.graphToViewport({ x: nodes.x[i]!, y: -nodes.y[i]! });
    const radius = r.scaleSize(nodes.size[i]!);
    out.push({ x0: p.x - radius, y0: p.y - radius, x1: p.x + radius, y1: p.y + radius });
    if (labelWidths[i]! < 0) labelWidths[i] = labelWidth(nodes.label[i]!);
    if (labelWidths[i]! > 0) {
      const x0 = p.x + radius + 4;
      out.push({
        x0,
        y0: p.y - NODE_LABEL_HEIGHT / 2,
        x1: x0 + labelWidths[i]!,
        y1: p.y + NODE_LABEL_HEIGHT / 2,
        weight: 4,
      });
    }
  }
  return out;
}

function topicLabelBase(): number {
  for (let d = 1; d < 6; d++) {
    const at = map.topics.filter((t) => t.path.length === d && t.count > 0).length;
    if (at > 1) return d;
    if (at === 0) return Math.max(1, d - 1);
  }
  return 1;
}

function drawTopicLabels(): void {
  if (!renderer) return;
  const { width, height } = renderer.getDimensions();
  const ratio = window.devicePixelRatio || 1;
  if (topicCanvas.width !== Math.round(width * ratio) || topicCanvas.height !== Math.round(height * ratio)) {
    topicCanvas.width = Math.round(width * ratio);
    topicCanvas.height = Math.round(height * ratio);
    topicCanvas.style.width = `${width}px`;
    topicCanvas.style.height = `${height}px`;
  }
  const ctx = topicCanvas.getContext('2d')!;
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  ctx.clearRect(0, 0, width, height);
  const zoom = renderer.getCamera().getState().ratio;
  const hidden = new Set(state.filters.hiddenTopics);
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  ctx.lineJoin = 'round';
  // A topic holding every paper says nothing about where things are; start one level below it.
  const total = map.stats.papers;
  const placed: Box[] = [];
  map.topics.forEach((t, ti) => {
    const depth = t.path.length - (labelBase - 1);
    if (t.path.length === 0 || t.count === 0 || depth < 1) return;
    if (map.topics.length > 1 && t.count >= total && t.path.length < labelBase) return;
    if (depth > 1 && zoom > 0.55) return;
    if (depth > 2 && zoom > 0.25) return;
    if (index.topicAncestors[ti]!.some((a) => hidden.has(map.topics[a]!.key))) return;
    const p = renderer!.graphToViewport({ x: t.x, y: -t.y });
    if (p.x < -100 || p.y < -40 || p.x > width + 100 || p.y > height + 40) return;
    const size = depth === 1 ? 16 : 13;
    ctx.font = `${depth === 1 ? 700 : 600} ${size}px system-ui, 'PingFang SC', 'Noto Sans CJK SC', sans-serif`;
    // Off the papers' own labels and the names already drawn, when there is room nearby.
    const w = ctx.measureText(t.label).width + 8;
    const h = size + 6;
    const at = placeLabel(p.x, p.y, w, h, [...placed, ...labelObstacles(p.x, p.y, w, h)]);
    placed.push({ x0: at.x - w / 2, y0: at.y - h / 2, x1: at.x + w / 2, y1: at.y + h / 2, weight: 4 });
    ctx.lineWidth = 4;
    ctx.strokeStyle = theme.background;
    ctx.globalAlpha = focus ? 0.35 : 0.9;
    ctx.strokeText(t.label, at.x, at.y);
    ctx.fillStyle = theme.dark ? '#ffffff' : t.color;
    ctx.fillText(t.label, at.x, at.y);
  });
  ctx.globalAlpha = 1;
}

// ------------------------------------------------------------------------------------------------
// Boot and live updates

function install(next: MapFile): void {
  map = next;
  index = indexMap(map);
  store = new DetailStore(map);
  searchIndex = { entries: [] };
  extrasRequested = false;
  extrasLoaded = false;
  extrasReady = null;
  graph = buildGraph(map);
  if (state.selected !== null && !index.byKey.has(state.selected)) state = { ...state, selected: null };
  if (state.hovered !== null && !index.byKey.has(state.hovered)) state = { ...state, hovered: null };
  labelBase = topicLabelBase();
  grid = nodeGrid(
    map.nodes.x,
    Float64Array.from(map.nodes.y, (y) => -y),
  );
  labelWidths = new Float32Array(map.nodes.label.length).fill(-1);
  // The reducers must see flags for this map before sigma first reads it.
  visibility = computeVisibility(index, state.filters);
  focus = focusOf(index, state);
  applyColouring(graph, map, state.colorBy);
  refreshView();
  if (renderer) {
    renderer.setGraph(graph);
    finishInstall();
    return;
  }
  // Sigma processes and draws synchronously in its constructor: that is the first frame. The sidebar is
  // filled just after, so it does not delay the map.
  renderer = createRenderer(graph, byId('map'), () => index, view);
  frames++;
  firstFrameAt = performance.now();
  firstFrameMs = firstFrameAt - startedAt;
  byId('map-wrap').append(topicCanvas);
  drawTopicLabels();
  renderer.on('afterRender', () => {
    frames++;
    drawTopicLabels();
  });
  renderer.on('enterNode', ({ node }) => dispatch(hoverNode(index.keys[Number(node)]!), 'none'));
  renderer.on('leaveNode', () => dispatch(hoverNode(null), 'none'));
  renderer.on('clickNode', ({ node }) => dispatch(selectNode(index.keys[Number(node)]!)));
  renderer.on('clickStage', () => dispatch(selectNode(null)));
  requestAnimationFrame(() => setTimeout(finishInstall, 0));
}

/** Everything around the map: controls, counts, legend, the open panel. */
function finishInstall(): void {
  searchIndex = buildSearchIndex(map, null);
  if (document.activeElement === input) loadSearchExtras();
  buildControls();
  timelineKey = '';
  syncFilterControls();
  byId<HTMLSelectElement>('color-by').value = state.colorBy;
  renderLegend();
  syncPanel();
  const papers = map.nodes.kind.filter((k) => k === 0).length;
  byId('map-status').textContent =
    `${papers} papers, ${map.nodes.kind.length - papers} concepts, ${map.edges.type.length} links`;
  hook.ready = true;
  hook.build = map.build;
}

function showBanner(diags: readonly Diagnostic[], message: string): void {
  const banner = byId('banner');
  if (!message && diags.length === 0) {
    banner.hidden = true;
    banner.replaceChildren();
    return;
  }
  const head = document.createElement('div');
  head.textContent = message;
  const list = document.createElement('ul');
  for (const d of diags.slice(0, 5)) {
    const li = document.createElement('li');
    const loc = document.createElement('code');
    loc.textContent = `${d.file}:${d.line}:${d.column}`;
    li.append(loc, ` ${d.rule}: ${d.message}`);
    list.append(li);
  }
  banner.replaceChildren(head, list);
  banner.hidden = false;
}

interface DevStatus {
  ok: boolean;
  message: string;
  diagnostics: Diagnostic[];
}

async function reloadMap(): Promise<void> {
  const next = await loadMap();
  if (next.build !== map.build) install(next);
}

const hook = {
  ready: false,
  build: '',
  nodeCount: () => map.nodes.label.length,
  edgeCount: () => map.edges.type.length,
  visibleNodes: () => visibility.visibleNodes,
  visiblePapers: () => visibility.visiblePapers,
  visibleEdges: () => visibility.visibleEdges,
  keys: () => index.keys.slice(),
  state: () => state,
  firstFrameMs: () => firstFrameMs,
  firstFrameAt: () => firstFrameAt,
  frames: () => frames,
  /** Page coordinates of a node's centre, for clicking the WebGL canvas in tests. */
  nodeScreenPosition: (key: string): { x: number; y: number } | null => {
    const i = index.byKey.get(key);
    if (i === undefined || !renderer) return null;
    const d = renderer.getNodeDisplayData(String(i));
    if (!d) return null;
    const p = renderer.framedGraphToViewport({ x: d.x, y: d.y });
    const r = byId('map').getBoundingClientRect();
    return { x: r.left + p.x, y: r.top + p.y };
  },
  /** Wait until sigma has drawn at least one more frame. */
  nextFrame: () => new Promise<void>((resolve) => renderer?.once('afterRender', () => resolve())),
  reload: reloadMap,
  /** What an exported PNG of the current view holds: distinct colours and pixels differing from the background. */
  pixels: (): { colours: number; drawn: number } => {
    if (!renderer) return { colours: 0, drawn: 0 };
    const c = snapshot(renderer, [topicCanvas], theme.background);
    const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    const bg = data.slice(0, 3).join(',');
    const colours = new Set<string>();
    let drawn = 0;
    for (let k = 0; k < data.length; k += 4) {
      const rgb = `${data[k]! >> 4},${data[k + 1]! >> 4},${data[k + 2]! >> 4}`;
      colours.add(rgb);
      if (`${data[k]},${data[k + 1]},${data[k + 2]}` !== bg) drawn++;
    }
    return { colours: colours.size, drawn };
  },
};
(window as unknown as { __papermap: typeof hook }).__papermap = hook;

async function boot(): Promise<void> {
  try {
    install(await loadMap());
  } catch (e) {
    byId('map-status').textContent = `Could not load the map: ${String(e)}`;
    return;
  }
  // Served live by `papermap serve` (src/cli/server.ts marks the page): follow its update stream.
  if (!document.querySelector('meta[name="papermap-live"]')) return;
  fetch('./data/status.json', { cache: 'no-cache' })
    .then((r) => (r.ok ? (r.json() as Promise<DevStatus>) : null))
    .then((s) => {
      if (!s) return;
      if (!s.ok) showBanner(s.diagnostics, s.message);
      const events = new EventSource('./data/events');
      // `hello` comes on every (re)connection, e.g. after the server restarted with other notes.
      const follow = (ev: MessageEvent<string>) => {
        if ((JSON.parse(ev.data) as { build: string }).build !== map.build) void reloadMap();
      };
      events.addEventListener('hello', follow);
      events.addEventListener('update', (ev) => {
        showBanner([], '');
        follow(ev);
      });
      events.addEventListener('problem', (ev) => {
        const st = JSON.parse(ev.data) as DevStatus;
        showBanner(st.diagnostics, st.message);
      });
    })
    .catch(() => undefined);
}

void boot();
