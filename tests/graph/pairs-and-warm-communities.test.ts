// Merged pairs (weights from type and clamped confidence, edges left out by `include`) and the communities a
// warm build hands on to new nodes, on small hand-made cases whose answer can be worked out by hand.
import { describe, expect, it } from 'vitest';
import { inheritCommunities } from '../../src/graph/communities.js';
import { EDGE_WEIGHTS } from '../../src/graph/defaults.js';
import { clamp01, mergePairs, weightedPairs } from '../../src/graph/pairs.js';
import type { EdgeRecord } from '../../src/types.js';
import { edge } from './make-records.js';

const KEYS = ['a', 'b', 'c', 'd'];

function indexed(edges: EdgeRecord[]) {
  const index = new Map(KEYS.map((key, i) => [key, i]));
  return {
    count: edges.length,
    list: edges,
    source: Int32Array.from(edges, (e) => index.get(e.source)!),
    target: Int32Array.from(edges, (e) => index.get(e.target)!),
  };
}

describe('mergePairs', () => {
  it('weighs each edge by its type and clamped confidence and sums parallel edges in either direction', () => {
    const edges = [
      edge('builds-on', 'c', 'a', 1),
      edge('compares', 'b', 'd', 0),
      edge('critiques', 'a', 'c', 0.5),
      edge('same-group', 'd', 'b', 7),
      edge('mentions', 'a', 'b', Number.NaN),
      edge('mentions', 'b', 'a', -3),
      edge('builds-on', 'd', 'c', Number.POSITIVE_INFINITY),
    ];
    const pairs = mergePairs(indexed(edges), KEYS.length);
    expect(weightedPairs(pairs, KEYS)).toEqual([
      { source: 'a', target: 'c', weight: EDGE_WEIGHTS['builds-on'] + EDGE_WEIGHTS.critiques * 0.75 },
      { source: 'b', target: 'd', weight: EDGE_WEIGHTS.compares * 0.5 + EDGE_WEIGHTS['same-group'] },
      { source: 'a', target: 'b', weight: EDGE_WEIGHTS.mentions * 0.5 * 2 },
      { source: 'c', target: 'd', weight: EDGE_WEIGHTS['builds-on'] * 0.5 },
    ]);
    expect(pairs.count).toBe(4);
  });

  it('leaves out the edges `include` refuses, even the first of a pair', () => {
    const edges = [
      edge('builds-on', 'a', 'b', 1),
      edge('compares', 'b', 'a', 1),
      edge('critiques', 'c', 'd', 1),
      edge('builds-on', 'd', 'a', 1),
    ];
    const pairs = mergePairs(indexed(edges), KEYS.length, (e) => e !== 0 && e !== 2);
    expect(weightedPairs(pairs, KEYS)).toEqual([
      { source: 'a', target: 'b', weight: EDGE_WEIGHTS.compares },
      { source: 'a', target: 'd', weight: EDGE_WEIGHTS['builds-on'] },
    ]);
    expect(mergePairs(indexed(edges), KEYS.length, () => false).count).toBe(0);
  });

  it('an edge left out takes no place in the buckets of the edges kept', () => {
    // The first edge is refused; its smaller end (a) must not claim a slot of b's bucket.
    const edges = [
      edge('compares', 'c', 'b', 1),
      edge('builds-on', 'b', 'c', 1),
      edge('critiques', 'a', 'b', 1),
    ];
    const pairs = mergePairs(indexed(edges), KEYS.length, (e) => e !== 0);
    expect(weightedPairs(pairs, KEYS)).toEqual([
      { source: 'b', target: 'c', weight: EDGE_WEIGHTS['builds-on'] },
      { source: 'a', target: 'b', weight: EDGE_WEIGHTS.critiques },
    ]);
  });

  it('clamps confidence into [0, 1], and anything not finite is 0', () => {
    expect([-1, 0, 0.25, 1, 2, Number.NaN, Number.NEGATIVE_INFINITY, Infinity].map(clamp01)).toEqual([
      0, 0, 0.25, 1, 1, 0, 0, 0,
    ]);
  });
});

describe('inheritCommunities', () => {
  it('keeps known nodes where they were and puts a new node with most of its neighbours', () => {
    const previous = new Map([
      ['a', 0],
      ['b', 1],
      ['c', 1],
      ['d', 2],
    ]);
    const got = inheritCommunities(
      previous,
      ['a', 'b', 'c', 'd', 'n'],
      [
        { source: 'n', target: 'a' },
        { source: 'b', target: 'n' },
        { source: 'c', target: 'n' },
      ],
    );
    expect([...got]).toEqual([
      ['a', 0],
      ['b', 1],
      ['c', 1],
      ['d', 2],
      ['n', 1],
    ]);
  });

  it('more votes win over a smaller community met first or last', () => {
    const previous = new Map([
      ['a', 0],
      ['b', 1],
      ['c', 1],
    ]);
    for (const pairs of [
      [
        { source: 'n', target: 'b' },
        { source: 'n', target: 'c' },
        { source: 'n', target: 'a' },
      ],
      [
        { source: 'n', target: 'a' },
        { source: 'c', target: 'n' },
        { source: 'b', target: 'n' },
      ],
    ])
      expect(inheritCommunities(previous, ['a', 'b', 'c', 'n'], pairs).get('n')).toBe(1);
  });

  it('on a tie takes the smaller community, whatever the order of the pairs', () => {
    const previous = new Map([
      ['a', 3],
      ['b', 1],
    ]);
    for (const pairs of [
      [
        { source: 'n', target: 'a' },
        { source: 'n', target: 'b' },
      ],
      [
        { source: 'b', target: 'n' },
        { source: 'a', target: 'n' },
      ],
    ])
      expect(inheritCommunities(previous, ['a', 'b', 'n'], pairs).get('n')).toBe(1);
  });

  it('gives a new node without known neighbours a new community after the largest, one each', () => {
    const previous = new Map([
      ['a', 4],
      ['b', 0],
    ]);
    const got = inheritCommunities(
      previous,
      ['a', 'b', 'x', 'y', 'z'],
      [
        { source: 'x', target: 'y' },
        { source: 'z', target: 'b' },
      ],
    );
    expect([...got]).toEqual([
      ['a', 4],
      ['b', 0],
      ['x', 5],
      ['y', 6],
      ['z', 0],
    ]);
    expect([...inheritCommunities(new Map(), ['p', 'q'], [])]).toEqual([
      ['p', 0],
      ['q', 1],
    ]);
  });

  it('drops nodes that are gone and lists the rest in key order', () => {
    const previous = new Map([
      ['a', 0],
      ['gone', 1],
      ['c', 2],
    ]);
    expect([...inheritCommunities(previous, ['a', 'c'], [])]).toEqual([
      ['a', 0],
      ['c', 2],
    ]);
  });
});
