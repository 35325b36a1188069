// Rebuilds with a cache give exactly what a fresh build gives, and re-read only what changed.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createLinkCache, findLinks } from '../../src/links/index.js';
import { parseNotes } from '../../src/parse/index.js';
import type { PaperRecord } from '../../src/types.js';

const seedPath = fileURLToPath(new URL('../../content/reinforcement-learning.md', import.meta.url));
const papers = parseNotes([
  { path: 'reinforcement-learning.md', text: readFileSync(seedPath, 'utf8') },
]).papers;
const json = (x: unknown) => JSON.stringify(x);

function edit(
  list: readonly PaperRecord[],
  id: string,
  change: (p: PaperRecord) => PaperRecord,
): PaperRecord[] {
  return list.map((p) => (p.id === id ? change(p) : p));
}

describe('LinkCache', () => {
  it('a warm rebuild equals a fresh build and reads nothing again', () => {
    const cache = createLinkCache();
    const first = findLinks(papers, { cache });
    expect(json(first)).toBe(json(findLinks(papers)));
    expect(cache.lastRead).toBe(papers.length);
    const again = findLinks(papers, { cache });
    expect(json(again)).toBe(json(first));
    expect(cache.lastRead).toBe(0);
  });

  it('the name matcher is reused while the names are the same, and rebuilt when one changes', () => {
    const cache = createLinkCache();
    findLinks(papers, { cache });
    const matcher = cache.matcher;
    expect(matcher).not.toBeNull();
    // A reworded summary keeps every name: the same matcher.
    const target = papers.find((p) => p.label === 'CoVo') as PaperRecord;
    const reworded = edit(papers, target.id, (p) => ({
      ...p,
      text: [...p.text, { file: p.text[0]?.file ?? 'x.md', line: 998, text: 'CoVo 优于 PPO。' }],
    }));
    expect(json(findLinks(reworded, { cache }))).toBe(json(findLinks(reworded)));
    expect(cache.matcher).toBe(matcher);
    // A new name: a new matcher, which finds it in a paper that was not edited.
    const renamed = edit(reworded, target.id, (p) => ({
      ...p,
      label: 'Quuxify',
      title: 'Quuxify: A New Name',
    }));
    const citing = renamed.map((p, i) =>
      i === 0 ? { ...p, text: [...p.text, { file: 'x.md', line: 997, text: '我们优于 Quuxify。' }] } : p,
    );
    const warm = findLinks(citing, { cache });
    expect(cache.matcher).not.toBe(matcher);
    expect(json(warm)).toBe(json(findLinks(citing)));
    expect(warm.edges.some((e) => e.target === target.id && e.via === 'Quuxify')).toBe(true);
  });

  it('an edited paper is read again, the rest replayed, and the result equals a fresh build', () => {
    const cache = createLinkCache();
    findLinks(papers, { cache });
    const target = papers.find((p) => p.label === 'CoVo') as PaperRecord;
    const edited = edit(papers, target.id, (p) => ({
      ...p,
      text: [...p.text, { file: p.text[0]?.file ?? 'x.md', line: 999, text: 'CoVo 基于 PPO，并优于 GRPO。' }],
    }));
    const warm = findLinks(edited, { cache });
    expect(cache.lastRead).toBe(1);
    expect(json(warm)).toBe(json(findLinks(edited)));
    expect(warm.edges.some((e) => e.key === `builds-on:${target.id}->concept:ppo`)).toBe(true);
  });

  it('a paper named elsewhere removed: only the papers whose text names it are read again', () => {
    const cache = createLinkCache();
    const before = findLinks(papers, { cache });
    const target = papers.find((p) => p.label === 'GoT') as PaperRecord;
    const citing = new Set(
      before.edges.filter((e) => e.target === target.id && e.type !== 'same-group').map((e) => e.source),
    );
    expect(citing.size).toBeGreaterThan(0);
    const rest = papers.filter((p) => p !== target);
    const warm = findLinks(rest, { cache });
    expect(json(warm)).toBe(json(findLinks(rest)));
    expect(cache.lastRead).toBeGreaterThanOrEqual(citing.size);
    expect(cache.lastRead).toBeLessThan(rest.length / 4);
    expect(warm.edges.some((e) => e.target === target.id)).toBe(false);
  });

  it('a new label no other paper uses is read alone; equal to a fresh build', () => {
    const cache = createLinkCache();
    findLinks(papers, { cache });
    const target = papers.find((p) => p.label === 'CoVo') as PaperRecord;
    const renamed = edit(papers, target.id, (p) => ({ ...p, label: 'CoVo2' }));
    const warm = findLinks(renamed, { cache });
    expect(cache.lastRead).toBe(1);
    expect(json(warm)).toBe(json(findLinks(renamed)));
  });

  it('a change to the lexicon reads everything again', () => {
    const cache = createLinkCache();
    findLinks(papers, { cache });
    const userLexicon = {
      file: 'papermap.lexicon.toml',
      text: '[[concept]]\nname = "Zeta Method"\nkind = "method"\n',
    };
    const warm = findLinks(papers, { cache, userLexicon });
    expect(cache.lastRead).toBe(papers.length);
    expect(json(warm)).toBe(json(findLinks(papers, { userLexicon })));
  });

  it('removing and adding papers stays equal to a fresh build', () => {
    const cache = createLinkCache();
    findLinks(papers, { cache });
    const fewer = papers.filter((p) => p.label !== 'GRPO-CARE');
    expect(json(findLinks(fewer, { cache }))).toBe(json(findLinks(fewer)));
    expect(json(findLinks(papers, { cache }))).toBe(json(findLinks(papers)));
  });
});
