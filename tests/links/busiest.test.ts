// The busiest-node notes, kept up to date edge by edge in the link index, equal a pass over the whole result
// (the plain definition below, the one the index replaced) after every kind of edit, warm and fresh.
import { describe, expect, it } from 'vitest';
import { generateCorpus } from '../../bench/corpus.js';
import { mulberry32 } from '../../src/graph/random.js';
import { createLinkCache, findLinks } from '../../src/links/index.js';
import { parseNotes } from '../../src/parse/index.js';
import type { Diagnostic, LinkResult, PaperId, PaperRecord } from '../../src/types.js';

const BUSIEST = 10;
const MIN_LINKS = 5;
const SAMPLES = 2;

function clip(text: string, max: number): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}

/** The reference: every typed edge of the result counted and sampled in one pass, in the result's order. */
function busiestNodes(result: LinkResult, papers: readonly PaperRecord[]): Diagnostic[] {
  const degree = new Map<string, number>();
  for (const e of result.edges) {
    if (e.type === 'mentions') continue;
    degree.set(e.source, (degree.get(e.source) ?? 0) + 1);
    degree.set(e.target, (degree.get(e.target) ?? 0) + 1);
  }
  const top = [...degree]
    .filter(([, d]) => d >= MIN_LINKS)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, BUSIEST);
  if (top.length === 0) return [];
  const paperById = new Map(papers.map((p) => [p.id as string, p]));
  const conceptById = new Map(result.concepts.map((c) => [c.id as string, c]));
  const labelOf = (id: string) => paperById.get(id)?.label ?? conceptById.get(id)?.label ?? id;
  const wanted = new Set(top.map(([id]) => id));
  const byType = new Map<string, Map<string, number>>();
  const samples = new Map<string, string[]>();
  for (const e of result.edges) {
    if (e.type === 'mentions') continue;
    for (const [end, other] of [
      [e.source, e.target],
      [e.target, e.source],
    ] as const) {
      if (!wanted.has(end)) continue;
      const counts = byType.get(end) ?? new Map<string, number>();
      counts.set(e.type, (counts.get(e.type) ?? 0) + 1);
      byType.set(end, counts);
      const list = samples.get(end) ?? [];
      if (list.length < SAMPLES && e.evidence[0])
        list.push(
          `${e.type} ${clip(labelOf(other), 30)}: "${clip(e.evidence[0], 90)}" (${e.sources[0]?.file}:${e.sources[0]?.line})`,
        );
      samples.set(end, list);
    }
  }
  return top.map(([id, d], rank) => {
    const where = paperById.get(id)?.sources[0] ?? conceptById.get(id)?.sources[0];
    const kind = paperById.has(id) ? 'paper' : 'concept';
    const counts = [...(byType.get(id) ?? [])]
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .map(([t, n]) => `${t} ${n}`)
      .join(', ');
    return {
      rule: 'busy-node',
      severity: 'info',
      file: where?.file ?? '',
      line: where?.line ?? 1,
      column: 1,
      message: `busiest node ${rank + 1}/${BUSIEST}: "${clip(labelOf(id), 40)}" (${kind}) has ${d} links (${counts}); e.g. ${(samples.get(id) ?? []).join('; ')}`,
    };
  });
}

const byId = (a: PaperRecord, b: PaperRecord) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The result's busy-node notes, and what the plain pass makes of the rest of it. */
function both(result: LinkResult, papers: readonly PaperRecord[]): [string, string] {
  const busy = result.diagnostics.filter((d) => d.rule === 'busy-node');
  const rest = { ...result, diagnostics: result.diagnostics.filter((d) => d.rule !== 'busy-node') };
  return [JSON.stringify(busy), JSON.stringify(busiestNodes(rest, [...papers].sort(byId)))];
}

/** The generated corpus, parsed inside each test: work done in a describe body counts as "static" for Stryker,
 * which then runs every test against each mutant it reaches (and no test is credited with the coverage). */
const corpusPapers = (): PaperRecord[] =>
  parseNotes(generateCorpus({ papers: 240, files: 8, seed: 5 }).files).papers;

