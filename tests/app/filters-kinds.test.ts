// Works that are not papers (blog posts, books, repositories, tweets, news, videos) are drawn and filtered apart
// from papers: on the reading-list fixture (other people's lists with `![][Blog]` badges, `## Books` sections,
// GitHub and YouTube links). Expected counts are taken from the SerializedGraph, not from the code under test.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { computeVisibility, indexMap, workKindCounts } from '../../src/app/filters/index.js';
import { DEFAULT_FILTERS, setKindVisible, INITIAL_STATE } from '../../src/app/state/index.js';
import { createBuilder } from '../../src/pipeline.js';
import type { SerializedGraph } from '../../src/types.js';
import { toViewBundle } from '../../src/view/bundle.js';
import { FIXTURES, readNotes } from '../parse/helpers.js';

let built: { graph: SerializedGraph; map: ReturnType<typeof toViewBundle>['map'] } | undefined;
function fixture() {
  if (built) return built;
  const builder = createBuilder({ layout: false });
  builder.update(readNotes(join(FIXTURES, 'style-reading-lists', 'notes')));
  const graph = builder.build().graph;
  built = { graph, map: toViewBundle(graph).map };
  return built;
}

/** Paper nodes of the graph by kind of work (`paper` for papers). */
function kindsInGraph(graph: SerializedGraph): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const n of graph.nodes) {
    const a = n.attributes;
    if (a.kind !== 'paper') continue;
    const k = a.workKind ?? 'paper';
    out.set(k, [...(out.get(k) ?? []), n.key]);
  }
  return out;
}

describe('kinds of work on the map', () => {
  it('counts every kind the graph holds, papers first', () => {
    const { graph, map } = fixture();
    const expected = kindsInGraph(graph);
    // The fixture has works of at least four kinds besides papers.
    expect(expected.size).toBeGreaterThanOrEqual(5);
    const counts = workKindCounts(map);
    expect(counts[0]!.kind).toBe('paper');
    expect(Object.fromEntries(counts.map((c) => [c.kind, c.count]))).toEqual(
      Object.fromEntries([...expected].map(([k, keys]) => [k, keys.length])),
    );
  });

  it('hides exactly the works of a hidden kind, and the papers when papers are hidden', () => {
    const { graph, map } = fixture();
    const index = indexMap(map);
    const expected = kindsInGraph(graph);
    const visibleKeys = (hidden: string[]) => {
      const state = hidden.reduce((s, k) => setKindVisible(k, false)(s), INITIAL_STATE);
      const v = computeVisibility(index, state.filters);
      return new Set(index.keys.filter((_k, i) => v.node[i] && map.nodes.kind[i] === 0));
    };
    const all = visibleKeys([]);
    for (const [kind, keys] of expected) {
      const shown = visibleKeys([kind]);
      for (const key of keys) expect(shown.has(key), `${kind} ${key}`).toBe(false);
      expect(shown.size).toBe(all.size - keys.length);
    }
    // Only papers left: every work of another kind hidden.
    const onlyPapers = visibleKeys([...expected.keys()].filter((k) => k !== 'paper'));
    expect([...onlyPapers].sort()).toEqual([...expected.get('paper')!].sort());
    expect(computeVisibility(index, DEFAULT_FILTERS).visiblePapers).toBe(all.size);
  });
});
