// The sidebar: timeline and date inputs, link types, topic tree, legend, problems in the notes.
import { EDGE_TYPES } from '../../types.js';
import type { Diagnostic } from '../../types.js';
import type { App, AppView } from '../app.js';
import { byId } from '../app.js';
import {
  EDGE_COLORS,
  EDGE_LABELS,
  WORK_KIND_COLORS,
  WORK_KIND_LABELS,
  communityLegend,
} from '../appearance/index.js';
import { computeVisibility, paperDates, workKindCounts } from '../filters/index.js';
import {
  setColorBy,
  setDateField,
  setDateRange,
  setShowConcepts,
  setTopicVisible,
  toggleEdgeType,
} from '../state/index.js';
import type { State } from '../state/index.js';
import { createTimeline } from '../timeline.js';

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

function colorByOf(value: string): State['colorBy'] {
  return value === 'community' || value === 'kind' ? value : 'topic';
}

export function createSidebar(app: App): AppView {
  const timeline = createTimeline(document.getElementById('timeline') as unknown as SVGSVGElement, (range) =>
    app.dispatch(setDateRange(range)),
  );
  let timelineKey = '';
  /** Topic indexes whose subtopics the tree shows. */
  let expanded = new Set<number>();

  function syncFilterControls(): void {
    const { map, index, visibility } = app;
    const f = app.state.filters;
    const n = map.nodes;
    // Timeline: grey = every paper with a date; accent = those also passing the topic filter.
    // The bars depend on the date field and the topic filter only; moving the brush redraws nothing else.
    const barsKey = `${map.build}\n${f.dateField}\n${f.hiddenTopics.join('\n')}`;
    if (barsKey !== timelineKey) {
      timelineKey = barsKey;
      const allDates = paperDates(map, f.dateField);
      const onDates: string[] = [];
      const dates = f.dateField === 'date' ? n.date : index.published;
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
    const concepts = visibility.visibleNodes - visibility.visiblePapers;
    byId('counts').textContent =
      `${visibility.visiblePapers} of ${papers} papers · ${concepts} concepts · ` +
      `${visibility.visibleEdges} links shown`;
    // Papers without a date in this field vanish while a range is set: say so, rather than let it look empty.
    const undated = byId('undated');
    const field =
      f.dateField === 'date' ? 'note date' : 'publication date (nor an arXiv id to take one from)';
    undated.hidden = visibility.undated === 0;
    undated.textContent =
      `${visibility.undated} papers have no ${field}` +
      (f.dateRange ? ' and are hidden by the date range.' : '.');
    // The status line under the map says what is on screen now, not the totals.
    byId('map-status').textContent =
      `${visibility.visiblePapers} of ${papers} papers, ${concepts} concepts, ${visibility.visibleEdges} links shown`;
  }

  function buildControls(): void {
    const { map } = app;
    // Edge types.
    const counts = new Array<number>(EDGE_TYPES.length).fill(0);
    for (const t of map.edges.type) counts[t]!++;
    byId('edge-types').replaceChildren(
      ...EDGE_TYPES.map((type, k) => {
        const cb = document.createElement('input');
        cb.type = 'checkbox';
        cb.value = type;
        cb.addEventListener('change', () => app.dispatch(toggleEdgeType(type)));
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
    // Topic tree: folded below the top level when it is long (a real folder has hundreds of topics).
    const hasChildren = new Uint8Array(map.topics.length);
    for (const anc of app.index.topicAncestors) if (anc.length > 1) hasChildren[anc[anc.length - 2]!] = 1;
    expanded = new Set<number>();
    if (map.topics.length <= 60) map.topics.forEach((_t, ti) => expanded.add(ti));
    else {
      // Unfold the levels that hold everything (a title heading every note) so that the tree starts useful.
      let level = map.topics.filter((t) => t.path.length === 1);
      while (level.length === 1) {
        const only = map.topics.indexOf(level[0]!);
        expanded.add(only);
        level = map.topics.filter(
          (t) => t.path.length === level[0]!.path.length + 1 && t.key.startsWith(`${level[0]!.key} / `),
        );
      }
    }
    byId('topic-tree').replaceChildren(
      ...map.topics.map((t, ti) => {
        const cb = document.createElement('input');
        cb.type = 'checkbox';
        cb.dataset.topic = String(ti);
        cb.addEventListener('change', () => app.dispatch(setTopicVisible(t.key, cb.checked, app.map.topics)));
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
        label.append(cb, sw, name, count);
        const li = document.createElement('li');
        li.dataset.topic = String(ti);
        li.style.paddingLeft = `${Math.max(0, t.path.length - 1) * 14}px`;
        if (hasChildren[ti]) {
          const fold = document.createElement('button');
          fold.type = 'button';
          fold.className = 'fold';
          fold.setAttribute('aria-label', `Show or hide the topics under ${t.label}`);
          fold.addEventListener('click', () => {
            if (expanded.has(ti)) expanded.delete(ti);
            else expanded.add(ti);
            applyFolding();
          });
          li.append(fold);
        } else {
          const pad = document.createElement('span');
          pad.className = 'fold-pad';
          li.append(pad);
        }
        li.append(label);
        return li;
      }),
    );
    applyFolding();
    renderDiagnostics(map.diagnostics);
    renderNoteCounts();
  }

  /** What each note gave (honest accounting): entries and works per note, and how many notes gave nothing. */
  function renderNoteCounts(): void {
    const { notes, diagnostics } = app.map;
    const empty = diagnostics.filter((d) => d.rule === 'note-without-works' || d.rule === 'file-empty');
    const hubs = diagnostics.filter((d) => d.rule === 'note-hub');
    const libraries = diagnostics.filter((d) => d.rule === 'library-read');
    const details = byId<HTMLDetailsElement>('note-counts');
    details.hidden = notes.length === 0 && empty.length === 0 && hubs.length === 0;
    if (details.hidden) return;
    byId('diagnostics-block').hidden = false;
    byId('note-counts-summary').textContent =
      `What each note gave: ${notes.length} notes gave papers or works` +
      (empty.length ? `, ${empty.length} gave nothing (listed below)` : '') +
      (hubs.length ? `, ${hubs.length} are hub pages` : '');
    const SHOWN = 500;
    const rows = notes.slice(0, SHOWN).map((f) => {
      const li = document.createElement('li');
      const extra = [f.works ? `${f.works} works` : '', f.cited ? `${f.cited} cited only` : '']
        .filter(Boolean)
        .join(', ');
      li.textContent = `${f.file}  ${f.entries}${extra ? ` (${extra})` : ''}`;
      return li;
    });
    for (const d of empty.slice(0, SHOWN)) {
      const li = document.createElement('li');
      li.className = 'sev-info';
      li.textContent = `${d.file}  0 — ${d.message}`;
      rows.push(li);
    }
    for (const d of libraries) {
      const li = document.createElement('li');
      li.className = 'sev-info';
      li.textContent = `${d.file}  library — ${d.message}`;
      rows.push(li);
    }
    for (const d of hubs.slice(0, SHOWN)) {
      const li = document.createElement('li');
      li.className = 'sev-info';
      li.textContent = `${d.file}  hub — ${d.message}`;
      rows.push(li);
    }
    if (notes.length > SHOWN) {
      const li = document.createElement('li');
      li.textContent = `… and ${notes.length - SHOWN} more notes`;
      rows.push(li);
    }
    byId('note-counts-list').replaceChildren(...rows);
  }

  /** Topics shown only when every topic above them is unfolded. */
  function applyFolding(): void {
    const anc = app.index.topicAncestors;
    for (const li of byId('topic-tree').children as HTMLCollectionOf<HTMLLIElement>) {
      const ti = Number(li.dataset.topic);
      const a = anc[ti] ?? [];
      li.hidden = a.slice(0, -1).some((p) => !expanded.has(p));
      const fold = li.querySelector<HTMLButtonElement>('button.fold');
      if (fold) {
        fold.textContent = expanded.has(ti) ? '▾' : '▸';
        fold.setAttribute('aria-expanded', String(expanded.has(ti)));
      }
    }
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

  function renderLegend(): void {
    const items = [
      legendItem('circle', 'paper (size: number of links)'),
      legendItem('diamond', 'concept (muted colour)'),
    ];
    if (app.state.colorBy === 'community')
      items.push(legendItem('triangle', 'paper whose community differs from its topic'));
    const note = document.createElement('li');
    if (app.state.colorBy === 'kind') {
      note.textContent = 'Colour: kind of work (papers, blog posts, books, repositories …).';
      items.push(note);
      for (const { kind, count } of workKindCounts(app.map)) {
        const li = document.createElement('li');
        li.className = 'community';
        li.dataset.kind = kind;
        const sw = document.createElement('span');
        sw.className = 'swatch';
        sw.style.background = WORK_KIND_COLORS[kind] ?? '#999';
        const name = document.createElement('span');
        name.className = 'name';
        name.textContent = WORK_KIND_LABELS[kind] ?? kind;
        const c = document.createElement('span');
        c.className = 'count';
        c.textContent = String(count);
        li.append(sw, name, c);
        items.push(li);
      }
      byId('legend').replaceChildren(...items);
      return;
    }
    if (app.state.colorBy !== 'community') {
      note.textContent = 'Colour: topic (heading); subtopics are shades of it.';
      items.push(note);
      byId('legend').replaceChildren(...items);
      return;
    }
    const { entries, outliers, singletons } = communityLegend(app.map);
    const named = new Map<string, number>();
    for (const e of entries.slice(0, 12)) named.set(e.name, (named.get(e.name) ?? 0) + 1);
    note.textContent =
      'Colour: community detected from the links (Louvain), named by the topic most of its papers sit under.';
    items.push(note);
    const SHOWN = 12;
    for (const e of entries.slice(0, SHOWN)) {
      const li = document.createElement('li');
      li.className = 'community';
      const sw = document.createElement('span');
      sw.className = 'swatch';
      sw.style.background = e.color;
      const name = document.createElement('span');
      name.className = 'name';
      // Several communities under one topic: the next most common topic tells them apart.
      name.textContent =
        (e.name || '(no heading)') + ((named.get(e.name) ?? 0) > 1 && e.second ? ` + ${e.second}` : '');
      name.title = `${Math.round(e.share * 100)}% of its papers are under this topic`;
      const count = document.createElement('span');
      count.className = 'count';
      count.textContent = String(e.papers);
      li.append(sw, name, count);
      items.push(li);
    }
    if (entries.length > SHOWN) {
      const more = document.createElement('li');
      more.className = 'muted';
      more.textContent =
        `… and ${entries.length - SHOWN} smaller communities` +
        (singletons ? ` (${singletons} of them a single paper that no link groups with others)` : '');
      items.push(more);
    }
    const why = document.createElement('li');
    why.className = 'muted';
    why.textContent =
      `Topics come from your headings, communities from who links to whom; they disagree for ${outliers} ` +
      'papers (triangles): their links tie them to another group than the one most of their topic is in.';
    items.push(why);
    byId('legend').replaceChildren(...items);
  }

  for (const r of document.querySelectorAll<HTMLInputElement>('input[name="date-field"]')) {
    r.addEventListener('change', () =>
      app.dispatch(setDateField(r.value === 'published' ? 'published' : 'date')),
    );
  }
  const dateInputs = () => {
    const a = byId<HTMLInputElement>('date-from').value;
    const b = byId<HTMLInputElement>('date-to').value;
    // Either bound alone is a range open on the other side ("since 1 August").
    app.dispatch(setDateRange(a || b ? [a, b] : null));
  };
  byId('date-from').addEventListener('change', dateInputs);
  byId('date-to').addEventListener('change', dateInputs);
  byId('date-clear').addEventListener('click', () => app.dispatch(setDateRange(null)));
  byId<HTMLInputElement>('show-concepts').addEventListener('change', (ev) =>
    app.dispatch(setShowConcepts((ev.target as HTMLInputElement).checked)),
  );
  byId('topics-all').addEventListener('click', () =>
    app.dispatch((s) => ({ ...s, filters: { ...s.filters, hiddenTopics: [] } })),
  );
  byId<HTMLSelectElement>('color-by').addEventListener('change', (ev) =>
    app.dispatch(setColorBy(colorByOf((ev.target as HTMLSelectElement).value))),
  );
  let resizeTimer: number | undefined;
  window.addEventListener('resize', () => {
    clearTimeout(resizeTimer);
    resizeTimer = window.setTimeout(() => {
      if (!app.map) return;
      timelineKey = '';
      syncFilterControls();
    }, 150);
  });

  return {
    install() {
      buildControls();
      timelineKey = '';
    },
    update(prev: State | null, next: State) {
      if (prev === null || prev.filters !== next.filters) syncFilterControls();
      if (prev === null || prev.colorBy !== next.colorBy) {
        byId<HTMLSelectElement>('color-by').value = next.colorBy;
        renderLegend();
      }
    },
  };
}
