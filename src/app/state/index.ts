// The app's state and its named actions. Actions are pure: `(args) => (state) => state`. Anything that
// looks at the page (renderer, panel, URL) derives from State; nothing else changes it.
import { EDGE_TYPES } from '../../types.js';
import type { EdgeType } from '../../types.js';

export type DateField = 'date' | 'published';
export type ColorBy = 'topic' | 'community' | 'kind';

export interface Filters {
  dateField: DateField;
  /**
   * Inclusive `YYYY-MM-DD` bounds, or null for no date filter. One bound may be `''` (open): "since
   * 1 August" is `['2025-08-01', '']`.
   */
  dateRange: readonly [string, string] | null;
  /** Minimal set of hidden topic keys (a hidden topic hides its subtree), sorted. */
  hiddenTopics: readonly string[];
  /** Edge types shown, in `EDGE_TYPES` order. */
  edgeTypes: readonly EdgeType[];
  showConcepts: boolean;
  /** Kinds of work hidden (`paper`, `blog`, `book`, `repo`, `tweet`, `news`, `video`), sorted. */
  hiddenKinds: readonly string[];
}

/** Where the camera looks (sigma's framed-graph coordinates and zoom ratio). */
export interface Camera {
  x: number;
  y: number;
  ratio: number;
}

/** What sits beside the map: nothing, the list of papers, or the table of links. */
export type Pane = 'none' | 'list' | 'links';
export type ListSortKey = 'date' | 'links' | 'topic' | 'title';
export interface ListSort {
  by: ListSortKey;
  desc: boolean;
}

/** The local graph: one paper's neighbourhood to a depth (1-3), drawn instead of the whole map. */
export interface Local {
  key: string;
  depth: 1 | 2 | 3;
}

export interface State {
  /** Key of the open node. */
  selected: string | null;
  /** Key of the hovered node (not kept in the URL). */
  hovered: string | null;
  colorBy: ColorBy;
  filters: Filters;
  /** The camera to restore (kept in the URL), or null for the whole map. */
  camera: Camera | null;
  pane: Pane;
  listSort: ListSort;
  local: Local | null;
}

export type Action = (state: State) => State;

/** Weak relations (`uses`, `mentions`) are off until asked for: they are many and say little about lineage. */
export const DEFAULT_EDGE_TYPES: readonly EdgeType[] = EDGE_TYPES.filter(
  (t) => t !== 'mentions' && t !== 'uses',
);

export const DEFAULT_FILTERS: Filters = {
  dateField: 'date',
  dateRange: null,
  hiddenTopics: [],
  edgeTypes: DEFAULT_EDGE_TYPES,
  showConcepts: true,
  hiddenKinds: [],
};

export const DEFAULT_LIST_SORT: ListSort = { by: 'date', desc: true };

export const INITIAL_STATE: State = {
  selected: null,
  hovered: null,
  colorBy: 'topic',
  filters: DEFAULT_FILTERS,
  camera: null,
  pane: 'none',
  listSort: DEFAULT_LIST_SORT,
  local: null,
};

/** A topic as the tree needs it: its key and heading path. */
export interface TopicRef {
  key: string;
  path: readonly string[];
}

const withFilters = (state: State, patch: Partial<Filters>): State => ({
  ...state,
  filters: { ...state.filters, ...patch },
});

export const selectNode =
  (key: string | null): Action =>
  (state) =>
    state.selected === key ? state : { ...state, selected: key };

export const hoverNode =
  (key: string | null): Action =>
  (state) =>
    state.hovered === key ? state : { ...state, hovered: key };

export const setColorBy =
  (colorBy: ColorBy): Action =>
  (state) => ({ ...state, colorBy });

export const setDateField =
  (dateField: DateField): Action =>
  (state) =>
    withFilters(state, { dateField });

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Set the date range; bounds are ordered, either may be `''` (open), and a null, malformed or fully open
 * range clears the filter.
 */
export const setDateRange =
  (range: readonly [string, string] | null): Action =>
  (state) => {
    const ok = (d: string) => d === '' || DAY.test(d);
    if (!range || !ok(range[0]) || !ok(range[1]) || (range[0] === '' && range[1] === ''))
      return withFilters(state, { dateRange: null });
    const [a, b] = range[0] === '' || range[1] === '' || range[0] <= range[1] ? range : [range[1], range[0]];
    return withFilters(state, { dateRange: [a, b] });
  };

