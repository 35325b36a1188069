// The app's state and its named actions. Actions are pure: `(args) => (state) => state`. Anything that
// looks at the page (renderer, panel, URL) derives from State; nothing else changes it.
import { EDGE_TYPES } from '../../types.js';
import type { EdgeType } from '../../types.js';

export type DateField = 'date' | 'published';
export type ColorBy = 'topic' | 'community';

export interface Filters {
  dateField: DateField;
  /** Inclusive `YYYY-MM-DD` bounds, or null for no date filter. */
  dateRange: readonly [string, string] | null;
  /** Minimal set of hidden topic keys (a hidden topic hides its subtree), sorted. */
  hiddenTopics: readonly string[];
  /** Edge types shown, in `EDGE_TYPES` order. */
  edgeTypes: readonly EdgeType[];
  showConcepts: boolean;
}

export interface State {
  /** Key of the open node. */
  selected: string | null;
  /** Key of the hovered node (not kept in the URL). */
  hovered: string | null;
  colorBy: ColorBy;
  filters: Filters;
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
};

export const INITIAL_STATE: State = {
  selected: null,
  hovered: null,
  colorBy: 'topic',
  filters: DEFAULT_FILTERS,
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

/** Set the date range; bounds are ordered, and a null or malformed range clears the filter. */
export const setDateRange =
  (range: readonly [string, string] | null): Action =>
  (state) => {
    if (!range || !DAY.test(range[0]) || !DAY.test(range[1])) return withFilters(state, { dateRange: null });
    const [a, b] = range[0] <= range[1] ? range : [range[1], range[0]];
    return withFilters(state, { dateRange: [a, b] });
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

/** Replace everything the URL holds (selection, filters, colouring), keeping the transient hover. */
export const restore =
  (from: Omit<State, 'hovered'>): Action =>
  (state) => ({ ...from, hovered: state.hovered });
