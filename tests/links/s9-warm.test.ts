// A long-lived link cache: when the name table is kept as it was, and when an edit that leaves every paper's
// claims the same must still resolve the names again (an arXiv id corrected that another entry's line names).
import { describe, expect, it } from 'vitest';
import { createLinkCache, findLinks } from '../../src/links/index.js';
import type { PaperRecord } from '../../src/types.js';
import { edgesFrom, paper } from './helpers.js';

const json = (x: unknown) => JSON.stringify(x);

describe('the name table of a warm rebuild', () => {
  it('an entry whose text changes but claims no new name keeps the table as it was', () => {
    const notes = (extra: string[]): PaperRecord[] => [
      paper('arxiv:2506.16141', {
        label: 'GRPO-CARE',
        title: 'GRPO-CARE: consistency-aware RL',
        text: ['GRPO-CARE 基于 GRPO。', ...extra],
      }),
      paper('arxiv:2507.00001', {
        label: 'Citer',
        title: 'Citer: a study',
        text: ['Citer 优于 GRPO-CARE。'],
      }),
    ];
    const cache = createLinkCache();
    findLinks(notes([]), { cache });
    const after = notes(['在数学推理上优于 PPO。']);
    const warm = findLinks(after, { cache });
    expect(cache.lastNames).toBe('kept');
    expect(json(warm)).toBe(json(findLinks(after)));
    expect(edgesFrom(warm, 'arxiv:2506.16141')).toEqual(['builds-on concept:grpo', 'compares concept:ppo']);
  });

  it('an arXiv id corrected in an entry moves the name another entry gives that id', () => {
    const notes = (arxiv: string): PaperRecord[] => [
      paper('title:snarfle', {
        label: '快速采样',
        title: '快速采样：更快的强化学习',
        arxiv,
        links: [{ label: '论文', url: `https://arxiv.org/abs/${arxiv}` }],
      }),
      paper('title:citer', {
        label: 'Citer',
        text: ['Snarfle arxiv: https://arxiv.org/abs/2501.00002', 'Citer 基于 Snarfle 构建。'],
      }),
    ];
    const cache = createLinkCache();
    // A typo in the id: the line names no paper here.
    expect(edgesFrom(findLinks(notes('2501.00020'), { cache }), 'title:citer')).toEqual([]);
    const fixed = notes('2501.00002');
    const warm = findLinks(fixed, { cache });
    expect(edgesFrom(warm, 'title:citer')).toEqual(['builds-on title:snarfle']);
    expect(json(warm)).toBe(json(findLinks(fixed)));
  });

  it('an entry moved down its file moves the note about the name it shares', () => {
    const notes = (line: number): PaperRecord[] => [
      paper('title:a', { label: 'Snarfle', title: 'Snarfle: Fast Rollouts', date: '2025-01-10' }),
      paper('title:b', {
        label: 'Snarfle',
        title: 'Snarfle: Faster Rollouts',
        date: '2025-03-02',
        sources: [{ file: 'rl.md', line }],
      }),
    ];
    const cache = createLinkCache();
    findLinks(notes(40), { cache });
    // Twelve lines written above it: only its place changed, not its claims.
    const moved = notes(52);
    const warm = findLinks(moved, { cache });
    expect(
      warm.diagnostics.filter((d) => d.rule === 'ambiguous-name').map((d) => `${d.file}:${d.line}`),
    ).toEqual(['rl.md:52']);
    expect(json(warm)).toBe(json(findLinks(moved)));
  });

  it("a concept's record follows a new line that mentions it", () => {
    const notes = (extra: string[]): PaperRecord[] => [
      paper('arxiv:2506.16141', {
        label: 'GRPO-CARE',
        title: 'GRPO-CARE: consistency-aware RL',
        text: ['GRPO-CARE 基于 GRPO。', ...extra],
      }),
    ];
    const cache = createLinkCache();
    findLinks(notes([]), { cache });
    const after = notes(['GRPO 的优势估计没有价值网络。']);
    const warm = findLinks(after, { cache });
    expect(warm.concepts.find((c) => c.id === 'concept:grpo')?.sources).toEqual([
      { file: 'notes.md', line: 10 },
      { file: 'notes.md', line: 11 },
    ]);
    expect(json(warm)).toBe(json(findLinks(after)));
  });
});
