import { describe, expect, it } from 'vitest';
import {
  DEFAULT_FILTERS,
  INITIAL_STATE,
  hoverNode,
  isTopicHidden,
  DEFAULT_LIST_SORT,
  resetFilters,
  selectNode,
  setCamera,
  setDateRange,
  setPane,
  showLocal,
  sortList,
  setTopicVisible,
  setKindVisible,
  toggleEdgeType,
} from '../../src/app/state/index.js';
import type { State, TopicRef } from '../../src/app/state/index.js';
import { hashToState, stateToHash } from '../../src/app/state/url.js';

const topics: TopicRef[] = [
  { key: 'A', path: ['A'] },
  { key: 'A / x', path: ['A', 'x'] },
  { key: 'A / y', path: ['A', 'y'] },
  { key: 'A / y / deep', path: ['A', 'y', 'deep'] },
  { key: 'B', path: ['B'] },
];
const withHidden = (hiddenTopics: string[]): State => ({
  ...INITIAL_STATE,
  filters: { ...DEFAULT_FILTERS, hiddenTopics },
});

describe('topic tree actions', () => {
  it.each([
    { from: [], key: 'A / x', visible: false, to: ['A / x'] },
    { from: [], key: 'A', visible: false, to: ['A'] },
    { from: ['A / x', 'A / y'], key: 'A', visible: false, to: ['A'] },
    // Showing a child of a hidden parent shows the parent's own papers but keeps the siblings hidden.
    { from: ['A'], key: 'A / x', visible: true, to: ['A / y'] },
    { from: ['A'], key: 'A / y / deep', visible: true, to: ['A / x'] },
    { from: ['A'], key: 'A', visible: true, to: [] },
    { from: ['A / y'], key: 'A / y / deep', visible: true, to: [] },
    { from: ['B'], key: 'A / x', visible: false, to: ['A / x', 'B'] },
    { from: [], key: 'nope', visible: false, to: [] },
  ])('$from, set $key visible=$visible -> $to', ({ from, key, visible, to }) => {
    expect(setTopicVisible(key, visible, topics)(withHidden(from)).filters.hiddenTopics).toEqual(to);
  });

  it('hides a whole subtree through an ancestor', () => {
    const hidden = [['A']];
    expect(isTopicHidden(['A', 'y', 'deep'], hidden)).toBe(true);
    expect(isTopicHidden(['B'], hidden)).toBe(false);
    expect(isTopicHidden(['AB'], [['A']])).toBe(false);
  });
});

describe('other actions', () => {
  it('orders date bounds and clears on malformed input', () => {
    expect(setDateRange(['2025-07-01', '2025-06-01'])(INITIAL_STATE).filters.dateRange).toEqual([
      '2025-06-01',
      '2025-07-01',
    ]);
    expect(setDateRange(['2025-7-1', '2025-06-01'])(INITIAL_STATE).filters.dateRange).toBeNull();
    expect(setDateRange(null)(INITIAL_STATE).filters.dateRange).toBeNull();
  });

  it('toggles edge types, keeping the canonical order; mentions start off', () => {
    expect(INITIAL_STATE.filters.edgeTypes).not.toContain('mentions');
    const on = toggleEdgeType('mentions')(INITIAL_STATE);
    expect(on.filters.edgeTypes).toEqual([
      'builds-on',
      'critiques',
      'compares',
      'same-group',
      'mentions',
      'links-to',
    ]);
    expect(toggleEdgeType('critiques')(on).filters.edgeTypes).toEqual([
      'builds-on',
      'compares',
      'same-group',
      'mentions',
      'links-to',
    ]);
  });

  it('hides and shows kinds of work, sorted, and changes nothing when asked for what is already so', () => {
    const noBlogs = setKindVisible('blog', false)(INITIAL_STATE);
    expect(noBlogs.filters.hiddenKinds).toEqual(['blog']);
    const noPapers = setKindVisible('paper', false)(noBlogs);
    expect(noPapers.filters.hiddenKinds).toEqual(['blog', 'paper']);
    expect(setKindVisible('blog', true)(noPapers).filters.hiddenKinds).toEqual(['paper']);
    expect(setKindVisible('blog', false)(noBlogs)).toBe(noBlogs);
    expect(setKindVisible('book', true)(INITIAL_STATE)).toBe(INITIAL_STATE);
  });

  it('returns the same object when nothing changes (no needless redraw)', () => {
    const s = selectNode('arxiv:1')(INITIAL_STATE);
    expect(selectNode('arxiv:1')(s)).toBe(s);
    expect(hoverNode(null)(INITIAL_STATE)).toBe(INITIAL_STATE);
  });

  it('resets filters but keeps the selection', () => {
    const s = toggleEdgeType('mentions')(selectNode('arxiv:1')(INITIAL_STATE));
    const r = resetFilters()(s);
    expect(r.filters).toEqual(DEFAULT_FILTERS);
    expect(r.selected).toBe('arxiv:1');
  });
});

