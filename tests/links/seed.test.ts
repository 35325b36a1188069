// The seed notes, parsed by src/parse, then linked: the issue's expectations, invariants, and a reviewed
// snapshot of every edge with its evidence (tests/links/__snapshots__/seed-edges.txt).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeEach, describe, expect, it } from 'vitest';
import { findLinks } from '../../src/links/index.js';
import { parseNotes } from '../../src/parse/index.js';
import type { EdgeRecord, LinkResult, PaperRecord, ParseResult } from '../../src/types.js';

const seedPath = fileURLToPath(new URL('../../content/reinforcement-learning.md', import.meta.url));
const seedText = readFileSync(seedPath, 'utf8');
// Built in each test (beforeEach), not when the file is collected, so that mutation testing (`npm run mutate`)
// knows which tests run which code and reruns only those for each mutant.
let parsed: ParseResult;
let result: LinkResult;
beforeEach(() => {
  parsed = parseNotes([{ path: 'reinforcement-learning.md', text: seedText }]);
  result = findLinks(parsed.papers);
});
const byLabel = (label: string): PaperRecord => {
  const found = parsed.papers.filter((p) => p.label === label);
  expect(found, label).toHaveLength(1);
  return found[0] as PaperRecord;
};
const has = (key: string) => result.edges.some((e) => e.key === key);

describe('seed expectations (issue 3)', () => {
  it.each([
    ['GRPO-CARE', 'arxiv:2506.16141'],
    ['Critique-GRPO', 'arxiv:2506.03106'],
    ['Guide', 'arxiv:2506.13923'],
    ['FR3E', 'arxiv:2507.07017'],
  ])('%s builds on GRPO', (_name, id) => {
    expect(has(`builds-on:${id}->concept:grpo`)).toBe(true);
  });

  it('GoT-R1 builds on GoT (both arXiv ids in one entry)', () => {
    expect(has('builds-on:arxiv:2505.17022->arxiv:2503.10639')).toBe(true);
  });

  it('CPGD builds on OpenRLHF', () => {
    expect(has(`builds-on:${byLabel('CPGD').id}->concept:openrlhf`)).toBe(true);
  });

  it('GSPO critiques GRPO', () => {
    const edge = result.edges.find((e) => e.key === `critiques:${byLabel('GSPO').id}->concept:grpo`);
    expect(edge?.evidence.some((e) => /Ill-Posed/.test(e))).toBe(true);
  });

  it('ThinkPRM and GRACE are the same group, through authors known by Chinese names', () => {
    const edge = result.edges.find((e) => e.key === 'same-group:arxiv:2305.14934--arxiv:2504.16828');
    expect(edge?.directed).toBe(false);
    expect(edge?.via).toContain('Khalifa, M');
  });

  it('`优于 GRPO` is compares, not builds-on (SPRO)', () => {
    expect(has('compares:arxiv:2507.01551->concept:grpo')).toBe(true);
    expect(has('builds-on:arxiv:2507.01551->concept:grpo')).toBe(false);
  });

  it('names from the notes become their paper (FR3E, GenRM) or their own concept (GRPO++)', () => {
    const ids = new Set(result.concepts.map((c) => c.id));
    expect(ids.has('concept:fr3e' as never)).toBe(false);
    expect(ids.has('concept:genrm' as never)).toBe(false);
    // GenRM-Pairwise is listed beside GenRM as a separate baseline: no lineage (issue 10).
    expect(ids.has('concept:genrm-pairwise' as never)).toBe(true);
    expect(has('builds-on:concept:genrm-pairwise->arxiv:2408.15240')).toBe(false);
    expect(has('builds-on:concept:grpo++->concept:grpo')).toBe(true);
    expect(has('builds-on:arxiv:2507.07017->concept:grpo++')).toBe(true);
  });
});

describe('seed invariants', () => {
  let nodes: Set<string>;
  beforeEach(() => {
    nodes = new Set<string>([...parsed.papers.map((p) => p.id), ...result.concepts.map((c) => c.id)]);
  });
  it('every edge is well formed', () => {
    const keys = new Set<string>();
    for (const e of result.edges) {
      expect(keys.has(e.key), e.key).toBe(false);
      keys.add(e.key);
      expect(e.source).not.toBe(e.target);
      expect(nodes.has(e.source), e.source).toBe(true);
      expect(nodes.has(e.target), e.target).toBe(true);
      expect(e.directed).toBe(e.type !== 'same-group');
      expect(e.key).toBe(
        e.directed ? `${e.type}:${e.source}->${e.target}` : `${e.type}:${e.source}--${e.target}`,
      );
      if (!e.directed) expect(e.source < e.target).toBe(true);
      expect(e.evidence.length).toBeGreaterThan(0);
      expect(e.evidence.length).toBe(e.sources.length);
      for (const text of e.evidence) expect(text).toBe(text.trim());
      for (const s of e.sources) expect(s.file).toBe('reinforcement-learning.md');
      expect(e.confidence).toBeGreaterThan(0);
      expect(e.confidence).toBeLessThanOrEqual(1);
    }
  });

  it('evidence sits on the line it cites', () => {
    const lines = readFileSync(seedPath, 'utf8').split('\n');
    for (const e of result.edges.filter((x) => x.type !== 'same-group')) {
      e.evidence.forEach((text, k) => {
        const line = lines[(e.sources[k]?.line ?? 0) - 1] ?? '';
        // The line holds the sentence's first words (markdown markers aside).
        const head = text.replace(/[*`[\]]/g, '').slice(0, 6);
        expect(line.replace(/[*`[\]]/g, ''), `${e.key}: ${text}`).toContain(head);
      });
    }
  });

  it('is deterministic and independent of input order', () => {
    const again = findLinks([...parsed.papers].reverse());
    expect(JSON.stringify(again)).toBe(JSON.stringify(result));
  });

  it('reports no diagnostics beyond name notes', () => {
    expect(result.diagnostics.every((d) => d.severity === 'info')).toBe(true);
  });
});

function render(edges: readonly EdgeRecord[]): string {
  const label = new Map<string, string>(parsed.papers.map((p) => [p.id, `${p.label} (${p.id})`]));
  const lines: string[] = [];
  for (const e of edges) {
    const arrow = e.directed ? '->' : '--';
    lines.push(
      `${e.type}  ${label.get(e.source) ?? e.source} ${arrow} ${label.get(e.target) ?? e.target}  [${e.confidence}]${e.via ? `  via ${e.via}` : ''}`,
    );
    e.evidence.forEach((text, k) => lines.push(`    ${e.sources[k]?.line}: ${text}`));
  }
  return `${lines.join('\n')}\n`;
}

it('snapshot: every edge on the seed with its evidence (reviewed by hand)', async () => {
  const counts: Record<string, number> = {};
  for (const e of result.edges) counts[e.type] = (counts[e.type] ?? 0) + 1;
  const header = `# ${result.edges.length} edges: ${JSON.stringify(counts)}; ${result.concepts.length} concepts: ${result.concepts.map((c) => c.label).join(', ')}\n`;
  const order = ['builds-on', 'critiques', 'compares', 'same-group', 'mentions'];
  const sorted = [...result.edges].sort(
    (a, b) => order.indexOf(a.type) - order.indexOf(b.type) || (a.key < b.key ? -1 : 1),
  );
  await expect(header + render(sorted)).toMatchFileSnapshot('./__snapshots__/seed-edges.txt');
});