/** Show or hide one kind of work (`paper` for papers). */
export const setKindVisible =
  (kind: string, visible: boolean): Action =>
  (state) => {
    const hidden = new Set(state.filters.hiddenKinds);
    if (visible === !hidden.has(kind)) return state;
    if (visible) hidden.delete(kind);
    else hidden.add(kind);
    return withFilters(state, { hiddenKinds: [...hidden].sort() });
  };

export const toggleEdgeType =
  (type: EdgeType): Action =>
  (state) => {
    const on = new Set(state.filters.edgeTypes);
    if (on.has(type)) on.delete(type);
    else on.add(type);
    return withFilters(state, { edgeTypes: EDGE_TYPES.filter((t) => on.has(t)) });
  };

export const setShowConcepts =
  (showConcepts: boolean): Action =>
  (state) =>
    withFilters(state, { showConcepts });

export const resetFilters = (): Action => (state) => ({ ...state, filters: DEFAULT_FILTERS });

const isPrefix = (prefix: readonly string[], path: readonly string[]): boolean =>
  prefix.length <= path.length && prefix.every((p, i) => p === path[i]);

/** Whether a topic path is hidden by a set of hidden topic paths (itself or an ancestor). */
export function isTopicHidden(path: readonly string[], hidden: readonly (readonly string[])[]): boolean {
  return hidden.some((h) => isPrefix(h, path));
}

/**
 * Show or hide one topic of the tree. Hiding hides its subtree; showing a topic shows its subtree and
 * its ancestors' own papers, leaving its hidden siblings hidden. The result is the minimal set of keys.
 */
export const setTopicVisible =
  (key: string, visible: boolean, topics: readonly TopicRef[]): Action =>
  (state) => {
    const byKey = new Map(topics.map((t) => [t.key, t.path]));
    const target = byKey.get(key);
    if (!target) return state;
    const hiddenPaths = state.filters.hiddenTopics.flatMap((k) => {
      const p = byKey.get(k);
      return p ? [p] : [];
    });
    const effective = new Set(topics.filter((t) => isTopicHidden(t.path, hiddenPaths)).map((t) => t.key));
    for (const t of topics) {
      if (visible) {
        if (isPrefix(target, t.path) || isPrefix(t.path, target)) effective.delete(t.key);
      } else if (isPrefix(target, t.path)) {
        effective.add(t.key);
      }
    }
    const parentHidden = (path: readonly string[]): boolean => {
      for (const t of topics)
        if (t.path.length === path.length - 1 && isPrefix(t.path, path)) return effective.has(t.key);
      return false;
    };
    const hiddenTopics = topics
      .filter((t) => effective.has(t.key) && !parentHidden(t.path))
      .map((t) => t.key)
      .sort();
    return withFilters(state, { hiddenTopics });
  };

/** Remember where the camera looks; tiny moves (under 0.1% of the view) change nothing. */
export const setCamera =
  (camera: Camera | null): Action =>
  (state) => {
    const c = state.camera;
    if (camera === null) return c === null ? state : { ...state, camera: null };
    if (![camera.x, camera.y, camera.ratio].every(Number.isFinite) || camera.ratio <= 0) return state;
    if (
      c &&
      Math.abs(c.x - camera.x) < 1e-3 * c.ratio &&
      Math.abs(c.y - camera.y) < 1e-3 * c.ratio &&
      Math.abs(c.ratio - camera.ratio) < 1e-3 * c.ratio
    )
      return state;
    return { ...state, camera: { x: camera.x, y: camera.y, ratio: camera.ratio } };
  };

export const setPane =
  (pane: Pane): Action =>
  (state) =>
    state.pane === pane ? state : { ...state, pane };

/** Sort the list by a column: the same column again flips the order; a new one starts in its natural order. */
export const sortList =
  (by: ListSortKey): Action =>
  (state) => ({
    ...state,
    listSort:
      state.listSort.by === by
        ? { by, desc: !state.listSort.desc }
        : { by, desc: by === 'date' || by === 'links' },
  });

/** Open the local graph of a node (and select it), change its depth (clamped to 1-3), or close it (null). */
export const showLocal =
  (key: string | null, depth = 1): Action =>
  (state) => {
    if (key === null) return state.local === null ? state : { ...state, local: null };
    const d = Math.min(3, Math.max(1, Math.round(Number.isFinite(depth) ? depth : 1))) as Local['depth'];
    if (state.local?.key === key && state.local.depth === d && state.selected === key) return state;
    return { ...state, local: { key, depth: d }, selected: key };
  };

/** Replace everything the URL holds (selection, filters, colouring, views), keeping the transient hover. */
export const restore =
  (from: Omit<State, 'hovered'>): Action =>
  (state) => ({ ...from, hovered: state.hovered });
