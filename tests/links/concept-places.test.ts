// A concept's places: every line of the notes that mentions it, in file then line order, each once.
import { describe, expect, it } from 'vitest';
import { findLinks } from '../../src/links/index.js';
import { paper } from './helpers.js';

describe("a concept's places", () => {
  it('keeps each mentioning line once, ordered by file and line', () => {
    const result = findLinks([
      paper('title:foo', {
        label: 'FooRL',
        title: 'FooRL: a method',
        // lines 10, 11, 12 of notes.md; line 11 names GRPO twice
        text: ['FooRL 基于 GRPO。', 'GRPO 很快。相比 PPO，GRPO 不需要价值网络。', '我们对比了 PPO。'],
      }),
      {
        ...paper('title:bar', { label: 'BarRL', title: 'BarRL: another', text: ['BarRL 优于 GRPO。'] }),
        text: [{ file: 'a-first.md', line: 40, text: 'BarRL 优于 GRPO。' }],
      },
    ]);
    const grpo = result.concepts.find((c) => c.id === 'concept:grpo');
    expect(grpo?.sources).toEqual([
      { file: 'a-first.md', line: 40 },
      { file: 'notes.md', line: 10 },
      { file: 'notes.md', line: 11 },
    ]);
    const ppo = result.concepts.find((c) => c.id === 'concept:ppo');
    expect(ppo?.sources).toEqual([
      { file: 'notes.md', line: 11 },
      { file: 'notes.md', line: 12 },
    ]);
  });
});

describe('a line two papers share', () => {
  it('is one place of the concept it names', () => {
    // One note line lists both works (`GRPO-CARE 和 Critique-GRPO 都基于 GRPO。`): the text of each.
    const shared = { file: 'rl.md', line: 10, text: 'GRPO-CARE 和 Critique-GRPO 都基于 GRPO。' };
    const result = findLinks([
      {
        ...paper('arxiv:2506.16141', { label: 'GRPO-CARE', title: 'GRPO-CARE: consistency-aware RL' }),
        text: [shared, { file: 'rl.md', line: 20, text: 'GRPO-CARE 优于 GRPO。' }],
      },
      {
        ...paper('arxiv:2506.03106', {
          label: 'Critique-GRPO',
          title: 'Critique-GRPO: natural language feedback',
        }),
        text: [shared],
      },
    ]);
    expect(result.concepts.find((c) => c.id === 'concept:grpo')?.sources).toEqual([
      { file: 'rl.md', line: 10 },
      { file: 'rl.md', line: 20 },
    ]);
  });
});
