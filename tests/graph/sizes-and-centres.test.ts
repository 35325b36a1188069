// What the map draws from the built graph of the seed notes: an edge's width grows with the link's
// confidence, within [0.5, 2]; a topic's name sits at the centre of its papers (those of its subtopics too).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildGraph } from '../../src/graph/index.js';
import { findLinks } from '../../src/links/index.js';
import { parseNotes } from '../../src/parse/index.js';

const seedPath = fileURLToPath(new URL('../../content/reinforcement-learning.md', import.meta.url));
const build = () => {
  const parsed = parseNotes([{ path: 'reinforcement-learning.md', text: readFileSync(seedPath, 'utf8') }]);
  return buildGraph(parsed, findLinks(parsed.papers), { seed: 1 });
};

describe('edge widths and topic centres on the seed map', () => {
  it('an edge is wider the surer its link, from 0.5 (confidence 0) to 2 (confidence 1)', () => {
    const graph = build();
    const sized = graph.edges.filter((e) => e.attributes.size !== undefined);
    expect(sized.length).toBeGreaterThan(10);
    for (const e of sized) {
      const { size, confidence } = e.attributes;
      expect(size).toBeGreaterThanOrEqual(0.5);
      expect(size).toBeLessThanOrEqual(2);
      expect(size).toBeCloseTo(0.5 + 1.5 * Math.min(1, Math.max(0, confidence)), 1);
    }
  });

  it("a topic's name is placed at the mean position of the papers under it", () => {
    const graph = build();
    const papers = graph.nodes.filter((n) => n.attributes.kind === 'paper');
    let checked = 0;
    for (const topic of graph.attributes.topics) {
      const under = papers.filter((n) => {
        const path = (n.attributes as { topicPath?: string[] }).topicPath ?? [];
        return path.length > 0 && topic.path.every((part, i) => path[i] === part);
      });
      if (under.length === 0) continue;
      const mean = (pick: (n: (typeof under)[number]) => number) =>
        under.reduce((s, n) => s + pick(n), 0) / under.length;
      expect(topic.x, topic.key).toBeCloseTo(
        mean((n) => n.attributes.x),
        1,
      );
      expect(topic.y, topic.key).toBeCloseTo(
        mean((n) => n.attributes.y),
        1,
      );
      checked++;
    }
    expect(checked).toBeGreaterThan(3);
  });
});
