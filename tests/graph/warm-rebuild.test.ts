// A rebuild handed the previous build's `reuse` must give exactly the bytes of a build from scratch, whatever
// changed: seeded sequences of edits on hand-made records (papers added, removed, renamed, retitled, moved to
// another heading or place; edges added, removed, reworded, made dangling or repeated; concepts coming and
// going), with the unchanged records handed over as the same objects, as the parse and link stages do. Plus the
// edit shapes each reuse shortcut has to notice, one by one.
import { describe, expect, it } from 'vitest';
import { buildGraphDetailed, type GraphBuild, type GraphOptions } from '../../src/graph/index.js';
import { EDGE_TYPES, type ConceptRecord, type EdgeRecord, type PaperRecord } from '../../src/types.js';
import { concept, edge, linked, paper, parsed, syntheticCorpus } from './make-records.js';

interface Records {
  papers: PaperRecord[];
  concepts: ConceptRecord[];
  edges: EdgeRecord[];
}

const TOPICS = [
  ['RL'],
  ['RL', 'Reward models'],
  ['RL', 'Reward models', 'PRM'],
  ['RL', 'Math'],
  ['Agents'],
  ['Agents', 'Tools'],
  [],
];

/** A small seeded generator (an LCG), so each sequence is the same on every run. */
function generator(seed: number) {
  let state = seed >>> 0;
  const next = (): number => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
  const int = (n: number): number => Math.floor(next() * n);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)] as T;
  return { next, int, pick };
}

function makePaper(random: ReturnType<typeof generator>, id: string): PaperRecord {
  const path = random.pick(TOPICS);
  const file = random.pick(['a.md', 'b.md', 'c.md']);
  const sources = [{ file, line: 1 + random.int(60) }];
  if (random.next() < 0.2) sources.push({ file: random.pick(['a.md', 'b.md']), line: 1 + random.int(60) });
  return paper(id, path, {
    sources,
    title: `Paper ${id}`,
    date: `2025-0${1 + random.int(9)}-1${random.int(9)}`,
  });
}

function makeEdge(random: ReturnType<typeof generator>, records: Records): EdgeRecord {
  const ends = [...records.papers.map((p) => p.id as string), ...records.concepts.map((c) => c.id as string)];
  const roll = random.next();
  const source = random.pick(ends);
  // Now and then an end that is not there, or the same node twice (both are diagnostics, not edges).
  const target = roll < 0.06 ? 'arxiv:404' : roll < 0.1 ? source : random.pick(ends);
  const made = edge(random.pick(EDGE_TYPES), source, target, Math.round(random.next() * 100) / 100);
  return random.next() < 0.3 ? { ...made, via: random.pick(['GRPO', 'PPO', 'Qwen']) } : made;
}

/** One random edit; unchanged records stay the same objects. */
function edit(random: ReturnType<typeof generator>, records: Records, serial: { n: number }): string {
  const { papers, concepts, edges } = records;
  const i = papers.length > 0 ? random.int(papers.length) : -1;
  const p = papers[i];
  switch (random.int(14)) {
    case 0:
      // `title:` ids sort after the concepts, `arxiv:` ones before.
      papers.push(makePaper(random, `${random.pick(['arxiv', 'title'])}:${1000 + serial.n++}`));
      return 'add a paper';
    case 1:
      if (p) papers.splice(i, 1);
      return 'remove a paper';
    case 2:
      if (p)
        papers[i] = {
          ...p,
          id: `${random.pick(['arxiv', 'title'])}:${1000 + serial.n++}` as PaperRecord['id'],
        };
      return 'rename a paper (new id)';
    case 3:
      if (p) papers[i] = { ...p, title: `${p.title} (v2)`, summary: 'reworded' };
      return 'retitle a paper';
    case 4: {
      if (!p) return 'nothing';
      const path = random.pick(TOPICS);
      papers[i] = { ...p, topicPath: path, topic: path[path.length - 1] ?? '', topics: [...path] };
      return 'move a paper to another heading';
    }
    case 5:
      if (p)
        papers[i] = {
          ...p,
          sources: [{ file: random.pick(['a.md', 'b.md', 'c.md']), line: 1 + random.int(60) }],
        };
      return 'move a paper to another place in the notes';
    case 6:
    case 7:
      if (papers.length + concepts.length > 1) edges.push(makeEdge(random, records));
      return 'add an edge';
    case 8:
      if (edges.length > 0) edges.splice(random.int(edges.length), 1);
      return 'remove an edge';
    case 9: {
      if (edges.length === 0) return 'nothing';
      const e = random.int(edges.length);
      const old = edges[e] as EdgeRecord;
      edges[e] =
        random.next() < 0.5
          ? { ...old, evidence: [`${old.evidence[0] ?? ''} (reworded)`], confidence: random.next() }
          : { ...old, via: old.via === undefined ? 'GRPO' : undefined };
      return 'reword a link sentence';
    }
    case 10: {
      const name = random.pick(['grpo', 'ppo', 'dpo', 'qwen', 'gsm8k']);
      const at = concepts.findIndex((c) => c.id === `concept:${name}`);
      if (at >= 0 && random.next() < 0.2) concepts.push(concept(name));
      else if (at >= 0) concepts.splice(at, 1);
      else concepts.push(concept(name));
      return 'a concept comes, goes or is repeated';
    }
    case 11:
      // The same record twice, or another record with a key already used (the second is dropped).
      if (edges.length > 0) {
        const twin = random.pick(edges);
        const roll = random.next();
        // Anywhere in the list: the stable sort by key may put it before or after its twin.
        edges.splice(
          random.int(edges.length + 1),
          0,
          roll < 0.4
            ? twin
            : roll < 0.7
              ? { ...twin, evidence: ['another sentence'] }
              : { ...makeEdge(random, records), key: twin.key },
        );
      }
      if (p && random.next() < 0.5) papers.push({ ...p, title: 'a twin' });
      return 'repeat an edge key or a paper id';
    case 12:
      if (p && random.next() < 0.5) concepts.push({ ...concept('clash'), id: p.id as never });
      return 'a concept with a paper’s id';
    default:
      return 'nothing changed';
  }
}

