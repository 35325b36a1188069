// Where the layout puts things, as geometric properties of real maps (the seed notes, generated corpora), not
// exact coordinates: the seeded start packs each topic's papers into its own circle; ForceAtlas2 pulls linked
// papers together and keeps topics apart, above the Barnes–Hut threshold too; a warm start keeps the picture and
// puts new papers by their topic and their links, new topics beside their parent or outside the drawing; a
// previous layout that cannot be used changes nothing.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildGraphDetailed, LAYOUT_EXTENT, type GraphBuild } from '../../src/graph/index.js';
import { anchorKey } from '../../src/graph/layout.js';
import { findLinks } from '../../src/links/index.js';
import { parseNotes } from '../../src/parse/index.js';
import type { LinkResult, ParseResult, SerializedGraph, SerializedNode } from '../../src/types.js';
import { edge, linked, paper, syntheticCorpus } from './make-records.js';
import { clusterRatio } from './geometry.js';

const seedPath = fileURLToPath(new URL('../../content/reinforcement-learning.md', import.meta.url));
let seedInputs: [ParseResult, LinkResult] | null = null;
/** The seed notes parsed and linked once for the file (not the code under test; every graph is built per test). */
function seedNotes(): [ParseResult, LinkResult] {
  if (seedInputs) return seedInputs;
  const parsed = parseNotes([{ path: 'reinforcement-learning.md', text: readFileSync(seedPath, 'utf8') }]);
  return (seedInputs = [parsed, findLinks(parsed.papers)]);
}

const MAPS: [string, () => [ParseResult, LinkResult]][] = [
  ['the seed notes', seedNotes],
  [
    'a generated corpus (4 groups × 3 subtopics × 8 papers)',
    () => {
      const { parsed, links } = syntheticCorpus(4, 3, 8);
      return [parsed, links];
    },
  ],
];

type Attributes = SerializedNode['attributes'];
const papersOf = (graph: SerializedGraph) => graph.nodes.filter((n) => n.attributes.kind === 'paper');
const at = (graph: SerializedGraph, key: string): Attributes => {
  const found = graph.nodes.find((n) => n.key === key);
  if (!found) throw new Error(`no node ${key}`);
  return found.attributes;
};
const distance = (a: { x: number; y: number }, b: { x: number; y: number }) =>
  Math.hypot(a.x - b.x, a.y - b.y);

/** Each heading path's papers as a circle: their mean position and the distance to the farthest of them. */
function topicCircles(graph: SerializedGraph) {
  const byPath = new Map<string, Attributes[]>();
  for (const n of papersOf(graph)) {
    const key = n.attributes.topicPath.join(' / ');
    byPath.set(key, [...(byPath.get(key) ?? []), n.attributes]);
  }
  return [...byPath].map(([key, members]) => {
    const x = members.reduce((s, m) => s + m.x, 0) / members.length;
    const y = members.reduce((s, m) => s + m.y, 0) / members.length;
    const r = Math.max(...members.map((m) => distance(m, { x, y })));
    return { key, n: members.length, x, y, r };
  });
}

/** Mean length of the edges over the mean distance between any two nodes: small when linked nodes are close. */
function relativeEdgeLength(graph: SerializedGraph): number {
  const position = new Map(graph.nodes.map((n) => [n.key, n.attributes]));
  const lengths = graph.edges.map((e) => distance(position.get(e.source)!, position.get(e.target)!));
  let sum = 0;
  let count = 0;
  for (let i = 0; i < graph.nodes.length; i++) {
    for (let j = i + 1; j < graph.nodes.length; j++) {
      sum += distance(graph.nodes[i]!.attributes, graph.nodes[j]!.attributes);
      count++;
    }
  }
  return lengths.reduce((s, l) => s + l, 0) / lengths.length / (sum / count);
}