describe('URL hash', () => {
  const states: State[] = [
    INITIAL_STATE,
    selectNode('arxiv:2506.08745')(INITIAL_STATE),
    {
      selected: 'title:a & b = c?',
      hovered: null,
      colorBy: 'community',
      filters: {
        dateField: 'published',
        dateRange: ['2025-06-01', '2025-06-30'],
        hiddenTopics: ['x&y', '强化学习 / 奖励模型'],
        edgeTypes: ['critiques', 'mentions'],
        showConcepts: false,
        hiddenKinds: ['blog', 'paper'],
      },
      camera: { x: 0.51234, y: -0.25, ratio: 0.125 },
      pane: 'links',
      listSort: { by: 'title', desc: false },
      local: { key: 'title:a & b = c?', depth: 3 },
    },
    { ...INITIAL_STATE, filters: { ...DEFAULT_FILTERS, edgeTypes: [] } },
    { ...INITIAL_STATE, filters: { ...DEFAULT_FILTERS, dateRange: ['2025-08-01', ''] } },
    { ...INITIAL_STATE, filters: { ...DEFAULT_FILTERS, dateRange: ['', '2025-02-28'] } },
    { ...INITIAL_STATE, pane: 'list', listSort: { by: 'links', desc: false } },
    { ...INITIAL_STATE, colorBy: 'kind' },
  ];
  it.each(states.map((s, i) => ({ i, s })))('round-trips state #$i', ({ s }) => {
    const { hovered: _h, ...rest } = s;
    expect(hashToState(stateToHash(s))).toEqual(rest);
  });

  it('is empty for the initial state, so the plain URL is the default view', () => {
    expect(stateToHash(INITIAL_STATE)).toBe('');
  });

  it('ignores malformed values', () => {
    const s = hashToState(
      '#from=yesterday&to=2025-01-01&edges=bogus,critiques&field=nope&color=rainbow&cam=1,2,-3&pane=x&sort=size+&depth=9&local=k',
    );
    // The malformed bound is dropped; the good one still filters ("until 1 January").
    expect(s.filters.dateRange).toEqual(['', '2025-01-01']);
    expect(hashToState('#from=yesterday&to=never').filters.dateRange).toBeNull();
    expect(s.camera).toBeNull();
    expect(s.pane).toBe('none');
    expect(s.listSort).toEqual(DEFAULT_LIST_SORT);
    expect(s.local).toEqual({ key: 'k', depth: 1 });
    expect(s.filters.edgeTypes).toEqual(['critiques']);
    expect(s.filters.dateField).toBe('date');
    expect(s.colorBy).toBe('topic');
  });
});

describe('open date ranges, camera and views', () => {
  it.each([
    { range: ['2025-08-01', ''], want: ['2025-08-01', ''] },
    { range: ['', '2025-08-01'], want: ['', '2025-08-01'] },
    { range: ['2025-08-09', '2025-08-01'], want: ['2025-08-01', '2025-08-09'] },
    { range: ['', ''], want: null },
    { range: ['2025-8-1', ''], want: null },
  ] as { range: [string, string]; want: [string, string] | null }[])(
    'setDateRange($range) keeps $want',
    ({ range, want }) => {
      expect(setDateRange(range)(INITIAL_STATE).filters.dateRange).toEqual(want);
    },
  );

  it('keeps the camera, ignoring moves too small to see and impossible values', () => {
    const a = setCamera({ x: 0.5, y: 0.5, ratio: 1 })(INITIAL_STATE);
    expect(a.camera).toEqual({ x: 0.5, y: 0.5, ratio: 1 });
    expect(setCamera({ x: 0.5000001, y: 0.5, ratio: 1 })(a)).toBe(a);
    expect(setCamera({ x: 0.6, y: 0.5, ratio: 1 })(a).camera?.x).toBe(0.6);
    expect(setCamera({ x: 0.5, y: 0.5, ratio: 0 })(a)).toBe(a);
    expect(setCamera({ x: NaN, y: 0.5, ratio: 1 })(a)).toBe(a);
    expect(setCamera(null)(a).camera).toBeNull();
  });

  it('sorts the list: same column flips, a new column starts in its natural order', () => {
    const byTitle = sortList('title')(INITIAL_STATE);
    expect(byTitle.listSort).toEqual({ by: 'title', desc: false });
    expect(sortList('title')(byTitle).listSort).toEqual({ by: 'title', desc: true });
    expect(sortList('links')(byTitle).listSort).toEqual({ by: 'links', desc: true });
    expect(sortList('date')(INITIAL_STATE).listSort).toEqual({ by: 'date', desc: false });
  });

  it('opens the local graph with the node selected, clamps the depth, and closes it', () => {
    const s = showLocal('arxiv:1', 5)(INITIAL_STATE);
    expect(s.local).toEqual({ key: 'arxiv:1', depth: 3 });
    expect(s.selected).toBe('arxiv:1');
    expect(showLocal('arxiv:1', 0)(s).local?.depth).toBe(1);
    expect(showLocal('arxiv:1', 3)(s)).toBe(s);
    expect(showLocal(null)(s).local).toBeNull();
    expect(showLocal(null)(INITIAL_STATE)).toBe(INITIAL_STATE);
  });

  it('switches the pane beside the map', () => {
    const s = setPane('list')(INITIAL_STATE);
    expect(s.pane).toBe('list');
    expect(setPane('list')(s)).toBe(s);
  });
});