const RULES = [
  'concept-id-collision',
  'duplicate-concept-id',
  'duplicate-edge-key',
  'duplicate-paper-id',
  'edge-self-loop',
  'edge-unknown-node',
];

/** Sorted by key like the link stage hands them over (stable: repeated keys keep their order). */
const byKey = (edges: EdgeRecord[]) =>
  [...edges].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));

/** What a step of `chain` was built from, and the step before it (null at the first). */
interface Step {
  papers: PaperRecord[];
  concepts: ConceptRecord[];
  edges: EdgeRecord[];
  sorted: boolean;
  build: GraphBuild;
}

function chain(
  seed: number,
  steps: number,
  options: GraphOptions,
  compare: (warm: GraphBuild, plain: GraphBuild, what: string, now: Step, before: Step | null) => void,
) {
  const random = generator(seed);
  const serial = { n: 0 };
  const records: Records = { papers: [], concepts: [concept('grpo')], edges: [] };
  for (let k = 0; k < 14; k++) records.papers.push(makePaper(random, `arxiv:${serial.n++}`));
  for (let k = 0; k < 18; k++) records.edges.push(makeEdge(random, records));
  let before: Step | null = null;
  for (let step = 0; step < steps; step++) {
    const what: string[] = [];
    for (let k = 1 + random.int(3); k > 0; k--) what.push(edit(random, records, serial));
    // Mostly in key order (the link stage's), sometimes not (the graph stage must sort).
    const sorted = random.next() < 0.8;
    const edges = sorted ? byKey(records.edges) : [...records.edges].reverse();
    const input = [parsed([...records.papers]), linked(edges, [...records.concepts])] as const;
    const previous = before?.build ?? null;
    const base: GraphOptions = {
      ...options,
      previousLayout: options.layout === false ? null : (previous?.layout ?? null),
    };
    const warm = buildGraphDetailed(...input, { ...base, previousBuild: previous?.reuse ?? null });
    const now: Step = {
      papers: [...records.papers],
      concepts: [...records.concepts],
      edges,
      sorted,
      build: warm,
    };
    compare(
      warm,
      buildGraphDetailed(...input, base),
      `seed ${seed} step ${step}: ${what.join(', ')}`,
      now,
      before,
    );
    before = now;
  }
}

/** The record a build keeps for each id: the first in input order (a later one with the same id is dropped). */
function keptById<T extends { id: string }>(records: readonly T[]): Map<string, T> {
  const kept = new Map<string, T>();
  for (const record of records) if (!kept.has(record.id)) kept.set(record.id, record);
  return kept;
}

/**
 * The previous build's node and edge objects that a rebuild hands back unchanged (`GraphOptions.previousBuild`
 * promises it: nothing that did not change is rebuilt, so a dev server's memory and work follow the edit):
 * every node whose kept record is the same object and whose output is the same, and every edge whose record is
 * the same object (its key used once in each input, in key order). Returns how many were carried over.
 */
