// Warm rebuilds of the link index where only a file name, an alias or a paper's place in the id order changes:
// each must equal a cold build of the same notes.
import { describe, expect, it } from 'vitest';
import { createLinkCache, findLinks } from '../../src/links/index.js';
import type { PaperRecord } from '../../src/types.js';
import { edgesFrom, paper } from './helpers.js';

const json = (x: unknown) => JSON.stringify(x);

/** `record` with its text lines in `file` (same line numbers). */
const inFile = (record: PaperRecord, file: string): PaperRecord => ({
  ...record,
  sources: [{ file, line: 1 }],
  text: record.text.map((span) => ({ ...span, file })),
});

describe('concept records', () => {
  it('a concept named on the same line of two files keeps both places', () => {
    const notes = [
      inFile(paper('arxiv:2506.16141', { label: 'GRPO-CARE', text: ['GRPO-CARE 基于 GRPO。'] }), 'math.md'),
      inFile(paper('arxiv:2507.00001', { label: 'Citer', text: ['Citer 优于 GRPO。'] }), 'code.md'),
    ];
    const grpo = findLinks(notes).concepts.find((c) => c.id === 'concept:grpo');
    expect(grpo?.sources).toEqual([
      { file: 'code.md', line: 10 },
      { file: 'math.md', line: 10 },
    ]);
  });

  it("a lexicon concept's aliases are listed in order", () => {
    const notes = [paper('arxiv:2507.00002', { label: 'Solver', text: ['Solver 在 AIME 上优于 GRPO。'] })];
    const aime = findLinks(notes).concepts.find((c) => c.label === 'AIME');
    expect(aime?.aliases).toEqual(['AIME 2024', 'AIME 2025', 'AIME24', 'AIME25']);
  });

  it('a long form redefined for an acronym is the alias a warm rebuild gives', () => {
    const notes = (longForm: string): PaperRecord[] => [
      paper('title:alpha', { label: 'Alpha', text: [`Alpha 采用了 ${longForm}（QWR）来加速。`] }),
      paper('title:beta', { label: 'Beta', text: ['Beta 也使用 QWR 加速采样。'] }),
    ];
    const cache = createLinkCache();
    const first = findLinks(notes('Quantized Widget Rollout'), { cache });
    expect(first.concepts.find((c) => c.label === 'QWR')?.aliases).toEqual(['Quantized Widget Rollout']);
    const after = notes('Quick Widget Rollout');
    const warm = findLinks(after, { cache });
    expect(warm.concepts.find((c) => c.label === 'QWR')?.aliases).toEqual(['Quick Widget Rollout']);
    expect(json(warm)).toBe(json(findLinks(after)));
  });
});

describe('edge records', () => {
  it('an entry moved to another file at the same line moves its edges there', () => {
    const citer = paper('arxiv:2507.00001', { label: 'Citer', text: ['Citer 基于 GRPO-CARE。'] });
    const notes = (file: string): PaperRecord[] => [
      paper('arxiv:2506.16141', { label: 'GRPO-CARE', title: 'GRPO-CARE: consistency-aware RL' }),
      inFile(citer, file),
    ];
    const cache = createLinkCache();
    findLinks(notes('rl.md'), { cache });
    const moved = notes('reasoning.md');
    const warm = findLinks(moved, { cache });
    const sources = warm.edges.find((e) => e.key === 'builds-on:arxiv:2507.00001->arxiv:2506.16141')?.sources;
    expect(sources).toEqual([{ file: 'reasoning.md', line: 10 }]);
    expect(json(warm)).toBe(json(findLinks(moved)));
  });
});

describe('a paper added with a name of its own', () => {
  it("keeps the other papers' own names: one read again later still builds on what its name is built from", () => {
    const care = (extra: string[]): PaperRecord =>
      paper('arxiv:2506.16141', {
        label: 'GRPO-CARE',
        title: 'GRPO-CARE: consistency-aware RL',
        text: ['GRPO-CARE 在数学推理上效果更好。', ...extra],
      });
    const zorblax = paper('arxiv:2508.00003', { label: 'Zorblax', title: 'Zorblax: fast rollouts' });
    const cache = createLinkCache();
    findLinks([care([])], { cache });
    findLinks([care([]), zorblax], { cache });
    expect(cache.lastNames).toBe('patched');
    const edited = [care(['训练更加稳定。']), zorblax];
    const warm = findLinks(edited, { cache });
    expect(cache.lastNames).toBe('kept');
    expect(edgesFrom(warm, 'arxiv:2506.16141')).toEqual(['builds-on concept:grpo']);
    expect(json(warm)).toBe(json(findLinks(edited)));
  });
});
