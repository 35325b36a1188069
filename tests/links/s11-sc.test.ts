// Session 11 (helper sc): survivors of the lead's src/links draw, seed 2035.
import { describe, expect, it } from 'vitest';
import { createLinkCache, findLinks } from '../../src/links/index.js';
import { isWordCode } from '../../src/links/normalise.js';
import { edgesFrom, paper } from './helpers.js';

describe('a [[concept]] written in several notes of one file is located at each of them', () => {
  it('two papers of notes.md linking [[Reward Hacking]] give the concept both lines', () => {
    const result = findLinks([
      paper('arxiv:2402.09345', {
        label: 'ODIN',
        title: 'ODIN: Disentangled Reward Mitigates Hacking in RLHF',
        concepts: ['Reward Hacking'],
        sources: [{ file: 'notes.md', line: 3 }],
      }),
      paper('arxiv:2502.18770', {
        label: 'PAR',
        title: 'PAR: Reward Shaping to Mitigate Reward Hacking in RLHF',
        concepts: ['Reward Hacking'],
        sources: [{ file: 'notes.md', line: 9 }],
      }),
    ]);
    const concept = result.concepts.find((c) => c.label === 'Reward Hacking');
    expect(concept?.sources).toEqual([
      { file: 'notes.md', line: 3 },
      { file: 'notes.md', line: 9 },
    ]);
  });

  it('two files linking [[Reward Hacking]] at the same line give the concept both files', () => {
    const result = findLinks([
      paper('arxiv:2402.09345', {
        label: 'ODIN',
        concepts: ['Reward Hacking'],
        sources: [{ file: 'rlhf.md', line: 4 }],
      }),
      paper('arxiv:2502.18770', {
        label: 'PAR',
        concepts: ['Reward Hacking'],
        sources: [{ file: 'reward-models.md', line: 4 }],
      }),
    ]);
    const concept = result.concepts.find((c) => c.label === 'Reward Hacking');
    expect(concept?.sources).toEqual([
      { file: 'rlhf.md', line: 4 },
      { file: 'reward-models.md', line: 4 },
    ]);
  });
});

describe('Latin, Greek and Cyrillic letters and digits are word characters; their neighbours are not', () => {
  it.each([
    ['/', 0x2f, false],
    ['0', 0x30, true],
    ['9', 0x39, true],
    [':', 0x3a, false],
    ['@', 0x40, false],
    ['A', 0x41, true],
    ['Z', 0x5a, true],
    ['[', 0x5b, false],
    ['`', 0x60, false],
    ['a', 0x61, true],
    ['z', 0x7a, true],
    ['{', 0x7b, false],
    ['¿', 0xbf, false],
    ['À', 0xc0, true],
    ['×', 0xd7, false],
    ['÷', 0xf7, false],
    ['ɏ', 0x24f, true],
    ['ɐ', 0x250, false],
    ['ͯ', 0x36f, false],
    ['Ͱ', 0x370, true],
    ['Ͽ', 0x3ff, true],
    ['Ѐ', 0x400, true],
    ['ӿ', 0x4ff, true],
    ['Ԁ', 0x500, false],
    ['中', 0x4e2d, false],
  ])('%s (code %i)', (_char, code, word) => {
    expect(isWordCode(code)).toBe(word);
  });
});

describe('a paper builds on a paper its own name extends only when the text names that paper on its own', () => {
  const got = () =>
    paper('arxiv:2503.10639', {
      label: 'GoT',
      title:
        'GoT: Unleashing Reasoning Capability of Multimodal Large Language Model for Visual Generation and Editing',
      text: ['GoT: Unleashing Reasoning Capability of MLLM for Visual Generation and Editing.'],
    });
  it.each([
    [
      'its own name written with a space, twice',
      'GoT R1 用强化学习训练推理链；GoT R1 在 GenEval 上更好。',
      false,
    ],
    [
      'its own name written with a space, three times',
      'GoT R1 is trained with RL. GoT R1 beats GoT R1-zero? No: GoT R1 wins.',
      false,
    ],
    ['the base named on its own', 'GoT 和 GoT-R1 已全面开源。', true],
  ])('%s', (_what, sentence, builds) => {
    const result = findLinks([
      got(),
      paper('arxiv:2505.17022', {
        label: 'GoT-R1',
        title:
          'GoT-R1: Unleashing Reasoning Capability of MLLM for Visual Generation with Reinforcement Learning',
        text: [sentence],
      }),
    ]);
    expect(edgesFrom(result, 'arxiv:2505.17022').includes('builds-on arxiv:2503.10639')).toBe(builds);
  });
});