function expectCarriedOver(warm: GraphBuild, now: Step, before: Step, what: string): number {
  let carried = 0;
  const oldNodes = new Map(before.build.graph.nodes.map((node) => [node.key as string, node]));
  const papers = [keptById(now.papers), keptById(before.papers)];
  const concepts = [keptById(now.concepts), keptById(before.concepts)];
  for (const node of warm.graph.nodes) {
    const old = oldNodes.get(node.key);
    if (!old || old.attributes.kind !== node.attributes.kind) continue;
    const [record, was] = (node.attributes.kind === 'paper' ? papers : concepts).map((m) => m.get(node.key));
    if (record === was && JSON.stringify(node) === JSON.stringify(old)) {
      expect(node, `${what}: node ${node.key} rebuilt`).toBe(old);
      carried++;
    } else if (record !== was) expect(node, `${what}: node ${node.key} not rebuilt`).not.toBe(old);
  }
  if (!now.sorted) return carried;
  const once = (edges: readonly EdgeRecord[]) => {
    const count = new Map<string, number>();
    for (const e of edges) count.set(e.key, (count.get(e.key) ?? 0) + 1);
    return new Map(edges.filter((e) => count.get(e.key) === 1).map((e) => [e.key, e]));
  };
  const [records, were] = [once(now.edges), once(before.edges)];
  const oldEdges = new Map(before.build.graph.edges.map((e) => [e.key, e]));
  for (const e of warm.graph.edges) {
    const old = oldEdges.get(e.key);
    const record = records.get(e.key);
    if (!old || !record || !were.has(e.key)) continue;
    if (record === were.get(e.key)) {
      expect(e, `${what}: edge ${e.key} rebuilt`).toBe(old);
      carried++;
    } else expect(e, `${what}: edge ${e.key} not rebuilt`).not.toBe(old);
  }
  return carried;
}

describe('a rebuild after seeded edit sequences', () => {
  it.each([11, 12, 13, 14])('gives the bytes of a build from scratch (seed %i, no layout)', (seed) => {
    const rules = new Set<string>();
    chain(seed, 40, { layout: false }, (warm, fresh, what) => {
      expect(JSON.stringify(warm.graph), what).toBe(JSON.stringify(fresh.graph));
      for (const d of fresh.graph.attributes.diagnostics) rules.add(d.rule);
    });
    // Every problem is named by its rule; the sequences make most kinds of bad input.
    for (const rule of rules) expect(RULES).toContain(rule);
    expect(rules.size).toBeGreaterThanOrEqual(4);
  });

  it.each([11, 12])(
    'hands back every node and edge object that did not change, and only those (seed %i)',
    (seed) => {
      let carried = 0;
      let steps = 0;
      chain(seed, 40, { layout: false }, (warm, _fresh, what, now, before) => {
        if (!before) return;
        carried += expectCarriedOver(warm, now, before, what);
        steps++;
      });
      // Most of the map survives each small edit.
      expect(carried).toBeGreaterThan(steps * 5);
    },
  );

  it.each([21, 22])(
    'gives the bytes of a build from the same previous layout (seed %i, warm layout)',
    (seed) => {
      chain(seed, 25, {}, (warm, plain, what) => {
        expect(JSON.stringify(warm.graph), what).toBe(JSON.stringify(plain.graph));
        expect(warm.layoutMode, what).toBe(plain.layoutMode);
        expect([...warm.layout.communities], what).toEqual([...plain.layout.communities]);
      });
    },
  );
});

