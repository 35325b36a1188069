import { describe, expect, it } from 'vitest';
import { communityLegend, communityOutliers } from '../../src/app/appearance/index.js';
import { toViewBundle } from '../../src/view/bundle.js';
import { syntheticGraph } from '../../src/view/synthetic.js';

// Expected values are counted from the SerializedGraph directly, not through the code under test.
const graph = syntheticGraph({ papers: 300, seed: 11 });
const { map } = toViewBundle(graph);

describe('community legend', () => {
  const { entries, outliers } = communityLegend(map);

  it('lists every community holding papers once, biggest first, with its paper count', () => {
    const counts = new Map<number, number>();
    for (const n of graph.nodes) {
      const a = n.attributes;
      if (a.kind === 'paper' && a.community !== undefined && a.community >= 0)
        counts.set(a.community, (counts.get(a.community) ?? 0) + 1);
    }
    expect(entries.map((e) => [e.community, e.papers]).sort((a, b) => a[0]! - b[0]!)).toEqual(
      [...counts].sort((a, b) => a[0] - b[0]),
    );
    for (let k = 1; k < entries.length; k++)
      expect(entries[k - 1]!.papers).toBeGreaterThanOrEqual(entries[k]!.papers);
  });

  it('names each community by the topic most of its papers sit under', () => {
    for (const e of entries.slice(0, 5)) {
      const topics = new Map<string, number>();
      for (const n of graph.nodes) {
        const a = n.attributes;
        if (a.kind !== 'paper' || a.community !== e.community) continue;
        const key = a.topicPath.join(' / ');
        topics.set(key, (topics.get(key) ?? 0) + 1);
      }
      const top = Math.max(...topics.values());
      const names = [...topics].filter(([, k]) => k === top).map(([key]) => key.split(' / ').at(-1));
      expect(names).toContain(e.name);
      expect(e.share).toBeCloseTo(top / e.papers, 6);
    }
  });

  it('counts the papers drawn as triangles, and the one-paper communities', () => {
    expect(outliers).toBe(communityOutliers(map).reduce((s, f) => s + f, 0));
    expect(communityLegend(map).singletons).toBe(entries.filter((e) => e.papers === 1).length);
  });
});
