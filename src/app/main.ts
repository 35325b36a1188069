// The page: loads the map, keeps the one shared view state (src/app/app.ts) and runs each named action
// (src/app/state) through it, then tells every view what changed. The views live in src/app/views.
import Graph from 'graphology';
import { EDGE_TYPES } from '../types.js';
import type { Diagnostic, EdgeType } from '../types.js';
import type { MapFile } from '../view/types.js';
import type { App, AppView, HistoryMode } from './app.js';
import { byId, isLive } from './app.js';
import { liveCorrections } from './corrections.js';
import { DetailStore, loadMap } from './data.js';
import { download, exportPng, gexfOf, snapshot } from './export.js';
import { computeVisibility, indexMap } from './filters/index.js';
import { currentTheme } from './renderer.js';
import { INITIAL_STATE, restore, selectNode, setPane, showLocal } from './state/index.js';
import type { Action } from './state/index.js';
import { hashToState, stateToHash } from './state/url.js';
import { createLinksTable } from './views/links-table.js';
import { createListView } from './views/list.js';
import { createLocalView } from './views/local-graph.js';
import { createMapView } from './views/map.js';
import { createPanelView } from './views/panel.js';
import { createSearchBox } from './views/search-box.js';
import { createSidebar } from './views/sidebar.js';
import { createWorkKinds } from './views/work-kinds.js';

const startedAt = performance.now();
let firstFrameMs: number | null = null;

const app = {
  state: restore(hashToState(location.hash))(INITIAL_STATE),
  theme: currentTheme(),
  renderer: null,
  visibilityBefore: null,
  dispatch,
  centreOn: (i: number) => mapView.centreOn(i),
} as unknown as App;

const sendCorrection = liveCorrections();
const mapView = createMapView(app);
const searchBox = createSearchBox(app);
/** Views filled after the map's first frame, so they do not delay it. */
const localView = createLocalView(app);
const aroundMap: AppView[] = [
  createSidebar(app),
  createWorkKinds(app),
  searchBox,
  createListView(app),
  createLinksTable(app, sendCorrection),
  localView,
  createPanelView(app, {
    local: (i: number) => dispatch(showLocal(app.index.keys[i]!, app.state.local?.depth ?? 1)),
    openNote,
    ...(sendCorrection ? { correct: sendCorrection } : {}),
  }),
];

function dispatch(action: Action, mode: HistoryMode = 'push'): void {
  const prev = app.state;
  const next = action(prev);
  if (next === prev) return;
  app.state = next;
  if (prev.filters !== next.filters) {
    app.visibilityBefore = app.visibility;
    app.visibility = computeVisibility(app.index, next.filters);
  }
  mapView.update?.(prev, next);
  for (const v of aroundMap) v.update?.(prev, next);
  syncToolbar();
  if (mode !== 'none') {
    const hash = stateToHash(next);
    if (hash !== (location.hash === '#' ? '' : location.hash)) {
      const url = hash || location.pathname + location.search;
      if (mode === 'push') history.pushState(null, '', url);
      else history.replaceState(null, '', url);
    }
  }
}

/**
 * Open a note in the user's editor through the dev server (same-origin POST); false on a static site or
 * when no editor is configured, and the panel shows the note's lines instead.
 */
async function openNote(file: string, line: number): Promise<boolean> {
  if (!isLive()) return false;
  const q = new URLSearchParams({ file, line: String(line) });
  try {
    const res = await fetch(`./__papermap/open?${q.toString()}`, { method: 'POST' });
    return res.status === 204;
  } catch {
    return false;
  }
}

function syncToolbar(): void {
  byId('show-list').setAttribute('aria-pressed', String(app.state.pane === 'list'));
  byId('show-links').setAttribute('aria-pressed', String(app.state.pane === 'links'));
}

// ------------------------------------------------------------------------------------------------
// Toolbar: exports, the sidebar toggle, keyboard shortcuts

