// The sidebar's kinds of work: papers, blog posts, books, repositories, tweets, news, videos, each with how many
// the map holds and a checkbox that hides or shows them. Shown only when the notes name works that are not papers.
import type { App, AppView } from '../app.js';
import { byId, el } from '../app.js';
import { WORK_KIND_COLORS, WORK_KIND_LABELS } from '../appearance/index.js';
import { workKindCounts } from '../filters/index.js';
import { setKindVisible, type State } from '../state/index.js';

/** The kind's colour (the map's when coloured by kind). */
function swatch(kind: string): HTMLSpanElement {
  const s = el('span', { class: 'swatch' });
  s.style.background = WORK_KIND_COLORS[kind] ?? '#999';
  return s;
}

export function createWorkKinds(app: App): AppView {
  function sync(state: State): void {
    const hidden = new Set(state.filters.hiddenKinds);
    for (const cb of document.querySelectorAll<HTMLInputElement>('#work-kinds input'))
      cb.checked = !hidden.has(cb.value);
  }
  return {
    install() {
      const counts = workKindCounts(app.map);
      byId('work-kinds-block').hidden = counts.every((c) => c.kind === 'paper');
      byId('work-kinds').replaceChildren(
        ...counts.map(({ kind, count }) => {
          const cb = el('input', { type: 'checkbox', value: kind });
          cb.addEventListener('change', () => app.dispatch(setKindVisible(kind, cb.checked)));
          return el(
            'li',
            { 'data-kind': kind },
            el(
              'label',
              {},
              cb,
              swatch(kind),
              el('span', { class: 'name' }, WORK_KIND_LABELS[kind] ?? kind),
              el('span', { class: 'count' }, String(count)),
            ),
          );
        }),
      );
      sync(app.state);
    },
    update(prev, next) {
      if (prev === null || prev.filters.hiddenKinds !== next.filters.hiddenKinds) sync(next);
    },
  };
}
