// Warm rebuilds of the link index after edits whose effect only the warm bookkeeping can lose (session 10):
// each warm result must equal a cold build of the same notes.
import { describe, expect, it } from 'vitest';
import { createLinkCache, findLinks } from '../../src/links/index.js';
import type { PaperRecord } from '../../src/types.js';
import { paper } from './helpers.js';

const json = (x: unknown) => JSON.stringify(x);

describe('concept records of a warm rebuild', () => {
  it('a variant respelled in the first entry that writes it takes the new spelling as its label', () => {
    const notes = (spelling: string): PaperRecord[] => [
      paper('arxiv:2507.10001', {
        label: 'FooRL',
        title: 'FooRL: a method',
        text: [`FooRL 基于 ${spelling} 构建。`],
      }),
      paper('arxiv:2507.10002', {
        label: 'BarRL',
        title: 'BarRL: another method',
        text: ['BarRL 在 GRPO-lite 的基础上加入了过程奖励。'],
      }),
    ];
    const cache = createLinkCache();
    const first = findLinks(notes('GRPO-Lite'), { cache });
    expect(first.concepts.find((c) => c.id === 'concept:grpo-lite')?.label).toBe('GRPO-Lite');
    const after = notes('GRPO-LITE');
    const warm = findLinks(after, { cache });
    expect(warm.concepts.find((c) => c.id === 'concept:grpo-lite')?.label).toBe('GRPO-LITE');
    expect(json(warm)).toBe(json(findLinks(after)));
  });
});

describe('papers added and removed in one warm rebuild', () => {
  it('an entry whose id is corrected (a title id becomes its arXiv id) leaves no trace of the old id', () => {
    const notes = (id: string): PaperRecord[] => [
      paper(id, {
        label: 'Zorblax',
        title: 'Zorblax: Fast Rollouts for RL',
        text: ['Zorblax 基于 GRPO，优于 PPO。'],
      }),
      paper('arxiv:2507.10002', {
        label: 'BarRL',
        title: 'BarRL: another method',
        text: ['BarRL 基于 Zorblax 构建。'],
      }),
    ];
    const cache = createLinkCache();
    findLinks(notes('title:zorblax'), { cache });
    const after = notes('arxiv:2507.10001');
    const warm = findLinks(after, { cache });
    expect(json(warm)).not.toContain('title:zorblax');
    expect(warm.edges.map((e) => e.key)).toContain('builds-on:arxiv:2507.10002->arxiv:2507.10001');
    expect(json(warm)).toBe(json(findLinks(after)));
  });

  it('after an id correction moves the other entries in the id order, their names still name them', () => {
    const notes = (id: string, text: string): PaperRecord[] => [
      paper(id, { label: 'Zorblax', title: 'Zorblax: Fast Rollouts for RL', text: [text] }),
      paper('arxiv:2507.10002', {
        label: 'BarRL',
        title: 'BarRL: Process Rewards for Reasoning',
        text: ['BarRL 基于 GRPO 构建。'],
      }),
    ];
    const cache = createLinkCache();
    findLinks(notes('title:zorblax', 'Zorblax 基于 GRPO。'), { cache });
    findLinks(notes('arxiv:2507.10001', 'Zorblax 基于 GRPO。'), { cache });
    expect(cache.lastNames).toBe('patched');
    const after = notes('arxiv:2507.10001', 'Zorblax 基于 GRPO，优于 BarRL。');
    const warm = findLinks(after, { cache });
    expect(warm.edges.map((e) => e.key)).toContain('compares:arxiv:2507.10001->arxiv:2507.10002');
    expect(json(warm)).toBe(json(findLinks(after)));
  });
});

describe('a name two papers come to claim one after the other', () => {
  it('is patched in for the first and makes the table resolved again for the second', () => {
    const citer = paper('arxiv:2507.10002', {
      label: 'BarRL',
      title: 'BarRL: Process Rewards for Reasoning',
      text: ['BarRL 基于 Zorblax 构建。'],
    });
    const first = paper('arxiv:2507.10001', { label: 'Zorblax', title: 'Zorblax: Fast Rollouts for RL' });
    const second = paper('arxiv:2507.10003', {
      label: 'Zorblax',
      title: 'Zorblax: Sparse Attention at Scale',
    });
    const cache = createLinkCache();
    findLinks([citer], { cache });
    findLinks([first, citer], { cache });
    expect(cache.lastNames).toBe('patched');
    const after = [first, citer, second];
    const warm = findLinks(after, { cache });
    expect(cache.lastNames).toBe('resolved');
    expect(json(warm)).toBe(json(findLinks(after)));
  });
});

