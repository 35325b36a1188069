// The search box: autocomplete over labels, titles, ids, then (once focused) other titles and authors.
import type { App, AppView } from '../app.js';
import { byId } from '../app.js';
import { buildSearchIndex, search } from '../search/index.js';
import type { SearchIndex, SearchResult } from '../search/index.js';
import { resetFilters, selectNode } from '../state/index.js';

const FIELD_NAMES: Record<SearchResult['field'], string> = {
  label: 'name',
  arxiv: 'arXiv',
  title: 'title',
  altTitle: 'title',
  author: 'author',
  alias: 'alias',
};

export interface SearchBox extends AppView {
  input: HTMLInputElement;
}

export function createSearchBox(app: App): SearchBox {
  const input = byId<HTMLInputElement>('search-input');
  const results = byId<HTMLUListElement>('search-results');
  let searchIndex: SearchIndex = { entries: [] };
  let found: SearchResult[] = [];
  let active = -1;
  let extrasRequested = false;
  let extrasLoaded = false;
  /** Settles when the search extras (other titles, authors, aliases) are in the index. */
  let extrasReady: Promise<void> | null = null;

  /** What tells apart rows that share a name: kind, topic, date, arXiv id. */
  function context(i: number): string {
    const n = app.map.nodes;
    const parts: string[] = [];
    if (n.kind[i] === 1) parts.push('concept');
    const topic = app.map.topics[n.topic[i]!];
    if (topic) parts.push(topic.label);
    if (n.date[i]) parts.push(n.date[i]!);
    if (n.arxiv[i]) parts.push(n.arxiv[i]!);
    return parts.join(' · ');
  }

  function showResults(): void {
    const { map, index } = app;
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
        const where = document.createElement('span');
        where.className = 'what where';
        where.textContent = context(r.index);
        li.append(name, what, where);
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
    if (!app.visibility.node[r.index]) app.dispatch(resetFilters(), 'replace');
    app.dispatch(selectNode(app.index.keys[r.index]!));
    app.centreOn(r.index);
    found = [];
    active = -1;
    showResults();
  }

  function loadSearchExtras(): void {
    if (extrasRequested) return;
    extrasRequested = true;
    const forMap = app.map;
    extrasReady = app.store
      .search()
      .then((extra) => {
        if (app.map !== forMap) return;
        searchIndex = buildSearchIndex(app.map, extra);
        extrasLoaded = true;
        if (input.value) runSearch();
      })
      .catch(() => {
        extrasRequested = false;
        if (app.map === forMap) showResults();
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

  return {
    input,
    install() {
      extrasRequested = false;
      extrasLoaded = false;
      extrasReady = null;
      searchIndex = buildSearchIndex(app.map, null);
      if (document.activeElement === input) loadSearchExtras();
    },
  };
}