describe('a warm cache follows a lexicon that changes only a concept’s kind', () => {
  it('the concept takes the new kind, as a fresh build gives it', () => {
    const papers = [
      paper('arxiv:2501.12948', {
        label: 'DeepSeek-R1',
        title: 'DeepSeek-R1: Incentivizing Reasoning Capability in LLMs via Reinforcement Learning',
        text: ['DeepSeek-R1 基于 Zeta Method 训练，并优于 PPO。', 'Zeta Method 在 AIME 上也有效。'],
      }),
    ];
    const lexicon = (kind: string) => ({
      file: 'papermap.lexicon.toml',
      text: `[[concept]]\nname = "Zeta Method"\nkind = "${kind}"\n`,
    });
    const cache = createLinkCache();
    const before = findLinks(papers, { cache, userLexicon: lexicon('method') });
    expect(before.concepts.find((c) => c.label === 'Zeta Method')?.conceptKind).toBe('method');
    const after = findLinks(papers, { cache, userLexicon: lexicon('benchmark') });
    expect(after.concepts.find((c) => c.label === 'Zeta Method')?.conceptKind).toBe('benchmark');
    expect(JSON.stringify(after)).toBe(
      JSON.stringify(findLinks(papers, { userLexicon: lexicon('benchmark') })),
    );
  });
});

describe('a [rename] whose old name is written with a TOML escape', () => {
  it('is read without failing', () => {
    const papers = [
      paper('arxiv:2312.08935', {
        label: 'Math-Shepherd',
        title: 'Math-Shepherd: Verify and Reinforce LLMs Step-by-step without Human Annotations',
        text: ['Math-Shepherd 用过程奖励模型 (PRM) 训练，并优于 ORM。', 'PRM 比 ORM 更细。'],
      }),
    ];
    const userLexicon = {
      file: 'papermap.lexicon.toml',
      text: '[rename]\n"Process\\u0020Reward Model" = "PRM"\n',
    };
    expect(() => findLinks(papers, { userLexicon })).not.toThrow();
  });
});

describe('a name that is both a paper (written in its case) and a company (any case)', () => {
  // `Skywork` the paper is written so; `skywork` (Kunlun's Skywork, an organisation of the lexicon) is any case.
  it.each([
    ['这是 skywork 团队的工作。', []],
    ['We build on skywork.', []],
    ['Skywork 团队发布，基于 Skywork 训练。', ['builds-on arxiv:2310.19341']],
    ['We build on Skywork.', ['builds-on arxiv:2310.19341']],
  ])('%s', (sentence, edges) => {
    const result = findLinks([
      paper('arxiv:2310.19341', {
        label: 'Skywork',
        title: 'Skywork: A More Open Bilingual Foundation Model',
        text: ['Skywork: A More Open Bilingual Foundation Model'],
      }),
      paper('arxiv:2507.00001', {
        label: 'Foo-RL',
        title: 'Foo-RL: RL for reasoning',
        text: [sentence],
      }),
    ]);
    expect(edgesFrom(result, 'arxiv:2507.00001', true)).toEqual(edges);
  });
});

describe('a label with stray white space names its paper as the trimmed label does', () => {
  // The parser trims labels; records built by hand (or by another tool) for findLinks may not be.
  it.each(['Jan-nano', 'Jan-nano ', ' Jan-nano', 'Jan-nano\t'])('%j', (label) => {
    const result = findLinks([
      paper('arxiv:2506.22760', {
        label,
        title: 'Jan-nano Technical Report',
        text: ['Jan-nano Technical Report'],
      }),
      paper('arxiv:2507.00001', {
        label: 'Foo-RL',
        title: 'Foo-RL: RL for search agents',
        text: ['Foo-RL 基于 Jan-nano 训练，用 MCP 调用搜索。'],
      }),
    ]);
    expect(edgesFrom(result, 'arxiv:2507.00001')).toContain('builds-on arxiv:2506.22760');
  });
});

describe('a warm cache: a paper that gains a second title keeps its name, and no paper naming it is read again', () => {
  it('only the edited paper is read, and the result equals a fresh build', () => {
    const zorblat = (altTitles: string[]) =>
      paper('arxiv:2599.10000', {
        label: 'Zorblat',
        title: 'Zorblat: Sparse Rewards for Web Agents',
        altTitles,
        text: ['Zorblat: Sparse Rewards for Web Agents.'],
      });
    const rest = [
      paper('arxiv:2599.20000', {
        label: 'Quill',
        title: 'Quill: Agents that Browse',
        text: ['Quill 基于 Zorblat 训练，并优于 PPO。'],
      }),
      paper('arxiv:2599.30000', {
        label: 'Mirth',
        title: 'Mirth: Another Paper',
        text: ['Mirth 用 GRPO 训练。'],
      }),
    ];
    const cache = createLinkCache();
    findLinks([zorblat([]), ...rest], { cache });
    const papers = [zorblat(['Zorblat-Lite: a Smaller Zorblat']), ...rest];
    const warm = findLinks(papers, { cache });
    expect(cache.lastRead).toBe(1);
    expect(JSON.stringify(warm)).toBe(JSON.stringify(findLinks(papers)));
    expect(edgesFrom(warm, 'arxiv:2599.20000')).toContain('builds-on arxiv:2599.10000');
  });
});