describe('a name table patched after a full build', () => {
  it('a paper renamed: an entry that names it by its old name is read again and loses the link', () => {
    const notes = (name: string): PaperRecord[] => [
      paper('arxiv:2507.10001', {
        label: name,
        title: `${name}: Fast Rollouts for RL`,
        text: [`${name} 基于 GRPO。`],
      }),
      paper('arxiv:2507.10002', {
        label: 'BarRL',
        title: 'BarRL: another method',
        text: ['BarRL 基于 Zorblax 构建。'],
      }),
    ];
    const cache = createLinkCache();
    const first = findLinks(notes('Zorblax'), { cache });
    expect(first.edges.map((e) => e.key)).toContain('builds-on:arxiv:2507.10002->arxiv:2507.10001');
    const after = notes('Quuxrl');
    const warm = findLinks(after, { cache });
    expect(cache.lastNames).toBe('patched');
    expect(warm.edges.map((e) => e.key)).not.toContain('builds-on:arxiv:2507.10002->arxiv:2507.10001');
    expect(json(warm)).toBe(json(findLinks(after)));
  });
});

describe('a name table resolved again with the same concepts', () => {
  it('an entry that spells out its own acronym is read alone: the other named papers keep their reading', () => {
    const eqt = (text: string[]): PaperRecord =>
      paper('arxiv:2508.00001', {
        label: 'EQT',
        title: 'EQT: Extra Quiet Training for Low-Bit Models',
        text,
      });
    const notes = (text: string[]): PaperRecord[] => [
      eqt(text),
      paper('arxiv:2508.00002', {
        label: 'Zorblax',
        title: 'Zorblax: Fast Rollouts for RL',
        text: ['Zorblax 基于 GRPO，优于 PPO。'],
      }),
      paper('arxiv:2508.00003', {
        label: 'BarRL',
        title: 'BarRL: Process Rewards for Reasoning',
        text: ['BarRL 基于 Zorblax 构建。'],
      }),
    ];
    const cache = createLinkCache();
    findLinks(notes(['EQT keeps the loss stable.']), { cache });
    const after = notes(['Extra Quiet Training (EQT) keeps the loss stable.']);
    const warm = findLinks(after, { cache });
    expect(cache.lastNames).toBe('resolved');
    expect(cache.lastRead).toBe(1);
    expect(json(warm)).toBe(json(findLinks(after)));
  });
});

describe('a derived concept two variants are renamed to', () => {
  it('loses a base when the entry that wrote the other variant drops it, and its builders lose that base', () => {
    // Both variants go by one name in this lexicon: its bases are those of every variant written.
    const userLexicon = {
      file: 'papermap.lexicon.toml',
      text: '[rename]\n"GRPO-Lite" = "LiteRL"\n"Quuxrl-Lite" = "LiteRL"\n',
    };
    const notes = (other: string): PaperRecord[] => [
      paper('arxiv:2508.00011', {
        label: 'Zorblax',
        title: 'Zorblax: Fast Rollouts for RL',
        text: ['Zorblax 基于 GRPO-Lite 构建。'],
      }),
      paper('arxiv:2508.00012', {
        label: 'BarRL',
        title: 'BarRL: Process Rewards for Reasoning',
        text: [`BarRL 在实验中使用了 ${other}。`],
      }),
      paper('arxiv:2508.00013', {
        label: 'Quuxrl',
        title: 'Quuxrl: Stable Policy Updates',
        text: ['Quuxrl 优于 PPO。'],
      }),
    ];
    const cache = createLinkCache();
    const first = findLinks(notes('Quuxrl-Lite'), { cache, userLexicon });
    const zorblax = (r: typeof first) =>
      r.edges.filter((e) => e.source === 'arxiv:2508.00011').map((e) => e.key);
    expect(zorblax(first)).toContain('builds-on:arxiv:2508.00011->arxiv:2508.00013');
    const after = notes('Quuxrl');
    const warm = findLinks(after, { cache, userLexicon });
    expect(zorblax(warm)).not.toContain('builds-on:arxiv:2508.00011->arxiv:2508.00013');
    expect(json(warm)).toBe(json(findLinks(after, { userLexicon })));
  });
});