describe('the seeded start (no ForceAtlas2)', () => {
  it.each(MAPS)(
    '%s: each topic’s papers fill their own circle; circles do not overlap and are packed',
    (_name, input) => {
      const build = buildGraphDetailed(...input(), { layout: false });
      expect(build.layoutMode).toBe('seeded');
      expect(build.iterations).toBe(0);
      const circles = topicCircles(build.graph).filter((c) => c.n >= 2);
      expect(circles.length).toBeGreaterThan(5);
      let pairs = 0;
      for (const a of circles) {
        let nearest = Infinity;
        for (const b of circles) {
          if (a === b) continue;
          const ratio = distance(a, b) / (a.r + b.r);
          nearest = Math.min(nearest, ratio);
          if (a.n >= 3 && b.n >= 3) {
            expect(ratio, `${a.key} and ${b.key} overlap`).toBeGreaterThan(1);
            pairs++;
          }
        }
        // Packed: the nearest topic is about one radius away, not across empty space (papers spread over
        // their whole circle, in every direction).
        if (a.n >= 4) expect(nearest, `${a.key} is alone`).toBeLessThan(2);
      }
      expect(pairs).toBeGreaterThan(10);
    },
  );

  it('is centred on the origin, where ForceAtlas2’s gravity pulls (raw positions kept for warm starts)', () => {
    for (const [name, input] of MAPS) {
      const raw = [...buildGraphDetailed(...input(), { layout: false }).layout.positions.values()];
      const xs = raw.map((p) => p[0]);
      const ys = raw.map((p) => p[1]);
      const width = Math.max(...xs) - Math.min(...xs);
      const height = Math.max(...ys) - Math.min(...ys);
      expect(width, name).toBeGreaterThan(100);
      expect(Math.abs(Math.max(...xs) + Math.min(...xs)) / 2, name).toBeLessThan(0.1 * width);
      expect(Math.abs(Math.max(...ys) + Math.min(...ys)) / 2, name).toBeLessThan(0.1 * height);
    }
  });

  it('a single paper, or layout turned off, runs no ForceAtlas2', () => {
    const [parsed] = seedNotes();
    const one = buildGraphDetailed({ ...parsed, papers: parsed.papers.slice(0, 1) }, linked([]));
    expect([one.layoutMode, one.iterations]).toEqual(['seeded', 0]);
    const off = buildGraphDetailed(...seedNotes(), { layout: false, iterations: 50 });
    expect([off.layoutMode, off.iterations]).toEqual(['seeded', 0]);
  });
});

describe('the cold layout (ForceAtlas2)', () => {
  it.each(MAPS)('%s: pulls linked nodes closer than the seeded start had them', (_name, input) => {
    const seeded = buildGraphDetailed(...input(), { layout: false });
    const cold = buildGraphDetailed(...input());
    expect(cold.layoutMode).toBe('cold');
    expect(cold.iterations).toBeGreaterThan(0);
    expect(relativeEdgeLength(cold.graph)).toBeLessThan(0.8 * relativeEdgeLength(seeded.graph));
  });

  it('makes round clusters, not rings, of papers with no links between them', () => {
    // Tied only to their topic's anchor, papers settle on a circle around it; the invisible ties to a few
    // papers of the same topic and group fill the circle in.
    const { parsed } = syntheticCorpus(3, 2, 16);
    const { graph } = buildGraphDetailed(parsed, linked([]));
    const byPath = new Map<string, Attributes[]>();
    for (const n of papersOf(graph)) {
      const key = n.attributes.topicPath.join(' / ');
      byPath.set(key, [...(byPath.get(key) ?? []), n.attributes]);
    }
    expect(byPath.size).toBe(6);
    for (const [key, members] of byPath) {
      const centre = {
        x: members.reduce((s, m) => s + m.x, 0) / members.length,
        y: members.reduce((s, m) => s + m.y, 0) / members.length,
      };
      const radii = members.map((m) => distance(m, centre)).sort((a, b) => a - b);
      expect(radii[0]! / radii[radii.length - 1]!, key).toBeLessThan(0.4);
    }
  });

  it('above the Barnes–Hut threshold, still keeps groups and subtopics apart, over hundreds of units', () => {
    const { parsed, links } = syntheticCorpus(5, 4, 22);
    expect(parsed.papers.length).toBeGreaterThan(400);
    const { graph, iterations, layoutMode } = buildGraphDetailed(parsed, links, { iterations: 60 });
    expect([layoutMode, iterations]).toEqual(['cold', 60]);
    const group = (n: SerializedNode) => n.attributes.topicPath.slice(0, 2).join('/');
    const sub = (n: SerializedNode) => n.attributes.topicPath.join('/');
    expect(clusterRatio(papersOf(graph), group)).toBeLessThan(0.6);
    expect(clusterRatio(papersOf(graph), sub)).toBeLessThan(0.4);
    const xs = graph.nodes.map((n) => n.attributes.x);
    const ys = graph.nodes.map((n) => n.attributes.y);
    expect(Math.max(...xs.map(Math.abs), ...ys.map(Math.abs))).toBe(LAYOUT_EXTENT);
    expect(Math.min(Math.max(...xs) - Math.min(...xs), Math.max(...ys) - Math.min(...ys))).toBeGreaterThan(
      500,
    );
  });
});

