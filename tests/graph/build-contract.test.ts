// What a build promises its caller, beyond the graph's content: an edge the build drops leaves no trace in
// the nodes, the graph handed back is the caller's to change (a warm rebuild does not read it), and big maps
// get fewer ForceAtlas2 iterations, within fixed bounds.
import { describe, expect, it } from 'vitest';
import { buildGraph, buildGraphDetailed, iterationBudget } from '../../src/graph/index.js';
import { ITERATION_MAX, ITERATION_MIN } from '../../src/graph/defaults.js';
import { edge, linked, paper, parsed } from './make-records.js';

const papers = () => [
  paper('arxiv:2501.00001', ['RL']),
  paper('arxiv:2501.00002', ['RL']),
  paper('arxiv:2501.00003', ['RL']),
  paper('arxiv:2501.00004', ['Reasoning']),
];
const good = () => [
  edge('builds-on', 'arxiv:2501.00002', 'arxiv:2501.00001'),
  edge('compares', 'arxiv:2501.00003', 'arxiv:2501.00002'),
  edge('builds-on', 'arxiv:2501.00004', 'arxiv:2501.00003'),
];

describe('an edge the build drops', () => {
  it('changes no node: sizes are those of the graph without it', () => {
    const bad = [
      // an end that is no node, a self-loop: both dropped with a diagnostic
      edge('builds-on', 'arxiv:2501.00002', 'arxiv:2599.99999'),
      edge('mentions', 'arxiv:2501.00003', 'arxiv:2501.00003'),
    ];
    const clean = buildGraph(parsed(papers()), linked(good()), { layout: false });
    const dropped = buildGraph(parsed(papers()), linked([...good(), ...bad]), { layout: false });
    expect(dropped.attributes.diagnostics.map((d) => d.rule).sort()).toHaveLength(2);
    expect(dropped.edges).toEqual(clean.edges);
    expect(dropped.nodes).toEqual(clean.nodes);
    // and the sizes do follow the links: the paper nothing links to is the smallest
    const size = new Map<string, number>(dropped.nodes.map((n) => [n.key, n.attributes.size]));
    expect(size.get('arxiv:2501.00002')).toBeGreaterThan(size.get('arxiv:2501.00001')!);
  });
});

describe('the graph a build hands back', () => {
  it("is the caller's: reordering or emptying its lists does not change the next warm build", () => {
    const input = [parsed(papers()), linked(good())] as const;
    const first = buildGraphDetailed(...input, { layout: false });
    const expected = JSON.stringify(first.graph);
    first.graph.nodes.reverse();
    first.graph.edges.reverse();
    const warm = buildGraphDetailed(...input, { layout: false, previousBuild: first.reuse });
    expect(JSON.stringify(warm.graph)).toBe(expected);
    warm.graph.nodes.length = 0;
    warm.graph.edges.length = 0;
    const again = buildGraphDetailed(...input, { layout: false, previousBuild: warm.reuse });
    expect(JSON.stringify(again.graph)).toBe(expected);
  });
});

describe('the ForceAtlas2 iteration budget', () => {
  it('falls as the map grows, from the most for small maps to the fewest for huge ones', () => {
    const orders = [1, 10, 100, 400, 1_000, 3_600, 10_000, 40_000, 90_000, 1_000_000];
    const budgets = orders.map(iterationBudget);
    expect(budgets[0]).toBe(ITERATION_MAX);
    expect(budgets.at(-1)).toBe(ITERATION_MIN);
    for (let i = 1; i < budgets.length; i++) expect(budgets[i]).toBeLessThanOrEqual(budgets[i - 1]!);
    // between the bounds, four times the nodes halve the iterations (one over the square root)
    expect(iterationBudget(400) / iterationBudget(1_600)).toBeCloseTo(2, 1);
    expect(iterationBudget(2_500) / iterationBudget(10_000)).toBeCloseTo(2, 1);
    for (const b of budgets) expect(Number.isInteger(b)).toBe(true);
  });
});
