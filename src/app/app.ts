// The page's one shared view state. Every view (map, panel, sidebar, search, list, local graph, links
// table) reads `app` and changes it only through `app.dispatch(action)`; main.ts runs the actions and
// tells each view what changed. A new view is a new module registered in main.ts: it touches no other
// view's file.
import type Graph from 'graphology';
import type Sigma from 'sigma';
import type { MapFile } from '../view/types.js';
import type { DetailStore } from './data.js';
import type { MapIndex, Visibility } from './filters/index.js';
import type { EdgeAttrs, NodeAttrs, Theme } from './renderer.js';
import type { Action, State } from './state/index.js';

export type HistoryMode = 'push' | 'replace' | 'none';

export interface App {
  map: MapFile;
  index: MapIndex;
  store: DetailStore;
  state: State;
  visibility: Visibility;
  /** The visibility before the last filter change (for partial refreshes), or null. */
  visibilityBefore: Visibility | null;
  theme: Theme;
  graph: Graph<NodeAttrs, EdgeAttrs>;
  renderer: Sigma<NodeAttrs, EdgeAttrs> | null;
  dispatch(action: Action, mode?: HistoryMode): void;
  /** Bring node `i` into view, centred in the part of the map the panel leaves visible. */
  centreOn(i: number): void;
}

/** One view of the page. */
export interface AppView {
  /** A map was (re)installed: rebuild whatever depends on the data. */
  install?(): void;
  /** The state changed; `prev` is null right after an install. */
  update?(prev: State | null, next: State): void;
}

/** Whether the page is served by the dev server (it marks the page with `meta[name="papermap-live"]`). */
export function isLive(): boolean {
  return document.querySelector('meta[name="papermap-live"]') !== null;
}

export const byId = <T extends HTMLElement>(id: string): T => {
  const e = document.getElementById(id);
  if (!e) throw new Error(`papermap: #${id} missing from index.html`);
  return e as T;
};

/** `document.createElement` with attributes and children (strings go in as text). */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string> = {},
  ...children: (Node | string | null | undefined)[]
): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  for (const c of children) if (c !== null && c !== undefined) e.append(c);
  return e;
}

/**
 * Show or hide a side pane (list, links table). The pane is painted first; the narrower or wider map is
 * redrawn just after that frame, and only when the map's width changed (not on every install).
 */
export function setPaneOpen(app: App, pane: HTMLElement, open: boolean): void {
  const changed = pane.hidden === open;
  pane.hidden = !open;
  if (changed)
    requestAnimationFrame(() =>
      setTimeout(() => {
        app.renderer?.resize();
        app.renderer?.refresh({ skipIndexation: true });
      }, 0),
    );
}
