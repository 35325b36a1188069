// The side panel for the open node. Every string from the notes goes in as text, except the summary,
// which is rendered markdown passed through the sanitizer.
import type { EdgeType } from '../../types.js';
import { EDGE_TYPES } from '../../types.js';
import type { MapFile, NodeDetail } from '../../view/types.js';
import type { SendCorrection } from '../corrections.js';
import { EDGE_COLORS, EDGE_LABELS, WORK_KIND_NAMES } from '../appearance/index.js';
import { buildSearchIndex, search } from '../search/index.js';
import type { SearchIndex } from '../search/index.js';
import { renderMarkdown, safeUrl } from './sanitize.js';

type Attrs = Record<string, string>;

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: (Node | string | null | undefined)[]
): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  for (const c of children) if (c !== null && c !== undefined) e.append(c);
  return e;
}

export interface PanelHandlers {
  close(): void;
  open(index: number): void;
  /** Show the node's local graph. */
  local?(index: number): void;
  /** Open a note at a line in the user's editor; resolves false when that is not possible here. */
  openNote?(file: string, line: number): Promise<boolean>;
  /** Reject or confirm an edge, merge or split a paper, in the corrections file (dev server only). */
  correct?: SendCorrection;
}

/** The note's lines around the entry, the entry's own line marked. */
function excerptBlock(ex: NonNullable<NodeDetail['excerpt']>): HTMLElement {
  const pre = el('pre', { class: 'note-lines', 'aria-label': `${ex.file} from line ${ex.from}` });
  ex.lines.forEach((text, k) => {
    const n = ex.from + k;
    const row = el('span', n === ex.line ? { class: 'here' } : {}, `${String(n).padStart(4)}  ${text}`);
    pre.append(row, n === ex.line ? '' : '\n');
  });
  return pre;
}

function link(label: string, url: string): HTMLElement | string {
  const href = safeUrl(url);
  if (!href) return label;
  return el('a', { href, target: '_blank', rel: 'noopener noreferrer' }, label);
}

/** Reject and (unless already the user's) confirm buttons for one edge; one click writes one line. */
function correctButtons(
  send: SendCorrection,
  type: EdgeType,
  source: string,
  target: string,
  yours: boolean,
): HTMLElement {
  const box = el('span', { class: 'correct' });
  const buttons: HTMLButtonElement[] = [];
  for (const verb of yours ? (['reject'] as const) : (['reject', 'confirm'] as const)) {
    const b = el(
      'button',
      { type: 'button', class: `correct-${verb}`, 'data-verb': verb },
      verb === 'reject' ? 'Reject' : 'Confirm',
    );
    b.title =
      verb === 'reject'
        ? 'Wrong link: drop it (written to papermap.corrections.txt)'
        : 'Right link: keep it as yours (written to papermap.corrections.txt)';
    b.addEventListener('click', () => {
      for (const x of buttons) x.disabled = true;
      void send({ verb, type, source, target }).then((ok) => {
        box.replaceChildren(doneNote(ok, verb === 'reject' ? 'rejected' : 'confirmed'));
      });
    });
    buttons.push(b);
    box.append(b);
  }
  return box;
}

/** The written-or-failed note that replaces a correction's buttons. */
function doneNote(ok: boolean, what: string): HTMLElement {
  return el('span', { class: 'correct-done' }, ok ? `${what}; updating…` : 'could not write the correction');
}

const searchIndexes = new WeakMap<MapFile, SearchIndex>();

/**
 * **Merge into…**: find the other paper by name, one click on it writes `merge <other> <- <this>` (the other
 * keeps its id).
 */
function mergeBox(send: SendCorrection, map: MapFile, keys: readonly string[], i: number): HTMLElement {
  const box = el('div', { class: 'correct correct-merge-box' });
  const open = el('button', { type: 'button', class: 'correct-merge' }, 'Merge into…');
  open.title =
    'This paper is the same work as another: find it and merge this one into it (written to papermap.corrections.txt)';
  open.addEventListener('click', () => {
    let index = searchIndexes.get(map);
    if (!index) searchIndexes.set(map, (index = buildSearchIndex(map, null)));
    const found = index;
    const input = el('input', {
      type: 'search',
      class: 'merge-search',
      placeholder: 'Same work as… (name, title or arXiv id)',
      'aria-label': 'Find the paper to merge this one into',
    });
    const results = el('ul', { class: 'merge-results' });
    input.addEventListener('input', () => {
      const hits = search(found, input.value, 20)
        .filter((r) => r.index !== i && map.nodes.kind[r.index] === 0)
        .slice(0, 8);
      results.replaceChildren(
        ...hits.map((r) => {
          const pick = el(
            'button',
            { type: 'button', 'data-node': keys[r.index] ?? '' },
            map.nodes.label[r.index] || keys[r.index] || '',
          );
          pick.title = map.nodes.title[r.index] || '';
          pick.addEventListener('click', () => {
            const into = keys[r.index] ?? '';
            for (const b of results.querySelectorAll('button')) b.disabled = true;
            void send({ verb: 'merge', into, from: keys[i] ?? '' }).then((ok) =>
              box.replaceChildren(doneNote(ok, `merged into ${map.nodes.label[r.index] || into}`)),
            );
          });
          const full = map.nodes.title[r.index];
          const label = map.nodes.label[r.index];
          return el(
            'li',
            {},
            pick,
            full && full !== label ? el('span', { class: 'merge-title' }, full) : null,
          );
        }),
      );
    });
    box.replaceChildren(input, results);
    input.focus();
  });
  box.append(open);
  return box;
}