describe('each reuse shortcut notices the edit it must not skip', () => {
  const fresh = (input: Parameters<typeof buildGraphDetailed>) =>
    JSON.stringify(buildGraphDetailed(input[0], input[1], { layout: false }).graph);

  it('the paper whose key sorts last is removed (the topic tree must not be carried over)', () => {
    const a = paper('arxiv:1', ['A'], { sources: [{ file: 'n.md', line: 1 }] });
    const b = paper('arxiv:2', ['A'], { sources: [{ file: 'n.md', line: 2 }] });
    const last = paper('title:zz', ['B'], { sources: [{ file: 'n.md', line: 3 }] });
    const first = buildGraphDetailed(parsed([a, b, last]), linked([], [concept('grpo')]), { layout: false });
    const input = [parsed([a, b]), linked([], [concept('grpo')])] as const;
    const warm = buildGraphDetailed(...input, { layout: false, previousBuild: first.reuse });
    expect(warm.graph.attributes.topics.map((t) => [t.key, t.count])).toEqual([['A', 2]]);
    expect(JSON.stringify(warm.graph)).toBe(fresh([...input]));
  });

  it('an edge dropped last time for a missing end comes back, and a record with its key that was kept is now the repeat', () => {
    const a = paper('arxiv:1', ['A']);
    const b = paper('arxiv:2', ['A']);
    const c = paper('arxiv:3', ['A']);
    const key = 'builds-on:arxiv:1->arxiv:3';
    // Same key, different ends (bad link input): the first of the two in key order wins, when its ends exist.
    const toMissing = { ...edge('builds-on', 'arxiv:1', 'arxiv:3'), key };
    const toThere = { ...edge('builds-on', 'arxiv:1', 'arxiv:2'), key };
    const after = edge('critiques', 'arxiv:2', 'arxiv:1');
    const edges = [toMissing, toThere, after];
    const first = buildGraphDetailed(parsed([a, b]), linked(edges), { layout: false });
    expect(first.graph.edges.map((e) => e.target)).toEqual(['arxiv:2', 'arxiv:1']);
    const input = [parsed([a, b, c]), linked(edges)] as const;
    const warm = buildGraphDetailed(...input, { layout: false, previousBuild: first.reuse });
    expect(warm.graph.edges.filter((e) => e.key === key).map((e) => e.target)).toEqual(['arxiv:3']);
    expect(warm.graph.attributes.diagnostics.map((d) => d.rule)).toEqual(['duplicate-edge-key']);
    expect(JSON.stringify(warm.graph)).toBe(fresh([...input]));
  });

  it('a key that was a concept’s is now a paper’s, under the topic the concept had', () => {
    const a = paper('arxiv:1', ['A'], { sources: [{ file: 'n.md', line: 1 }] });
    const b = paper('arxiv:2', ['B'], { sources: [{ file: 'n.md', line: 5 }] });
    const first = buildGraphDetailed(
      parsed([a, b]),
      linked([edge('mentions', 'arxiv:1', 'concept:x')], [concept('x')]),
      { layout: false },
    );
    expect(first.graph.nodes.find((n) => n.key === 'concept:x')?.attributes.topic).toBe('A');
    const input = [
      parsed([a, b, paper('concept:x', ['A'], { sources: [{ file: 'n.md', line: 9 }] })]),
      linked([edge('mentions', 'arxiv:1', 'concept:x')]),
    ] as const;
    const warm = buildGraphDetailed(...input, { layout: false, previousBuild: first.reuse });
    expect(warm.graph.nodes.find((n) => n.key === 'concept:x')?.attributes.kind).toBe('paper');
    expect(warm.graph.attributes.topics.map((t) => [t.key, t.count])).toEqual([
      ['A', 2],
      ['B', 1],
    ]);
    expect(JSON.stringify(warm.graph)).toBe(fresh([...input]));
  });

  it('the previous build and the previous layout come from different builds (other seed, no layout)', () => {
    const { parsed: papers, links } = syntheticCorpus(3, 3, 6);
    const layout = buildGraphDetailed(papers, links, { seed: 1, iterations: 30 }).layout;
    // Same papers: one build without the links (each paper its own community), one with another seed.
    for (const [records, options] of [
      [linked([]), { layout: false }],
      [links, { seed: 3 }],
    ] as const) {
      const other = buildGraphDetailed(papers, records, { ...options, iterations: 30 });
      const given = { seed: 1, iterations: 30, previousLayout: layout };
      const warm = buildGraphDetailed(papers, links, { ...given, previousBuild: other.reuse });
      expect(warm.layoutMode).toBe('warm');
      expect(JSON.stringify(warm.graph)).toBe(JSON.stringify(buildGraphDetailed(papers, links, given).graph));
    }
  });

  it('a new record with the key of the first kept edge comes before it: the old one is now the repeat', () => {
    const papers = parsed([paper('arxiv:1', ['A']), paper('arxiv:2', ['A']), paper('arxiv:3', ['A'])]);
    const kept = edge('builds-on', 'arxiv:1', 'arxiv:2');
    const next = edge('critiques', 'arxiv:3', 'arxiv:1');
    const first = buildGraphDetailed(papers, linked([kept, next]), { layout: false });
    const replacement = { ...kept, evidence: ['a new sentence'] };
    const input = [papers, linked([replacement, kept, next])] as const;
    const warm = buildGraphDetailed(...input, { layout: false, previousBuild: first.reuse });
    expect(warm.graph.edges.map((e) => e.attributes.evidence[0])).toEqual([
      'a new sentence',
      next.evidence[0],
    ]);
    expect(warm.graph.attributes.diagnostics.map((d) => d.rule)).toEqual(['duplicate-edge-key']);
    expect(JSON.stringify(warm.graph)).toBe(fresh([...input]));
  });
});