byId('toggle-filters').addEventListener('click', () => {
  const side = byId('filters');
  side.classList.toggle('collapsed');
  byId('toggle-filters').setAttribute('aria-expanded', String(!side.classList.contains('collapsed')));
  app.renderer?.resize();
  app.renderer?.refresh();
});
byId('export-png').addEventListener('click', () => {
  if (!app.renderer) return;
  void exportPng(app.renderer, mapView.overlays(), app.theme.background).then((b) =>
    download('papermap.png', b),
  );
});
const exportGraph = (): Graph => {
  const { map, index, visibility, graph } = app;
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
const paneButton = (id: string, pane: 'list' | 'links') =>
  byId(id).addEventListener('click', () => dispatch(setPane(app.state.pane === pane ? 'none' : pane)));
paneButton('show-list', 'list');
paneButton('show-links', 'links');
document.addEventListener('keydown', (ev) => {
  if (ev.key === 'Escape' && app.state.selected !== null) dispatch(selectNode(null));
  else if (ev.key === 'Escape' && app.state.local !== null) dispatch(showLocal(null));
  else if (
    ev.key === '/' &&
    document.activeElement !== searchBox.input &&
    !(ev.target instanceof HTMLInputElement)
  ) {
    ev.preventDefault();
    searchBox.input.focus();
  }
});
window.addEventListener('popstate', () => dispatch(restore(hashToState(location.hash)), 'none'));

// ------------------------------------------------------------------------------------------------
// Boot and live updates

function install(next: MapFile): void {
  const first = !app.renderer;
  app.map = next;
  app.index = indexMap(next);
  app.store = new DetailStore(next);
  const { index } = app;
  let state = app.state;
  if (state.selected !== null && !index.byKey.has(state.selected)) state = { ...state, selected: null };
  if (state.hovered !== null && !index.byKey.has(state.hovered)) state = { ...state, hovered: null };
  app.state = state;
  // The reducers must see flags for this map before sigma first reads it.
  app.visibility = computeVisibility(index, state.filters);
  app.visibilityBefore = null;
  mapView.install?.();
  mapView.update?.(null, state);
  if (first) firstFrameMs = (mapView.firstFrameAt() ?? startedAt) - startedAt;
  // Sigma draws synchronously in its constructor: that is the first frame. The rest follows just after.
  if (first) requestAnimationFrame(() => setTimeout(finishInstall, 0));
  else finishInstall();
}

/** Everything around the map: controls, counts, legend, the open panel. */
function finishInstall(): void {
  for (const v of aroundMap) v.install?.();
  for (const v of aroundMap) v.update?.(null, app.state);
  syncToolbar();
  hook.ready = true;
  hook.build = app.map.build;
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
  if (next.build !== app.map.build) install(next);
}

const hook = {
  ready: false,
  build: '',
  nodeCount: () => app.map.nodes.label.length,
  edgeCount: () => app.map.edges.type.length,
  visibleNodes: () => app.visibility.visibleNodes,
  visiblePapers: () => app.visibility.visiblePapers,
  visibleEdges: () => app.visibility.visibleEdges,
  keys: () => app.index.keys.slice(),
  /** The colour a node is drawn with now. */
  color: (key: string): string | null => {
    const i = app.index.byKey.get(key);
    return i === undefined ? null : (app.graph.getNodeAttribute(String(i), 'color') ?? null);
  },
  /** Whether the filters let a node be drawn. */
  shown: (key: string): boolean => {
    const i = app.index.byKey.get(key);
    return i !== undefined && app.visibility.node[i] === 1;
  },
  state: () => app.state,
  firstFrameMs: () => firstFrameMs,
  firstFrameAt: () => mapView.firstFrameAt(),
  frames: () => mapView.frames(),
  /** Page coordinates of a node's centre, for clicking the WebGL canvas in tests. */
  nodeScreenPosition: (key: string): { x: number; y: number } | null => {
    const i = app.index.byKey.get(key);
    const renderer = app.renderer;
    if (i === undefined || !renderer) return null;
    const d = renderer.getNodeDisplayData(String(i));
    if (!d) return null;
    const p = renderer.framedGraphToViewport({ x: d.x, y: d.y });
    const r = byId('map').getBoundingClientRect();
    return { x: r.left + p.x, y: r.top + p.y };
  },
  /** The camera's state, after moving it to `to` when given (tests and screenshots). */
  camera: (to?: { x: number; y: number; ratio: number }) => {
    const c = app.renderer?.getCamera();
    if (c && to) c.setState(to);
    return c?.getState() ?? null;
  },
  /** The paper with the most links, of the given types or of any (ties: lowest index). */
  hub: (types?: readonly string[]): string | null => {
    const { index, map } = app;
    const on = types ? new Set(types.map((t) => EDGE_TYPES.indexOf(t as EdgeType))) : null;
    let best = -1;
    let bestDeg = -1;
    for (let i = 0; i < map.nodes.kind.length; i++) {
      let deg = 0;
      for (let k = index.adjStart[i]!; k < index.adjStart[i + 1]!; k++)
        if (!on || on.has(map.edges.type[index.adjEdges[k]!]!)) deg++;
      if (map.nodes.kind[i] === 0 && deg > bestDeg) [best, bestDeg] = [i, deg];
    }
    return best < 0 ? null : index.keys[best]!;
  },
  /** What the local graph draws (null when closed). */
  local: () => localView.drawn(),
  /** Labels sigma is asked to show for the focused node's neighbours. */
  focusLabels: () => mapView.focusLabelCount(),
  /** Labels named on the map while nothing is focused, with their boxes on screen. */
  mapLabels: () => mapView.mapLabels(),
  /** Where the topic names are drawn. */
  topicNameBoxes: () => mapView.topicNameBoxes(),
  /** Wait until sigma has drawn at least one more frame. */
  nextFrame: () => new Promise<void>((resolve) => app.renderer?.once('afterRender', () => resolve())),
  reload: reloadMap,
  /** What an exported PNG of the current view holds: distinct colours and pixels differing from the background. */
  pixels: (): { colours: number; drawn: number } => {
    if (!app.renderer) return { colours: 0, drawn: 0 };
    const c = snapshot(app.renderer, mapView.overlays(), app.theme.background);
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
  if (!isLive()) return;
  fetch('./data/status.json', { cache: 'no-cache' })
    .then((r) => (r.ok ? (r.json() as Promise<DevStatus>) : null))
    .then((s) => {
      if (!s) return;
      if (!s.ok) showBanner(s.diagnostics, s.message);
      const events = new EventSource('./data/events');
      // `hello` comes on every (re)connection, e.g. after the server restarted with other notes.
      const follow = (ev: MessageEvent<string>) => {
        if ((JSON.parse(ev.data) as { build: string }).build !== app.map.build) void reloadMap();
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