/** **Split off** beside one place of a paper made of several: writes `split <this> | <file:line>`. */
function splitButton(send: SendCorrection, node: string, place: { file: string; line: number }): HTMLElement {
  const box = el('span', { class: 'correct' });
  const b = el('button', { type: 'button', class: 'correct-split' }, 'Split off');
  b.title = 'This place is another work: make it a paper of its own (written to papermap.corrections.txt)';
  b.addEventListener('click', () => {
    b.disabled = true;
    void send({ verb: 'split', node, part: `${place.file}:${place.line}` }).then((ok) =>
      box.replaceChildren(doneNote(ok, 'split off')),
    );
  });
  box.append(b);
  return box;
}

/** Fill the panel for node `i`; `detail` is undefined while its chunk loads. */
export function renderPanel(
  panel: HTMLElement,
  map: MapFile,
  keys: readonly string[],
  i: number,
  detail: NodeDetail | undefined,
  on: PanelHandlers,
): void {
  const n = map.nodes;
  const kind = n.kind[i] === 0 ? 'paper' : 'concept';
  const title = n.title[i] || n.label[i] || keys[i] || '';
  const close = el('button', { type: 'button', class: 'close', 'aria-label': 'Close (Escape)' }, '×');
  close.addEventListener('click', () => on.close());
  const parts: (Node | null)[] = [
    close,
    el(
      'div',
      { class: 'kind' },
      kind === 'paper'
        ? n.workKind[i]
          ? (WORK_KIND_NAMES[n.workKind[i]!] ?? n.workKind[i]!)
          : n.citedOnly[i]
            ? 'paper (cited only)'
            : 'paper'
        : `concept${detail?.conceptKind ? ` · ${detail.conceptKind}` : ''}`,
    ),
    el('h2', { id: 'panel-title' }, title),
  ];
  if (on.local) {
    const local = el('button', { type: 'button', class: 'show-local' }, 'Local graph');
    local.title = 'Only this paper and what it builds on, what builds on it and what it compares with';
    local.addEventListener('click', () => on.local?.(i));
    parts.push(el('div', { class: 'actions' }, local));
  }
  if (on.correct && kind === 'paper') parts.push(mergeBox(on.correct, map, keys, i));
  if (n.label[i] && n.label[i] !== title) parts.push(el('p', { class: 'alt' }, n.label[i]!));
  for (const alt of detail?.altTitles ?? []) parts.push(el('p', { class: 'alt', lang: 'zh' }, alt));

  const dl = el('dl');
  const row = (k: string, v: Node | string) => dl.append(el('dt', {}, k), el('dd', {}, v));
  if (n.date[i]) row('Noted', el('span', { 'data-field': 'date' }, n.date[i]!));
  if (n.published[i]) row('Published', el('span', { 'data-field': 'published' }, n.published[i]!));
  if (n.arxiv[i]) row('arXiv', link(n.arxiv[i]!, `https://arxiv.org/abs/${n.arxiv[i]}`));
  const path = detail?.topicPath ?? map.topics[n.topic[i]!]?.path ?? [];
  if (path.length) row('Topic', path.join(' › '));
  if (detail && detail.authors.length) row('Authors', detail.authors.join(', '));
  if (detail && detail.aliases.length) row('Also', detail.aliases.join(', '));
  if (detail && detail.tags.length) row('Tags', detail.tags.join(', '));
  parts.push(dl);

  if (!detail) {
    parts.push(el('p', { class: 'loading' }, 'Loading…'));
    panel.replaceChildren(...parts.filter((p): p is Node => p !== null));
    return;
  }
  if (detail.summary.trim()) {
    const summary = el('div', { class: 'summary' });
    summary.append(renderMarkdown(detail.summary));
    parts.push(el('h3', {}, 'Summary'), summary);
  }
  if (detail.links.length) {
    const links = el('div', { class: 'links' });
    for (const l of detail.links) links.append(link(l.label || l.url, l.url));
    parts.push(el('h3', {}, 'Links'), links);
  }
  if (detail.sources.length) {
    // file:line opens the note in the editor (dev server), else shows its lines around the entry.
    const line = (s: { file: string; line: number }) => {
      const ex =
        detail.excerpt?.file === s.file && detail.excerpt.line === s.line ? detail.excerpt : undefined;
      if (!on.openNote && !ex) return el('div', {}, `${s.file}:${s.line}`);
      const b = el(
        'button',
        { type: 'button', class: 'note-link', title: 'Open the note' },
        `${s.file}:${s.line}`,
      );
      const box = el('div', {}, b);
      let shown: HTMLElement | null = null;
      b.addEventListener('click', () => {
        void (on.openNote ? on.openNote(s.file, s.line) : Promise.resolve(false)).then((opened) => {
          if (opened) {
            b.title = 'Opened in your editor';
            return;
          }
          if (shown) {
            shown.remove();
            shown = null;
          } else if (ex) box.append((shown = excerptBlock(ex)));
          else b.title = 'No editor configured (set $PAPERMAP_EDITOR) and no lines shipped for this place';
        });
      });
      return box;
    };
    // A paper made of several places can have one split off (dev server).
    const splittable = on.correct && kind === 'paper' && !n.citedOnly[i] && detail.sources.length > 1;
    const place = (s: { file: string; line: number }) => {
      const row = line(s);
      if (splittable && on.correct) row.append(splitButton(on.correct, keys[i] ?? '', s));
      return row;
    };
    const first = detail.sources.slice(0, 5).map(place);
    const rest = detail.sources.slice(5);
    const more = rest.length
      ? el('details', {}, el('summary', {}, `${rest.length} more`), ...rest.map(place))
      : null;
    // Papers your corrections file made (a merge into this one, a split of it): its lines, marked as yours.
    const mine = (detail.corrections ?? []).map((c) => {
      const yours = el('span', { class: 'yours' }, 'yours');
      yours.title = 'This paper was merged or split by a line of your corrections file';
      return el('div', { class: 'by-you' }, `${c.file}:${c.line} `, yours);
    });
    parts.push(el('h3', {}, 'In the notes'), el('div', { class: 'sources' }, ...first, more, ...mine));
  }

  // Neighbours grouped by edge type, each with the sentence that produced the edge.
  const groups = new Map<EdgeType, HTMLElement[]>();
  for (const ed of detail.edges) {
    const e = ed.edge;
    const type = EDGE_TYPES[map.edges.type[e]!]!;
    const s = map.edges.source[e]!;
    const t = map.edges.target[e]!;
    const other = s === i ? t : s;
    const dir = type === 'same-group' ? '↔' : s === i ? '→' : '←';
    const btn = el(
      'button',
      { type: 'button', 'data-node': keys[other] ?? '' },
      n.label[other] || keys[other] || '',
    );
    if (n.title[other]) btn.title = n.title[other]!;
    btn.addEventListener('click', () => on.open(other));
    const li = el('li', {}, el('span', { class: 'dir', 'aria-hidden': 'true' }, dir), btn);
    if (ed.via && ed.via !== n.label[other]) li.append(el('span', { class: 'dir' }, ` · ${ed.via}`));
    if (ed.by === 'user') {
      const yours = el('span', { class: 'yours' }, 'yours');
      yours.title = 'Confirmed or added by you in papermap.corrections.txt';
      li.append(' ', yours);
    }
    if (on.correct)
      li.append(correctButtons(on.correct, type, keys[s] ?? '', keys[t] ?? '', ed.by === 'user'));
    ed.evidence.forEach((sentence, k) => {
      const src = ed.sources[k];
      const q = el('blockquote', { class: 'evidence' }, sentence);
      if (src) q.title = `${src.file}:${src.line}`;
      li.append(q);
    });
    const list = groups.get(type) ?? [];
    list.push(li);
    groups.set(type, list);
  }
  for (const type of EDGE_TYPES) {
    const items = groups.get(type);
    if (!items) continue;
    const head = el(
      'h3',
      {},
      el('span', { class: 'swatch line' }),
      ` ${EDGE_LABELS[type]} (${items.length})`,
    );
    (head.firstChild as HTMLElement).style.background = EDGE_COLORS[type];
    parts.push(head, el('ul', { class: 'neighbours', 'data-type': type }, ...items));
  }
  panel.replaceChildren(...parts.filter((p): p is Node => p !== null));
}
