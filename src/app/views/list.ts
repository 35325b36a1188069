// The list view beside the map: the papers under the current filters, sortable, searchable, keyboard
// navigable; its selected row is the map's selected node and the other way round.
import { EDGE_TYPES } from '../../types.js';
import type { App, AppView } from '../app.js';
import { byId, el, setPaneOpen } from '../app.js';
import { linkCounts, listRows, moveInList, rowText } from '../list/index.js';
import { selectNode, setPane, sortList } from '../state/index.js';
import type { ListSortKey, State } from '../state/index.js';
import { virtualRows } from './virtual-rows.js';

const COLUMNS: { key: ListSortKey; label: string }[] = [
  { key: 'title', label: 'Paper' },
  { key: 'date', label: 'Date' },
  { key: 'links', label: 'Links' },
  { key: 'topic', label: 'Topic' },
];

export function createListView(app: App): AppView {
  const pane = byId('list-pane');
  const search = byId<HTMLInputElement>('list-search');
  const head = byId('list-head');
  const scroller = byId('list-rows');
  const count = byId('list-count');
  const rows = virtualRows(scroller, 30);
  let links: Int32Array = new Int32Array(0);
  let texts: string[] = [];
  let order: number[] = [];
  let position = new Map<number, number>();
  let cursor = -1;

  function selectedIndex(): number {
    const s = app.state.selected;
    return s === null ? -1 : (app.index.byKey.get(s) ?? -1);
  }

  function row(k: number): HTMLElement {
    const { map } = app;
    const n = map.nodes;
    const i = order[k]!;
    const date = app.state.filters.dateField === 'date' ? n.date[i] : app.index.published[i];
    const topic = map.topics[n.topic[i]!];
    const r = el(
      'div',
      {
        class: 'row',
        role: 'option',
        id: `list-row-${k}`,
        'data-node': app.index.keys[i]!,
        'aria-selected': String(i === selectedIndex()),
      },
      el(
        'span',
        { class: 'c-title', title: n.title[i] || n.label[i] || '' },
        n.label[i] || app.index.keys[i]!,
      ),
      el('span', { class: 'c-date' }, date || '—'),
      el('span', { class: 'c-links' }, String(links[i] ?? 0)),
      el('span', { class: 'c-topic', title: topic?.path.join(' › ') ?? '' }, topic?.label ?? ''),
    );
    if (topic) (r.firstChild as HTMLElement).style.borderLeftColor = topic.color;
    r.addEventListener('click', () => choose(k));
    return r;
  }

  function choose(k: number): void {
    const i = order[k];
    if (i === undefined) return;
    cursor = k;
    app.dispatch(selectNode(app.index.keys[i]!));
    app.centreOn(i);
  }

  function refill(top: boolean): void {
    if (app.state.pane !== 'list') return;
    order = listRows(
      app.index,
      app.visibility,
      app.state.listSort,
      search.value,
      app.state.filters.dateField,
      links,
      texts,
    );
    position = new Map(order.map((i, k) => [i, k]));
    const papers = app.visibility.visiblePapers;
    count.textContent =
      order.length === papers ? `${papers} papers` : `${order.length} of ${papers} papers match`;
    for (const b of head.querySelectorAll<HTMLButtonElement>('button')) {
      const on = b.dataset.sort === app.state.listSort.by;
      b.setAttribute('aria-sort', on ? (app.state.listSort.desc ? 'descending' : 'ascending') : 'none');
      b.classList.toggle('on', on);
    }
    rows.set(order.length, row, top);
    revealSelected();
  }

  function revealSelected(): void {
    const k = position.get(selectedIndex());
    if (k === undefined) return;
    cursor = k;
    scroller.setAttribute('aria-activedescendant', `list-row-${k}`);
    rows.reveal(k);
  }

  head.replaceChildren(
    ...COLUMNS.map((c) => {
      const b = el('button', { type: 'button', class: `c-${c.key}`, 'data-sort': c.key }, c.label);
      b.addEventListener('click', () => app.dispatch(sortList(c.key), 'replace'));
      return b;
    }),
  );
  search.addEventListener('input', () => refill(true));
  byId('list-close').addEventListener('click', () => app.dispatch(setPane('none')));
  scroller.addEventListener('keydown', (ev) => {
    if (ev.key === 'Enter') {
      ev.preventDefault();
      if (cursor >= 0) choose(cursor);
      return;
    }
    const next = moveInList(
      order.length,
      cursor,
      ev.key,
      Math.max(1, Math.floor(scroller.clientHeight / 30) - 1),
    );
    if (next === cursor || !['ArrowDown', 'ArrowUp', 'PageDown', 'PageUp', 'Home', 'End'].includes(ev.key))
      return;
    ev.preventDefault();
    const i = order[next]!;
    cursor = next;
    // Moving through the list is browsing: one history entry, not one per row.
    app.dispatch(selectNode(app.index.keys[i]!), 'replace');
    app.centreOn(i);
  });

  return {
    install() {
      links = linkCounts(app.index, EDGE_TYPES.indexOf('mentions'));
      texts = app.index.keys.map((_k, i) => (app.map.nodes.kind[i] === 0 ? rowText(app.index, i) : ''));
    },
    update(prev: State | null, next: State) {
      const open = next.pane === 'list';
      if (prev === null || prev.pane !== next.pane) {
        setPaneOpen(app, pane, open);
        if (open) {
          refill(true);
          if (prev !== null) scroller.focus({ preventScroll: true });
        }
        return;
      }
      if (!open) return;
      if (prev.filters !== next.filters || prev.listSort !== next.listSort)
        refill(prev.listSort !== next.listSort);
      else if (prev.selected !== next.selected) {
        rows.redraw();
        revealSelected();
      }
    },
  };
}
