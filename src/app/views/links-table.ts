// The links table beside the map: every drawn link with its type, both ends and its evidence sentence,
// filterable by type and searchable, to review the evidence in bulk. Evidence comes from the detail
// chunks: those of the rows in sight are fetched as they scroll by; searching fetches them all.
import { EDGE_TYPES } from '../../types.js';
import type { EdgeType } from '../../types.js';
import type { App, AppView } from '../app.js';
import { byId, el, setPaneOpen } from '../app.js';
import type { SendCorrection } from '../corrections.js';
import { EDGE_COLORS, EDGE_LABELS } from '../appearance/index.js';
import { linkRows } from '../link-table/index.js';
import { selectNode, setPane } from '../state/index.js';
import type { State } from '../state/index.js';
import { virtualRows } from './virtual-rows.js';

/** `correct`: on the dev server, each row offers to reject its link (one line in the corrections file). */
export function createLinksTable(app: App, correct: SendCorrection | null = null): AppView {
  const pane = byId('links-pane');
  const search = byId<HTMLInputElement>('links-search');
  const typeSelect = byId<HTMLSelectElement>('links-type');
  const scroller = byId('links-rows');
  const count = byId('links-count');
  const rows = virtualRows(scroller, 58);
  let order: number[] = [];
  /** Evidence (first sentence and its place) by edge, once its chunk is in. */
  let evidence = new Map<number, { text: string; where: string }>();
  const asked = new Set<number>();
  let loadingAll: Promise<void> | null = null;
  let redrawQueued = false;

  const evidenceText = (e: number) => evidence.get(e)?.text ?? '';

  function learn(nodeIndex: number): Promise<void> {
    const c = Math.floor(nodeIndex / app.map.chunkSize);
    if (asked.has(c)) return Promise.resolve();
    asked.add(c);
    const forMap = app.map;
    return app.store.detail(nodeIndex).then(async () => {
      // The whole chunk is in the store now: read every node of it.
      const end = Math.min(forMap.nodes.label.length, (c + 1) * forMap.chunkSize);
      for (let i = c * forMap.chunkSize; i < end; i++) {
        const d = await app.store.detail(i);
        if (app.map !== forMap || !d) continue;
        for (const ed of d.edges) {
          if (evidence.has(ed.edge)) continue;
          const src = ed.sources[0];
          evidence.set(ed.edge, {
            text: ed.evidence[0] ?? '',
            where: src ? `${src.file}:${src.line}` : '',
          });
        }
      }
      queueRedraw();
    });
  }

  function queueRedraw(): void {
    if (redrawQueued) return;
    redrawQueued = true;
    requestAnimationFrame(() => {
      redrawQueued = false;
      if (search.value.trim()) refill(false);
      else rows.redraw();
    });
  }

  function loadAll(): Promise<void> {
    if (loadingAll) return loadingAll;
    const chunks = Math.ceil(app.map.nodes.label.length / app.map.chunkSize);
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < chunks) {
        const c = next++;
        await learn(c * app.map.chunkSize).catch(() => undefined);
        count.textContent = `${order.length} links · evidence ${Math.min(next, chunks)}/${chunks} loaded`;
      }
    };
    loadingAll = Promise.all([worker(), worker(), worker()]).then(() => refill(false));
    return loadingAll;
  }

  function endButton(i: number): HTMLElement {
    const n = app.map.nodes;
    const b = el(
      'button',
      { type: 'button', class: 'end', 'data-node': app.index.keys[i]! },
      n.label[i] || app.index.keys[i]!,
    );
    if (n.title[i]) b.title = n.title[i]!;
    b.addEventListener('click', () => {
      app.dispatch(selectNode(app.index.keys[i]!));
      app.centreOn(i);
    });
    return b;
  }

  /** Rejected edges stay marked while the rebuild runs (rows are redrawn as they scroll). */
  const rejected = new Set<string>();
  function rejectButton(send: SendCorrection, e: number): HTMLElement {
    const { map, index } = app;
    const type = EDGE_TYPES[map.edges.type[e]!]!;
    const source = index.keys[map.edges.source[e]!] ?? '';
    const target = index.keys[map.edges.target[e]!] ?? '';
    const id = `${type} ${source} ${target}`;
    if (rejected.has(id)) return el('span', { class: 'correct-done' }, 'rejected; updating…');
    const b = el(
      'button',
      {
        type: 'button',
        class: 'correct-reject',
        title: 'Wrong link: drop it (written to papermap.corrections.txt)',
      },
      'Reject',
    );
    b.addEventListener('click', () => {
      b.disabled = true;
      void send({ verb: 'reject', type, source, target }).then((ok) => {
        if (ok) rejected.add(id);
        b.replaceWith(
          el(
            'span',
            { class: 'correct-done' },
            ok ? 'rejected; updating…' : 'could not write the correction',
          ),
        );
      });
    });
    return b;
  }

  function row(k: number): HTMLElement {
    const e = order[k]!;
    const { map } = app;
    const type = EDGE_TYPES[map.edges.type[e]!]!;
    const s = map.edges.source[e]!;
    const t = map.edges.target[e]!;
    const ev = evidence.get(e);
    if (!ev) void learn(s).catch(() => undefined);
    const sw = el('span', { class: 'swatch line' });
    sw.style.background = EDGE_COLORS[type];
    const arrow = type === 'same-group' || type === 'compares' ? '↔' : '→';
    return el(
      'div',
      { class: 'row link-row', 'data-edge': String(e), 'data-type': type },
      el(
        'div',
        { class: 'ends' },
        sw,
        el('span', { class: 'type' }, EDGE_LABELS[type]),
        endButton(s),
        el('span', { class: 'dir' }, arrow),
        endButton(t),
        correct ? rejectButton(correct, e) : null,
      ),
      el(
        'div',
        { class: 'evidence', title: ev ? `${ev.text}\n${ev.where}` : '' },
        ev ? ev.text || '(no sentence)' : '…',
        ev?.where ? el('span', { class: 'where' }, ` ${ev.where}`) : null,
      ),
    );
  }

  function refill(top: boolean): void {
    if (app.state.pane !== 'links') return;
    const types = typeSelect.value ? [typeSelect.value as EdgeType] : [];
    order = linkRows(app.index, app.visibility, types, search.value, evidenceText);
    const searching = search.value.trim() !== '';
    const loaded = loadingAll ? '' : searching ? ' · loading evidence to search it…' : '';
    count.textContent = `${order.length} of ${app.visibility.visibleEdges} links shown${loaded}`;
    rows.set(order.length, row, top);
  }

  search.addEventListener('input', () => {
    if (search.value.trim()) void loadAll();
    refill(true);
  });
  typeSelect.addEventListener('change', () => refill(true));
  byId('links-close').addEventListener('click', () => app.dispatch(setPane('none')));

  return {
    install() {
      evidence = new Map();
      asked.clear();
      loadingAll = null;
      typeSelect.replaceChildren(
        el('option', { value: '' }, 'all types'),
        ...EDGE_TYPES.map((t) => el('option', { value: t }, EDGE_LABELS[t])),
      );
    },
    update(prev: State | null, next: State) {
      const open = next.pane === 'links';
      if (prev === null || prev.pane !== next.pane) {
        setPaneOpen(app, pane, open);
        if (open) refill(true);
        return;
      }
      if (open && prev.filters !== next.filters) refill(false);
    },
  };
}