describe('a warm start', () => {
  const corpus = () => syntheticCorpus(4, 3, 8);
  function grown(cold: GraphBuild, added: ReturnType<typeof paper>[], edges: ReturnType<typeof edge>[] = []) {
    const { parsed, links } = corpus();
    return buildGraphDetailed(
      { ...parsed, papers: [...parsed.papers, ...added] },
      linked([...links.edges, ...edges]),
      {
        previousLayout: cold.layout,
      },
    );
  }

  it('puts a paper under a new top-level heading outside the drawing', () => {
    const { parsed, links } = corpus();
    const cold = buildGraphDetailed(parsed, links);
    const warm = grown(cold, [paper('title:new', ['Root', 'Group 9', 'Sub 9.0'])]);
    expect(warm.layoutMode).toBe('warm');
    const placed = at(warm.graph, 'title:new');
    const old = warm.graph.nodes.filter((n) => n.key !== 'title:new').map((n) => n.attributes);
    const cx = old.reduce((s, n) => s + n.x, 0) / old.length;
    const cy = old.reduce((s, n) => s + n.y, 0) / old.length;
    const reach = distance(placed, { x: cx, y: cy });
    const fartherOut = old.filter((n) => distance(n, { x: cx, y: cy }) > reach).length;
    expect(fartherOut).toBeLessThanOrEqual(old.length * 0.05);
  });

  it('starts a new top-level heading on the rim of the previous drawing, wherever that drawing lies', () => {
    // ForceAtlas2's gravity keeps a drawing near the origin, but where a new group starts is measured from the
    // drawing itself (its centre and its farthest point): moved far off the origin, the drawing gets its new
    // group at its own rim, not at the rim of a circle around the origin. (The new paper itself then settles
    // under gravity, which does pull towards the origin; its group's anchor is fixed.)
    const { parsed, links } = corpus();
    const cold = buildGraphDetailed(parsed, links);
    const points = [...cold.layout.positions.values()];
    const width = Math.max(...points.map((p) => p[0])) - Math.min(...points.map((p) => p[0]));
    const group = anchorKey('Root / Group 9');
    for (const [dx, dy] of [
      [0, 0],
      [20 * width, 5 * width],
      [-15 * width, -30 * width],
    ] as const) {
      const moved = new Map(
        [...cold.layout.positions].map(([key, [x, y]]) => [key, [x + dx, y + dy] as const]),
      );
      const before = [...moved.values()];
      const centre = {
        x: before.reduce((s, p) => s + p[0], 0) / before.length,
        y: before.reduce((s, p) => s + p[1], 0) / before.length,
      };
      const radius = Math.max(...before.map(([x, y]) => distance({ x, y }, centre)));
      const { parsed: again, links: edges } = corpus();
      const warm = buildGraphDetailed(
        { ...again, papers: [...again.papers, paper('title:new', ['Root', 'Group 9', 'Sub 9.0'])] },
        edges,
        { previousLayout: { ...cold.layout, positions: moved } },
      );
      expect(warm.layoutMode).toBe('warm');
      expect(cold.layout.positions.has(group)).toBe(false);
      const [x, y] = warm.layout.positions.get(group)!;
      const where = `previous drawing moved by (${dx}, ${dy})`;
      expect(distance({ x, y }, centre) / radius, where).toBeGreaterThan(1);
      expect(distance({ x, y }, centre) / radius, where).toBeLessThan(1.5);
      // Everything known stays where it was.
      for (const [key, point] of moved) expect(warm.layout.positions.get(key), key).toEqual(point);
    }
  });

  it('puts a paper under a new subtopic among its group’s papers', () => {
    const { parsed, links } = corpus();
    const cold = buildGraphDetailed(parsed, links);
    const warm = grown(cold, [paper('title:new', ['Root', 'Group 2', 'Sub 2.9'])]);
    const placed = at(warm.graph, 'title:new');
    const nearest = papersOf(warm.graph)
      .filter((n) => n.key !== 'title:new')
      .sort((a, b) => distance(a.attributes, placed) - distance(b.attributes, placed))
      .slice(0, 5);
    for (const n of nearest) expect(n.attributes.topicPath.slice(0, 2)).toEqual(['Root', 'Group 2']);
  });

  it('papers added together, linked to the same paper, are not drawn on top of each other', () => {
    const { parsed, links } = corpus();
    const cold = buildGraphDetailed(parsed, links);
    const added = ['title:new-a', 'title:new-b', 'title:new-c'];
    const warm = grown(
      cold,
      added.map((id) => paper(id, ['Root', 'Group 1', 'Sub 1.1'])),
      added.map((id) => edge('builds-on', id, 'title:g1-s1-p3')),
    );
    expect(warm.layoutMode).toBe('warm');
    for (let i = 0; i < added.length; i++) {
      for (let j = i + 1; j < added.length; j++) {
        expect(distance(at(warm.graph, added[i]!), at(warm.graph, added[j]!))).toBeGreaterThan(2);
      }
      expect(distance(at(warm.graph, added[i]!), at(warm.graph, 'title:g1-s1-p3'))).toBeLessThan(150);
    }
  });

  it('keeps every known node’s community; a new paper joins the community of the papers it builds on', () => {
    const { parsed, links } = corpus();
    const cold = buildGraphDetailed(parsed, links);
    const cited = ['title:g2-s1-p2', 'title:g2-s1-p4', 'title:g2-s1-p6'];
    const warm = grown(
      cold,
      [paper('title:new', ['Root', 'Group 0', 'Sub 0.0'])],
      cited.map((id) => edge('builds-on', 'title:new', id)),
    );
    expect(warm.layoutMode).toBe('warm');
    for (const n of cold.graph.nodes)
      expect(at(warm.graph, n.key).community, n.key).toBe(n.attributes.community);
    const community = at(warm.graph, cited[0]!).community;
    for (const id of cited) expect(at(warm.graph, id).community).toBe(community);
    expect(at(warm.graph, 'title:new').community).toBe(community);
    // Its links pull it out of its own topic towards the papers it builds on.
    const placed = at(warm.graph, 'title:new');
    const own = papersOf(warm.graph).filter(
      (n) => n.key !== 'title:new' && n.attributes.topicPath[2] === 'Sub 0.0',
    );
    const toOwn = own.reduce((s, n) => s + distance(n.attributes, placed), 0) / own.length;
    const toCited = cited.reduce((s, id) => s + distance(at(warm.graph, id), placed), 0) / cited.length;
    expect(toCited).toBeLessThan(toOwn);
  });
});