describe('busiest nodes', () => {
  const withText = (p: PaperRecord, text: string): PaperRecord => ({
    ...p,
    text: [...p.text, { file: p.sources[0]?.file ?? 'x.md', line: 9000 + p.text.length, text }],
  });

  it('the corpus has hubs and no note links (the result is the text links alone)', () => {
    const corpus = corpusPapers();
    expect(corpus.some((p) => p.noteLinks || p.concepts)).toBe(false);
    const result = findLinks(corpus);
    expect(result.diagnostics.filter((d) => d.rule === 'busy-node').length).toBe(BUSIEST);
  });

  it('equal the plain pass as links to the busiest nodes come, change and go', () => {
    const corpus = corpusPapers();
    const cache = createLinkCache();
    let list = [...corpus];
    const first = findLinks(list, { cache });
    const labels = first.diagnostics
      .filter((d) => d.rule === 'busy-node')
      .map((d) => /"(.*?)" \((?:paper|concept)\)/.exec(d.message)?.[1] as string)
      .slice(0, 3);
    const check = (what: string): LinkResult => {
      const warm = findLinks(list, { cache });
      const [busy, reference] = both(warm, list);
      expect(busy, what).toBe(reference);
      expect(JSON.stringify(warm), what).toBe(JSON.stringify(findLinks(list)));
      return warm;
    };
    const citing = list.filter((p) => !labels.includes(p.label)).slice(0, 3);
    for (const [k, label] of labels.entries()) {
      const p = citing[k] as PaperRecord;
      const at = () => list.findIndex((x) => x.id === p.id);
      const before = JSON.stringify(check(`${label}: before`).diagnostics);
      list = list.map((x) =>
        x.id === p.id ? withText(p, `本文优于 ${label}，且批评了 ${label} 的缺陷。`) : x,
      );
      const cited = JSON.stringify(check(`${label}: cited`).diagnostics);
      expect(cited, `${label}: the citation shows in the counts`).not.toBe(before);
      list = list.map((x, i) => (i === at() ? withText(p, `本文优于 ${label}（在七个数据集上）。`) : x));
      check(`${label}: the citation reworded`);
      list = list.map((x, i) => (i === at() ? p : x));
      expect(JSON.stringify(check(`${label}: the citation gone`).diagnostics)).toBe(before);
    }
    // The papers behind a hub's first samples removed, then back.
    const hub = list.find((p) => p.label === labels[0]) as PaperRecord;
    const near = first.edges
      .filter((e) => e.type !== 'mentions' && (e.source === hub.id || e.target === hub.id))
      .slice(0, 2)
      .map((e) => (e.source === hub.id ? e.target : e.source));
    list = list.filter((p) => !near.includes(p.id));
    check('first samples removed');
    list = [...corpus];
    check('back');
  });

  it('equal the plain pass after each of a seeded sequence of edits, warm and fresh', () => {
    const corpus = corpusPapers();
    const random = mulberry32(17);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)] as T;
    const cache = createLinkCache();
    let list = [...corpus];
    const hubs = new Set<string>();
    const edited: string[] = [];
    for (let step = 0; step < 40; step++) {
      const kind = Math.floor(random() * 6);
      const target = pick(list);
      const other = pick(list);
      const at = list.indexOf(target);
      if (kind === 0 || kind === 1 || kind === 4) edited.push(target.id);
      // Links come and go around the busiest nodes: new citations of a paper, papers removed and added.
      if (kind === 0) list[at] = withText(target, `${target.label} 基于 ${other.label}，优于 GRPO。`);
      else if (kind === 1)
        list[at] = withText(target, `本文优于 ${hubs.size ? pick([...hubs]) : other.label}。`);
      else if (kind === 2 && list.length > 100) list.splice(at, 1);
      else if (kind === 3)
        list.push(
          withText(
            {
              ...target,
              id: `arxiv:2599.${String(step).padStart(5, '0')}` as PaperId,
              label: `Gen${step}X`,
              title: `Gen${step}X: Added`,
              arxiv: undefined,
            },
            `Gen${step}X 基于 ${other.label} 与 PPO。`,
          ),
        );
      else if (kind === 4) list[at] = { ...target, authors: [...other.authors] };
      else {
        // An edited paper back as it was: its links to the busiest nodes leave again.
        const id = edited.pop();
        const original = corpus.find((p) => p.id === id);
        const was = list.findIndex((p) => p.id === id);
        if (original && was >= 0) list[was] = original;
      }
      list = [...list];
      const warm = findLinks(list, { cache });
      const [busy, reference] = both(warm, list);
      expect(busy, `step ${step} kind ${kind}`).toBe(reference);
      expect(JSON.stringify(warm), `step ${step}`).toBe(JSON.stringify(findLinks(list)));
      for (const d of JSON.parse(busy) as Diagnostic[]) {
        const label = /"(.*?)" \((?:paper|concept)\)/.exec(d.message)?.[1];
        if (label && !label.endsWith('…')) hubs.add(label);
      }
    }
    expect(hubs.size).toBeGreaterThan(3);
  });
});