describe('a variant the lexicon renames to its own name in other letters', () => {
  it('has no alias that is its label again', () => {
    const userLexicon = { file: 'papermap.lexicon.toml', text: '[rename]\n"grpo-lite" = "GRPO-Lite"\n' };
    const notes = [
      paper('arxiv:2508.00021', {
        label: 'Zorblax',
        title: 'Zorblax: Fast Rollouts for RL',
        text: ['Zorblax 基于 grpo-lite 构建。'],
      }),
    ];
    const concept = findLinks(notes, { userLexicon }).concepts.find((c) => c.id === 'concept:grpo-lite');
    expect(concept?.label).toBe('GRPO-Lite');
    expect(concept?.aliases).toEqual([]);
  });
});

describe('comparing with a variant', () => {
  it('is no building on what the variant is built from', () => {
    const notes = [
      paper('arxiv:2508.00031', {
        label: 'Zorblax',
        title: 'Zorblax: Fast Rollouts for RL',
        text: ['Zorblax 优于 GRPO-Lite。'],
      }),
    ];
    const keys = findLinks(notes).edges.map((e) => e.key);
    expect(keys).toContain('compares:arxiv:2508.00031->concept:grpo-lite');
    expect(keys).not.toContain('builds-on:arxiv:2508.00031->concept:grpo');
  });
});

describe('an edge whose sentence is reworded', () => {
  it('gives the new sentence as its evidence in a warm rebuild', () => {
    const notes = (sentence: string): PaperRecord[] => [
      paper('arxiv:2508.00041', {
        label: 'Zorblax',
        title: 'Zorblax: Fast Rollouts for RL',
        text: [sentence],
      }),
    ];
    const cache = createLinkCache();
    findLinks(notes('Zorblax 基于 GRPO。'), { cache });
    const after = notes('Zorblax 基于 GRPO，训练更加稳定。');
    const warm = findLinks(after, { cache });
    expect(warm.edges.find((e) => e.key === 'builds-on:arxiv:2508.00041->concept:grpo')?.evidence).toEqual([
      'Zorblax 基于 GRPO，训练更加稳定。',
    ]);
    expect(json(warm)).toBe(json(findLinks(after)));
  });
});

describe('a mention between two papers of one group', () => {
  it('gives way to their same-group edge', () => {
    const notes = (authors: string[]): PaperRecord[] => [
      paper('arxiv:2508.00061', {
        label: 'Zorblax',
        title: 'Zorblax: Fast Rollouts for RL',
        authors: ['Ada Lovelace'],
        text: ['Zorblax 的更多细节见 BarRL 的附录。'],
      }),
      paper('arxiv:2508.00062', { label: 'BarRL', title: 'BarRL: Process Rewards for Reasoning', authors }),
    ];
    const mention = 'mentions:arxiv:2508.00061->arxiv:2508.00062';
    expect(findLinks(notes(['Charles Babbage'])).edges.map((e) => e.key)).toContain(mention);
    const keys = findLinks(notes(['Ada Lovelace'])).edges.map((e) => e.key);
    expect(keys).toContain('same-group:arxiv:2508.00061--arxiv:2508.00062');
    expect(keys).not.toContain(mention);
  });
});

describe('the confidence of a same-group edge', () => {
  it('is lower for a shared lab than for a shared author', () => {
    const lab = findLinks([
      paper('title:a', { text: ['上海AI Lab突破强化学习短板。'] }),
      paper('title:b', { text: ['上海人工智能实验室提出新方法。'] }),
    ]).edges.filter((e) => e.type === 'same-group');
    const author = findLinks([
      paper('title:a', { authors: ['Ada Lovelace'] }),
      paper('title:b', { authors: ['Ada Lovelace'] }),
    ]).edges.filter((e) => e.type === 'same-group');
    expect(lab.map((e) => [e.via, e.confidence])).toEqual([['Shanghai AI Lab', 0.6]]);
    expect(author.map((e) => [e.via, e.confidence])).toEqual([['Ada Lovelace', 0.9]]);
  });
});
