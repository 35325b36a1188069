// State <-> URL hash. Only what a link should reopen: selection, filters, colouring, camera, views.
import { EDGE_TYPES } from '../../types.js';
import type { EdgeType } from '../../types.js';
import { DEFAULT_FILTERS, DEFAULT_LIST_SORT, INITIAL_STATE } from './index.js';
import type { Camera, ListSortKey, Local, Pane, State } from './index.js';

const PANES: readonly Pane[] = ['none', 'list', 'links'];

/** Camera numbers: enough digits to land on the same pixel, no more. */
const num = (v: number): string => String(Number(v.toPrecision(5)));

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** `#sel=…&from=…` (without a leading `#` when empty state). Deterministic: same state, same string. */
export function stateToHash(state: State): string {
  const p = new URLSearchParams();
  const f = state.filters;
  if (state.selected) p.set('sel', state.selected);
  if (f.dateField !== DEFAULT_FILTERS.dateField) p.set('field', f.dateField);
  if (f.dateRange) {
    if (f.dateRange[0]) p.set('from', f.dateRange[0]);
    if (f.dateRange[1]) p.set('to', f.dateRange[1]);
  }
  for (const t of f.hiddenTopics) p.append('hide', t);
  for (const k of f.hiddenKinds) p.append('nokind', k);
  if (f.edgeTypes.join(',') !== DEFAULT_FILTERS.edgeTypes.join(','))
    p.set('edges', f.edgeTypes.join(',') || 'none');
  if (!f.showConcepts) p.set('concepts', '0');
  if (state.colorBy !== 'topic') p.set('color', state.colorBy);
  if (state.pane !== 'none') p.set('pane', state.pane);
  const sort = state.listSort;
  if (sort.by !== DEFAULT_LIST_SORT.by || sort.desc !== DEFAULT_LIST_SORT.desc)
    p.set('sort', `${sort.by}${sort.desc ? '-' : '+'}`);
  if (state.local) {
    p.set('local', state.local.key);
    if (state.local.depth !== 1) p.set('depth', String(state.local.depth));
  }
  const c = state.camera;
  if (c) p.set('cam', `${num(c.x)},${num(c.y)},${num(c.ratio)}`);
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
  const cam = (p.get('cam') ?? '').split(',').map(Number);
  const camera: Camera | null =
    cam.length === 3 && cam.every(Number.isFinite) && cam[2]! > 0
      ? { x: cam[0]!, y: cam[1]!, ratio: cam[2]! }
      : null;
  const pane = p.get('pane') as Pane | null;
  const sort = /^(date|links|topic|title)([+-])$/.exec(p.get('sort') ?? '');
  const localKey = p.get('local');
  const depth = Number(p.get('depth') ?? '1');
  const local: Local | null = localKey
    ? { key: localKey, depth: depth === 2 || depth === 3 ? depth : 1 }
    : null;
  return {
    selected: p.get('sel') || localKey || null,
    camera,
    pane: pane && PANES.includes(pane) ? pane : 'none',
    listSort: sort ? { by: sort[1] as ListSortKey, desc: sort[2] === '-' } : DEFAULT_LIST_SORT,
    local,
    colorBy:
      p.get('color') === 'community' || p.get('color') === 'kind'
        ? (p.get('color') as 'community' | 'kind')
        : INITIAL_STATE.colorBy,
    filters: {
      dateField: p.get('field') === 'published' ? 'published' : 'date',
      dateRange: dateRangeOf(from, to),
      hiddenTopics: [...new Set(p.getAll('hide'))].sort(),
      edgeTypes,
      showConcepts: p.get('concepts') !== '0',
      hiddenKinds: [...new Set(p.getAll('nokind').filter((k) => /^[a-z]{1,16}$/.test(k)))].sort(),
    },
  };
}

/** Bounds from the URL: both, or one (open on the other side), or none. */
function dateRangeOf(from: string, to: string): readonly [string, string] | null {
  const a = DAY.test(from) ? from : '';
  const b = DAY.test(to) ? to : '';
  if (!a && !b) return null;
  if (a && b && b < a) return [b, a];
  return [a, b];
}
