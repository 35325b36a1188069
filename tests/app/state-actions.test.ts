// The state actions and the URL hash at their edges: what a malformed or reversed date gives, hover and
// selection identity, the topic tree in the notes' order (not sorted), and hashes written by hand.
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_FILTERS,
  INITIAL_STATE,
  hoverNode,
  setDateField,
  setDateRange,
  setShowConcepts,
  setTopicVisible,
} from '../../src/app/state/index.js';
import type { State, TopicRef } from '../../src/app/state/index.js';
import { hashToState, stateToHash } from '../../src/app/state/url.js';

const inRange = (dateRange: [string, string]): State => ({
  ...INITIAL_STATE,
  filters: { ...DEFAULT_FILTERS, dateRange },
});

describe('actions', () => {
  it('hoverNode sets the hovered node, and hovering it again changes nothing', () => {
    const hovered = hoverNode('arxiv:1')(INITIAL_STATE);
    expect(hovered.hovered).toBe('arxiv:1');
    expect(hoverNode('arxiv:1')(hovered)).toBe(hovered);
    expect(hoverNode(null)(hovered).hovered).toBeNull();
  });

  it('setDateField and setShowConcepts change only their field', () => {
    const s = setShowConcepts(false)(setDateField('published')(INITIAL_STATE));
    expect(s.filters).toEqual({ ...DEFAULT_FILTERS, dateField: 'published', showConcepts: false });
  });

  it.each([
    ['a null range', null],
    ['a day with trailing text', ['2025-06-01T00:00', '2025-06-30']],
    ['a day with leading text', ['2025-06-01', 'x2025-06-30']],
    ['a month only', ['2025-06', '2025-06-30']],
  ] as [string, [string, string] | null][])('setDateRange: %s clears a range already set', (_, range) => {
    expect(setDateRange(range)(inRange(['2025-01-01', '2025-12-31'])).filters.dateRange).toBeNull();
  });

  it('setDateRange orders reversed bounds and keeps a one-day range', () => {
    expect(setDateRange(['2025-06-30', '2025-06-01'])(INITIAL_STATE).filters.dateRange).toEqual([
      '2025-06-01',
      '2025-06-30',
    ]);
    expect(setDateRange(['2025-06-01', '2025-06-01'])(INITIAL_STATE).filters.dateRange).toEqual([
      '2025-06-01',
      '2025-06-01',
    ]);
  });

  it('setTopicVisible gives the hidden keys sorted, whatever order the topic tree is in', () => {
    // The tree comes in the notes' order, which need not be sorted.
    const topics: TopicRef[] = [
      { key: '推理', path: ['推理'] },
      { key: 'RL', path: ['RL'] },
      { key: 'Agents', path: ['Agents'] },
    ];
    let s = setTopicVisible('推理', false, topics)(INITIAL_STATE);
    s = setTopicVisible('Agents', false, topics)(s);
    s = setTopicVisible('RL', false, topics)(s);
    expect(s.filters.hiddenTopics).toEqual(['Agents', 'RL', '推理']);
  });
});

describe('URL hash', () => {
  it('writes no edge types as edges=none, and reads it back', () => {
    const none: State = { ...INITIAL_STATE, filters: { ...DEFAULT_FILTERS, edgeTypes: [] } };
    expect(stateToHash(none)).toBe('#edges=none');
    expect(hashToState('#edges=none').filters.edgeTypes).toEqual([]);
  });

  it.each([['#from=2025-06-01x&to=x2025-06-30'], ['#from=x'], ['#to=2025-6-30'], ['#from=&to=']])(
    'reads no date range from %s',
    (hash) => {
      expect(hashToState(hash).filters.dateRange).toBeNull();
    },
  );

  it.each([
    ['#from=2025-06-01x&to=2025-06-30', ['', '2025-06-30']],
    ['#from=2025-06-01&to=x2025-06-30', ['2025-06-01', '']],
    ['#from=2025-06-01', ['2025-06-01', '']],
    ['#to=2025-06-30', ['', '2025-06-30']],
  ])('reads a range open on one side from %s (a malformed bound is no bound)', (hash, range) => {
    expect(hashToState(hash).filters.dateRange).toEqual(range);
  });

  it('orders reversed dates and keeps one-day ranges', () => {
    expect(hashToState('#from=2025-06-30&to=2025-06-01').filters.dateRange).toEqual([
      '2025-06-01',
      '2025-06-30',
    ]);
    expect(hashToState('#from=2025-06-01&to=2025-06-01').filters.dateRange).toEqual([
      '2025-06-01',
      '2025-06-01',
    ]);
  });

  it('reads hidden topics written by hand sorted and once each', () => {
    expect(hashToState('#hide=%E6%8E%A8%E7%90%86&hide=RL&hide=Agents&hide=RL').filters.hiddenTopics).toEqual([
      'Agents',
      'RL',
      '推理',
    ]);
  });
});