describe('how much may be new for a warm start', () => {
  it('a quarter of the nodes new is still a warm start; one more is a fresh layout', () => {
    const { parsed, links } = syntheticCorpus(4, 3, 8);
    const previous = buildGraphDetailed(parsed, links, { iterations: 30 }).layout;
    const known = parsed.papers.length;
    expect(known % 3).toBe(0);
    const grown = (added: number) => {
      const extra = Array.from({ length: added }, (_, i) =>
        paper(`title:added-${String(i).padStart(3, '0')}`, ['Root', `Group ${i % 4}`, `Sub ${i % 4}.1`]),
      );
      const papers = { ...parsed, papers: [...parsed.papers, ...extra] };
      return buildGraphDetailed(papers, links, { iterations: 30, previousLayout: previous }).layoutMode;
    };
    // known + known/3 nodes, of which known/3 new: exactly a quarter.
    expect(grown(known / 3)).toBe('warm');
    expect(grown(known / 3 + 1)).toBe('cold');
  });
});

describe('a previous layout that cannot be used', () => {
  type Input = [ParseResult, LinkResult];
  const third = ([parsed, links]: Input): Input => [
    { ...parsed, papers: parsed.papers.slice(0, Math.floor(parsed.papers.length / 3)) },
    links,
  ];
  it.each([
    ['made with another seed', { seed: 2 }, (input: Input) => input, {}],
    ['made without ForceAtlas2', { layout: false }, (input: Input) => input, {}],
    ['given to a build without ForceAtlas2', {}, (input: Input) => input, { layout: false }],
    ['of a map a third the size (too many new papers)', {}, third, {}],
  ])('(%s) changes nothing: the build equals one without it', (_what, made, before, now) => {
    for (const [name, input] of MAPS) {
      // A short ForceAtlas2 run is enough here: only whether the previous layout is used matters.
      const previous = buildGraphDetailed(...before(input()), { iterations: 30, ...made }).layout;
      const plain = buildGraphDetailed(...input(), { iterations: 30, ...now });
      const given = buildGraphDetailed(...input(), { iterations: 30, ...now, previousLayout: previous });
      expect(given.layoutMode, name).not.toBe('warm');
      expect(JSON.stringify(given.graph), name).toBe(JSON.stringify(plain.graph));
    }
  });
});
