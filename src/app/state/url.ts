// State <-> URL hash. Only what a link should reopen: selection, filters, colouring.
import { EDGE_TYPES } from '../../types.js';
import type { EdgeType } from '../../types.js';
import { DEFAULT_FILTERS, INITIAL_STATE } from './index.js';
import type { State } from './index.js';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** `#sel=…&from=…` (without a leading `#` when empty state). Deterministic: same state, same string. */
export function stateToHash(state: State): string {
  const p = new URLSearchParams();
  const f = state.filters;
  if (state.selected) p.set('sel', state.selected);
  if (f.dateField !== DEFAULT_FILTERS.dateField) p.set('field', f.dateField);
  if (f.dateRange) {
    p.set('from', f.dateRange[0]);
    p.set('to', f.dateRange[1]);
  }
  for (const t of f.hiddenTopics) p.append('hide', t);
  if (f.edgeTypes.join(',') !== DEFAULT_FILTERS.edgeTypes.join(','))
    p.set('edges', f.edgeTypes.join(',') || 'none');
  if (!f.showConcepts) p.set('concepts', '0');
  if (state.colorBy !== 'topic') p.set('color', state.colorBy);
  const s = p.toString();
  return s ? `#${s}` : '';
}

/** Parse a hash; anything malformed falls back to the default for that field. */
export function hashToState(hash: string): Omit<State, 'hovered'> {
  const p = new URLSearchParams(hash.replace(/^#/, ''));
  const from = p.get('from') ?? '';
  const to = p.get('to') ?? '';
  const edges = p.get('edges');
  const edgeTypes =
    edges === null
      ? DEFAULT_FILTERS.edgeTypes
      : EDGE_TYPES.filter((t) => edges.split(',').includes(t as EdgeType));
  return {
    selected: p.get('sel') || null,
    colorBy: p.get('color') === 'community' ? 'community' : INITIAL_STATE.colorBy,
    filters: {
      dateField: p.get('field') === 'published' ? 'published' : 'date',
      dateRange: DAY.test(from) && DAY.test(to) ? (from <= to ? [from, to] : [to, from]) : null,
      hiddenTopics: [...new Set(p.getAll('hide'))].sort(),
      edgeTypes,
      showConcepts: p.get('concepts') !== '0',
    },
  };
}
